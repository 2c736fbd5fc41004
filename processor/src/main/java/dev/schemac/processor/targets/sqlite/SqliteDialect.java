package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.UnsafeText;
import dev.schemac.processor.targets.sqlite.SqliteUserSql.Place;
import dev.schemac.processor.targets.sqlite.SqliteUserSql.Rendered;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQLite: quoting, one statement at a time, and the SQL of the model's values. */
final class SqliteDialect {
  /**
   * SQLite's key words (sqlite3_keyword_name, SQLite 3.54): as a name they are quoted, although
   * SQLite takes many of them unquoted where the grammar allows, because which ones it takes
   * depends on the place and changes between versions.
   */
  static final Set<String> KEYWORDS = Set.of(
      "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc", "attach",
      "autoincrement", "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column",
      "commit", "conflict", "constraint", "create", "cross", "current", "current_date", "current_time",
      "current_timestamp", "database", "default", "deferrable", "deferred", "delete", "desc", "detach", "distinct",
      "do", "drop", "each", "else", "end", "escape", "except", "exclude", "exclusive", "exists", "explain", "fail",
      "filter", "first", "following", "for", "foreign", "from", "full", "generated", "glob", "group", "groups",
      "having", "if", "ignore", "immediate", "in", "index", "indexed", "initially", "inner", "insert", "instead",
      "intersect", "into", "is", "isnull", "join", "key", "last", "left", "like", "limit", "match", "materialized",
      "natural", "no", "not", "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others",
      "outer", "over", "partition", "plan", "pragma", "preceding", "primary", "query", "raise", "range", "recursive",
      "references", "regexp", "reindex", "release", "rename", "replace", "restrict", "returning", "right",
      "rollback", "row", "rows", "savepoint", "select", "set", "table", "temp", "temporary", "then", "ties", "to",
      "transaction", "trigger", "unbounded", "union", "unique", "update", "using", "vacuum", "values", "view",
      "virtual", "when", "where", "window", "with", "without");

  /** An identifier as SQLite must see it: quoted when it is a key word (names are lowercase identifiers). */
  String quote(String identifier) {
    return KEYWORDS.contains(identifier) ? '"' + identifier + '"' : identifier;
  }

  String columnList(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  /**
   * A string literal: quotes doubled; SQLite has no escapes, so a backslash is an ordinary
   * character. A control character is refused before anything is written ({@link UnsafeText}).
   */
  String literal(String text) {
    String unsafe = UnsafeText.firstUnsafe(text, false);
    if (unsafe != null) {
      throw new IllegalArgumentException("no SQL literal can carry " + unsafe + ": " + text);
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * Text as SQL comment lines ({@code -- }): SQLite keeps no comments of its own, so schemac
   * writes them above the CREATE TABLE. Every line break a client could honour ends a line here,
   * and each line starts with its own {@code --}, so no comment text can end the comment.
   */
  static List<String> commentLines(String prefix, String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1)) {
      out.add(("-- " + prefix + line).stripTrailing());
    }
    return out;
  }

  // ------------------------------------------------------------------ columns

  /**
   * Whether {@code column} is the table's key of an integer SQLite generates: {@code integer
   * PRIMARY KEY AUTOINCREMENT}, an alias of the rowid that never hands out a value twice, as an
   * identity never does.
   */
  static boolean isRowidKey(Table table, Column column) {
    return column.identity() != Column.Identity.NONE && table.primaryKey() != null
        && table.primaryKey().columns().equals(List.of(column.name())) && column.type().kind().isIntegral()
        && !column.type().array();
  }

  /**
   * The declared type of a column in its table: as {@link SqliteTypes#typeName}, except {@code int}
   * for a one-column integer key that SQLite does not generate: {@code integer PRIMARY KEY} would
   * make it the rowid, which fills a missing key itself instead of refusing it as NOT NULL.
   */
  String columnType(Table table, Column column) {
    if (column.identity() == Column.Identity.NONE && table.primaryKey() != null
        && table.primaryKey().columns().equals(List.of(column.name())) && column.type().kind().isIntegral()
        && !column.type().array()) {
      return "int";
    }
    return SqliteTypes.typeName(column.type());
  }

  /**
   * The column's constraints after its type: NOT NULL, the rowid key, DEFAULT, the type's CHECK,
   * then the named CHECKs declared on the column (an enum's values, {@code @Check} on the
   * component), so that ALTER TABLE ADD COLUMN adds a column with all of them.
   */
  String columnConstraints(Table table, Column column) {
    List<String> parts = new ArrayList<>();
    if (column.isGenerated()) {
      parts.add("GENERATED ALWAYS AS (" + required(generationExpression(table, column), "generated column") + ") STORED");
    }
    if (!column.nullable()) {
      parts.add("NOT NULL");
    }
    if (isRowidKey(table, column)) {
      parts.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY AUTOINCREMENT");
    }
    String defaultSql = defaultExpression(table, column);
    if (defaultSql != null) {
      parts.add("DEFAULT " + defaultSql);
    }
    String check = typeCheck(column);
    if (check != null) {
      parts.add("CHECK (" + check + ")");
    }
    for (CheckConstraint named : table.checks()) {
      if (column.name().equals(named.column())) {
        parts.add(checkConstraint(table, named));
      }
    }
    return String.join(" ", parts);
  }

  /** The CHECK of the column's type, and of a named enum's values (SQLite has no named types). */
  String typeCheck(Column column) {
    LogicalType type = column.type();
    if (type.isNamedEnum() && !type.array()) {
      return quote(column.name()) + " IN (" + type.enumValues().stream().map(this::literal)
          .collect(Collectors.joining(", ")) + ")";
    }
    return SqliteTypes.check(quote(column.name()), type);
  }

  /** One column as in ADD COLUMN, unaligned. */
  String columnDefinition(Table table, Column column) {
    String rest = columnConstraints(table, column);
    return quote(column.name()) + " " + columnType(table, column) + (rest.isEmpty() ? "" : " " + rest);
  }

  // ------------------------------------------------------------------ defaults

  /** The column's DEFAULT as SQLite writes it, or null when it has none. */
  String defaultExpression(Table table, Column column) {
    ColumnDefault value = column.defaultValue();
    if (value == null) {
      return null;
    }
    LogicalType type = column.type();
    if (value instanceof ColumnDefault.Now) {
      return "(" + now(type) + ")";
    }
    if (value instanceof ColumnDefault.RandomUuid) {
      return "(" + SqliteTypes.RANDOM_UUID + ")";
    }
    if (value instanceof ColumnDefault.Literal literal) {
      String sql = literal(type, literal);
      if (sql == null) {
        throw new IllegalStateException("unsupported DEFAULT reached the DDL: " + literal);
      }
      return sql;
    }
    Rendered rendered = rawDefault(table, column);
    if (rendered.sql() == null) {
      throw new IllegalStateException("unsupported DEFAULT reached the DDL: " + rendered.problem());
    }
    return "(" + rendered.sql() + ")";
  }

  /** The current time as a value of {@code type}, or null when the type holds no time. */
  static String nowOrNull(LogicalType type) {
    return switch (type.kind()) {
      case INSTANT -> SqliteTypes.NOW_MILLIS;
      case LOCAL_DATE_TIME -> "strftime('%Y-%m-%dT%H:%M:%f', 'now')";
      case DATE -> "date('now')";
      default -> null;
    };
  }

  private static String now(LogicalType type) {
    String now = nowOrNull(type);
    if (now == null) {
      throw new IllegalStateException("no current time for " + type);
    }
    return now;
  }

  /**
   * A literal default in the form the column stores (null when SQLite cannot store it as
   * such): a number for a decimal as its exact text at the column's scale, a boolean as 0 or 1, a
   * UUID as its 16 bytes, anything else as written.
   */
  String literal(LogicalType type, ColumnDefault.Literal literal) {
    Kind kind = type.array() ? Kind.JSON : type.storage().kind();
    switch (literal.kind()) {
      case NUMBER -> {
        if (kind == Kind.DECIMAL) {
          return literal(decimalText(type, literal.text()));
        }
        return kind.isIntegral() || kind == Kind.FLOAT32 || kind == Kind.FLOAT64 || kind == Kind.RAW
            ? literal.text() : null;
      }
      case BOOLEAN -> {
        return kind == Kind.BOOLEAN || kind == Kind.RAW
            ? (literal.text().equalsIgnoreCase("true") ? "1" : "0") : null;
      }
      default -> {
        String text = literal.text();
        if (kind == Kind.UUID) {
          try {
            UUID uuid = UUID.fromString(text);
            return "x'" + HexFormat.of().withUpperCase().formatHex(uuidBytes(uuid)) + "'";
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
        if (kind == Kind.DECIMAL) {
          return decimalText(type, text) == null ? null : literal(decimalText(type, text));
        }
        if (kind == Kind.DATE || kind == Kind.LOCAL_DATE_TIME || kind == Kind.TIME) {
          return literal(text); // the type's CHECK refuses another form when the DDL runs; unsupported() first
        }
        if (kind == Kind.STRING || kind == Kind.FIXED_STRING || kind == Kind.CLOB || kind == Kind.ENUM
            || kind == Kind.JSON || kind == Kind.RAW) {
          return literal(text);
        }
        return null;
      }
    }
  }

  /** A number as a decimal column stores it: its plain text at the column's scale, null when it is no number. */
  static String decimalText(LogicalType type, String number) {
    try {
      BigDecimal value = new BigDecimal(number.strip());
      if (type.precision() > 0) {
        value = value.setScale(type.scale(), RoundingMode.HALF_UP);
      }
      return value.signum() == 0 && type.precision() == 0 ? "0" : value.toPlainString();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  static byte[] uuidBytes(UUID uuid) {
    byte[] b = new byte[16];
    long hi = uuid.getMostSignificantBits();
    long lo = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  /** A DEFAULT the user wrote as SQL: the current time or a random UUID in PostgreSQL's words, else the expression. */
  Rendered rawDefault(Table table, Column column) {
    String sql = ((ColumnDefault.Raw) column.defaultValue()).sql().sql();
    String word = sql.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (!((ColumnDefault.Raw) column.defaultValue()).sql().target().equals(SqliteTarget.ID)) {
      if ((word.equals("now()") || word.equals("current_timestamp") || word.equals("transaction_timestamp()"))
          && column.type().kind() == Kind.INSTANT && !column.type().array()) {
        return Rendered.ok(SqliteTypes.NOW_MILLIS);
      }
      if ((word.equals("gen_random_uuid()") || word.equals("uuid_generate_v4()")) && column.type().kind() == Kind.UUID
          && !column.type().array()) {
        return Rendered.ok(SqliteTypes.RANDOM_UUID);
      }
    }
    return SqliteUserSql.render(((ColumnDefault.Raw) column.defaultValue()).sql(), table, Place.DEFAULT, this);
  }

  /** A generated column's expression as SQLite writes it, or what is wrong with it: read as a CHECK's is. */
  Rendered generationExpression(Table table, Column column) {
    return SqliteUserSql.render(column.generated(), table, Place.CHECK, this);
  }

  // ------------------------------------------------------------------ constraints

  /** The CHECK's expression, or what is wrong with it. */
  Rendered checkExpression(Table table, CheckConstraint check) {
    Condition condition = check.condition();
    if (condition instanceof Condition.OneOf oneOf) {
      if (oneOf.elements()) {
        return Rendered.refused("each element of array column " + oneOf.column() + " must be one of "
            + oneOf.values().size() + " values, and SQLite checks no element of a JSON array without a subquery,"
            + " which it refuses in a CHECK");
      }
      return Rendered.ok(quote(oneOf.column()) + " IN (" + oneOf.values().stream().map(this::literal)
          .collect(Collectors.joining(", ")) + ")");
    }
    if (condition instanceof Condition.Range range) {
      return Rendered.ok(range.max() == null ? quote(range.column()) + " >= " + range.min()
          : quote(range.column()) + " BETWEEN " + range.min() + " AND " + range.max());
    }
    return SqliteUserSql.render(((Condition.Raw) condition).sql(), table, Place.CHECK, this);
  }

  private static String required(Rendered rendered, String what) {
    if (rendered.sql() == null) {
      throw new IllegalStateException("unsupported " + what + " reached the DDL: " + rendered.problem());
    }
    return rendered.sql();
  }

  String checkConstraint(Table table, CheckConstraint check) {
    return "CONSTRAINT " + quote(check.name()) + " CHECK (" + required(checkExpression(table, check), "CHECK") + ")";
  }

  String foreignKeyConstraint(ForeignKey fk) {
    StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(fk.name()))
        .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
        .append(quote(fk.targetTable())).append(" (").append(columnList(fk.targetColumns())).append(")");
    if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    return sql.toString();
  }

  /**
   * CREATE TABLE {@code name} (the table's own, or the new table of a rebuild) with columns aligned
   * one per line, then the primary key (unless it is the rowid key), the CHECKs of the table (not
   * of one column) and foreign keys, as a
   * STRICT table. SQLite checks a foreign key when a row changes, not when it is declared, so every
   * key is declared here, whichever table is created first.
   */
  String createTable(Table table, String name) {
    int nameWidth = table.columns().stream().mapToInt(c -> quote(c.name()).length()).max().orElse(0);
    int typeWidth = table.columns().stream().mapToInt(c -> columnType(table, c).length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      String head = pad(quote(column.name()), nameWidth) + " " + columnType(table, column);
      String rest = columnConstraints(table, column);
      lines.add(rest.isEmpty() ? head : pad(head, nameWidth + 1 + typeWidth) + " " + rest);
    }
    if (table.primaryKey() != null && table.columns().stream().noneMatch(c -> isRowidKey(table, c))) {
      lines.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY ("
          + columnList(table.primaryKey().columns()) + ")");
    }
    for (CheckConstraint check : table.checks()) {
      if (check.column() == null || table.column(check.column()).isEmpty()) {
        lines.add(checkConstraint(table, check));
      }
    }
    for (ForeignKey fk : table.foreignKeys()) {
      lines.add(foreignKeyConstraint(fk));
    }
    return "CREATE TABLE " + quote(name) + " (\n    " + String.join(",\n    ", lines) + "\n) STRICT;";
  }

  /** The table's comment and its columns' as comment lines, for above its CREATE TABLE; empty when none. */
  List<String> comments(Table table) {
    List<String> out = new ArrayList<>();
    if (table.comment() != null) {
      out.addAll(commentLines(table.name() + ": ", table.comment()));
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        out.addAll(commentLines("  " + table.name() + "." + column.name() + ": ", column.comment()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ indexes and triggers

  /**
   * A UNIQUE constraint as a unique index of the same name (over the live rows of a soft-delete
   * table): SQLite enforces both alike, and an index can be created and dropped without
   * rebuilding the table.
   */
  String createUnique(Table table, UniqueConstraint unique) {
    return "CREATE UNIQUE INDEX " + quote(unique.name()) + " ON " + quote(table.name()) + " ("
        + columnList(unique.columns()) + ")" + (table.softDeleteColumn() == null ? ""
        : " WHERE " + quote(table.softDeleteColumn()) + " IS NULL") + ";";
  }

  /**
   * CREATE INDEX: every method is SQLite's B-tree; INCLUDE columns of a non-unique index become
   * trailing key columns, which cover the same queries.
   */
  String createIndex(Table table, Index index) {
    List<String> elements = new ArrayList<>();
    for (Index.Element e : index.elements()) {
      String element;
      if (e.column() != null) {
        element = quote(e.column());
      } else {
        String expression = required(SqliteUserSql.render(e.expression(), table, Place.INDEX_EXPRESSION, this),
            "index expression");
        element = expression.matches("[a-z_][a-z0-9_]*\\(.*\\)") ? expression : "(" + expression + ")";
      }
      elements.add(e.descending() ? element + " DESC" : element);
    }
    if (!index.unique()) {
      index.include().forEach(c -> elements.add(quote(c)));
    }
    StringBuilder sql = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
        .append(quote(index.name())).append(" ON ").append(quote(table.name())).append(" (")
        .append(String.join(", ", elements)).append(")");
    if (index.where() != null) {
      sql.append(" WHERE ").append(required(SqliteUserSql.render(index.where(), table, Place.INDEX_PREDICATE, this),
          "index predicate"));
    }
    return sql.append(";").toString();
  }

  String dropIndex(String name) {
    return "DROP INDEX " + quote(name) + ";";
  }

  /**
   * {@code @UpdatedAt}: after each update of a row, the column is set to the current time, by an
   * UPDATE of that row that changes nothing when the column already holds it. That UPDATE fires
   * the trigger again only with PRAGMA recursive_triggers on, and then changes no row, so the
   * recursion ends there: the trigger cannot recurse further, whatever the connection's settings.
   */
  String createTrigger(Table table, Trigger trigger) {
    Column column = table.column(trigger.column()).orElseThrow();
    String now = now(column.type());
    String c = quote(trigger.column());
    return "CREATE TRIGGER " + quote(trigger.name()) + " AFTER UPDATE ON " + quote(table.name()) + " FOR EACH ROW\n"
        + "BEGIN\n"
        + "    UPDATE " + quote(table.name()) + " SET " + c + " = " + now + "\n"
        + "        WHERE rowid = NEW.rowid AND " + c + " IS NOT " + now + ";\n"
        + "END;";
  }

  String dropTrigger(String name) {
    return "DROP TRIGGER " + quote(name) + ";";
  }

  // ------------------------------------------------------------------ ALTER TABLE

  String dropTable(String table) {
    return "DROP TABLE " + quote(table) + ";";
  }

  String renameTable(String from, String to) {
    return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to) + ";";
  }

  String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to) + ";";
  }

  String addColumn(Table table, Column column) {
    return "ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + columnDefinition(table, column) + ";";
  }

  String dropColumn(String table, String column) {
    return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column) + ";";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
