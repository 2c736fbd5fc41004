package dev.schemac.processor.targets.mysqlfamily;

import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB or MySQL script cut into statements as the mariadb client cuts it: at each {@code ;}
 * outside quotes ('...' with '' and backslash escapes, "...", `...`) and comments ({@code -- } to
 * the end of the line, {@code /* ... *}{@code /}); comments are left out. This family's files run
 * statement by statement (each DDL statement commits on its own), so whoever runs them — the tests,
 * schemac-maven-plugin's undo and drift — cuts them here, the same way.
 */
public final class MySqlFamilyScripts {
  private MySqlFamilyScripts() {}

  public static List<String> split(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("-- ", i) || c == '#') {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && script.startsWith("/*", i)) {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? script.length() : end + 2;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        current.append(c);
        i++;
        while (i < script.length()) {
          char d = script.charAt(i);
          current.append(d);
          i++;
          if (d == '\\' && c != '`' && i < script.length()) {
            current.append(script.charAt(i));
            i++;
          } else if (d == c) {
            if (i < script.length() && script.charAt(i) == c) {
              current.append(c);
              i++;
            } else {
              break;
            }
          }
        }
        continue;
      }
      if (c == ';') {
        add(out, current);
        i++;
        continue;
      }
      current.append(c);
      i++;
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
