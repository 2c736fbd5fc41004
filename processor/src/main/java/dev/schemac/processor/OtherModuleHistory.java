package dev.schemac.processor;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Another module's version history at this module's class-path folder: a {@code
 * <location>/snapshots/v1.json} on the class path whose tables' source types are none of this
 * compilation's. Two histories in one Flyway location make Flyway fail on their duplicate
 * versions (both have a {@code V1__}), so a versioned build that finds one stops with an error
 * that says how to give this module a location of its own (docs/migrations.md, Multi-module
 * projects). This module's own copy (an earlier build's {@code target/classes/db}, which Maven
 * also puts on the class path) names this compilation's records, and is left alone.
 */
final class OtherModuleHistory {
  private static final Pattern SOURCE = Pattern.compile("\"source\"\\s*:\\s*\"([^\"]+)\"");

  private OtherModuleHistory() {}

  /** Where the other module's first snapshot is, and one of its records; null when there is none. */
  static List<String> find(Filer filer, String location, Collection<String> ownTypes) {
    String text;
    String where;
    try {
      FileObject snapshot = filer.getResource(StandardLocation.CLASS_PATH, "", location + "/snapshots/v1.json");
      text = snapshot.getCharContent(true).toString();
      where = snapshot.toUri().toString();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
      return null; // none on the class path (or a file manager that cannot say)
    }
    Matcher source = SOURCE.matcher(text);
    String first = null;
    while (source.find()) {
      if (ownTypes.contains(source.group(1))) {
        return null;
      }
      first = first == null ? source.group(1) : first;
    }
    return first == null ? null : List.of(where, first);
  }
}
