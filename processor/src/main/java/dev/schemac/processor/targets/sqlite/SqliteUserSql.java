package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Between;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Binary;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Call;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Case;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Cast;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Collate;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.ColumnRef;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Dialect;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.In;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Keyword;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Like;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Literal;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.LiteralKind;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Node;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.NullTest;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Unary;
import dev.schemac.processor.targets.sqlite.SqliteExpressions.Unreadable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL a user wrote in a CHECK, a DEFAULT or an index, as SQLite must run it.
 *
 * <ul>
 *   <li>Written for SQLite (a build whose first target is {@code sqlite}): copied as written. A
 *       subquery is an error (SQLite refuses it in all four places), and so is comparing a
 *       decimal column, which SQLite stores as text ({@link SqliteTypes}), without a cast: the
 *       comparison would be by characters ({@code '9.00' > '10.00'}). What schemac's reading does
 *       not cover is left to SQLite, with a warning.</li>
 *   <li>Written for PostgreSQL (a build whose first target is {@code postgresql}): read with
 *       PostgreSQL's precedence and written for SQLite with the same meaning, or refused with the
 *       construct named. Functions of the same meaning in both pass ({@code lower}, {@code
 *       length}...), {@code char_length} becomes {@code length}, {@code strpos} {@code instr};
 *       {@code LIKE} with a constant pattern becomes {@code GLOB} (PostgreSQL's LIKE is case
 *       sensitive, SQLite's is not); a decimal column compared in it is compared as a number,
 *       {@code CAST(x AS REAL)} (exact up to 15 digits, which is why a wider decimal is refused);
 *       a column stored differently on SQLite (a UUID as a blob, a point in time as epoch
 *       milliseconds) compared with a string literal is refused.</li>
 * </ul>
 */
final class SqliteUserSql {
  /** Where the expression is used. */
  enum Place { CHECK, DEFAULT, INDEX_EXPRESSION, INDEX_PREDICATE }

  /**
   * The outcome: {@code sql} to write (null when refused), {@code problem} what is wrong with it
   * (null when nothing), {@code warning} whether the problem is only a warning (the SQL is
   * still written, as the user wrote it).
   */
  record Rendered(String sql, String problem, boolean warning) {
    static Rendered ok(String sql) {
      return new Rendered(sql, null, false);
    }

    static Rendered refused(String problem) {
      return new Rendered(null, problem, false);
    }
  }

  /** PostgreSQL functions whose result is the same in SQLite for the same arguments, by name: SQLite's name. */
  private static final Map<String, String> SAME_FUNCTIONS = Map.ofEntries(
      Map.entry("lower", "lower"), Map.entry("upper", "upper"), Map.entry("length", "length"),
      Map.entry("char_length", "length"), Map.entry("character_length", "length"), Map.entry("abs", "abs"),
      Map.entry("coalesce", "coalesce"), Map.entry("nullif", "nullif"), Map.entry("trim", "trim"),
      Map.entry("btrim", "trim"), Map.entry("ltrim", "ltrim"), Map.entry("rtrim", "rtrim"),
      Map.entry("replace", "replace"), Map.entry("substr", "substr"), Map.entry("strpos", "instr"));

  /** How many arguments each of those takes in both engines. */
  private static final Map<String, Set<Integer>> ARITY = Map.ofEntries(
      Map.entry("lower", Set.of(1)), Map.entry("upper", Set.of(1)), Map.entry("length", Set.of(1)),
      Map.entry("char_length", Set.of(1)), Map.entry("character_length", Set.of(1)), Map.entry("abs", Set.of(1)),
      Map.entry("nullif", Set.of(2)), Map.entry("trim", Set.of(1)), Map.entry("btrim", Set.of(1, 2)),
      Map.entry("ltrim", Set.of(1, 2)), Map.entry("rtrim", Set.of(1, 2)), Map.entry("replace", Set.of(3)),
      Map.entry("substr", Set.of(2, 3)), Map.entry("strpos", Set.of(2)));

  private static final Set<String> COMPARISONS = Set.of("=", "==", "!=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT");
  private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");

  /** The most digits a decimal may have for its comparison as REAL to be exact. */
  static final int EXACT_REAL_DIGITS = 15;

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Table table;
  private final SqliteDialect sql;

  private SqliteUserSql(Table table, SqliteDialect sql) {
    this.table = table;
    this.sql = sql;
  }

  /** {@code raw} in {@code place} of {@code table}, as SQLite must run it. */
  static Rendered render(RawSql raw, Table table, Place place, SqliteDialect sql) {
    SqliteUserSql user = new SqliteUserSql(table, sql);
    if (raw.target().equals(SqliteTarget.ID)) {
      return user.own(raw.sql(), place);
    }
    if (raw.target().equals("postgresql")) {
      return user.fromPostgres(raw.sql(), place);
    }
    return Rendered.refused("it is written for target " + raw.target() + ", whose SQL schemac does not write for"
        + " SQLite");
  }

  private Rendered own(String text, Place place) {
    Node root;
    try {
      root = SqliteExpressions.parse(text, Dialect.SQLITE);
    } catch (Unreadable e) {
      if (e.subquery()) {
        return Rendered.refused("it contains a subquery, which SQLite refuses in " + place(place));
      }
      return new Rendered(text, "schemac's reading of SQLite does not cover " + e.getMessage()
          + ", so only SQLite can say whether it is valid, when the DDL runs", true);
    }
    for (Node n : root.all()) {
      List<Node> compared = compared(n);
      for (Node operand : compared) {
        Column column = decimalColumn(operand);
        if (column != null) {
          return Rendered.refused("it compares " + column.name() + ", a decimal that SQLite stores as text, as"
              + " text (by characters: '9.00' > '10.00'). Compare CAST(" + sql.quote(column.name())
              + " AS REAL) instead (exact up to " + EXACT_REAL_DIGITS + " digits)");
        }
      }
    }
    for (Node n : root.all()) {
      if (n instanceof Call call && !SQLITE_FUNCTIONS.contains(call.name())) {
        return new Rendered(text, "it calls " + call.name() + "(), which is none of SQLite's built-in functions: only"
            + " SQLite, on a connection that registers it, can say whether it runs", true);
      }
    }
    return Rendered.ok(text);
  }

  /**
   * SQLite's built-in scalar functions (core, date and time, math, JSON; SQLite 3.54 as
   * sqlite-jdbc builds it): a call of any other is the application's own, which only a connection
   * that registers it can run.
   */
  private static final Set<String> SQLITE_FUNCTIONS = Set.of(
      "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "if", "instr",
      "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf",
      "quote", "random", "randomblob", "replace", "round", "rtrim", "sign", "substr", "substring", "trim", "typeof",
      "unhex", "unicode", "unlikely", "upper", "zeroblob",
      "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
      "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
      "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
      "tanh", "trunc",
      "json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_error_position", "json_extract",
      "jsonb_extract", "json_insert", "jsonb_insert", "json_object", "jsonb_object", "json_patch", "jsonb_patch",
      "json_pretty", "json_quote", "json_remove", "jsonb_remove", "json_replace", "jsonb_replace", "json_set",
      "jsonb_set", "json_type", "json_valid");

  private Rendered fromPostgres(String text, Place place) {
    Node root;
    try {
      root = SqliteExpressions.parse(text, Dialect.POSTGRESQL);
    } catch (Unreadable e) {
      return Rendered.refused(e.subquery() ? "it contains a subquery, which neither engine takes in " + place(place)
          : "it is PostgreSQL SQL with " + e.getMessage() + ", which schemac does not write for SQLite");
    }
    try {
      return Rendered.ok(write(root, place));
    } catch (Unreadable e) {
      return Rendered.refused("it is PostgreSQL SQL with " + e.getMessage());
    }
  }

  private static String place(Place place) {
    return switch (place) {
      case CHECK -> "a CHECK constraint";
      case DEFAULT -> "a DEFAULT";
      case INDEX_EXPRESSION -> "an index expression";
      case INDEX_PREDICATE -> "an index predicate";
    };
  }

  /** The operands a node compares, or none when it compares nothing. */
  private static List<Node> compared(Node n) {
    if (n instanceof Binary b && COMPARISONS.contains(b.op())) {
      return List.of(b.left(), b.right());
    }
    if (n instanceof Between b) {
      return List.of(b.operand(), b.low(), b.high());
    }
    if (n instanceof In in) {
      return in.children();
    }
    return List.of();
  }

  private Column column(Node n) {
    return n instanceof ColumnRef ref ? table.column(ref.name()).orElse(null) : null;
  }

  private Column decimalColumn(Node n) {
    Column c = column(n);
    return c != null && !c.type().array() && c.type().storage().kind() == Kind.DECIMAL ? c : null;
  }

  // ------------------------------------------------------------------ PostgreSQL's meaning, written for SQLite

  /** The node as SQLite text, at the precedence its parent needs; throws what cannot be written. */
  private String write(Node root, Place place) throws Unreadable {
    return write(root, 0);
  }

  /** Precedence of a written node, SQLite's binding powers ({@code 100}: atomic). */
  private static int power(Node n) {
    if (n instanceof Binary b) {
      return switch (b.op()) {
        case "OR" -> 1;
        case "AND" -> 2;
        case "=", "==", "!=", "<>", "IS", "IS NOT" -> 4;
        case "<", "<=", ">", ">=" -> 5;
        case "+", "-" -> 7;
        case "*", "/", "%" -> 8;
        case "||" -> 9;
        default -> 0;
      };
    }
    if (n instanceof Unary u) {
      return u.op().equals("NOT") ? 3 : 10;
    }
    if (n instanceof NullTest || n instanceof Between || n instanceof In || n instanceof Like) {
      return 4;
    }
    if (n instanceof Collate) {
      return 11;
    }
    return 100;
  }

  private String write(Node n, int needed) throws Unreadable {
    String text = writeNode(n);
    return power(n) < needed ? "(" + text + ")" : text;
  }

  private String writeNode(Node n) throws Unreadable {
    if (n instanceof Literal l) {
      return switch (l.kind()) {
        case STRING -> sql.literal(l.text());
        case NULL, TRUE, FALSE -> l.text();
        default -> l.text();
      };
    }
    if (n instanceof ColumnRef ref) {
      Column c = column(ref);
      if (c == null) {
        throw new Unreadable("a name that is no column of " + table.name() + " (" + ref.name() + ")");
      }
      return sql.quote(c.name());
    }
    if (n instanceof Keyword k) {
      throw new Unreadable(k.word() + ", whose value depends on the session's time zone in PostgreSQL");
    }
    if (n instanceof Call call) {
      return call(call);
    }
    if (n instanceof Unary u) {
      if (!u.op().equals("NOT")) {
        arithmeticOperand(u.operand(), u.op());
      }
      int p = power(u);
      return (u.op().equals("NOT") ? "NOT " : u.op()) + write(u.operand(), p);
    }
    if (n instanceof Binary b) {
      int p = power(b);
      if (COMPARISONS.contains(b.op())) {
        List<String> sides = comparison(List.of(b.left(), b.right()), b.op(), p);
        return sides.get(0) + " " + b.op() + " " + sides.get(1);
      }
      if (ARITHMETIC.contains(b.op())) {
        arithmeticOperand(b.left(), b.op());
        arithmeticOperand(b.right(), b.op());
      } else if (b.op().equals("||")) {
        concatOperand(b.left());
        concatOperand(b.right());
      } else if (!b.op().equals("AND") && !b.op().equals("OR")) {
        throw new Unreadable("the operator " + b.op());
      }
      return write(b.left(), p) + " " + b.op() + " " + write(b.right(), p + 1);
    }
    if (n instanceof NullTest t) {
      return write(t.operand(), 5) + (t.not() ? " IS NOT NULL" : " IS NULL");
    }
    if (n instanceof Between b) {
      List<String> sides = comparison(List.of(b.operand(), b.low(), b.high()), "BETWEEN", 5);
      return sides.get(0) + (b.not() ? " NOT BETWEEN " : " BETWEEN ") + sides.get(1) + " AND " + sides.get(2);
    }
    if (n instanceof In in) {
      List<String> sides = comparison(in.children(), "IN", 5);
      return sides.get(0) + (in.not() ? " NOT IN (" : " IN (") + String.join(", ", sides.subList(1, sides.size())) + ")";
    }
    if (n instanceof Like like) {
      return like(like);
    }
    if (n instanceof Case c) {
      StringBuilder out = new StringBuilder("CASE");
      if (c.operand() != null) {
        out.append(' ').append(write(c.operand(), 0));
      }
      for (int i = 0; i < c.whens().size(); i++) {
        out.append(" WHEN ").append(write(c.whens().get(i), 0)).append(" THEN ").append(write(c.thens().get(i), 0));
      }
      if (c.otherwise() != null) {
        out.append(" ELSE ").append(write(c.otherwise(), 0));
      }
      return out.append(" END").toString();
    }
    if (n instanceof Cast c) {
      throw new Unreadable("CAST(... AS " + c.type() + "), whose types SQLite spells differently");
    }
    if (n instanceof Collate c) {
      throw new Unreadable("COLLATE " + c.collation() + ", a collation of PostgreSQL's");
    }
    throw new Unreadable("an expression schemac does not write for SQLite");
  }

  private String call(Call call) throws Unreadable {
    String name = SAME_FUNCTIONS.get(call.name());
    if (name == null) {
      throw new Unreadable("the function " + call.name() + "(), which SQLite does not have with the same meaning");
    }
    Set<Integer> arity = ARITY.get(call.name());
    if (arity != null && !arity.contains(call.args().size())) {
      throw new Unreadable(call.name() + "() with " + call.args().size() + " argument(s)");
    }
    if (call.args().isEmpty()) {
      throw new Unreadable(call.name() + "() without arguments");
    }
    for (Node arg : call.args()) {
      Column c = column(arg);
      if (c != null && storedDifferently(c.type())) {
        throw new Unreadable(call.name() + "() of column " + c.name() + ", which SQLite stores as "
            + SqliteTypes.storageWords(c.type()));
      }
    }
    List<String> args = new ArrayList<>();
    for (Node arg : call.args()) {
      args.add(write(arg, 0));
    }
    return name + "(" + String.join(", ", args) + ")";
  }

  /**
   * The operands of a comparison, written: a decimal column as {@code CAST(x AS REAL)} (its text
   * would compare by characters), refused where SQLite stores the column differently from what the
   * other operand is.
   */
  private List<String> comparison(List<Node> operands, String op, int p) throws Unreadable {
    boolean stringLiteral = operands.stream().anyMatch(o -> o instanceof Literal l && l.kind() == LiteralKind.STRING);
    boolean numberLiteral = operands.stream().anyMatch(o -> o instanceof Literal l
        && (l.kind() == LiteralKind.INTEGER || l.kind() == LiteralKind.DECIMAL));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      Node o = operands.get(i);
      Column c = column(o);
      LogicalType type = c == null ? null : c.type();
      if (type != null && !type.array()) {
        Kind kind = type.storage().kind();
        if (kind == Kind.DECIMAL) {
          if (stringLiteral) {
            throw new Unreadable("a comparison of decimal column " + c.name() + " with a string");
          }
          if (type.precision() == 0 || type.precision() > EXACT_REAL_DIGITS) {
            throw new Unreadable("a comparison of decimal column " + c.name() + (type.precision() == 0
                ? ", which has no precision" : " of " + type.precision() + " digits") + ": SQLite stores it as text"
                + " and compares it exactly as a number only up to " + EXACT_REAL_DIGITS + " digits");
          }
          out.add("CAST(" + sql.quote(c.name()) + " AS REAL)");
          continue;
        }
        if (kind == Kind.DATE || kind == Kind.LOCAL_DATE_TIME || kind == Kind.TIME) {
          for (Node other : operands) {
            if (other instanceof Literal l && l.kind() == LiteralKind.STRING && !canonical(kind, l.text())) {
              throw new Unreadable("a comparison of " + c.name() + " with '" + l.text() + "', which SQLite would"
                  + " compare as text: write it as " + SqliteTypes.canonicalForm(kind));
            }
          }
        } else if (storedDifferently(type) && (stringLiteral || numberLiteral)) {
          throw new Unreadable("a comparison of " + c.name() + " with a literal: SQLite stores it as "
              + SqliteTypes.storageWords(type));
        }
      } else if (type != null) {
        throw new Unreadable("a comparison of array column " + c.name() + ", which SQLite stores as JSON text");
      }
      out.add(write(o, i == 0 ? p : p + 1));
    }
    return out;
  }

  private static boolean canonical(Kind kind, String text) {
    return switch (kind) {
      case DATE -> DATE.matcher(text).matches();
      default -> false; // a time or date-time literal: its fraction of a second may be written several ways
    };
  }

  /** SQLite stores the column as something else than its PostgreSQL type, so literals and functions differ. */
  private static boolean storedDifferently(LogicalType type) {
    Kind kind = type.storage().kind();
    return type.array() || kind == Kind.UUID || kind == Kind.INSTANT || kind == Kind.DURATION
        || kind == Kind.BINARY || kind == Kind.BLOB || kind == Kind.JSON || kind == Kind.DECIMAL || kind == Kind.BOOLEAN
        || kind == Kind.DATE || kind == Kind.LOCAL_DATE_TIME || kind == Kind.TIME || kind == Kind.RAW;
  }

  private void arithmeticOperand(Node operand, String op) throws Unreadable {
    Column c = column(operand);
    if (c != null) {
      Kind kind = c.type().storage().kind();
      if (c.type().array() || !(kind.isIntegral() || kind == Kind.FLOAT32 || kind == Kind.FLOAT64)) {
        throw new Unreadable("arithmetic (" + op + ") on column " + c.name() + ", which SQLite stores as "
            + SqliteTypes.storageWords(c.type()));
      }
    }
  }

  private void concatOperand(Node operand) throws Unreadable {
    Column c = column(operand);
    if (c != null && storedDifferently(c.type())) {
      throw new Unreadable("|| of column " + c.name() + ", which SQLite stores as " + SqliteTypes.storageWords(c.type()));
    }
  }

  /**
   * PostgreSQL's LIKE with a constant pattern as SQLite's GLOB: both compare the whole text and
   * are case sensitive (SQLite's LIKE is not); {@code %} is {@code *}, {@code _} is {@code ?},
   * GLOB's own special characters are escaped in brackets, PostgreSQL's backslash escape is taken.
   */
  private String like(Like like) throws Unreadable {
    if (!like.op().equals("LIKE")) {
      throw new Unreadable(like.op() + " (" + (like.op().equals("ILIKE")
          ? "SQLite folds case for ASCII letters only" : "an operator of SQLite's, not PostgreSQL's") + ")");
    }
    if (like.escape() != null) {
      throw new Unreadable("LIKE ... ESCAPE");
    }
    if (!(like.pattern() instanceof Literal l) || l.kind() != LiteralKind.STRING) {
      throw new Unreadable("LIKE with a pattern that is not a string literal");
    }
    Column c = column(like.operand());
    if (c != null && storedDifferently(c.type())) {
      throw new Unreadable("LIKE on column " + c.name() + ", which SQLite stores as " + SqliteTypes.storageWords(c.type()));
    }
    StringBuilder glob = new StringBuilder();
    String p = l.text();
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (ch == '\\') {
        if (i + 1 == p.length()) {
          throw new Unreadable("a LIKE pattern ending in its escape character");
        }
        ch = p.charAt(++i);
        glob.append(globLiteral(ch));
      } else if (ch == '%') {
        glob.append('*');
      } else if (ch == '_') {
        glob.append('?');
      } else {
        glob.append(globLiteral(ch));
      }
    }
    return write(like.operand(), 5) + (like.not() ? " NOT GLOB " : " GLOB ") + sql.literal(glob.toString());
  }

  private static String globLiteral(char ch) {
    return ch == '*' || ch == '?' || ch == '[' ? "[" + ch + "]" : String.valueOf(ch);
  }

  /** The names {@link #SAME_FUNCTIONS} lists, for the docs. */
  static String functions() {
    return SAME_FUNCTIONS.keySet().stream().sorted().collect(Collectors.joining(", "));
  }
}
