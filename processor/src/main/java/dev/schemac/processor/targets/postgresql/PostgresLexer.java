package dev.schemac.processor.targets.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's lexer ({@code src/backend/parser/scan.l}, PostgreSQL 17) for the SQL a user writes
 * inside an annotation: the same tokens the server sees, so that a check on them cannot be
 * fooled by a literal the server reads differently ({@code U&'\0041'} is one string, not {@code
 * U & '\0041'}; {@code !=-} is one operator; an operator ends before {@code --} or {@code /*}).
 * Strings and quoted identifiers are read with standard_conforming_strings on, the default since
 * PostgreSQL 9.1; escape strings ({@code E'...'}) with their backslash escapes.
 *
 * <p>A lexical error (an unterminated literal, a zero-length quoted identifier, junk after a
 * number) is a {@link Token.Kind#ERROR} token: PostgreSQL refuses the same input.
 */
public final class PostgresLexer {
  /** What a token is. */
  public record Token(Kind kind, String text, int start, int end, String value) {
    /** The kinds of token. */
    public enum Kind {
      /** An unquoted name or key word; {@code value} is its lowercase form. */
      IDENT,
      /** A quoted identifier ({@code "x"}, {@code U&"x"}); {@code value} is the name. */
      QUOTED_IDENT,
      /** An integer. */
      INTEGER,
      /** A number with a point or an exponent. */
      DECIMAL,
      /** A string constant of any form; {@code value} is its text where known ({@code null} for U&amp;). */
      STRING,
      /** A bit-string constant ({@code B'...'}, {@code X'...'}). */
      BIT_STRING,
      /** A parameter ({@code $1}). */
      PARAM,
      /** An operator: {@code value} is it, with {@code !=} as {@code <>}. */
      OPERATOR,
      /** One of {@code , ( ) [ ] . ; :}. */
      PUNCT,
      /** {@code ::} */
      TYPECAST,
      /** {@code ..}, {@code :=}, {@code =>}: tokens of their own in the grammar. */
      SPECIAL,
      /** What the lexer refuses; {@code value} says why. */
      ERROR,
      /** The end of the text. */
      END
    }

    public boolean is(Kind k, String v) {
      return kind == k && v.equals(value);
    }

    /** A key word or name, by its lowercase form. */
    public boolean isWord(String word) {
      return kind == Kind.IDENT && word.equals(value);
    }
  }

  /** Characters that make up operators. */
  private static final String OP_CHARS = "~!@#^&|`?+-*/%<>=";
  /** Characters that are tokens by themselves. */
  private static final String SELF = ",()[].;:+-*/%^<>=";
  /** An operator containing one of these may end in + or -. */
  private static final String NON_MATH = "~!@#^&|`?%";

  private final String sql;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();

  private PostgresLexer(String sql) {
    this.sql = sql;
  }

  /** The tokens of {@code sql}, white space and comments left out, ending with {@link Token.Kind#END}; an ERROR token ends the list early. */
  public static List<Token> tokens(String sql) {
    PostgresLexer lexer = new PostgresLexer(sql);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  /**
   * {@code sql} with every standard string literal that holds a backslash written as an escape
   * string ({@code 'a\b'} as {@code E'a\\b'}): the same value where standard_conforming_strings is
   * on, and the same tokens where it is off, so that no client or server setting can read the
   * literal as ending elsewhere. Text that does not lex is returned as it is.
   */
  public static String withPortableStrings(String sql) {
    List<Token> tokens = tokens(sql);
    if (tokens.get(tokens.size() - 1).kind() != Token.Kind.END || sql.indexOf('\\') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.STRING && t.text().startsWith("'") && t.value() != null
          && t.value().indexOf('\\') >= 0) {
        out.append(sql, copied, t.start());
        out.append("E'").append(t.value().replace("\\", "\\\\").replace("'", "''")).append('\'');
        copied = t.end();
      }
    }
    return out.append(sql.substring(copied)).toString();
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Token.Kind.ERROR) {
        return;
      }
      if (pos >= sql.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos, pos, ""));
        return;
      }
      Token t = next();
      tokens.add(t);
      if (t.kind() == Token.Kind.ERROR) {
        return;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (isSpace(c)) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
          pos++;
        }
      } else if (sql.startsWith("/*", pos)) {
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
          if (sql.startsWith("/*", pos)) {
            depth++;
            pos += 2;
          } else if (sql.startsWith("*/", pos)) {
            depth--;
            pos += 2;
            if (depth == 0) {
              break;
            }
          } else {
            pos++;
          }
        }
        if (depth > 0) {
          tokens.add(error(start, "unterminated /* comment"));
          return;
        }
      } else {
        return;
      }
    }
  }

  private Token error(int start, String why) {
    return new Token(Token.Kind.ERROR, sql.substring(start, Math.min(sql.length(), Math.max(pos, start + 1))), start,
        pos, why);
  }

  private static boolean identStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
  }

  private static boolean identCont(char c) {
    return identStart(c) || c >= '0' && c <= '9' || c == '$';
  }

  private char at(int i) {
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    char n = at(pos + 1);
    // prefixed string and identifier forms first: they start like identifiers
    if ((c == 'e' || c == 'E') && n == '\'') {
      pos++;
      return escapeString(start);
    }
    if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && n == '\'') {
      pos++;
      Token s = standardString(start);
      return s.kind() == Token.Kind.ERROR ? s : new Token(Token.Kind.BIT_STRING, s.text(), start, s.end(), s.value());
    }
    if ((c == 'n' || c == 'N') && n == '\'') {
      pos++;
      return standardString(start);
    }
    if ((c == 'u' || c == 'U') && n == '&' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) {
      pos += 2;
      Token t = at(pos) == '\'' ? standardString(start) : quotedIdent(start);
      if (t.kind() == Token.Kind.ERROR) {
        return t;
      }
      // U& literals keep their escapes: their value is not decoded here
      return new Token(t.kind(), t.text(), t.start(), t.end(), t.kind() == Token.Kind.STRING ? null : t.value());
    }
    if (identStart(c)) {
      while (pos < sql.length() && identCont(sql.charAt(pos))) {
        pos++;
      }
      String text = sql.substring(start, pos);
      return new Token(Token.Kind.IDENT, text, start, pos, downcase(text));
    }
    if (c == '\'') {
      return standardString(start);
    }
    if (c == '"') {
      return quotedIdent(start);
    }
    if (c == '$') {
      if (digit(n)) {
        pos++;
        while (pos < sql.length() && digit(sql.charAt(pos))) {
          pos++;
        }
        if (pos < sql.length() && identCont(sql.charAt(pos))) {
          return error(start, "trailing junk after parameter");
        }
        return new Token(Token.Kind.PARAM, sql.substring(start, pos), start, pos, sql.substring(start, pos));
      }
      return dollarString(start);
    }
    if (digit(c) || c == '.' && digit(n)) {
      return number(start);
    }
    if (c == ':' && n == ':') {
      pos += 2;
      return new Token(Token.Kind.TYPECAST, "::", start, pos, "::");
    }
    if (c == ':' && n == '=') {
      pos += 2;
      return new Token(Token.Kind.SPECIAL, ":=", start, pos, ":=");
    }
    if (c == '.' && n == '.') {
      pos += 2;
      return new Token(Token.Kind.SPECIAL, "..", start, pos, "..");
    }
    if (OP_CHARS.indexOf(c) >= 0) {
      return operator(start);
    }
    if (SELF.indexOf(c) >= 0) {
      pos++;
      return new Token(Token.Kind.PUNCT, String.valueOf(c), start, pos, String.valueOf(c));
    }
    pos++;
    return error(start, "unexpected character '" + c + "'");
  }

  /** ASCII letters only, as PostgreSQL folds identifiers in a multibyte encoding. */
  static String downcase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return out.toString();
  }

  private Token operator(int start) {
    int end = pos;
    while (end < sql.length() && OP_CHARS.indexOf(sql.charAt(end)) >= 0) {
      end++;
    }
    String op = sql.substring(start, end);
    // an operator stops where a comment starts
    int comment = indexOfComment(op);
    if (comment >= 0) {
      op = op.substring(0, comment);
    }
    if (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
      boolean nonMath = false;
      for (int i = 0; i < op.length(); i++) {
        nonMath |= NON_MATH.indexOf(op.charAt(i)) >= 0;
      }
      if (!nonMath) {
        while (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
          op = op.substring(0, op.length() - 1);
        }
      }
    }
    pos = start + op.length();
    if (op.length() == 1 && SELF.indexOf(op.charAt(0)) >= 0) {
      return new Token(Token.Kind.OPERATOR, op, start, pos, op);
    }
    if (op.equals("=>")) {
      return new Token(Token.Kind.SPECIAL, op, start, pos, op);
    }
    return new Token(Token.Kind.OPERATOR, op, start, pos, op.equals("!=") ? "<>" : op);
  }

  private static int indexOfComment(String op) {
    int a = op.indexOf("--");
    int b = op.indexOf("/*");
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }

  /** {@code '...'} from {@code pos} (at the quote), quotes doubled, and PostgreSQL's continuation across a newline. */
  private Token standardString(int start) {
    return string(start, false);
  }

  /** {@code E'...'} from {@code pos} (at the quote): backslash escapes too; the value is not decoded (null). */
  private Token escapeString(int start) {
    return string(start, true);
  }

  private Token string(int start, boolean escapes) {
    StringBuilder value = new StringBuilder();
    while (true) {
      pos++; // the opening quote
      while (true) {
        if (pos >= sql.length()) {
          return error(start, "unterminated quoted string");
        }
        char c = sql.charAt(pos);
        if (c == '\'') {
          if (at(pos + 1) == '\'') {
            value.append('\'');
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (escapes && c == '\\') {
          if (pos + 1 >= sql.length()) {
            return error(start, "unterminated quoted string");
          }
          value.append(c).append(sql.charAt(pos + 1));
          pos += 2;
          continue;
        }
        value.append(c);
        pos++;
      }
      if (!continues()) {
        return new Token(Token.Kind.STRING, sql.substring(start, pos), start, pos, escapes ? null : value.toString());
      }
    }
  }

  /**
   * Whether the literal goes on: white space with at least one newline, then a quote (SQL's
   * string continuation). Leaves {@code pos} on that quote when it does.
   */
  private boolean continues() {
    int i = pos;
    boolean newline = false;
    while (i < sql.length() && isSpace(sql.charAt(i))) {
      newline |= sql.charAt(i) == '\n' || sql.charAt(i) == '\r';
      i++;
    }
    if (newline && at(i) == '\'') {
      pos = i;
      return true;
    }
    return false;
  }

  private Token quotedIdent(int start) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= sql.length()) {
        return error(start, "unterminated quoted identifier");
      }
      char c = sql.charAt(pos);
      if (c == '"') {
        if (at(pos + 1) == '"') {
          value.append('"');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      value.append(c);
      pos++;
    }
    if (value.length() == 0) {
      return error(start, "zero-length delimited identifier");
    }
    return new Token(Token.Kind.QUOTED_IDENT, sql.substring(start, pos), start, pos, value.toString());
  }

  private Token dollarString(int start) {
    int i = pos + 1;
    if (i < sql.length() && identStart(sql.charAt(i)) && sql.charAt(i) != '$') {
      i++;
      while (i < sql.length() && identCont(sql.charAt(i)) && sql.charAt(i) != '$') {
        i++;
      }
    }
    if (at(i) != '$') {
      pos++;
      return error(start, "unexpected character '$'");
    }
    String tag = sql.substring(pos, i + 1);
    int close = sql.indexOf(tag, i + 1);
    if (close < 0) {
      pos = sql.length();
      return error(start, "unterminated dollar-quoted string");
    }
    pos = close + tag.length();
    return new Token(Token.Kind.STRING, sql.substring(start, pos), start, pos, sql.substring(i + 1, close));
  }

  private Token number(int start) {
    boolean decimal = false;
    if (sql.charAt(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X' || at(pos + 1) == 'o'
        || at(pos + 1) == 'O' || at(pos + 1) == 'b' || at(pos + 1) == 'B')) {
      char radix = Character.toLowerCase(at(pos + 1));
      int i = pos + 2;
      int digits = 0;
      while (i < sql.length() && (radixDigit(sql.charAt(i), radix) || sql.charAt(i) == '_' && radixDigit(at(i + 1), radix)
          && digits > 0)) {
        digits += sql.charAt(i) == '_' ? 0 : 1;
        i++;
      }
      if (sql.charAt(i - 1) == '_' || at(i) == '_' && digits == 0) {
        pos = i + 1;
        return error(start, "trailing junk after numeric literal");
      }
      pos = i;
      if (digits == 0 || pos < sql.length() && identCont(sql.charAt(pos))) {
        pos = Math.min(sql.length(), pos + 1);
        return error(start, "trailing junk after numeric literal");
      }
      return new Token(Token.Kind.INTEGER, sql.substring(start, pos), start, pos, sql.substring(start, pos));
    }
    digits();
    if (at(pos) == '.' && at(pos + 1) != '.') {
      decimal = true;
      pos++;
      if (digit(at(pos))) {
        digits();
      }
    }
    if ((at(pos) == 'e' || at(pos) == 'E')) {
      int save = pos;
      pos++;
      if (at(pos) == '+' || at(pos) == '-') {
        pos++;
      }
      if (digit(at(pos))) {
        decimal = true;
        digits();
      } else {
        pos = save + 1;
        return error(start, "trailing junk after numeric literal");
      }
    }
    if (pos < sql.length() && identCont(sql.charAt(pos))) {
      pos++;
      return error(start, "trailing junk after numeric literal");
    }
    String text = sql.substring(start, pos);
    return new Token(decimal ? Token.Kind.DECIMAL : Token.Kind.INTEGER, text, start, pos, text);
  }

  /** Decimal digits with single underscores between them (PostgreSQL 16). */
  private void digits() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (digit(c)) {
        pos++;
      } else if (c == '_' && pos > 0 && digit(sql.charAt(pos - 1)) && digit(at(pos + 1))) {
        pos++;
      } else {
        return;
      }
    }
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean radixDigit(char c, char radix) {
    return switch (radix) {
      case 'x' -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      case 'o' -> c >= '0' && c <= '7';
      default -> c == '0' || c == '1';
    };
  }

  /** For messages: the token as the server would quote it. */
  static String describe(Token t) {
    return t.kind() == Token.Kind.END ? "end of input" : "\"" + t.text() + "\"";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
