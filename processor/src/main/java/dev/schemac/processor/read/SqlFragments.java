package dev.schemac.processor.read;

/**
 * The SQL a user writes inside annotations (CHECK, DEFAULT, index expressions and predicates),
 * checked to be one expression, so that it cannot end the statement and start another.
 */
final class SqlFragments {
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

}
