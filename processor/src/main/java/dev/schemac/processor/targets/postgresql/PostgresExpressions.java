package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.targets.postgresql.PostgresLexer.Token;
import dev.schemac.processor.targets.postgresql.PostgresLexer.Token.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's expression grammar ({@code a_expr} of {@code gram.y}, PostgreSQL 17) for the SQL a
 * user writes in a CHECK, a DEFAULT, an index expression or an index predicate, with three
 * answers and never a guess:
 *
 * <ul>
 *   <li>{@link Verdict#VALID}: the whole text is an expression of the grammar this class knows,
 *       and the tree says what it is made of (columns, literals, calls, subqueries);</li>
 *   <li>{@link Verdict#INVALID}: PostgreSQL's parser refuses it, at the token named; only said
 *       where the grammar leaves no other reading (a differential test holds this against the
 *       server's own parser);</li>
 *   <li>{@link Verdict#UNDECIDED}: the text uses grammar this class does not model (window and
 *       ordered-set aggregates, XML and SQL/JSON functions, ...): only the server can say; the
 *       engine check does.</li>
 * </ul>
 *
 * The precedence and associativity are the grammar's: {@code a < b < c} and {@code a > 0 && b
 * < 1} are syntax errors there (comparison operators do not associate), and so they are here.
 */
public final class PostgresExpressions {
  /** The three answers. */
  public enum Verdict { VALID, INVALID, UNDECIDED }

  /** The answer for one text: the tree when VALID, the reason otherwise. */
  public record Parse(Verdict verdict, Node root, String reason, boolean hasSubquery) {
    public boolean valid() {
      return verdict == Verdict.VALID;
    }
  }

  /** What a node of the tree is. */
  public enum Type {
    /** A column: {@code text} is its name, {@code op} what qualifies it ({@code orders} in {@code orders.total}) or null. */
    COLUMN, INTEGER, DECIMAL, STRING, BOOLEAN, NULL, BIT_STRING, TYPED_STRING, PARAM,
    /** A call of a function by name ({@code lower(x)}); {@code text} is the name, lowercase. */
    CALL,
    /** A call with its own syntax ({@code CAST}, {@code EXTRACT}, {@code COALESCE}, {@code CURRENT_DATE}...). */
    SPECIAL_CALL,
    BINARY, PREFIX, POSTFIX, CAST, COLLATE, AT_TIME_ZONE, BETWEEN, IN, LIKE, SUBQUERY_COMPARISON, SUBQUERY,
    CASE, ARRAY, ROW, PARENS, SUBSCRIPT, FIELD
  }

  /**
   * A node: {@code op} is the operator or key word ({@code "and"}, {@code "<"}, {@code "is null"}),
   * {@code text} the name, literal value or type, {@code children} the operands in order.
   */
  public record Node(Type type, String op, String text, List<Node> children) {
    public Node {
      children = List.copyOf(children);
    }

    static Node leaf(Type type, String text) {
      return new Node(type, null, text, List.of());
    }

    /** This node and every node below it, depth first. */
    public List<Node> all() {
      List<Node> out = new ArrayList<>();
      collect(this, out);
      return out;
    }

    private static void collect(Node n, List<Node> out) {
      out.add(n);
      n.children.forEach(c -> collect(c, out));
    }
  }

  private static final Map<String, Parse> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parse> eldest) {
          return size() > 10_000;
        }
      });

  /** The verdict on {@code sql} as an {@code a_expr}. */
  public static Parse parse(String sql) {
    Parse known = CACHE.get(sql);
    if (known != null) {
      return known;
    }
    Parse parse = new PostgresExpressions(PostgresLexer.tokens(sql)).run();
    CACHE.put(sql, parse);
    return parse;
  }

  /**
   * Whether {@code root} may stand where the grammar takes a {@code b_expr} (after DEFAULT):
   * everything but AND, OR, NOT, IS NULL and the other IS tests (IS DISTINCT FROM and IS
   * DOCUMENT excepted), comparisons with LIKE, BETWEEN, IN or a subquery, COLLATE and AT TIME
   * ZONE outside parentheses.
   */
  public static boolean isBExpr(Node root) {
    return switch (root.type()) {
      case BINARY -> !root.op().equals("and") && !root.op().equals("or") && isBExpr(root.children().get(0))
          && isBExpr(root.children().get(1));
      case PREFIX -> !root.op().equals("not") && isBExpr(root.children().get(0));
      case POSTFIX -> (root.op().startsWith("is distinct") || root.op().startsWith("is not distinct")
          || root.op().equals("is document") || root.op().equals("is not document"))
          && root.children().stream().allMatch(PostgresExpressions::isBExpr);
      case CAST -> root.op().equals("::") ? isBExpr(root.children().get(0)) : true;
      case COLLATE, AT_TIME_ZONE, BETWEEN, IN, LIKE, SUBQUERY_COMPARISON -> false;
      default -> true;
    };
  }

  // ------------------------------------------------------------------ key words (kwlist.h, PostgreSQL 17)

  /** Reserved key words: never a column or function name. */
  static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "when", "where", "window", "with");

  /** Key words that may name a function or type, never a column. */
  static final Set<String> TYPE_FUNC_NAME = Set.of(
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose");

  /** Key words that may name a column, never a function (they have syntax of their own). */
  static final Set<String> COL_NAME = Set.of(
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
      "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
      "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
      "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
      "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
      "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable");

  private static final Set<String> MATH_OPS = Set.of("+", "-", "*", "/", "%", "^", "<", ">", "=", "<=", ">=", "<>");
  private static final Set<String> COMPARISONS = Set.of("<", ">", "=", "<=", ">=", "<>");
  private static final Set<String> NOT_LA = Set.of("between", "in", "like", "ilike", "similar");
  private static final Set<String> NILADIC = Set.of("current_date", "current_role", "current_user", "session_user",
      "system_user", "user", "current_catalog", "current_schema");
  private static final Set<String> NILADIC_PRECISION = Set.of("current_time", "current_timestamp", "localtime",
      "localtimestamp");
  private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");

  // precedence levels, lowest first (gram.y's %left/%right/%nonassoc lines)
  private static final int OR = 1, AND = 2, NOT = 3, IS = 4, CMP = 5, LIKE = 6, ESCAPE = 7, OP = 9, ADD = 10,
      MUL = 11, EXP = 12, AT = 13, COLLATE = 14, UMINUS = 15, TYPECAST = 18;

  // ------------------------------------------------------------------ the parser

  /** A syntax error: the grammar has no other reading. */
  private static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Grammar this class does not model. */
  private static final class Undecided extends RuntimeException {
    Undecided(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Token> tokens;
  private int pos;
  private boolean subquery;

  private PostgresExpressions(List<Token> tokens) {
    this.tokens = tokens;
  }

  private Parse run() {
    Token last = tokens.get(tokens.size() - 1);
    if (last.kind() == Kind.ERROR) {
      return new Parse(Verdict.INVALID, null, last.value() + " at " + PostgresLexer.describe(last), false);
    }
    if (tokens.stream().anyMatch(t -> t.isWord("select") || t.isWord("values"))) {
      subquery = true; // even where the rest cannot be read: a query has no place in a column's expression
    }
    try {
      if (peek().kind() == Kind.END) {
        throw new Invalid("an empty expression");
      }
      Node root = expression(0);
      if (peek().kind() != Kind.END) {
        throw syntaxError();
      }
      return new Parse(Verdict.VALID, root, null, subquery);
    } catch (Invalid e) {
      return subquery ? new Parse(Verdict.UNDECIDED, null, "a subquery", true)
          : new Parse(Verdict.INVALID, null, e.getMessage(), false);
    } catch (Undecided e) {
      return new Parse(Verdict.UNDECIDED, null, e.getMessage(), subquery);
    } catch (RuntimeException e) {
      // a bug of this class must not decide for the server: the engine check still can
      return new Parse(Verdict.UNDECIDED, null, "internal: " + e, subquery);
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token take() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private Invalid syntaxError() {
    return new Invalid("syntax error at or near " + PostgresLexer.describe(peek()));
  }

  private boolean isWord(String w) {
    return peek().isWord(w);
  }

  private boolean isPunct(String p) {
    return peek().is(Kind.PUNCT, p);
  }

  private boolean isOp(String o) {
    return peek().is(Kind.OPERATOR, o);
  }

  private void expectPunct(String p) {
    if (!isPunct(p)) {
      throw syntaxError();
    }
    take();
  }

  private void expectWord(String w) {
    if (!isWord(w)) {
      throw syntaxError();
    }
    take();
  }

  /** The precedence the grammar gives the next token where it follows an operand, or -1 when it cannot. */
  private int infixLevel() {
    Token t = peek();
    if (t.kind() == Kind.TYPECAST) {
      return TYPECAST;
    }
    if (t.kind() == Kind.OPERATOR) {
      String v = t.value();
      if (COMPARISONS.contains(v)) {
        return CMP;
      }
      return switch (v) {
        case "+", "-" -> ADD;
        case "*", "/", "%" -> MUL;
        case "^" -> EXP;
        default -> OP;
      };
    }
    if (t.kind() == Kind.PUNCT && (t.value().equals("[") || t.value().equals("."))) {
      return 16;
    }
    if (t.kind() != Kind.IDENT) {
      return -1;
    }
    return switch (t.value()) {
      case "or" -> OR;
      case "and" -> AND;
      case "is", "isnull", "notnull" -> IS;
      case "not" -> peek(1).kind() == Kind.IDENT && NOT_LA.contains(peek(1).value()) ? LIKE : -1;
      case "between", "in", "like", "ilike", "similar" -> LIKE;
      case "escape" -> ESCAPE;
      case "operator" -> peek(1).is(Kind.PUNCT, "(") ? OP : -1;
      case "at" -> AT;
      case "collate" -> COLLATE;
      default -> -1;
    };
  }

  private Node expression(int minLevel) {
    Node left = prefix();
    while (true) {
      int level = infixLevel();
      if (level < 0 || level < minLevel) {
        return left;
      }
      Token t = peek();
      if (t.kind() == Kind.TYPECAST) {
        take();
        left = new Node(Type.CAST, "::", typeName(), List.of(left));
        continue;
      }
      if (level == 16) {
        // a subscript or field selection follows only a column, a parenthesized expression or a subquery
        if (left.type() == Type.COLUMN || left.type() == Type.PARENS || left.type() == Type.SUBSCRIPT
            || left.type() == Type.FIELD || left.type() == Type.SUBQUERY) {
          left = indirection(left);
          continue;
        }
        throw new Undecided("an indirection after " + left.type());
      }
      if (t.kind() == Kind.OPERATOR) {
        left = operatorInfix(left, level);
        continue;
      }
      switch (t.value()) {
        case "or", "and" -> {
          take();
          left = new Node(Type.BINARY, t.value(), null, List.of(left, expression(level + 1)));
        }
        case "is" -> left = isTest(left);
        case "isnull", "notnull" -> {
          take();
          left = new Node(Type.POSTFIX, t.value().equals("isnull") ? "is null" : "is not null", null, List.of(left));
        }
        case "not", "between", "in", "like", "ilike", "similar" -> left = likeLevel(left);
        case "escape" -> {
          return left; // ESCAPE belongs to an enclosing LIKE, ILIKE or SIMILAR TO, if any
        }
        case "operator" -> {
          String op = qualifiedOperator();
          if (subqueryKind()) {
            left = subqueryComparison(left, op);
          } else {
            left = new Node(Type.BINARY, op, null, List.of(left, expression(OP + 1)));
          }
        }
        case "at" -> {
          take();
          if (isWord("time") && peek(1).isWord("zone")) {
            take();
            take();
            left = new Node(Type.AT_TIME_ZONE, "at time zone", null, List.of(left, expression(AT + 1)));
          } else if (isWord("local")) {
            take();
            left = new Node(Type.AT_TIME_ZONE, "at local", null, List.of(left));
          } else {
            throw syntaxError();
          }
        }
        case "collate" -> {
          take();
          left = new Node(Type.COLLATE, "collate", anyName(), List.of(left));
        }
        default -> throw syntaxError();
      }
    }
  }

  /** After a binary rule whose right operand is an a_expr, at a non-associative level: the next operator may not be at it. */
  private void nonAssociative(int level) {
    if (infixLevel() == level) {
      throw syntaxError();
    }
  }

  private Node operatorInfix(Node left, int level) {
    Token t = take();
    String op = t.value();
    if (subqueryKind()) {
      return subqueryComparison(left, op);
    }
    Node right = expression(level + 1);
    if (level == CMP) {
      nonAssociative(CMP);
    }
    return new Node(Type.BINARY, op, null, List.of(left, right));
  }

  /** ANY, SOME or ALL after a comparison operator. */
  private boolean subqueryKind() {
    return (isWord("any") || isWord("some") || isWord("all")) && peek(1).is(Kind.PUNCT, "(");
  }

  private Node subqueryComparison(Node left, String op) {
    String kind = take().value();
    expectPunct("(");
    Node inner;
    if (startsQuery()) {
      inner = skipQuery();
    } else {
      inner = expression(0);
      expectPunct(")");
    }
    return new Node(Type.SUBQUERY_COMPARISON, op + " " + kind, null, List.of(left, inner));
  }

  private boolean startsQuery() {
    return isWord("select") || isWord("values") || isWord("with") || isWord("table");
  }

  /** A subquery, after its opening parenthesis, up to and including the closing one: not read further. */
  private Node skipQuery() {
    subquery = true;
    int depth = 1;
    while (depth > 0) {
      Token t = take();
      if (t.kind() == Kind.END) {
        throw new Invalid("syntax error at end of input");
      }
      if (t.is(Kind.PUNCT, "(")) {
        depth++;
      } else if (t.is(Kind.PUNCT, ")")) {
        depth--;
      }
    }
    return Node.leaf(Type.SUBQUERY, null);
  }

  private Node isTest(Node left) {
    take(); // IS
    boolean not = false;
    if (isWord("not")) {
      take();
      not = true;
    }
    String prefix = not ? "is not " : "is ";
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      switch (t.value()) {
        case "null", "true", "false", "unknown", "document" -> {
          take();
          return new Node(Type.POSTFIX, prefix + t.value(), null, List.of(left));
        }
        case "distinct" -> {
          take();
          expectWord("from");
          Node right = expression(IS + 1);
          nonAssociative(IS);
          return new Node(Type.POSTFIX, prefix + "distinct from", null, List.of(left, right));
        }
        case "normalized", "nfc", "nfd", "nfkc", "nfkd", "of", "json" -> throw new Undecided("IS " + t.value());
        default -> { }
      }
    }
    throw syntaxError();
  }

  /** [NOT] BETWEEN, IN, LIKE, ILIKE, SIMILAR TO: one level, non-associative. */
  private Node likeLevel(Node left) {
    boolean not = false;
    if (isWord("not")) {
      take();
      not = true;
    }
    String word = take().value();
    String op = (not ? "not " : "") + word;
    switch (word) {
      case "between" -> {
        String kind = "";
        if (isWord("symmetric") || isWord("asymmetric")) {
          kind = " " + take().value();
        }
        Node low = expression(IS);
        if (!isBExpr(low)) {
          throw new Undecided("a lower bound that is not a b_expr");
        }
        expectWord("and");
        Node high = expression(LIKE + 1);
        nonAssociative(LIKE);
        return new Node(Type.BETWEEN, op + kind, null, List.of(left, low, high));
      }
      case "in" -> {
        expectPunct("(");
        if (startsQuery()) {
          return new Node(Type.IN, op, null, List.of(left, skipQuery()));
        }
        List<Node> items = new ArrayList<>();
        items.add(left);
        items.addAll(expressionList(")"));
        return new Node(Type.IN, op, null, items);
      }
      case "similar" -> {
        expectWord("to");
        op += " to";
      }
      default -> { }
    }
    if (subqueryKind()) {
      return subqueryComparison(left, op);
    }
    Node pattern = expression(ESCAPE + 1);
    List<Node> parts = new ArrayList<>(List.of(left, pattern));
    if (isWord("escape")) {
      take();
      parts.add(expression(LIKE + 1));
    }
    nonAssociative(LIKE);
    return new Node(Type.LIKE, op, null, parts);
  }

  /** Expressions separated by commas, then {@code close}; at least one. */
  private List<Node> expressionList(String close) {
    List<Node> items = new ArrayList<>();
    items.add(expression(0));
    while (isPunct(",")) {
      take();
      items.add(expression(0));
    }
    expectPunct(close);
    return items;
  }

  private Node prefix() {
    Token t = peek();
    switch (t.kind()) {
      case INTEGER, DECIMAL, BIT_STRING, PARAM -> {
        take();
        return Node.leaf(Type.valueOf(t.kind().name()), t.text());
      }
      case STRING -> {
        take();
        uescape(t);
        return Node.leaf(Type.STRING, t.value());
      }
      case OPERATOR -> {
        take();
        if (t.value().equals("+") || t.value().equals("-")) {
          return new Node(Type.PREFIX, t.value(), null, List.of(expression(UMINUS)));
        }
        if (MATH_OPS.contains(t.value())) {
          throw new Invalid("syntax error at or near " + PostgresLexer.describe(t));
        }
        return new Node(Type.PREFIX, t.value(), null, List.of(expression(OP + 1)));
      }
      case PUNCT -> {
        if (t.value().equals("(")) {
          return parenthesized();
        }
        throw syntaxError();
      }
      case QUOTED_IDENT -> {
        return name();
      }
      case IDENT -> {
        return word();
      }
      default -> throw syntaxError();
    }
  }

  private void uescape(Token string) {
    if (isWord("uescape")) {
      if (!string.text().regionMatches(true, 0, "U&", 0, 2)) {
        throw syntaxError();
      }
      take();
      if (peek().kind() != Kind.STRING) {
        throw syntaxError();
      }
      take();
    }
  }

  private Node parenthesized() {
    take(); // (
    if (startsQuery()) {
      return indirection(skipQuery());
    }
    Node first = expression(0);
    if (isPunct(",")) {
      List<Node> items = new ArrayList<>(List.of(first));
      take();
      items.addAll(expressionList(")"));
      return new Node(Type.ROW, "(", null, items);
    }
    expectPunct(")");
    return indirection(new Node(Type.PARENS, "(", null, List.of(first)));
  }

  /** Subscripts ({@code [i]}, {@code [i:j]}) and field selections ({@code .f}, {@code .*}). */
  private Node indirection(Node base) {
    Node node = base;
    while (true) {
      if (isPunct("[")) {
        take();
        List<Node> parts = new ArrayList<>(List.of(node));
        if (!isPunct(":")) {
          parts.add(expression(0));
        }
        if (isPunct(":")) {
          take();
          if (!isPunct("]")) {
            parts.add(expression(0));
          }
        }
        expectPunct("]");
        node = new Node(Type.SUBSCRIPT, "[", null, parts);
      } else if (isPunct(".")) {
        take();
        Token f = take();
        if (f.kind() == Kind.IDENT || f.kind() == Kind.QUOTED_IDENT) {
          node = new Node(Type.FIELD, ".", f.value(), List.of(node));
        } else if (f.is(Kind.OPERATOR, "*")) {
          node = new Node(Type.FIELD, ".", "*", List.of(node));
        } else {
          pos--;
          throw syntaxError();
        }
      } else {
        return node;
      }
    }
  }

  /** A name, possibly qualified, and what follows it: a column, a call, a typed literal. */
  private Node name() {
    List<String> parts = new ArrayList<>();
    parts.add(take().value());
    while (isPunct(".") && (peek(1).kind() == Kind.IDENT || peek(1).kind() == Kind.QUOTED_IDENT)) {
      take();
      parts.add(take().value());
    }
    String name = String.join(".", parts);
    if (isPunct("(")) {
      Node call = call(name);
      if (peek().kind() == Kind.STRING && !call.children().isEmpty()) { // func_name '(' args ')' Sconst: a typed literal such as varchar(3) 'abc'
        Token s = take();
        return Node.leaf(Type.TYPED_STRING, name + "|" + s.value());
      }
      return call;
    }
    if (peek().kind() == Kind.STRING) { // func_name Sconst: a typed literal such as date '2024-01-01'
      Token s = take();
      uescape(s);
      return new Node(Type.TYPED_STRING, null, name + "|" + s.value(), List.of());
    }
    String qualifier = parts.size() == 1 ? null : String.join(".", parts.subList(0, parts.size() - 1));
    Node column = new Node(Type.COLUMN, qualifier, parts.get(parts.size() - 1), List.of());
    if (isPunct(".") && peek(1).is(Kind.OPERATOR, "*")) {
      take();
      take();
      return new Node(Type.FIELD, ".", "*", List.of(column));
    }
    return isPunct("[") ? indirection(column) : column;
  }

  private Node call(String name) {
    take(); // (
    List<Node> args = new ArrayList<>();
    if (isPunct(")")) {
      take();
    } else {
      if (isOp("*") || isWord("distinct") || isWord("all") || isWord("variadic")) {
        throw new Undecided("an aggregate call");
      }
      while (true) {
        if ((peek().kind() == Kind.IDENT || peek().kind() == Kind.QUOTED_IDENT)
            && (peek(1).is(Kind.SPECIAL, "=>") || peek(1).is(Kind.SPECIAL, ":="))) {
          take();
          take(); // a named argument
        }
        args.add(expression(0));
        if (isPunct(",")) {
          take();
          if (isWord("variadic")) {
            throw new Undecided("a variadic call");
          }
          continue;
        }
        if (isWord("order")) {
          throw new Undecided("an ordered aggregate call");
        }
        expectPunct(")");
        break;
      }
    }
    if (isWord("within") || isWord("filter") || isWord("over")) {
      throw new Undecided("an aggregate or window call");
    }
    return new Node(Type.CALL, null, name, args);
  }

  private Node word() {
    Token t = peek();
    String w = t.value();
    boolean call = peek(1).is(Kind.PUNCT, "(");
    if (COL_NAME.contains(w) && !call && !w.equals("between") && !w.equals("interval") && !w.equals("timestamp")
        && !w.equals("time") && !w.equals("national") && !w.equals("bit") && !w.equals("character")
        && !w.equals("char") && !w.equals("nchar") && !w.equals("varchar") && !w.equals("int")
        && !w.equals("integer") && !w.equals("smallint") && !w.equals("bigint") && !w.equals("real")
        && !w.equals("float") && !w.equals("decimal") && !w.equals("dec") && !w.equals("numeric")
        && !w.equals("boolean") && !w.equals("json")) {
      return columnKeyword(w); // a key word with syntax of its own, used as a column name
    }
    switch (w) {
      case "true", "false" -> {
        take();
        return Node.leaf(Type.BOOLEAN, w);
      }
      case "null" -> {
        take();
        return Node.leaf(Type.NULL, null);
      }
      case "not" -> {
        // NOT before BETWEEN, IN, LIKE... is the grammar's NOT_LA, which also starts an a_expr
        take();
        return new Node(Type.PREFIX, "not", null, List.of(expression(NOT)));
      }
      case "case" -> {
        return caseExpression();
      }
      case "cast", "treat" -> {
        take();
        expectPunct("(");
        Node value = expression(0);
        expectWord("as");
        String type = typeName();
        expectPunct(")");
        return new Node(Type.CAST, w, type, List.of(value));
      }
      case "array" -> {
        take();
        if (isPunct("(")) {
          take();
          if (!startsQuery()) {
            throw syntaxError();
          }
          return skipQuery();
        }
        return arrayLiteral();
      }
      case "row" -> {
        take();
        expectPunct("(");
        if (isPunct(")")) {
          take();
          return new Node(Type.ROW, "row", null, List.of());
        }
        return new Node(Type.ROW, "row", null, expressionList(")"));
      }
      case "exists" -> {
        take();
        expectPunct("(");
        if (!startsQuery()) {
          throw syntaxError();
        }
        return skipQuery();
      }
      case "coalesce", "greatest", "least" -> {
        take();
        expectPunct("(");
        return new Node(Type.SPECIAL_CALL, w, w, expressionList(")"));
      }
      case "nullif" -> {
        take();
        expectPunct("(");
        Node a = expression(0);
        expectPunct(",");
        Node b = expression(0);
        expectPunct(")");
        return new Node(Type.SPECIAL_CALL, w, w, List.of(a, b));
      }
      case "grouping" -> throw new Undecided("GROUPING");
      case "operator" -> {
        if (peek(1).is(Kind.PUNCT, "(")) {
          String op = qualifiedOperator();
          return new Node(Type.PREFIX, op, null, List.of(expression(OP + 1)));
        }
      }
      case "extract" -> {
        take();
        expectPunct("(");
        Token field = take();
        if (!(field.kind() == Kind.IDENT && !RESERVED.contains(field.value()) || field.kind() == Kind.STRING)) {
          pos--;
          throw syntaxError();
        }
        expectWord("from");
        Node from = expression(0);
        expectPunct(")");
        return new Node(Type.SPECIAL_CALL, w, w, List.of(from));
      }
      case "position", "substring", "trim", "overlay", "normalize" -> throw new Undecided(w.toUpperCase() + "(...)");
      case "collation" -> {
        if (peek(1).isWord("for")) {
          throw new Undecided("COLLATION FOR");
        }
        return typeFuncName();
      }
      case "current_schema" -> {
        take();
        if (isPunct("(")) {
          return call(w);
        }
        return new Node(Type.SPECIAL_CALL, w, w, List.of());
      }
      case "default", "unique" -> throw new Undecided(w.toUpperCase());
      case "interval", "timestamp", "time", "double", "national", "bit", "character", "char", "nchar",
          "varchar", "int", "integer", "smallint", "bigint", "real", "float", "decimal", "dec", "numeric",
          "boolean", "json" -> {
        Node typed = typedLiteral();
        if (typed != null) {
          return typed;
        }
      }
      default -> { }
    }
    if (NILADIC.contains(w)) {
      take();
      return new Node(Type.SPECIAL_CALL, w, w, List.of());
    }
    if (NILADIC_PRECISION.contains(w)) {
      take();
      bracketedInteger("(", ")");
      return new Node(Type.SPECIAL_CALL, w, w, List.of());
    }
    if (RESERVED.contains(w)) {
      throw syntaxError();
    }
    if (TYPE_FUNC_NAME.contains(w)) {
      return typeFuncName();
    }
    if (COL_NAME.contains(w)) {
      if (call || peek(1).kind() == Kind.STRING) {
        throw new Undecided(w.toUpperCase() + " with its own syntax");
      }
      return columnKeyword(w);
    }
    return name();
  }

  /** A column named by a key word that is not reserved for names of columns ({@code status}, {@code row}, {@code time}). */
  private Node columnKeyword(String w) {
    if (peek(1).kind() == Kind.STRING) {
      throw new Undecided(w.toUpperCase() + " before a string");
    }
    take();
    Node column = Node.leaf(Type.COLUMN, w);
    if (isPunct(".")) {
      throw new Undecided("a qualified name starting with a key word");
    }
    return isPunct("[") ? indirection(column) : column;
  }

  /** A key word that names functions and types, never columns: a call, a typed literal, else an error. */
  private Node typeFuncName() {
    Token t = peek();
    if (peek(1).is(Kind.PUNCT, "(") || peek(1).kind() == Kind.STRING) {
      return name();
    }
    if (peek(1).is(Kind.PUNCT, ".")) {
      throw new Undecided("a qualified name starting with a key word");
    }
    take();
    throw new Invalid("syntax error at or near " + PostgresLexer.describe(t));
  }

  /** {@code interval '1 day'}, {@code timestamp with time zone '...'}, {@code double precision '1'}...; null when the key word is a column here. */
  private Node typedLiteral() {
    int start = pos;
    String w = peek().value();
    if (w.equals("double") && !peek(1).isWord("precision")) {
      return null; // double is not a key word of its own: a column
    }
    if (w.equals("national") && !(peek(1).isWord("character") || peek(1).isWord("char"))) {
      return null;
    }
    try {
      String type = typeName(false);
      if (peek().kind() != Kind.STRING) {
        pos = start;
        if (w.equals("double") || w.equals("national") || peek(1).is(Kind.PUNCT, "(") || peek(1).kind() == Kind.IDENT
            && !RESERVED.contains(peek(1).value())) {
          throw new Undecided("a type name where a value was expected");
        }
        return null;
      }
      Token s = take();
      if (type.startsWith("interval") && peek().kind() == Kind.IDENT && INTERVAL_FIELDS.contains(peek().value())) {
        intervalFields();
      }
      return Node.leaf(Type.TYPED_STRING, type + "|" + s.value());
    } catch (Invalid e) {
      pos = start;
      throw new Undecided("a type name where a value was expected");
    }
  }

  private Node caseExpression() {
    take(); // CASE
    List<Node> parts = new ArrayList<>();
    if (!isWord("when")) {
      parts.add(expression(0));
    }
    if (!isWord("when")) {
      throw syntaxError();
    }
    while (isWord("when")) {
      take();
      parts.add(expression(0));
      expectWord("then");
      parts.add(expression(0));
    }
    if (isWord("else")) {
      take();
      parts.add(expression(0));
    }
    expectWord("end");
    return new Node(Type.CASE, "case", null, parts);
  }

  private Node arrayLiteral() {
    expectPunct("[");
    List<Node> items = new ArrayList<>();
    if (isPunct("]")) {
      take();
      return new Node(Type.ARRAY, "array", null, items);
    }
    if (isPunct("[")) {
      items.add(arrayLiteral());
      while (isPunct(",")) {
        take();
        items.add(arrayLiteral());
      }
      expectPunct("]");
      return new Node(Type.ARRAY, "array", null, items);
    }
    items.addAll(expressionList("]"));
    return new Node(Type.ARRAY, "array", null, items);
  }

  /** {@code COLLATE}'s name: an identifier, possibly qualified. */
  private String anyName() {
    Token t = take();
    if (!(t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.IDENT && !RESERVED.contains(t.value())
        && !TYPE_FUNC_NAME.contains(t.value()))) {
      pos--;
      if (t.kind() == Kind.IDENT && !RESERVED.contains(t.value())) {
        throw new Undecided("a collation named by a key word");
      }
      throw syntaxError();
    }
    StringBuilder name = new StringBuilder(t.value());
    qualifiedTypeRest(name);
    return name.toString();
  }

  /** {@code OPERATOR(schema.op)} */
  private String qualifiedOperator() {
    take(); // OPERATOR
    expectPunct("(");
    StringBuilder name = new StringBuilder();
    while (peek().kind() == Kind.IDENT || peek().kind() == Kind.QUOTED_IDENT) {
      name.append(take().value());
      expectPunct(".");
      name.append('.');
    }
    if (peek().kind() != Kind.OPERATOR) {
      throw syntaxError();
    }
    name.append(take().value());
    expectPunct(")");
    return "operator(" + name + ")";
  }

  // ------------------------------------------------------------------ type names

  /** A type name after {@code ::}, {@code CAST(... AS}, ...: its normalized text. Unknown shapes are undecided. */
  private String typeName() {
    return typeName(true);
  }

  /** {@code arrays}: whether array bounds may follow (not in a typed literal such as {@code interval '1 day'}). */
  private String typeName(boolean arrays) {
    StringBuilder type = new StringBuilder();
    Token t = peek();
    if (t.kind() == Kind.QUOTED_IDENT) {
      type.append(take().value());
      qualifiedTypeRest(type);
      modifiers(type);
    } else if (t.kind() == Kind.IDENT) {
      String w = t.value();
      if (w.equals("setof")) {
        throw new Undecided("SETOF");
      }
      switch (w) {
        case "int", "integer", "smallint", "bigint", "real", "boolean", "json" -> type.append(take().value());
        case "float" -> {
          type.append(take().value());
          integerModifier(type);
        }
        case "double" -> {
          take();
          if (!isWord("precision")) {
            type.append("double"); // a type named double: the generic form
            modifiers(type);
            break;
          }
          take();
          type.append("double precision");
        }
        case "decimal", "dec", "numeric" -> {
          type.append(take().value());
          modifiers(type);
        }
        case "bit" -> {
          type.append(take().value());
          if (isWord("varying")) {
            take();
            type.append(" varying");
          }
          modifiers(type);
        }
        case "character", "char", "nchar", "varchar", "national" -> {
          take();
          if (w.equals("national")) {
            if (!isWord("character") && !isWord("char")) {
              throw syntaxError();
            }
            take();
          }
          type.append(w.equals("varchar") ? "varchar" : "character");
          if (!w.equals("varchar") && isWord("varying")) {
            take();
            type.append(" varying");
          }
          integerModifier(type);
        }
        case "timestamp", "time" -> {
          type.append(take().value());
          integerModifier(type);
          if (isWord("with") || isWord("without")) {
            String zone = take().value();
            expectWord("time");
            expectWord("zone");
            type.append(" ").append(zone).append(" time zone");
          }
        }
        case "interval" -> {
          type.append(take().value());
          if (isPunct("(")) {
            integerModifier(type);
          } else if (peek().kind() == Kind.IDENT && INTERVAL_FIELDS.contains(peek().value())) {
            intervalFields();
          }
        }
        default -> {
          if (RESERVED.contains(w) || COL_NAME.contains(w)) {
            throw new Undecided("a type named by a key word");
          }
          type.append(take().value());
          qualifiedTypeRest(type);
          modifiers(type);
        }
      }
    } else {
      throw syntaxError();
    }
    while (arrays && isPunct("[")) {
      take();
      if (peek().kind() == Kind.INTEGER) {
        take();
      }
      expectPunct("]");
      type.append("[]");
    }
    if (arrays && isWord("array")) {
      take();
      bracketedInteger("[", "]");
      type.append("[]");
    }
    return type.toString();
  }

  /** {@code .name} parts after a first name, appended to {@code type}. */
  private void qualifiedTypeRest(StringBuilder type) {
    while (isPunct(".")) {
      take();
      Token part = take();
      if (part.kind() != Kind.IDENT && part.kind() != Kind.QUOTED_IDENT) {
        pos--;
        throw syntaxError();
      }
      type.append('.').append(part.value());
    }
  }

  private void modifiers(StringBuilder type) {
    if (isPunct("(")) {
      take();
      List<Node> mods = expressionList(")");
      StringBuilder text = new StringBuilder("(");
      for (int i = 0; i < mods.size(); i++) {
        Node m = mods.get(i);
        if (m.type() != Type.INTEGER) {
          throw new Undecided("a type modifier that is not a number");
        }
        text.append(i == 0 ? "" : ",").append(m.text());
      }
      type.append(text).append(')');
    }
  }

  private void integerModifier(StringBuilder type) {
    String n = bracketedInteger("(", ")");
    if (n != null) {
      type.append('(').append(n).append(')');
    }
  }

  /** {@code (n)} or {@code [n]} when {@code open} comes next: the number; null when it does not. */
  private String bracketedInteger(String open, String close) {
    if (!isPunct(open)) {
      return null;
    }
    take();
    if (peek().kind() != Kind.INTEGER) {
      throw syntaxError();
    }
    String n = take().text();
    expectPunct(close);
    return n;
  }

  private void intervalFields() {
    String first = take().value();
    if (isWord("to")) {
      take();
      if (peek().kind() != Kind.IDENT || !INTERVAL_FIELDS.contains(peek().value())) {
        throw syntaxError();
      }
      first = take().value();
    }
    if (first.equals("second")) {
      bracketedInteger("(", ")");
    }
  }
}
