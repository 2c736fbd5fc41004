package dev.schemac.processor.targets.mongodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL a user writes in {@code @Check} and {@code @Index(where)}, read as far as MongoDB can
 * follow it: comparisons of one column with constants, {@code BETWEEN}, {@code IN}, {@code IS
 * [NOT] NULL}, {@code LIKE}, {@code ~}, {@code char_length}/{@code length}, {@code cardinality}/
 * {@code array_length(x, 1)}, {@code AND}, {@code OR}, {@code NOT} and parentheses. Anything else
 * (another function, arithmetic, a cast, a second column on the right) is not read: {@link #parse}
 * returns null and the caller reports what it cannot translate.
 */
final class Predicates {
  private Predicates() {}

  /** An expression tree. */
  sealed interface Node {}

  /** {@code a AND b AND ...}. */
  record And(List<Node> parts) implements Node {}

  /** {@code a OR b OR ...}. */
  record Or(List<Node> parts) implements Node {}

  /** {@code NOT a}. */
  record Not(Node inner) implements Node {}

  /** {@code subject op value}: op is one of = <> < <= > >=. */
  record Compare(Subject subject, String op, Object value) implements Node {}

  /** {@code subject BETWEEN low AND high}. */
  record Between(Subject subject, Object low, Object high) implements Node {}

  /** {@code subject IN (values)}. */
  record In(Subject subject, List<Object> values) implements Node {}

  /** {@code column IS [NOT] NULL}. */
  record IsNull(String column, boolean negated) implements Node {}

  /** {@code column LIKE 'pattern'} or {@code column ~ 'regex'} ({@code like} false), {@code ~*}: case-insensitive. */
  record Matches(String column, String pattern, boolean like, boolean caseInsensitive) implements Node {}

  /** A boolean column on its own. */
  record Flag(String column) implements Node {}

  /**
   * What a comparison is about: a column, or a measure of one ({@link Measure#LENGTH} of a string,
   * {@link Measure#CARDINALITY} of an array).
   */
  record Subject(String column, Measure measure) {}

  enum Measure { VALUE, LENGTH, CARDINALITY }

  /** The tree of {@code sql}, or null when it goes beyond what this reader follows. */
  static Node parse(String sql) {
    try {
      Parser p = new Parser(tokens(sql));
      Node node = p.or();
      return p.done() ? node : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ tokens

  private record Token(Kind kind, String text) {}

  private enum Kind { WORD, QUOTED, NUMBER, STRING, SYMBOL }

  private static List<Token> tokens(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.WORD, sql.substring(start, i)));
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated name");
        }
        out.add(new Token(Kind.QUOTED, sql.substring(i + 1, end)));
        i = end + 1;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
        int start = i;
        while (i < sql.length() && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, sql.substring(start, i)));
      } else if (c == '\'') {
        StringBuilder text = new StringBuilder();
        i++;
        while (true) {
          if (i >= sql.length()) {
            throw new IllegalArgumentException("unterminated string");
          }
          if (sql.charAt(i) == '\'') {
            if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
              text.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          text.append(sql.charAt(i++));
        }
        out.add(new Token(Kind.STRING, text.toString()));
      } else {
        String two = i + 1 < sql.length() ? sql.substring(i, i + 2) : "";
        if (List.of("<=", ">=", "<>", "!=", "~*").contains(two)) {
          out.add(new Token(Kind.SYMBOL, two.equals("!=") ? "<>" : two));
          i += 2;
        } else if ("=<>(),~-".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
          i++;
        } else {
          throw new IllegalArgumentException("unexpected " + c);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ grammar

  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    boolean done() {
      return at == tokens.size();
    }

    private Token peek() {
      return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean word(String w) {
      Token t = peek();
      if (t != null && t.kind == Kind.WORD && t.text.equalsIgnoreCase(w)) {
        at++;
        return true;
      }
      return false;
    }

    private boolean symbol(String s) {
      Token t = peek();
      if (t != null && t.kind == Kind.SYMBOL && t.text.equals(s)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String s) {
      if (!symbol(s)) {
        throw new IllegalArgumentException("expected " + s);
      }
    }

    Node or() {
      List<Node> parts = new ArrayList<>(List.of(and()));
      while (word("OR")) {
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    Node and() {
      List<Node> parts = new ArrayList<>(List.of(not()));
      while (word("AND")) {
        parts.add(not());
      }
      return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    Node not() {
      if (word("NOT")) {
        return new Not(not());
      }
      return predicate();
    }

    Node predicate() {
      if (symbol("(")) {
        Node inner = or();
        expect(")");
        return inner;
      }
      Subject subject = subject();
      if (word("IS")) {
        boolean negated = word("NOT");
        if (!word("NULL") || subject.measure() != Measure.VALUE) {
          throw new IllegalArgumentException("IS");
        }
        return new IsNull(subject.column(), negated);
      }
      boolean negated = word("NOT");
      if (word("BETWEEN")) {
        Object low = constant();
        if (!word("AND")) {
          throw new IllegalArgumentException("BETWEEN");
        }
        Node between = new Between(subject, low, constant());
        return negated ? new Not(between) : between;
      }
      if (word("IN")) {
        expect("(");
        List<Object> values = new ArrayList<>(List.of(constant()));
        while (symbol(",")) {
          values.add(constant());
        }
        expect(")");
        Node in = new In(subject, values);
        return negated ? new Not(in) : in;
      }
      if (word("LIKE")) {
        Node like = new Matches(plain(subject), string(), true, false);
        return negated ? new Not(like) : like;
      }
      if (negated) {
        throw new IllegalArgumentException("NOT");
      }
      for (String op : List.of("<=", ">=", "<>", "=", "<", ">")) {
        if (symbol(op)) {
          return new Compare(subject, op, constant());
        }
      }
      if (symbol("~")) {
        return new Matches(plain(subject), string(), false, false);
      }
      if (symbol("~*")) {
        return new Matches(plain(subject), string(), false, true);
      }
      return new Flag(plain(subject));
    }

    private static String plain(Subject subject) {
      if (subject.measure() != Measure.VALUE) {
        throw new IllegalArgumentException("a measure is not matched");
      }
      return subject.column();
    }

    private String name() {
      Token t = peek();
      if (t == null || t.kind != Kind.WORD && t.kind != Kind.QUOTED) {
        throw new IllegalArgumentException("a name");
      }
      if (t.kind == Kind.WORD && List.of("and", "or", "not", "null", "true", "false", "is", "in", "between", "like")
          .contains(t.text.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("a key word");
      }
      at++;
      return t.kind == Kind.WORD ? t.text.toLowerCase(Locale.ROOT) : t.text;
    }

    Subject subject() {
      String first = name();
      if (!symbol("(")) {
        return new Subject(first, Measure.VALUE);
      }
      String column = name();
      Measure measure = switch (first) {
        case "char_length", "character_length", "length" -> Measure.LENGTH;
        case "cardinality" -> Measure.CARDINALITY;
        case "array_length" -> {
          expect(",");
          Token dim = peek();
          if (dim == null || dim.kind != Kind.NUMBER || !dim.text.equals("1")) {
            throw new IllegalArgumentException("array_length of a dimension other than 1");
          }
          at++;
          yield Measure.CARDINALITY;
        }
        default -> throw new IllegalArgumentException("function " + first);
      };
      expect(")");
      return new Subject(column, measure);
    }

    private String string() {
      Token t = peek();
      if (t == null || t.kind != Kind.STRING) {
        throw new IllegalArgumentException("a string");
      }
      at++;
      return t.text;
    }

    /** A number (BigDecimal), a string, or a boolean. */
    Object constant() {
      boolean minus = symbol("-");
      Token t = peek();
      if (t == null) {
        throw new IllegalArgumentException("a constant");
      }
      if (t.kind == Kind.NUMBER) {
        at++;
        BigDecimal n = new BigDecimal(t.text);
        return minus ? n.negate() : n;
      }
      if (minus) {
        throw new IllegalArgumentException("minus");
      }
      if (t.kind == Kind.STRING) {
        at++;
        return t.text;
      }
      if (word("TRUE")) {
        return Boolean.TRUE;
      }
      if (word("FALSE")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException("a constant");
    }
  }
}
