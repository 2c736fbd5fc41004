package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.ErrorId;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.targets.EngineCheck;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Node;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Parse;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL a user writes — CHECK expressions, DEFAULTs, index expressions and predicates — read
 * as PostgreSQL reads it, before any file is written, so that javac fails rather than the
 * deploy:
 *
 * <ul>
 *   <li>{@link #INVALID}: not PostgreSQL's syntax ({@code capacity > 0 AND}, {@code a > 0 && b <
 *       1}), found by {@link PostgresExpressions}, which says so only where the grammar allows no
 *       other reading;</li>
 *   <li>{@link #SUBQUERY}: a subquery, which PostgreSQL refuses in all four places;</li>
 *   <li>{@link #COLUMN_IN_DEFAULT}: a DEFAULT that names a column ({@code @Default("PENDING")} on
 *       an enum means the constant, written {@code 'PENDING'});</li>
 *   <li>{@link #DEFAULT_TYPE}: a literal DEFAULT its column's type cannot take ({@code 'abc'} for
 *       an integer, {@code true} for a uuid, a string longer than the varchar, invalid JSON);</li>
 *   <li>{@link #ENUM_VALUE}: a CHECK or index predicate that compares an enum column with a value
 *       that is not one of its constants (the index never matches; a native enum fails the
 *       DDL);</li>
 *   <li>{@link #UNCHECKED} (a warning): what the grammar here cannot decide, left to the engine
 *       check ({@code -Aschemac.engineCheck=true}), which runs the DDL on PostgreSQL itself; with
 *       the engine check on, the processor does not give the warning.</li>
 * </ul>
 */
public final class PostgresExpressionCheck {
  public static final String INVALID = ErrorId.INVALID_SQL.id();
  public static final String SUBQUERY = ErrorId.SUBQUERY_IN_EXPRESSION.id();
  public static final String COLUMN_IN_DEFAULT = ErrorId.COLUMN_IN_DEFAULT.id();
  public static final String DEFAULT_TYPE = ErrorId.DEFAULT_TYPE_MISMATCH.id();
  public static final String ENUM_VALUE = ErrorId.UNKNOWN_ENUM_VALUE.id();
  public static final String UNCHECKED = EngineCheck.UNDECIDED_ID;

  private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?(\\d+(_\\d+)*|0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+)\\s*");
  private static final Pattern NUMBER = Pattern.compile(
      "\\s*[+-]?((\\d+(_\\d+)*)(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?\\s*|\\s*[+-]?(?i:nan|inf|infinity)\\s*");
  private static final JsonFactory JSON = new JsonFactory();
  private static final PostgresDialect SQL = new PostgresDialect();

  private final List<Problem> problems = new ArrayList<>();

  private PostgresExpressionCheck() {}

  /** The problems of {@code schema}'s user SQL. */
  public static List<Problem> check(Schema schema) {
    PostgresExpressionCheck check = new PostgresExpressionCheck();
    for (Table table : schema.tables()) {
      check.table(table);
    }
    return check.problems;
  }

  private void table(Table t) {
    for (CheckConstraint c : t.checks()) {
      if (c.raw() != null) { // the conditions schemac derives are written by the target itself
        String expression = c.raw().sql();
        Parse parse = read(t, "CHECK " + c.name() + " (" + expression + ")", expression, "a CHECK constraint",
            origin(c.origin(), t));
        if (parse != null) {
          comparisons(t, "CHECK " + c.name(), parse.root(), origin(c.origin(), t));
          constantCheck("CHECK " + c.name() + " (" + expression + ")", "CHECK", parse.root(), origin(c.origin(), t));
        }
      }
    }
    for (Index i : t.indexes()) {
      for (Index.Element e : i.elements()) {
        if (e.expression() != null) {
          String what = "the expression of index " + i.name() + " (" + e.expression().sql() + ")";
          Parse parse = read(t, what, e.expression().sql(), "an index expression", origin(i.origin(), t));
          Type alone = parse == null ? null : unwrapped(parse.root()).type();
          if (alone == Type.NULL || alone == Type.STRING) {
            problems.add(Problem.error(ErrorId.INVALID_SQL, what + " is " + (alone == Type.NULL ? "NULL" : "one string")
                + ", which has no type: PostgreSQL refuses the index (\"data type unknown has no default operator"
                + " class\"). Fix: index a column or an expression of the row's columns, such as lower(email).",
                origin(i.origin(), t)));
          } else if (parse != null) {
            immutable(what, "index expression", parse.root(), origin(i.origin(), t));
          }
        }
      }
      if (i.where() != null) {
        Parse parse = read(t, "the predicate of index " + i.name() + " (" + i.where().sql() + ")", i.where().sql(),
            "an index predicate", origin(i.origin(), t));
        if (parse != null) {
          String what = "the predicate of index " + i.name();
          comparisons(t, what, parse.root(), origin(i.origin(), t));
          int reported = problems.size();
          constantCheck(what + " (" + i.where().sql() + ")", "WHERE", parse.root(), origin(i.origin(), t));
          if (problems.size() == reported) { // a predicate that is USER alone is reported once, as no condition
            immutable(what + " (" + i.where().sql() + ")", "index predicate", parse.root(), origin(i.origin(), t));
          }
        }
      }
    }
    for (Column c : t.columns()) {
      String defaultSql = userDefault(c);
      if (defaultSql != null) {
        Origin at = origin(c.origin(), t);
        Parse parse = read(t, "the DEFAULT of column " + t.name() + "." + c.name() + " (" + defaultSql + ")",
            defaultSql, "a DEFAULT", at);
        if (parse != null) {
          defaultValue(t, c, defaultSql, parse.root(), at);
        }
      }
    }
  }

  /** The tree of a VALID text; reports and returns null otherwise. */
  private Parse read(Table t, String what, String sql, String place, Origin at) {
    Parse parse = PostgresExpressions.parse(sql);
    if (parse.hasSubquery()) {
      problems.add(Problem.error(ErrorId.SUBQUERY_IN_EXPRESSION, what + " contains a subquery, which PostgreSQL refuses"
          + " in " + place + " (\"cannot use subquery\"). Fix: check what involves other rows or tables with a"
          + " foreign key, a UNIQUE constraint or a trigger, and keep the expression to this row's columns.", at));
      return null;
    }
    switch (parse.verdict()) {
      case INVALID -> {
        String hint = sql.contains("&&") ? " PostgreSQL's logical operators are AND, OR and NOT; && is an"
            + " operator on arrays and ranges." : "";
        problems.add(Problem.error(ErrorId.INVALID_SQL, what + " is not valid PostgreSQL: " + parse.reason()
            + "." + hint + " Fix: write one PostgreSQL expression; the DDL would fail when the migration runs.", at));
        return null;
      }
      case UNDECIDED -> {
        problems.add(Problem.warning(ErrorId.UNCHECKED_SQL, what + " uses syntax schemac's own reading of"
            + " PostgreSQL does not cover (" + parse.reason() + "), so only the server can say whether it is"
            + " valid: build with -A" + EngineCheck.OPTION + "=true (docs/engine-check.md) to run the DDL on"
            + " PostgreSQL during the compile.", at));
        return null;
      }
      default -> {
        return parse;
      }
    }
  }

  private static Node unwrapped(Node node) {
    while (node.type() == Type.PARENS) {
      node = node.children().get(0);
    }
    return node;
  }

  /**
   * A CHECK that is one literal: a number is not a boolean, and a string is read as one when the
   * row is checked (boolin), so one that is not a boolean ('A') fails every INSERT; PostgreSQL
   * refuses both in the DDL. A string whose value the lexer could not decide is left to the server.
   */
  private void constantCheck(String what, String clause, Node root, Origin at) {
    Node literal = unwrapped(root);
    String problem = switch (literal.type()) {
      case INTEGER, DECIMAL -> "a number is not a condition (PostgreSQL: \"argument of " + clause
          + " must be type boolean\")";
      case SPECIAL_CALL -> NOT_IMMUTABLE_KEYWORDS.contains(literal.op()) ? literal.op().toUpperCase(Locale.ROOT)
          + " is a name, a date or a time, not a condition (PostgreSQL: \"argument of " + clause
          + " must be type boolean\")" : null;
      case STRING -> literal.text() != null && !bool(literal.text()) ? "'" + literal.text() + "' is not a boolean"
          + " (true, false, yes, no, on, off, 1, 0), and PostgreSQL refuses it (\"invalid input syntax for type"
          + " boolean\")" : null;
      default -> null;
    };
    if (problem != null) {
      problems.add(Problem.error(ErrorId.INVALID_SQL, what + " is one constant: " + problem + ". Fix: write"
          + " a condition on the row's columns, such as @Check(\"quantity >= 0\").", at));
    } else if (literal.type() == Type.STRING && literal.text() == null) {
      problems.add(Problem.warning(ErrorId.UNCHECKED_SQL, what + " is one string whose value schemac does"
          + " not decode (U&'...'), and PostgreSQL refuses it unless it reads as a boolean: build with -A"
          + EngineCheck.OPTION + "=true (docs/engine-check.md) to run the DDL on PostgreSQL during the compile.", at));
    }
  }

  // ------------------------------------------------------------------ DEFAULT

  /**
   * The DEFAULT the user wrote, as SQL ({@code @Default}: a literal is spelled back as written,
   * quotes doubled); null for schemac's own ({@code NOW}, {@code RANDOM_UUID}) and for none.
   */
  private static String userDefault(Column c) {
    if (c.defaultValue() instanceof ColumnDefault.Literal literal) {
      return literal.kind() == ColumnDefault.LiteralKind.STRING ? "'" + literal.text().replace("'", "''") + "'"
          : literal.text();
    }
    return c.defaultValue() instanceof ColumnDefault.Raw raw ? raw.sql().sql() : null;
  }

  private void defaultValue(Table t, Column c, String defaultSql, Node root, Origin at) {
    String what = "the DEFAULT of column " + t.name() + "." + c.name() + " (" + defaultSql + ")";
    for (Node n : root.all()) {
      if (n.type() == Type.COLUMN) {
        String fix = c.type().isEnum() && c.type().enumValues().stream().anyMatch(v -> v.equalsIgnoreCase(n.text()))
            ? "@Default(\"'" + c.type().enumValues().stream().filter(v -> v.equalsIgnoreCase(n.text())).findFirst()
                .orElseThrow() + "'\")"
            : "write a literal, such as @Default(\"'" + javaString(defaultSql.strip().replace("'", "''"))
                + "'\") for a string";
        problems.add(Problem.error(ErrorId.COLUMN_IN_DEFAULT, what + " names column '" + n.text()
            + "', and a DEFAULT cannot refer to columns: PostgreSQL refuses it (\"cannot use column reference in"
            + " DEFAULT expression\"); an unquoted word is a name, not a string. Fix: " + fix + ".", at));
        return;
      }
    }
    LogicalType type = c.type();
    if (PostgresDialect.hibernateOnly(type.kind())) {
      return;
    }
    Node literal = root;
    boolean negative = false;
    while (literal.type() == Type.PARENS || literal.type() == Type.PREFIX
        && (literal.op().equals("-") || literal.op().equals("+"))) {
      negative ^= literal.type() == Type.PREFIX && literal.op().equals("-");
      literal = literal.children().get(0);
    }
    if (literal.type() == Type.SPECIAL_CALL && literal.children().isEmpty()) {
      keywordDefault(what, type, literal.op(), at);
      return;
    }
    if (literal.type() == Type.CALL && literal.children().isEmpty() && CALL_RESULTS.containsKey(literal.text())) {
      callDefault(what, type, literal.text(), at);
      return;
    }
    if (literal.type() == Type.STRING && literal.text() == null && !textual(type)) {
      problems.add(Problem.warning(ErrorId.UNCHECKED_SQL, what + " is a string whose value schemac does not decode"
          + " (U&'...'), and PostgreSQL refuses it unless it reads as a value of " + SQL.typeName(type) + ": build"
          + " with -A" + EngineCheck.OPTION + "=true (docs/engine-check.md) to run the DDL on PostgreSQL during the"
          + " compile.", at));
      return;
    }
    if (type.array()) {
      String problem = switch (literal.type()) {
        case BOOLEAN, INTEGER, DECIMAL -> "a single value cannot be stored in " + SQL.typeName(type);
        case STRING -> literal.text() == null || ARRAY_LITERAL.matcher(literal.text()).find() ? null
            : "'" + literal.text() + "' is not an array literal (PostgreSQL: \"malformed array literal\")";
        default -> null;
      };
      if (problem != null) {
        problems.add(Problem.error(ErrorId.DEFAULT_TYPE_MISMATCH, what + ": " + problem + ", so PostgreSQL refuses"
            + " the DDL. Fix: an array literal, such as @Default(\"'{}'\") for an empty list or"
            + " @Default(\"'{a,b}'\").", at));
      }
      return;
    }
    String problem = switch (literal.type()) {
      case BOOLEAN -> type.kind() == Kind.BOOLEAN || type.kind() == Kind.STRING ? null
          : "a boolean cannot be stored in " + SQL.typeName(type);
      case INTEGER, DECIMAL -> number(type, (negative ? "-" : "") + literal.text(), literal.type() == Type.DECIMAL);
      case STRING -> literal.text() == null ? null : string(type, literal.text());
      default -> null;
    };
    if (problem == null && literal.type() == Type.STRING && literal.text() != null) {
      undecidedDateTime(what + ":", type, literal.text(), at);
    }
    if (problem != null) {
      problems.add(Problem.error(ErrorId.DEFAULT_TYPE_MISMATCH, what + ": " + problem + ", so "
          + (type.isBounded() || type.isEnum() ? "every INSERT that relies on the DEFAULT fails"
          : "PostgreSQL refuses the DDL") + ". Fix: give a value of the column's type"
          + (type.isEnum() ? ", one of " + String.join(", ", type.enumValues().stream().map(v -> "'" + v + "'").toList())
          : "") + ".", at));
    }
  }

  /** An array's text form: braces, or dimensions before them ({@code [1:2]={a,b}}). */
  private static final java.util.regex.Pattern ARRAY_LITERAL = java.util.regex.Pattern.compile("^\\s*[{\\[]");

  /** The niladic keywords whose value is a name (type name or text). */
  private static final Set<String> NAME_KEYWORDS = Set.of("current_role", "current_user", "session_user",
      "system_user", "user", "current_catalog", "current_schema");

  /** Whether a column stores text: any string is assignable to it. */
  private static boolean textual(LogicalType type) {
    return !type.array() && (type.kind() == Kind.STRING || type.kind() == Kind.FIXED_STRING
        || type.kind() == Kind.CLOB);
  }

  /**
   * A DEFAULT that is a keyword with a value ({@code CURRENT_DATE}, {@code USER}): a name goes into
   * text only, a date or time into a date, time or text; PostgreSQL has no cast to anything else
   * ("column is of type date but default expression is of type name").
   */
  private void keywordDefault(String what, LogicalType type, String keyword, Origin at) {
    boolean temporal = !type.array() && switch (type.kind()) {
      case DATE, TIME, OFFSET_TIME, INSTANT, LOCAL_DATE_TIME -> true;
      default -> false;
    };
    boolean fits = NAME_KEYWORDS.contains(keyword) ? textual(type)
        : !NOT_IMMUTABLE_KEYWORDS.contains(keyword) || textual(type) || temporal;
    if (!fits) {
      problems.add(Problem.error(ErrorId.DEFAULT_TYPE_MISMATCH, what + ": " + keyword.toUpperCase(Locale.ROOT)
          + " is " + (NAME_KEYWORDS.contains(keyword) ? "a name" : "a date or time") + ", which cannot be stored in "
          + SQL.typeName(type) + ", so PostgreSQL refuses the DDL. Fix: give a value of the column's type"
          + (NAME_KEYWORDS.contains(keyword) ? "; an unquoted word is SQL, a string is written in quotes ('"
              + keyword + "')" : "") + ".", at));
    }
  }

  /** The argument-less functions whose result type is known: the time, a random UUID, a random number. */
  private static final java.util.Map<String, String> CALL_RESULTS = java.util.Map.of("now", "timestamptz",
      "clock_timestamp", "timestamptz", "statement_timestamp", "timestamptz", "transaction_timestamp", "timestamptz",
      "gen_random_uuid", "uuid", "random", "double precision");

  /**
   * A DEFAULT that calls one of {@link #CALL_RESULTS}: PostgreSQL stores its result only where an
   * assignment cast exists (a time into a date, time or text; a UUID into text; a number into a
   * number or text), and refuses the DDL elsewhere ("column is of type bigint but default
   * expression is of type timestamp with time zone"). Kinds this does not know are left to the server.
   */
  private void callDefault(String what, LogicalType type, String function, Origin at) {
    Kind kind = type.kind();
    boolean known = switch (kind) {
      case STRING, FIXED_STRING, INT16, INT32, INT64, BOOLEAN, FLOAT32, FLOAT64, DECIMAL, UUID, INSTANT,
          LOCAL_DATE_TIME, DATE, TIME, OFFSET_TIME, DURATION, BINARY, ENUM -> true;
      default -> false;
    };
    if (!known) {
      return;
    }
    String result = CALL_RESULTS.get(function);
    boolean fits = !type.array() && !type.isEnum() && (kind == Kind.STRING || kind == Kind.FIXED_STRING
        || switch (result) {
          case "timestamptz" -> kind == Kind.INSTANT || kind == Kind.LOCAL_DATE_TIME || kind == Kind.DATE
              || kind == Kind.TIME || kind == Kind.OFFSET_TIME;
          case "uuid" -> kind == Kind.UUID;
          default -> kind.isIntegral() || kind == Kind.DECIMAL || kind == Kind.FLOAT32 || kind == Kind.FLOAT64;
        });
    if (!fits) {
      problems.add(Problem.error(ErrorId.DEFAULT_TYPE_MISMATCH, what + ": " + function + "() gives a " + result
          + ", which cannot be stored in " + (type.isEnum() ? "an enum column" : SQL.typeName(type))
          + ", so PostgreSQL refuses the DDL" + (type.isEnum() ? " or the CHECK refuses every INSERT that relies on it"
          : "") + ". Fix: give a value of the column's type"
          + (type.isEnum() ? ", one of " + String.join(", ", type.enumValues().stream().map(v -> "'" + v + "'")
              .toList()) : "") + ".", at));
    }
  }

  private static String number(LogicalType type, String text, boolean decimal) {
    Kind kind = type.kind();
    if (type.isEnum()) {
      return "the number " + text + " is not one of the constants";
    }
    if (kind == Kind.STRING || kind == Kind.FLOAT32 || kind == Kind.FLOAT64) {
      return null;
    }
    if (kind.isIntegral() || kind == Kind.DECIMAL) {
      BigDecimal value;
      try {
        value = new BigDecimal(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return null; // hexadecimal and the like: left to the server
      }
      return range(type, value, decimal);
    }
    return "a number cannot be stored in " + SQL.typeName(type);
  }

  private static String range(LogicalType type, BigDecimal value, boolean decimal) {
    Kind kind = type.kind();
    if (kind.isIntegral()) {
      BigInteger whole = value.setScale(0, java.math.RoundingMode.HALF_UP).toBigIntegerExact();
      int bits = kind == Kind.INT16 ? 16 : kind == Kind.INT32 ? 32 : 64;
      if (whole.bitLength() > bits - 1) {
        return value.toPlainString() + " is out of the range of " + SQL.typeName(type);
      }
      if (decimal && value.stripTrailingZeros().scale() > 0) {
        return value.toPlainString() + " has a fraction, which " + SQL.typeName(type) + " rounds away";
      }
      return null;
    }
    if (type.precision() > 0) {
      BigDecimal rounded = value.setScale(type.scale(), java.math.RoundingMode.HALF_UP);
      if (rounded.precision() - rounded.scale() > type.precision() - type.scale() && rounded.signum() != 0) {
        return value.toPlainString() + " does not fit " + SQL.typeName(type);
      }
    }
    return null;
  }

  private static String string(LogicalType type, String value) {
    if (type.isEnum()) {
      return type.enumValues().contains(value) ? null : "'" + value + "' is not one of the constants";
    }
    return switch (type.kind()) {
      case STRING -> type.length() > 0 && value.codePointCount(0, value.length()) > type.length()
          ? "'" + value + "' is longer than " + SQL.typeName(type) : null;
      case INT16, INT32, INT64 -> {
        if (!INTEGER.matcher(value).matches()) {
          yield "'" + value + "' is not an integer";
        }
        try {
          yield range(type, new BigDecimal(value.strip().replace("_", "")), false);
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      case DECIMAL, FLOAT32, FLOAT64 -> {
        if (!NUMBER.matcher(value).matches()) {
          yield "'" + value + "' is not a number";
        }
        try {
          yield type.kind() == Kind.DECIMAL ? range(type, new BigDecimal(value.strip().replace("_", "")), true) : null;
        } catch (NumberFormatException e) {
          yield null; // NaN, Infinity
        }
      }
      case BOOLEAN -> bool(value) ? null : "'" + value + "' is not a boolean (true, false, yes, no, on, off, 1, 0)";
      case BINARY -> bytea(value) ? null : "'" + value + "' is not bytea input (hex '\\x0a1b', or escapes '\\\\'"
          + " and '\\ooo')";
      case UUID -> uuid(value) ? null : "'" + value + "' is not a UUID";
      case DATE, TIME, INSTANT, LOCAL_DATE_TIME -> dateTime(value) ? null
          : "'" + value + "' is not a date or time";
      case JSON -> json(value) ? null : "'" + value + "' is not JSON";
      default -> null;
    };
  }

  /**
   * Whether PostgreSQL's date and time input may read {@code value}: it is lenient (month names, time zones,
   * many orders of fields), so a string is refused only when it has no digit and is none of the special
   * values (epoch, infinity, -infinity, now, today, tomorrow, yesterday, allballs).
   */
  private static boolean dateTime(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.chars().anyMatch(Character::isDigit) || Set.of("epoch", "infinity", "-infinity", "+infinity", "now",
        "today", "tomorrow", "yesterday", "allballs").contains(v);
  }

  /** The words PostgreSQL's date and time input knows for sure: months, days, AM/PM, eras, UTC, the special values. */
  private static final Set<String> DATE_WORDS = Set.of("jan", "january", "feb", "february", "mar", "march", "apr",
      "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
      "nov", "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
      "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "ad", "bc", "t",
      "z", "utc", "gmt", "ut", "zulu", "epoch", "infinity", "now", "today", "tomorrow", "yesterday", "allballs", "j",
      "julian");
  private static final java.util.regex.Pattern LETTERS = java.util.regex.Pattern.compile("[A-Za-z_]+");

  /**
   * A string for a date or time column that has a word schemac does not know ({@code '1; DELETE FROM x'},
   * or a time zone's name PostgreSQL may well know): whether PostgreSQL reads it is left to the engine,
   * with the unchecked-sql warning naming the engine check.
   */
  private void undecidedDateTime(String what, LogicalType type, String value, Origin at) {
    boolean temporal = !type.array() && switch (type.kind()) {
      case DATE, TIME, INSTANT, LOCAL_DATE_TIME -> true;
      default -> false;
    };
    if (!temporal) {
      return;
    }
    java.util.regex.Matcher words = LETTERS.matcher(value);
    while (words.find()) {
      String word = words.group().toLowerCase(Locale.ROOT);
      if (!DATE_WORDS.contains(word)) {
        problems.add(Problem.warning(ErrorId.UNCHECKED_SQL, what + " the string '" + value + "' has the word '"
            + words.group() + "', which schemac does not know in a " + SQL.typeName(type) + ": PostgreSQL refuses"
            + " the DDL unless it reads the string as one (a time zone's name, say). Build with -A"
            + EngineCheck.OPTION + "=true (docs/engine-check.md) to run the DDL on PostgreSQL during the compile.",
            at));
        return;
      }
    }
  }

  /** PostgreSQL's boolin: a unique prefix of true, false, yes, no; on, off, 1, 0; any case, spaces around. */
  private static boolean bool(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return false;
    }
    for (String word : List.of("true", "false", "yes", "no")) {
      if (word.startsWith(v)) {
        return true;
      }
    }
    return v.equals("on") || v.equals("off") || v.equals("of") || v.equals("1") || v.equals("0");
  }

  /** PostgreSQL's uuid_in: 32 hex digits, optionally in braces, a hyphen allowed after any group of four. */
  /**
   * Whether bytea reads the text: the hex form ({@code \x} and pairs of hex digits, whitespace
   * between pairs), or the escape form, where a backslash starts {@code \\} or three octal digits.
   */
  static boolean bytea(String value) {
    if (value.startsWith("\\x")) {
      return value.substring(2).matches("\\s*([0-9a-fA-F]{2}\\s*)*");
    }
    return value.matches("([^\\\\]|\\\\\\\\|\\\\[0-3][0-7][0-7])*");
  }

  private static boolean uuid(String value) {
    String v = value.strip();
    if (v.startsWith("{") && v.endsWith("}")) {
      v = v.substring(1, v.length() - 1);
    }
    return v.replace("-", "").matches("[0-9a-fA-F]{32}") && !v.startsWith("-") && !v.endsWith("-")
        && !v.contains("--");
  }

  private static boolean json(String value) {
    try (JsonParser parser = JSON.createParser(value)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------ enum comparisons

  /**
   * Each comparison of a column with a string ({@code =}, {@code <>}, {@code <}..., {@code IS [NOT] DISTINCT FROM},
   * {@code IN}), both ways round: {@link #compare} for enum columns, {@link #typed} for the others.
   */
  private void comparisons(Table t, String what, Node root, Origin at) {
    for (Node n : root.all()) {
      if ((n.type() == Type.BINARY || n.type() == Type.POSTFIX) && COMPARISONS.contains(n.op())
          && n.children().size() == 2) {
        for (int side = 0; side < 2; side++) {
          compare(t, what, n.op(), n.children().get(side), n.children().get(1 - side), at);
          typed(t, what, n.children().get(side), n.children().get(1 - side), at);
        }
      } else if (n.type() == Type.IN) {
        for (Node item : n.children().subList(1, n.children().size())) {
          compare(t, what, "=", n.children().get(0), item, at);
          typed(t, what, n.children().get(0), item, at);
        }
      }
    }
  }

  private static final Set<String> EQUALITIES = Set.of("=", "<>", "!=", "is distinct from", "is not distinct from");
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "is distinct from",
      "is not distinct from");

  private void typed(Table t, String what, Node side, Node other, Origin at) {
    if (side.type() != Type.COLUMN || other.type() != Type.STRING || other.text() == null) {
      return;
    }
    Column column = t.column(side.text()).orElse(null);
    if (column == null || !column.type().array() && (column.type().isEnum()
        || column.type().kind() == Kind.STRING || column.type().kind() == Kind.RAW)) {
      return;
    }
    String problem = column.type().array()
        ? ARRAY_LITERAL.matcher(other.text()).find() ? null : "'" + other.text() + "' is not an array literal ({...})"
        : string(column.type(), other.text());
    if (problem == null && !column.type().array()) {
      undecidedDateTime(what + " compares column " + column.name() + " with a string:", column.type(),
          other.text(), at);
    }
    if (problem != null) {
      problems.add(Problem.error(ErrorId.INVALID_SQL, what + " compares column " + column.name() + " ("
          + SQL.typeName(column.type()) + ") with a string it cannot read: " + problem + ", and PostgreSQL refuses"
          + " the DDL (\"invalid input syntax\"). Fix: compare with a value of the column's type.", at));
    }
  }

  /**
   * What PostgreSQL evaluates once per row of an index must give the same value every time: a call of a
   * function whose value changes with the time, the session or a random draw makes it refuse the index
   * (\"functions in index expression must be marked IMMUTABLE\"). Those schemac knows: the SQL value
   * functions ({@code CURRENT_DATE}, {@code USER}...) and the common volatile and stable calls.
   */
  private void immutable(String what, String place, Node root, Origin at) {
    for (Node n : root.all()) {
      String name = n.type() == Type.SPECIAL_CALL && NOT_IMMUTABLE_KEYWORDS.contains(n.op()) ? n.op()
          : n.type() == Type.CALL && NOT_IMMUTABLE_CALLS.contains(n.text()) ? n.text() + "()" : null;
      if (name != null) {
        problems.add(Problem.error(ErrorId.INVALID_SQL, what + " uses " + name + ", whose value changes from one"
            + " call to the next (the time, the session or a random draw), and PostgreSQL refuses it in an " + place
            + " (\"functions in index expression must be marked IMMUTABLE\"): the index would hold values no"
            + " query computes again. Fix: index the row's columns only, and compare with " + name
            + " in the queries.", at));
        return;
      }
    }
  }

  private static final Set<String> NOT_IMMUTABLE_KEYWORDS = Set.of("current_date", "current_time",
      "current_timestamp", "localtime", "localtimestamp", "current_role", "current_user", "session_user",
      "system_user", "user", "current_catalog", "current_schema");
  private static final Set<String> NOT_IMMUTABLE_CALLS = Set.of("now", "random", "clock_timestamp",
      "statement_timestamp", "transaction_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v4", "nextval",
      "currval", "lastval", "setval", "current_setting", "txid_current", "pg_backend_pid", "random_normal");

  /**
   * An enum column compared with a value that is not one of its constants: a native enum cannot read it (whatever
   * the comparison); a text enum can, but equal or different to a value no row holds is the same for every row.
   * {@code <} and the like on a text enum compare strings, which stays the user's business.
   */
  private void compare(Table t, String what, String op, Node side, Node other, Origin at) {
    if (side.type() != Type.COLUMN || other.type() != Type.STRING || other.text() == null) {
      return;
    }
    Column column = t.column(side.text()).orElse(null);
    if (column == null || !column.type().isEnum() || column.type().array()
        || column.type().enumValues().contains(other.text())
        || !column.type().isNamedEnum() && !EQUALITIES.contains(op)) {
      return;
    }
    problems.add(Problem.error(ErrorId.UNKNOWN_ENUM_VALUE, what + " compares enum column " + column.name()
        + " with '" + other.text() + "', which is not one of its constants ("
        + String.join(", ", column.type().enumValues()) + "): "
        + (column.type().isNamedEnum() ? "PostgreSQL refuses the DDL (\"invalid input value for enum\")"
        : "the comparison is the same for every row, so the condition never filters what it means to")
        + ". Fix: compare with one of the constants.", at));
  }

  /** {@code text} as the inside of a Java string literal. */
  private static String javaString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }
}
