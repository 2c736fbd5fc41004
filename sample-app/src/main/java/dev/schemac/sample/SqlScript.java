package dev.schemac.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a generated SQL script into statements, the way Flyway does before it runs them:
 * semicolons inside quotes, dollar quotes and comments do not count. Needed to run the undo
 * scripts over JDBC, because CREATE/DROP INDEX CONCURRENTLY refuses a multi-statement batch.
 */
final class SqlScript {
  private SqlScript() {}

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
        current.append('\n');
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        current.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < n && !(script.charAt(end) == c && (end + 1 >= n || script.charAt(end + 1) != c))) {
          end += script.charAt(end) == c ? 2 : 1;
        }
        current.append(script, i, Math.min(end + 1, n));
        i = end + 1;
      } else if (c == '$') {
        int close = script.indexOf('$', i + 1);
        String tag = close < 0 ? null : script.substring(i, close + 1);
        if (tag != null && tag.matches("\\$[A-Za-z_0-9]*\\$")) {
          int end = script.indexOf(tag, close + 1);
          int stop = end < 0 ? n : end + tag.length();
          current.append(script, i, stop);
          i = stop;
        } else {
          current.append(c);
          i++;
        }
      } else if (c == ';') {
        add(out, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      out.add(statement);
    }
    current.setLength(0);
  }
}
