package dev.schemac.processor.targets.mysqlfamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The types {@code CAST(x AS type)} and {@code CONVERT(x, type)} take on MariaDB and MySQL, which
 * are not their column types: MariaDB refuses {@code CAST(x AS REAL)}, {@code AS BIGINT}, {@code AS
 * TEXT}, {@code AS TIMESTAMP}, {@code AS BOOLEAN}... with a syntax error, so a {@code @Check},
 * {@code @Default}, generated column or index expression written for the target with one of them
 * would compile and then fail when the file runs. Read here from SQL written for the target itself
 * (SQL written for another target goes through {@link PortableSql}, which refuses CAST altogether).
 *
 * <p>MariaDB's list was measured on 11.4.5 and 10.11.5 ({@code CastTypesTest} tries every
 * spelling this class judges on both); MySQL's is read from the MySQL 8.4 manual (Cast Functions),
 * not run.
 */
final class CastTypes {
  /** MariaDB's CAST types: the first word, and whether it takes a parenthesized size. */
  private static final Map<String, Size> MARIADB = Map.ofEntries(Map.entry("binary", Size.OPTIONAL),
      Map.entry("char", Size.OPTIONAL), Map.entry("nchar", Size.OPTIONAL), Map.entry("varchar", Size.REQUIRED),
      Map.entry("date", Size.NONE), Map.entry("datetime", Size.OPTIONAL), Map.entry("time", Size.OPTIONAL),
      Map.entry("decimal", Size.OPTIONAL), Map.entry("double", Size.TWO), Map.entry("float", Size.NONE),
      Map.entry("int", Size.NONE), Map.entry("integer", Size.NONE), Map.entry("signed", Size.NONE),
      Map.entry("unsigned", Size.NONE), Map.entry("inet4", Size.NONE), Map.entry("inet6", Size.NONE),
      Map.entry("uuid", Size.NONE));

  /** MySQL 8.4's, from its manual. */
  private static final Map<String, Size> MYSQL = Map.ofEntries(Map.entry("binary", Size.OPTIONAL),
      Map.entry("char", Size.OPTIONAL), Map.entry("nchar", Size.OPTIONAL), Map.entry("date", Size.NONE),
      Map.entry("datetime", Size.OPTIONAL), Map.entry("time", Size.OPTIONAL), Map.entry("decimal", Size.OPTIONAL),
      Map.entry("double", Size.NONE), Map.entry("float", Size.OPTIONAL), Map.entry("real", Size.NONE),
      Map.entry("json", Size.NONE), Map.entry("signed", Size.NONE), Map.entry("unsigned", Size.NONE),
      Map.entry("year", Size.NONE), Map.entry("point", Size.NONE), Map.entry("linestring", Size.NONE),
      Map.entry("polygon", Size.NONE), Map.entry("multipoint", Size.NONE), Map.entry("multilinestring", Size.NONE),
      Map.entry("multipolygon", Size.NONE), Map.entry("geometrycollection", Size.NONE));

  /** Words that may follow SIGNED and UNSIGNED. */
  private static final Set<String> INTEGER_WORDS = Set.of("int", "integer");

  private enum Size { NONE, OPTIONAL, REQUIRED, TWO }

  private CastTypes() {}

  /** Why the engine refuses a CAST, and the fix. */
  record Refusal(String why, String fix) {}

  /** What is wrong with the first CAST or CONVERT type of {@code sql} for {@code engine}; null when nothing. */
  static Refusal problem(String sql, Engine engine) {
    List<String> tokens = tokens(sql);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String word = tokens.get(i).toLowerCase(Locale.ROOT);
      if (!tokens.get(i + 1).equals("(") || !(word.equals("cast") || word.equals("convert"))) {
        continue;
      }
      int depth = 0;
      for (int j = i + 1; j < tokens.size(); j++) {
        String t = tokens.get(j);
        if (t.equals("(")) {
          depth++;
        } else if (t.equals(")")) {
          if (--depth == 0) {
            break;
          }
        } else if (depth == 1 && (word.equals("cast") ? t.equalsIgnoreCase("as") : t.equals(","))) {
          Refusal why = type(tokens, j + 1, engine);
          if (why != null) {
            return why;
          }
          break;
        }
      }
    }
    return null;
  }

  /** The type at {@code tokens[at]}: null when {@code engine} takes it, else the reason and the fix. */
  private static Refusal type(List<String> tokens, int at, Engine engine) {
    if (at >= tokens.size()) {
      return null;
    }
    String first = tokens.get(at).toLowerCase(Locale.ROOT);
    if (first.equals("using") || !first.matches("[a-z_][a-z0-9_]*")) {
      return null; // CONVERT(x USING charset), or something this reading does not follow: the engine decides
    }
    Map<String, Size> types = engine.ifExists() ? MARIADB : MYSQL;
    String next = at + 1 < tokens.size() ? tokens.get(at + 1).toLowerCase(Locale.ROOT) : ")";
    int arguments = next.equals("(") ? arguments(tokens, at + 1) : 0;
    Size size = types.get(first);
    boolean ok = size != null && switch (size) {
      case NONE -> arguments == 0;
      case OPTIONAL -> true;
      case REQUIRED -> arguments > 0;
      case TWO -> arguments == 0 || arguments == 2;
    };
    if (ok && (first.equals("double") && next.equals("precision")
        || (first.equals("signed") || first.equals("unsigned")) && !next.equals(")") && !INTEGER_WORDS.contains(next))) {
      ok = false;
    }
    if (ok) {
      return null;
    }
    String spelled = first.toUpperCase(Locale.ROOT) + (first.equals("double") && next.equals("precision") ? " PRECISION"
        : arguments > 0 ? "(...)" : "");
    String takes = engine.ifExists() ? "BINARY, CHAR, NCHAR, VARCHAR(n), DATE, DATETIME, TIME, DECIMAL, DOUBLE, FLOAT,"
        + " INTEGER, SIGNED, UNSIGNED, INET4, INET6 and UUID" : "BINARY, CHAR, NCHAR, DATE, DATETIME, TIME, DECIMAL,"
        + " DOUBLE, FLOAT, REAL, JSON, SIGNED, UNSIGNED, YEAR and the spatial types";
    String to = fixFor(first);
    return new Refusal(engine.displayName() + "'s CAST has no type " + spelled + " (it takes " + takes + ", not its"
        + " column types), and the file would fail on it", to == null ? "a CAST to one of " + takes
        : "CAST(... AS " + to + ")");
  }

  private static String fixFor(String type) {
    String to = switch (type) {
      case "real", "float4", "float8", "double" -> "DOUBLE";
      case "float" -> "FLOAT";
      case "numeric", "dec", "fixed" -> "DECIMAL(p,s)";
      case "bigint", "smallint", "tinyint", "mediumint", "int", "integer", "int2", "int4", "int8", "bool", "boolean"
          -> "SIGNED";
      case "text", "varchar", "tinytext", "mediumtext", "longtext", "character", "json", "jsonb" -> "CHAR";
      case "timestamp", "timestamptz" -> "DATETIME(6)";
      case "year" -> "SIGNED";
      default -> null;
    };
    return to;
  }

  /** How many comma-separated arguments the parentheses at {@code tokens[open]} hold. */
  private static int arguments(List<String> tokens, int open) {
    int depth = 0;
    int count = 1;
    for (int j = open; j < tokens.size(); j++) {
      String t = tokens.get(j);
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        if (--depth == 0) {
          return count;
        }
      } else if (t.equals(",") && depth == 1) {
        count++;
      }
    }
    return count;
  }

  /** Words, single characters, and strings and quoted names as one token each; no whitespace. */
  private static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        i++;
        while (i < sql.length()) {
          if (sql.charAt(i) == '\\' && c != '`') {
            i += 2;
            continue;
          }
          if (sql.charAt(i) == c) {
            if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          i++;
        }
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
      } else {
        i++;
      }
      out.add(sql.substring(start, Math.min(i, sql.length())));
    }
    return out;
  }
}
