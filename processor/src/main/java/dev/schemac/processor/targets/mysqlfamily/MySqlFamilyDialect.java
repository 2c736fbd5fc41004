package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Timeouts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB's and MySQL's SQL, one statement or clause at a time: type names, quoting, literals,
 * column definitions and the ALTER TABLE clauses. What differs between the two engines comes from
 * {@link Engine}; what InnoDB needs beyond the model (the indexes of foreign keys, generated
 * columns) from {@link PhysicalTable}.
 */
public final class MySqlFamilyDialect {
  /** The longest identifier both engines keep: 64 characters (schemac's names are ASCII: bytes). */
  public static final int MAX_IDENTIFIER_BYTES = 64;

  /** The longest VARCHAR of utf8mb4 characters: a row holds at most 65,535 bytes, 4 per character. */
  public static final int MAX_VARCHAR = 16383;

  /** The longest index key InnoDB builds (ROW_FORMAT=DYNAMIC): 3072 bytes, 768 utf8mb4 characters. */
  public static final int MAX_KEY_BYTES = 3072;

  /** Session settings every file starts with; see {@link #sessionSettings()}. */
  static final String SQL_MODE =
      "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

  private final Engine engine;
  /** Table and sequence names written with capitals, by the model's name ({@link Table#writtenName()}). */
  private final Map<String, String> written;

  public MySqlFamilyDialect(Engine engine) {
    this(engine, Map.of());
  }

  private MySqlFamilyDialect(Engine engine, Map<String, String> written) {
    this.engine = engine;
    this.written = Map.copyOf(written);
  }

  /**
   * This dialect writing the tables and sequences of {@code schemas} as their sources spell them
   * ({@code Account}, as Hibernate looks for it: these engines keep table names case-sensitive on
   * Linux); a later schema's spelling wins over an earlier one's.
   */
  public MySqlFamilyDialect withNamesOf(Schema... schemas) {
    Map<String, String> names = new HashMap<>();
    for (Schema schema : schemas) {
      for (Table table : schema.tables()) {
        spell(names, table.qualifiedName(), table.writtenName(), table.name());
      }
      for (Sequence sequence : schema.sequences()) {
        spell(names, sequence.qualifiedName(), sequence.writtenName(), sequence.name());
      }
    }
    return names.equals(written) ? this : new MySqlFamilyDialect(engine, names);
  }

  private static void spell(Map<String, String> names, String key, String spelling, String name) {
    if (spelling.equals(name)) {
      names.remove(key);
    } else {
      names.put(key, spelling);
    }
  }

  public Engine engine() {
    return engine;
  }

  // ------------------------------------------------------------------ names and literals

  /** An identifier as the engine must see it: in backticks when it is a reserved word. */
  public String quote(String identifier) {
    return engine.reservedWords().contains(identifier) ? "`" + identifier + "`" : identifier;
  }

  /**
   * A table or sequence name (the model's, {@link Table#qualifiedName()}) as the engine must see
   * it: with its capitals ({@link #withNamesOf}), in backticks when it is a reserved word (these are
   * case-insensitive).
   */
  public String table(String name) {
    String spelled = written(name);
    return engine.reservedWords().contains(name) ? "`" + spelled + "`" : spelled;
  }

  /** A table or sequence name with its capitals, unquoted: what {@code information_schema} holds. */
  public String written(String name) {
    return written.getOrDefault(name, name);
  }

  public String columnList(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  /**
   * A string literal: quotes doubled, backslashes doubled (both engines read a backslash as an
   * escape unless NO_BACKSLASH_ESCAPES is set, which every file unsets). A literal never holds
   * {@code \'}, so every client finds the same end of it whatever its mode. Control characters
   * never get here ({@link dev.schemac.processor.model.UnsafeText} refuses them first).
   */
  public static String literal(String text) {
    String unsafe = dev.schemac.processor.model.UnsafeText.firstUnsafe(text, false);
    if (unsafe != null) {
      throw new IllegalArgumentException("no SQL literal can carry " + unsafe + ": " + text);
    }
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** What every file sets first: known modes and UTC. */
  public List<String> sessionSettings() {
    return List.of("SET SESSION sql_mode = " + literal(SQL_MODE) + ";",
        "SET SESSION time_zone = '+00:00';");
  }

  /** The longest wait for a lock both engines take, in seconds (a year): what "no limit" becomes. */
  static final long LONGEST_LOCK_WAIT_SECONDS = 31_536_000;

  /**
   * The time limits every file sets after {@link #sessionSettings()}: the wait for a metadata lock
   * (DDL) and for a row lock (a data step's UPDATE), in whole seconds, at least 1; and, since every
   * DDL statement commits on its own, how long one statement may run is the non-transactional limit
   * (default: none, as an index build takes as long as the table is large). MariaDB spells it
   * {@code max_statement_time}; MySQL has no limit for DDL, which the file then says.
   */
  public List<String> sessionTimeouts(Timeouts timeouts) {
    long lock = timeouts.lock().isZero() ? LONGEST_LOCK_WAIT_SECONDS
        : Math.min(LONGEST_LOCK_WAIT_SECONDS, Math.max(1, (timeouts.lock().toMillis() + 999) / 1000));
    List<String> lines = new ArrayList<>(List.of("SET SESSION lock_wait_timeout = " + lock + ";",
        "SET SESSION innodb_lock_wait_timeout = " + lock + ";"));
    java.time.Duration run = timeouts.nonTransactionalStatement();
    if (engine.statementTimeout()) {
      lines.add("SET SESSION max_statement_time = " + java.math.BigDecimal.valueOf(
          Math.min(run.toMillis(), LONGEST_LOCK_WAIT_SECONDS * 1000), 3).stripTrailingZeros().toPlainString() + ";");
    } else if (!run.isZero()) {
      lines.add("-- " + engine.displayName() + " has no time limit for DDL statements (max_execution_time limits only"
          + " SELECT): the limit of " + Timeouts.format(run) + " is not applied.");
    }
    return lines;
  }

  // ------------------------------------------------------------------ types and values

  /**
   * The engine's type for a logical type. Strings are utf8mb4 in the table's binary collation;
   * see docs/targets/mariadb.md for the reason of each choice.
   */
  public String typeName(LogicalType type) {
    return switch (type.kind()) {
      case STRING -> stringType(type.length());
      case INT16 -> "smallint";
      case INT32 -> "int";
      case INT64 -> "bigint";
      case BOOLEAN -> "boolean";
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      // no precision: an entity's BigDecimal (a record's is refused), DECIMAL(38,2) as Hibernate's defaults make it
      case DECIMAL -> type.precision() == 0 ? "decimal(" + HIBERNATE_PRECISION + "," + HIBERNATE_SCALE + ")"
          : "decimal(" + type.precision() + "," + type.scale() + ")";
      case UUID -> engine.uuidType() ? "uuid" : "binary(16)";
      case INSTANT, LOCAL_DATE_TIME -> "datetime(6)";
      case DATE -> "date";
      case TIME -> "time(6)";
      case DURATION -> "decimal(21,0)";
      case BINARY, BLOB -> "longblob";
      case CLOB -> "longtext";
      case FIXED_STRING -> "char(" + type.length() + ")";
      // refused first (MySqlFamilyUnsupported): no type Hibernate reads these from here is known
      case INET, XML, OFFSET_TIME -> throw new IllegalArgumentException("no " + type.kind() + " column here");
      case JSON -> "json";
      case ENUM -> "enum(" + type.enumValues().stream().map(MySqlFamilyDialect::literal)
          .collect(Collectors.joining(",")) + ")";
      case RAW -> type.rawSql();
      case DOCUMENT -> throw new IllegalArgumentException("an embedded document is no column type");
    };
  }

  /** Hibernate's precision and scale of a BigDecimal whose {@code @Column} gives no precision. */
  static final int HIBERNATE_PRECISION = 38;
  static final int HIBERNATE_SCALE = 2;

  /** The longest TEXT and MEDIUMTEXT, in characters, as Hibernate's MariaDB and MySQL dialects size them. */
  static final int MAX_TEXT = 65_535;
  static final int MAX_MEDIUMTEXT = 16_777_215;

  /**
   * A string of at most {@code length} characters (0: no length): a VARCHAR up to {@link
   * #MAX_VARCHAR}; longer (only an entity's: a record's is refused), the type Hibernate 7 writes for
   * that length, run here against MariaDB 11.4: TEXT up to 65,535, MEDIUMTEXT up to 16,777,215,
   * LONGTEXT beyond (Hibernate counts characters where the server counts bytes, so TEXT holds 16,383
   * characters of 4 bytes); LONGTEXT without a length.
   */
  static String stringType(int length) {
    if (length == 0) {
      return "longtext";
    }
    return length <= MAX_VARCHAR ? "varchar(" + length + ")" : length <= MAX_TEXT ? "text"
        : length <= MAX_MEDIUMTEXT ? "mediumtext" : "longtext";
  }

  /** Whether the type is a TEXT or BLOB type: no literal DEFAULT on MySQL, no index without a prefix. */
  public static boolean isLob(LogicalType type) {
    return type.kind() == Kind.STRING && (type.length() == 0 || type.length() > MAX_VARCHAR)
        || type.kind() == Kind.BINARY || type.kind() == Kind.JSON || type.kind() == Kind.CLOB
        || type.kind() == Kind.BLOB;
  }

  /** The most bytes a value of the type takes in an index key, or -1 when it needs a prefix (TEXT, BLOB). */
  public static int keyBytes(LogicalType type) {
    return switch (type.kind()) {
      case STRING -> isLob(type) ? -1 : 4 * type.length();
      case FIXED_STRING -> 4 * type.length();
      case ENUM, INT16 -> 2;
      case INT32, FLOAT32, DATE -> 4;
      case INT64, FLOAT64, INSTANT, LOCAL_DATE_TIME, TIME -> 8;
      case BOOLEAN -> 1;
      case UUID -> 16;
      case DECIMAL, DURATION -> 32;
      case BINARY, JSON, DOCUMENT, CLOB, BLOB, INET, XML, OFFSET_TIME -> -1;
      case RAW -> 0;
    };
  }

  /** The column's DEFAULT as the engine writes it, or null when it has none. */
  public String defaultExpression(Column column) {
    ColumnDefault value = column.defaultValue();
    if (value == null) {
      return null;
    }
    if (value instanceof ColumnDefault.Now) {
      return switch (column.type().kind()) {
        case DATE -> "(curdate())";
        case TIME -> "(curtime(6))";
        default -> "current_timestamp(6)";
      };
    }
    if (value instanceof ColumnDefault.RandomUuid) {
      // MariaDB's UUID type stores a version 1 UUID with its time fields first: keys arrive in order
      return engine.uuidType() ? "uuid()" : "(unhex(replace(uuid(),'-','')))";
    }
    if (value instanceof ColumnDefault.Literal l) {
      String text = switch (l.kind()) {
        case STRING -> literal(l.text());
        case NUMBER -> l.text();
        case BOOLEAN -> l.text().toLowerCase(java.util.Locale.ROOT);
      };
      // MySQL takes a TEXT, BLOB or JSON default only as an expression
      return isLob(column.type()) ? "(" + text + ")" : text;
    }
    return "(" + PortableSql.render(((ColumnDefault.Raw) value).sql(), this) + ")";
  }

  /** The CHECK's expression: schemac's own conditions spelled here, the user's SQL made portable. */
  public String checkExpression(CheckConstraint check) {
    Condition condition = check.condition();
    if (condition instanceof Condition.OneOf oneOf) {
      return quote(oneOf.column()) + " IN ("
          + oneOf.values().stream().map(MySqlFamilyDialect::literal).collect(Collectors.joining(", ")) + ")";
    }
    if (condition instanceof Condition.Range range) {
      return range.max() == null ? quote(range.column()) + " >= " + range.min()
          : quote(range.column()) + " BETWEEN " + range.min() + " AND " + range.max();
    }
    return PortableSql.render(((Condition.Raw) condition).sql(), this);
  }

  // ------------------------------------------------------------------ columns

  /**
   * One column as CREATE TABLE, ADD COLUMN and MODIFY COLUMN write it; {@code onUpdate}: it is an
   * {@code @UpdatedAt} column, which the engine sets on every UPDATE that changes the row.
   */
  public String columnDefinition(Column column, boolean onUpdate) {
    return quote(column.name()) + " " + typeName(column.type()) + attributes(column, onUpdate);
  }

  /** What follows a column's type: NOT NULL, AUTO_INCREMENT, DEFAULT, ON UPDATE, COMMENT. */
  String attributes(Column column, boolean onUpdate) {
    List<String> parts = new ArrayList<>();
    if (column.isGenerated()) {
      parts.add("AS (" + PortableSql.render(column.generated(), this) + ") STORED");
    }
    if (!column.nullable() && (!column.isGenerated() || engine.generatedNotNull())) {
      parts.add("NOT NULL");
    }
    if (column.identity() != Column.Identity.NONE) {
      parts.add("AUTO_INCREMENT");
    }
    String defaultSql = defaultExpression(column);
    if (defaultSql != null) {
      parts.add("DEFAULT " + defaultSql);
    }
    if (onUpdate) {
      parts.add("ON UPDATE current_timestamp(6)");
    }
    if (column.comment() != null) {
      parts.add("COMMENT " + literal(column.comment()));
    }
    return parts.isEmpty() ? "" : " " + String.join(" ", parts);
  }

  /** A generated column schemac adds: virtual (computed on read, stored only in its index) and invisible to {@code SELECT *}. */
  public String generatedColumnDefinition(PhysicalTable.Generated generated) {
    return quote(generated.name()) + " " + generated.type() + " AS (" + generated.expression() + ") VIRTUAL INVISIBLE"
        + " COMMENT " + literal(generated.comment());
  }

  // ------------------------------------------------------------------ keys and indexes

  public String primaryKeyClause(List<String> columns) {
    return "PRIMARY KEY (" + columnList(columns) + ")";
  }

  /** An index as a CREATE TABLE line or an ADD clause: {@code [UNIQUE] KEY name (parts)}. */
  public String indexClause(PhysicalTable.Key key) {
    return (key.unique() ? "UNIQUE KEY " : "KEY ") + quote(key.name()) + " ("
        + String.join(", ", key.parts()) + ")";
  }

  public String checkClause(CheckConstraint check) {
    return "CONSTRAINT " + quote(check.name()) + " CHECK (" + checkExpression(check) + ")";
  }

  public String foreignKeyClause(ForeignKey fk) {
    StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(fk.name()))
        .append(" FOREIGN KEY ").append(engine.ifExists() ? "IF NOT EXISTS " : "")
        .append("(").append(columnList(fk.columns())).append(") REFERENCES ")
        .append(table(fk.targetTable())).append(" (").append(columnList(fk.targetColumns())).append(")");
    if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    return sql.toString();
  }

  /** The FOREIGN KEY clause of CREATE TABLE, where a new table needs no IF NOT EXISTS. */
  public String inlineForeignKeyClause(ForeignKey fk) {
    return foreignKeyClause(fk).replace(" FOREIGN KEY IF NOT EXISTS ", " FOREIGN KEY ");
  }

  // ------------------------------------------------------------------ tables

  /**
   * CREATE TABLE with its columns aligned one per line, generated columns, the primary key, every
   * index and UNIQUE, CHECKs, the foreign keys in {@code inlineForeignKeys}, and the table's
   * options: InnoDB, utf8mb4 in {@link Engine#collation()}, its comment.
   */
  public String createTable(PhysicalTable physical, List<ForeignKey> inlineForeignKeys, boolean ifNotExists) {
    Table table = physical.table();
    int nameWidth = table.columns().stream().mapToInt(c -> quote(c.name()).length()).max().orElse(0);
    int typeWidth = table.columns().stream().mapToInt(c -> typeName(c.type()).length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      String head = pad(quote(column.name()), nameWidth) + " " + typeName(column.type());
      String rest = attributes(column, physical.onUpdate(column.name())).strip();
      lines.add(rest.isEmpty() ? head : pad(head, nameWidth + 1 + typeWidth) + " " + rest);
    }
    physical.generated().forEach(g -> lines.add(generatedColumnDefinition(g)));
    if (table.primaryKey() != null) {
      lines.add(primaryKeyClause(table.primaryKey().columns()));
    }
    physical.keys().forEach(k -> lines.add(indexClause(k)));
    for (CheckConstraint check : physical.checks()) {
      lines.add(checkClause(check));
    }
    for (ForeignKey fk : inlineForeignKeys) {
      lines.add(inlineForeignKeyClause(fk));
    }
    return "CREATE TABLE " + (ifNotExists && engine.ifExists() ? "IF NOT EXISTS " : "") + table(table.qualifiedName())
        + " (\n    " + String.join(",\n    ", lines) + "\n)" + tableOptions(table.comment()) + ";";
  }

  String tableOptions(String comment) {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + engine.collation()
        + (comment == null ? "" : " COMMENT=" + literal(comment));
  }

  public String dropTable(String table) {
    return "DROP TABLE " + (engine.ifExists() ? "IF EXISTS " : "") + table(table) + ";";
  }

  public String renameTable(String from, String to) {
    return "RENAME TABLE " + (engine.ifExists() ? "IF EXISTS " : "") + table(from) + " TO " + table(to) + ";";
  }

  /**
   * A table or sequence whose name changes in case only ({@code account} to {@code Account}): run
   * only where the server keeps the case ({@code lower_case_table_names = 0}, Linux's default; with
   * 1 or 2 the server folds names itself, and the RENAME would find the new name taken) and while
   * the old spelling is there, compared byte for byte ({@code information_schema} compares names
   * case-insensitively on MariaDB).
   */
  public String renameCase(String name, String from, String to) {
    String quotedFrom = engine.reservedWords().contains(name) ? "`" + from + "`" : from;
    String quotedTo = engine.reservedWords().contains(name) ? "`" + to + "`" : to;
    return Rerunnable.when("@@lower_case_table_names = 0 AND (SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE table_schema = DATABASE() AND CAST(table_name AS BINARY) = " + literal(from) + ") > 0",
        "RENAME TABLE " + quotedFrom + " TO " + quotedTo + ";");
  }

  /** {@code ALTER TABLE t clause, clause, ALGORITHM=..., LOCK=...;} */
  public String alter(String table, List<String> clauses, OnlineDdl online) {
    List<String> all = new ArrayList<>(clauses);
    all.addAll(online.clauses());
    // IF EXISTS: a rerun after a RENAME TABLE further down the file finds the table under its new name
    return "ALTER TABLE " + (engine.ifExists() ? "IF EXISTS " : "") + table(table)
        + " " + String.join(", ", all) + ";";
  }

  public String alter(String table, String clause, OnlineDdl online) {
    return alter(table, List.of(clause), online);
  }

  // ------------------------------------------------------------------ clauses of ALTER TABLE

  private String ifNotExists() {
    return engine.ifExists() ? "IF NOT EXISTS " : "";
  }

  private String ifExists() {
    return engine.ifExists() ? "IF EXISTS " : "";
  }

  public String addColumn(String definition) {
    return "ADD COLUMN " + ifNotExists() + definition;
  }

  public String dropColumn(String column) {
    return "DROP COLUMN " + ifExists() + quote(column);
  }

  public String renameColumn(String from, String to) {
    return "RENAME COLUMN " + ifExists() + quote(from) + " TO " + quote(to);
  }

  public String modifyColumn(String definition) {
    return "MODIFY COLUMN " + ifExists() + definition;
  }

  public String setDefault(Column column) {
    return "ALTER COLUMN " + quote(column.name()) + " SET DEFAULT " + defaultExpression(column);
  }

  public String dropDefault(String column) {
    return "ALTER COLUMN " + quote(column) + " DROP DEFAULT";
  }

  public String addIndex(PhysicalTable.Key key) {
    return "ADD " + (key.unique() ? "UNIQUE INDEX " : "INDEX ") + ifNotExists() + quote(key.name()) + " ("
        + String.join(", ", key.parts()) + ")";
  }

  public String dropIndex(String name) {
    return "DROP INDEX " + ifExists() + quote(name);
  }

  public String renameIndex(String from, String to) {
    return "RENAME INDEX " + ifExists() + quote(from) + " TO " + quote(to);
  }

  public String addPrimaryKey(List<String> columns) {
    return "ADD " + primaryKeyClause(columns);
  }

  public String dropPrimaryKey() {
    return "DROP PRIMARY KEY";
  }

  public String addCheck(CheckConstraint check) {
    return "ADD CONSTRAINT " + ifNotExists() + quote(check.name()) + " CHECK (" + checkExpression(check) + ")";
  }

  public String dropCheck(String name) {
    return "DROP CONSTRAINT " + ifExists() + quote(name);
  }

  public String addForeignKey(ForeignKey fk) {
    return "ADD " + foreignKeyClause(fk);
  }

  public String dropForeignKey(String name) {
    return "DROP FOREIGN KEY " + ifExists() + quote(name);
  }

  public String tableComment(String comment) {
    return "COMMENT = " + (comment == null ? "''" : literal(comment));
  }

  // ------------------------------------------------------------------ sequences (MariaDB)

  public String createSequence(Sequence sequence) {
    return "CREATE SEQUENCE " + ifNotExists() + table(sequence.qualifiedName()) + " START WITH " + sequence.start()
        + " INCREMENT BY " + sequence.increment() + ";";
  }

  public String dropSequence(String name) {
    return "DROP SEQUENCE " + ifExists() + table(name) + ";";
  }

  public String alterSequence(String name, Long start, Long increment) {
    return "ALTER SEQUENCE " + table(name) + (start == null ? "" : " START WITH " + start)
        + (increment == null ? "" : " INCREMENT BY " + increment) + ";";
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
