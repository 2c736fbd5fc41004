package dev.schemac.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL a user writes inside annotations (CHECK, DEFAULT, index expressions and predicates):
 * checked to be one expression, so it cannot end the statement and start another, and scanned
 * for the column names it mentions.
 */
final class SqlFragments {
  private static final Set<String> WORDS =
      Set.of(
          "and", "or", "not", "is", "null", "true", "false", "in", "like", "ilike", "similar",
          "to", "between", "symmetric", "case", "when", "then", "else", "end", "distinct", "from",
          "any", "all", "some", "array", "exists", "current_date", "current_time",
          "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
          "user", "collate", "at", "time", "zone", "with", "without", "interval", "asc", "desc",
          "nulls", "first", "last", "escape", "cast", "as", "unknown", "isnull", "notnull",
          "overlaps", "precision", "varying", "default", "leading", "trailing", "both", "for",
          "position", "substring", "extract", "year", "month", "day", "hour", "minute", "second",
          "row", "values");

  private SqlFragments() {}

  /** Null when {@code sql} is one well-formed expression, else what is wrong with it. */
  static String problem(String sql) {
    if (sql.isBlank()) {
      return "is empty";
    }
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int close = closingQuote(sql, i);
        if (close < 0) {
          return "has an unterminated " + (c == '\'' ? "string literal" : "quoted identifier");
        }
        i = close;
      } else if (c == ';') {
        return "contains ';': write one expression, not statements";
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        return "contains an SQL comment ('--')";
      } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        return "contains an SQL comment ('/*')";
      } else if (c == '$' && i + 1 < sql.length() && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
        return "contains dollar quoting ('$'): use a standard string literal";
      } else if (c == '\\') {
        return "contains a backslash outside a string literal";
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        if (--depth < 0) {
          return "has an unmatched '" + c + "'";
        }
      }
    }
    return depth == 0 ? null : "has an unclosed '('";
  }

  private static int closingQuote(String sql, int open) {
    char q = sql.charAt(open);
    for (int i = open + 1; i < sql.length(); i++) {
      if (sql.charAt(i) == q) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
          i++; // doubled quote inside the literal
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The column names an expression mentions: bare identifiers (folded to lowercase, as
   * PostgreSQL does) and quoted ones, leaving out keywords, function names, type names after
   * {@code ::} or {@code AS}, and the type word of a typed literal such as {@code interval '1 day'}.
   */
  static List<String> columnReferences(String sql) {
    Set<String> out = new LinkedHashSet<>();
    List<String> tokens = tokens(sql);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      String prev = i > 0 ? tokens.get(i - 1) : "";
      if (t.startsWith("\"")) {
        out.add(t.substring(1, t.length() - 1).replace("\"\"", "\""));
        continue;
      }
      if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
        continue;
      }
      String word = t.toLowerCase(Locale.ROOT);
      boolean typePosition = prev.equals("::") || prev.equalsIgnoreCase("as");
      if (WORDS.contains(word) || next.equals("(") || next.startsWith("'") || typePosition || prev.equals(".")) {
        continue;
      }
      out.add(word);
    }
    return new ArrayList<>(out);
  }

  private static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int close = closingQuote(sql, i);
        int end = close < 0 ? sql.length() : close + 1;
        tokens.add(sql.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
          j++;
        }
        tokens.add(sql.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          j++;
        }
        tokens.add(sql.substring(i, j));
        i = j;
      } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        tokens.add("::");
        i += 2;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }
}
