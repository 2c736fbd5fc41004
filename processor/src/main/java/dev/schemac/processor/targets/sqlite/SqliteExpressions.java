package dev.schemac.processor.targets.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL a user writes in a CHECK, a DEFAULT, an index expression or predicate, read into a
 * small tree: either as SQLite reads it (what the user wrote for this target) or as PostgreSQL
 * reads it (what the user wrote for a build whose first target is PostgreSQL), with each
 * engine's operator precedence. The grammar is the part of both that schemac can render for
 * SQLite with the same meaning: literals, columns, function calls, unary and binary operators,
 * IS [NOT] NULL, [NOT] BETWEEN, [NOT] IN (list), [NOT] LIKE/GLOB, CASE, CAST and COLLATE.
 * Anything else (a subquery, a parameter, a PostgreSQL cast {@code ::}, an array, a quoted
 * identifier...) is not read: {@link Unreadable} says what it is, and the caller decides whether
 * that is an error (SQL of another engine) or a warning (SQLite's own, which SQLite checks when the
 * DDL runs).
 */
final class SqliteExpressions {
  private SqliteExpressions() {}

  /** Whose grammar the text is read with. */
  enum Dialect { SQLITE, POSTGRESQL }

  /** The text cannot be read into the tree; {@code getMessage()} says why, as a phrase. */
  static final class Unreadable extends Exception {
    private final boolean subquery;

    Unreadable(String reason) {
      this(reason, false);
    }

    Unreadable(String reason, boolean subquery) {
      super(reason, null, false, false);
      this.subquery = subquery;
    }

    /** Whether the reason is a subquery, which neither engine takes in these places. */
    boolean subquery() {
      return subquery;
    }
  }

  // ------------------------------------------------------------------ tree

  /** A node of the tree. */
  sealed interface Node {
    /** This node and every node below it, depth first. */
    default List<Node> all() {
      List<Node> out = new ArrayList<>();
      collect(this, out);
      return out;
    }

    private static void collect(Node n, List<Node> out) {
      out.add(n);
      n.children().forEach(c -> collect(c, out));
    }

    List<Node> children();
  }

  /** What a literal is. */
  enum LiteralKind { STRING, INTEGER, DECIMAL, NULL, TRUE, FALSE }

  /** A literal; {@code text} is its value (a string without quotes, a number as written). */
  record Literal(LiteralKind kind, String text) implements Node {
    public List<Node> children() {
      return List.of();
    }
  }

  /** A column of the table, by its (lowercase) name. */
  record ColumnRef(String name) implements Node {
    public List<Node> children() {
      return List.of();
    }
  }

  /** A key word with the value of a function of no arguments: {@code CURRENT_TIMESTAMP}, {@code CURRENT_DATE}. */
  record Keyword(String word) implements Node {
    public List<Node> children() {
      return List.of();
    }
  }

  /** A call of a function by its lowercase name. */
  record Call(String name, List<Node> args) implements Node {
    Call {
      args = List.copyOf(args);
    }

    public List<Node> children() {
      return args;
    }
  }

  /** {@code -x}, {@code +x}, {@code ~x} or {@code NOT x}. */
  record Unary(String op, Node operand) implements Node {
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /**
   * A binary operator, uppercase for key words: {@code AND}, {@code OR}, {@code =}, {@code <>},
   * {@code <}, {@code +}, {@code ||}, {@code IS}, {@code IS NOT}...
   */
  record Binary(String op, Node left, Node right) implements Node {
    public List<Node> children() {
      return List.of(left, right);
    }
  }

  /** {@code x IS NULL} or {@code x IS NOT NULL} (also {@code ISNULL}, {@code NOTNULL}). */
  record NullTest(Node operand, boolean not) implements Node {
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /** {@code x [NOT] BETWEEN low AND high}. */
  record Between(Node operand, boolean not, Node low, Node high) implements Node {
    public List<Node> children() {
      return List.of(operand, low, high);
    }
  }

  /** {@code x [NOT] IN (a, b, ...)}. */
  record In(Node operand, boolean not, List<Node> items) implements Node {
    In {
      items = List.copyOf(items);
    }

    public List<Node> children() {
      List<Node> all = new ArrayList<>();
      all.add(operand);
      all.addAll(items);
      return all;
    }
  }

  /** {@code x [NOT] LIKE p [ESCAPE e]}, and GLOB, ILIKE as their key words. */
  record Like(Node operand, boolean not, String op, Node pattern, Node escape) implements Node {
    public List<Node> children() {
      List<Node> all = new ArrayList<>(List.of(operand, pattern));
      if (escape != null) {
        all.add(escape);
      }
      return all;
    }
  }

  /** {@code CASE [operand] WHEN w THEN t ... [ELSE e] END}; {@code operand} and {@code otherwise} may be null. */
  record Case(Node operand, List<Node> whens, List<Node> thens, Node otherwise) implements Node {
    Case {
      whens = List.copyOf(whens);
      thens = List.copyOf(thens);
    }

    public List<Node> children() {
      List<Node> all = new ArrayList<>();
      if (operand != null) {
        all.add(operand);
      }
      for (int i = 0; i < whens.size(); i++) {
        all.add(whens.get(i));
        all.add(thens.get(i));
      }
      if (otherwise != null) {
        all.add(otherwise);
      }
      return all;
    }
  }

  /** {@code CAST(x AS type)}; {@code type} as written, lowercase. */
  record Cast(Node operand, String type) implements Node {
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /** {@code x COLLATE name}. */
  record Collate(Node operand, String collation) implements Node {
    public List<Node> children() {
      return List.of(operand);
    }
  }

  // ------------------------------------------------------------------ tokens

  private enum Kind { WORD, STRING, NUMBER, OP, LPAREN, RPAREN, COMMA, END }

  private record Token(Kind kind, String text) {
    boolean is(String word) {
      return kind == Kind.WORD ? text.equalsIgnoreCase(word) : kind != Kind.STRING && text.equals(word);
    }
  }

  private static final Set<String> SQLITE_OPERATORS =
      Set.of("||", "->>", "->", "<<", ">>", "<=", ">=", "==", "!=", "<>", "<", ">", "=", "+", "-", "*", "/", "%",
          "&", "|", "~");

  /** Lexes {@code sql}; the characters no operator of either engine starts with are refused. */
  private static List<Token> lex(String sql, Dialect dialect) throws Unreadable {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '\'') {
        StringBuilder value = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new Unreadable("an unterminated string literal");
          }
          char d = sql.charAt(j);
          if (d == '\'') {
            if (j + 1 < n && sql.charAt(j + 1) == '\'') {
              value.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          value.append(d);
          j++;
        }
        tokens.add(new Token(Kind.STRING, value.toString()));
        i = j + 1;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int j = i;
        while (j < n && Character.isDigit(sql.charAt(j))) {
          j++;
        }
        if (j < n && sql.charAt(j) == '.') {
          j++;
          while (j < n && Character.isDigit(sql.charAt(j))) {
            j++;
          }
        }
        if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
          throw new Unreadable("a number with an exponent (" + sql.substring(i, Math.min(n, j + 3)) + "...)");
        }
        if (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
          throw new Unreadable("a number written as " + sql.substring(i, j + 1) + "...");
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
          j++;
        }
        String word = sql.substring(i, j);
        if (j < n && sql.charAt(j) == '\'') {
          throw new Unreadable("a prefixed string literal (" + word + "'...')");
        }
        if (j < n && sql.charAt(j) == '$') {
          throw new Unreadable("a name with '$' (" + word + "$)");
        }
        tokens.add(new Token(Kind.WORD, word.toLowerCase(Locale.ROOT)));
        i = j;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "("));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")"));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ","));
        i++;
      } else if (c == '"' || c == '`' || c == '[') {
        throw new Unreadable("a quoted name (" + c + "...)");
      } else if (c == '?' || c == ':' && (i + 1 >= n || sql.charAt(i + 1) != ':') || c == '@' && dialect == Dialect.SQLITE
          || c == '$') {
        throw new Unreadable("a parameter (" + c + ")");
      } else if (c == ';') {
        throw new Unreadable("';' (one expression, not statements)");
      } else if (c == '.') {
        throw new Unreadable("a qualified name (.)");
      } else {
        int j = i;
        while (j < n && "+-*/<>=~!@#%^&|`?:".indexOf(sql.charAt(j)) >= 0) {
          j++;
        }
        if (j == i) {
          throw new Unreadable("the character '" + c + "'");
        }
        String op = sql.substring(i, j);
        if (op.contains("--") || op.contains("/*")) {
          throw new Unreadable("an SQL comment");
        }
        // the longest operator each engine knows, as its lexer takes it
        String known = longestOperator(op, dialect);
        if (known == null) {
          throw new Unreadable("the operator " + op);
        }
        tokens.add(new Token(Kind.OP, known));
        i += known.length();
      }
    }
    tokens.add(new Token(Kind.END, ""));
    return tokens;
  }

  /**
   * The operator the engine's lexer reads at the start of {@code run}: SQLite takes the longest of
   * its own; PostgreSQL takes the whole run of operator characters as one operator (with the
   * exceptions of its lexer for a run ending in + or -, which schemac does not need).
   */
  private static String longestOperator(String run, Dialect dialect) {
    if (dialect == Dialect.POSTGRESQL) {
      return Set.of("||", "<=", ">=", "!=", "<>", "<", ">", "=", "+", "-", "*", "/", "%", "::").contains(run) ? run : null;
    }
    for (int len = Math.min(3, run.length()); len > 0; len--) {
      if (SQLITE_OPERATORS.contains(run.substring(0, len))) {
        return run.substring(0, len);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ parser

  /** Reads {@code sql} as one expression of {@code dialect}. */
  static Node parse(String sql, Dialect dialect) throws Unreadable {
    Parser parser = new Parser(lex(sql, dialect), dialect);
    Node node = parser.expression(0);
    if (parser.peek().kind() != Kind.END) {
      throw new Unreadable("'" + parser.peek().text() + "' after a complete expression");
    }
    return node;
  }

  /**
   * Binding powers: how tightly an infix operator binds its operands (higher binds tighter).
   * SQLite: OR, AND, NOT, the equality group (= == != <> IS IN LIKE GLOB BETWEEN), < <= > >=,
   * the bit operators, + -, * / %, ||. PostgreSQL 9.5+: OR, AND, NOT, IS, comparison, the LIKE
   * group (BETWEEN IN LIKE ILIKE), any other operator (||), + -, * / %.
   */
  private static final Map<String, Integer> SQLITE_POWER = Map.ofEntries(
      Map.entry("or", 1), Map.entry("and", 2), Map.entry("=", 4), Map.entry("==", 4), Map.entry("!=", 4),
      Map.entry("<>", 4), Map.entry("is", 4), Map.entry("in", 4), Map.entry("like", 4), Map.entry("glob", 4),
      Map.entry("between", 4), Map.entry("isnull", 4), Map.entry("notnull", 4), Map.entry("not", 4),
      Map.entry("<", 5), Map.entry("<=", 5), Map.entry(">", 5), Map.entry(">=", 5),
      Map.entry("&", 6), Map.entry("|", 6), Map.entry("<<", 6), Map.entry(">>", 6),
      Map.entry("+", 7), Map.entry("-", 7), Map.entry("*", 8), Map.entry("/", 8), Map.entry("%", 8),
      Map.entry("||", 9), Map.entry("->", 9), Map.entry("->>", 9), Map.entry("collate", 11));

  private static final Map<String, Integer> POSTGRES_POWER = Map.ofEntries(
      Map.entry("or", 1), Map.entry("and", 2), Map.entry("is", 4), Map.entry("isnull", 4), Map.entry("notnull", 4),
      Map.entry("=", 5), Map.entry("!=", 5), Map.entry("<>", 5), Map.entry("<", 5), Map.entry("<=", 5),
      Map.entry(">", 5), Map.entry(">=", 5),
      Map.entry("in", 6), Map.entry("like", 6), Map.entry("ilike", 6), Map.entry("between", 6), Map.entry("not", 6),
      Map.entry("||", 7), Map.entry("+", 8), Map.entry("-", 8), Map.entry("*", 9), Map.entry("/", 9),
      Map.entry("%", 9), Map.entry("collate", 12), Map.entry("::", 14));

  /** The power of NOT as a prefix, and of unary minus, plus and ~, per dialect. */
  private static int notPower(Dialect d) {
    return 3;
  }

  private static int unaryPower(Dialect d) {
    return d == Dialect.SQLITE ? 10 : 13;
  }

  /** Operators that do not associate in PostgreSQL's grammar: {@code a < b < c} is an error there. */
  private static final Set<String> NON_ASSOCIATIVE = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

  private static final class Parser {
    private final List<Token> tokens;
    private final Dialect dialect;
    private final Map<String, Integer> powers;
    private int at;

    Parser(List<Token> tokens, Dialect dialect) {
      this.tokens = tokens;
      this.dialect = dialect;
      this.powers = dialect == Dialect.SQLITE ? SQLITE_POWER : POSTGRES_POWER;
    }

    Token peek() {
      return tokens.get(at);
    }

    Token peek(int ahead) {
      return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    Token next() {
      return tokens.get(at++);
    }

    void expect(String word) throws Unreadable {
      if (!peek().is(word)) {
        throw new Unreadable("'" + peek().text() + "' where " + word.toUpperCase(Locale.ROOT) + " was expected");
      }
      at++;
    }

    /** The infix operator at the cursor (lowercase key word or symbol), or null. */
    private String infix() {
      Token t = peek();
      if (t.kind() == Kind.OP) {
        return t.text();
      }
      if (t.kind() != Kind.WORD) {
        return null;
      }
      String w = t.text();
      if (w.equals("not")) {
        String after = peek(1).kind() == Kind.WORD ? peek(1).text() : "";
        return Set.of("in", "like", "ilike", "glob", "between", "null").contains(after) ? "not" : null;
      }
      return powers.containsKey(w) ? w : null;
    }

    Node expression(int minPower) throws Unreadable {
      Node left = prefix();
      while (true) {
        String op = infix();
        if (op == null) {
          return left;
        }
        int power = powers.get(op);
        if (power <= minPower) {
          return left;
        }
        left = infix(op, left, power);
      }
    }

    private Node prefix() throws Unreadable {
      Token t = next();
      switch (t.kind()) {
        case STRING -> {
          return new Literal(LiteralKind.STRING, t.text());
        }
        case NUMBER -> {
          return new Literal(t.text().contains(".") ? LiteralKind.DECIMAL : LiteralKind.INTEGER, t.text());
        }
        case LPAREN -> {
          if (peek().is("select") || peek().is("with") || peek().is("values")) {
            throw new Unreadable("a subquery", true);
          }
          Node inner = expression(0);
          if (peek().kind() == Kind.COMMA) {
            throw new Unreadable("a row value (a, b, ...)");
          }
          expect(")");
          return inner;
        }
        case OP -> {
          if (t.text().equals("-") || t.text().equals("+") || t.text().equals("~") && dialect == Dialect.SQLITE) {
            return new Unary(t.text(), expression(unaryPower(dialect)));
          }
          throw new Unreadable("the operator " + t.text() + " where a value was expected");
        }
        case WORD -> {
          return word(t.text());
        }
        default -> throw new Unreadable(t.kind() == Kind.END ? "an incomplete expression"
            : "'" + t.text() + "' where a value was expected");
      }
    }

    private Node word(String w) throws Unreadable {
      switch (w) {
        case "null" -> {
          return new Literal(LiteralKind.NULL, "NULL");
        }
        case "true" -> {
          return new Literal(LiteralKind.TRUE, "TRUE");
        }
        case "false" -> {
          return new Literal(LiteralKind.FALSE, "FALSE");
        }
        case "not" -> {
          return new Unary("NOT", expression(notPower(dialect)));
        }
        case "current_timestamp", "current_date", "current_time" -> {
          return new Keyword(w.toUpperCase(Locale.ROOT));
        }
        case "exists", "select" -> throw new Unreadable("a subquery", true);
        case "case" -> {
          return caseExpression();
        }
        case "cast" -> {
          expect("(");
          Node operand = expression(0);
          expect("as");
          StringBuilder type = new StringBuilder();
          while (peek().kind() == Kind.WORD || peek().kind() == Kind.NUMBER
              || peek().kind() == Kind.COMMA || peek().kind() == Kind.LPAREN) {
            Token part = next();
            if (part.kind() == Kind.LPAREN) {
              type.append('(');
              while (peek().kind() != Kind.RPAREN && peek().kind() != Kind.END) {
                type.append(next().text());
              }
              expect(")");
              type.append(')');
            } else {
              type.append(type.length() == 0 || part.kind() == Kind.COMMA ? "" : " ").append(part.text());
            }
          }
          expect(")");
          if (type.length() == 0) {
            throw new Unreadable("CAST without a type");
          }
          return new Cast(operand, type.toString());
        }
        default -> {
          if (Set.of("and", "or", "is", "in", "like", "ilike", "glob", "between", "when", "then", "else", "end", "as",
              "collate", "escape", "from", "where", "array", "row", "interval").contains(w)) {
            throw new Unreadable("'" + w.toUpperCase(Locale.ROOT) + "' where a value was expected");
          }
          if (peek().kind() == Kind.LPAREN) {
            next();
            List<Node> args = new ArrayList<>();
            if (peek().is("distinct") || peek().is("all")) {
              throw new Unreadable("an aggregate call (" + w + "(" + peek().text().toUpperCase(Locale.ROOT) + " ...))");
            }
            if (peek().is("*")) {
              throw new Unreadable("a call with * (" + w + "(*))");
            }
            if (peek().kind() != Kind.RPAREN) {
              while (true) {
                if (peek().is("select") || peek().is("with")) {
                  throw new Unreadable("a subquery", true);
                }
                args.add(expression(0));
                if (peek().kind() == Kind.COMMA) {
                  next();
                  continue;
                }
                break;
              }
            }
            expect(")");
            if (peek().is("over") || peek().is("filter") || peek().is("within")) {
              throw new Unreadable("a window or aggregate call (" + w + "(...) " + peek().text().toUpperCase(Locale.ROOT) + ")");
            }
            return new Call(w, args);
          }
          return new ColumnRef(w);
        }
      }
    }

    private Node caseExpression() throws Unreadable {
      Node operand = peek().is("when") ? null : expression(0);
      List<Node> whens = new ArrayList<>();
      List<Node> thens = new ArrayList<>();
      while (peek().is("when")) {
        next();
        whens.add(expression(0));
        expect("then");
        thens.add(expression(0));
      }
      if (whens.isEmpty()) {
        throw new Unreadable("CASE without WHEN");
      }
      Node otherwise = null;
      if (peek().is("else")) {
        next();
        otherwise = expression(0);
      }
      expect("end");
      return new Case(operand, whens, thens, otherwise);
    }

    private Node infix(String op, Node left, int power) throws Unreadable {
      next();
      boolean not = false;
      String word = op;
      if (op.equals("not")) {
        not = true;
        word = next().text();
        if (word.equals("null")) {
          return new NullTest(left, true);
        }
      }
      switch (word) {
        case "isnull" -> {
          return new NullTest(left, false);
        }
        case "notnull" -> {
          return new NullTest(left, true);
        }
        case "is" -> {
          boolean isNot = false;
          if (peek().is("not")) {
            next();
            isNot = true;
          }
          if (peek().is("null")) {
            next();
            return new NullTest(left, isNot);
          }
          if (peek().is("distinct")) {
            next();
            expect("from");
            Node right = expression(power);
            // IS DISTINCT FROM is IS NOT in SQLite, IS NOT DISTINCT FROM is IS
            return new Binary(isNot ? "IS" : "IS NOT", left, right);
          }
          if (dialect == Dialect.POSTGRESQL && !(peek().is("true") || peek().is("false"))) {
            throw new Unreadable("IS " + (isNot ? "NOT " : "") + peek().text().toUpperCase(Locale.ROOT));
          }
          return new Binary(isNot ? "IS NOT" : "IS", left, expression(power));
        }
        case "between" -> {
          if (peek().is("symmetric") || peek().is("asymmetric")) {
            throw new Unreadable("BETWEEN " + peek().text().toUpperCase(Locale.ROOT));
          }
          // the bounds bind tighter than AND
          Node low = expression(Math.max(power, 2));
          expect("and");
          Node high = expression(Math.max(power, 2));
          return new Between(left, not, low, high);
        }
        case "in" -> {
          expect("(");
          if (peek().is("select") || peek().is("with") || peek().is("values")) {
            throw new Unreadable("a subquery", true);
          }
          List<Node> items = new ArrayList<>();
          if (peek().kind() != Kind.RPAREN) {
            while (true) {
              items.add(expression(0));
              if (peek().kind() == Kind.COMMA) {
                next();
                continue;
              }
              break;
            }
          }
          expect(")");
          if (items.isEmpty()) {
            throw new Unreadable("IN ()");
          }
          return new In(left, not, items);
        }
        case "like", "ilike", "glob" -> {
          Node pattern = expression(power);
          Node escape = null;
          if (peek().is("escape")) {
            next();
            escape = expression(power);
          }
          return new Like(left, not, word.toUpperCase(Locale.ROOT), pattern, escape);
        }
        case "collate" -> {
          Token name = next();
          if (name.kind() != Kind.WORD) {
            throw new Unreadable("COLLATE without a name");
          }
          return new Collate(left, name.text());
        }
        case "::" -> throw new Unreadable("a PostgreSQL cast (::)");
        default -> {
          if (word.equals("and") || word.equals("or")) {
            return new Binary(word.toUpperCase(Locale.ROOT), left, expression(power));
          }
          Node right = expression(power);
          String after = infix(); // null at the end of the expression
          if (dialect == Dialect.POSTGRESQL && NON_ASSOCIATIVE.contains(word) && after != null
              && NON_ASSOCIATIVE.contains(after)) {
            throw new Unreadable("a chain of comparisons (" + word + " ... " + after + ")");
          }
          return new Binary(word, left, right);
        }
      }
    }
  }
}
