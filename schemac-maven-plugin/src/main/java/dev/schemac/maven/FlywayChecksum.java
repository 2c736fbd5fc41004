package dev.schemac.maven;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration: a CRC32 over the script's lines as UTF-8, line
 * terminators left out, a byte-order mark dropped. Comparing it with the history row tells
 * whether the database ran the committed file. {@code FlywayHistoryTest} checks it against the
 * values Flyway itself writes.
 */
final class FlywayChecksum {
  private FlywayChecksum() {}

  static int of(String script) {
    CRC32 crc = new CRC32();
    String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      crc.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
      if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
    return (int) crc.getValue();
  }
}
