package dev.schemac.processor.read;

/**
 * The SQL a user writes inside annotations (CHECK, DEFAULT, index expressions and predicates),
 * checked to be one expression, so that it cannot end the statement and start another.
 *
 * <p>The scan must read literals exactly as PostgreSQL's lexer does, or a {@code ;} could hide
 * inside what the scan takes for a string. So only standard string literals ({@code '...'},
 * quotes doubled; backslashes are ordinary characters with standard_conforming_strings, on by
 * default since PostgreSQL 9.1) and quoted identifiers are accepted; escape strings ({@code
 * E'...'}), dollar quoting and any other {@code $} are refused, as they need no place in a
 * column expression.
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
      if (c == '\'' && i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
          && (i == 1 || !isIdentifierPart(sql.charAt(i - 2)))) {
        return "contains an escape string literal (E'...'): write a standard string literal '...'";
      }
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
      } else if (c == '$') {
        return "contains '$' (dollar quoting or a parameter): use a standard string literal '...'";
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

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
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
