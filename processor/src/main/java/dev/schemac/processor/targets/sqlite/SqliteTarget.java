package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.targets.Capabilities;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.MigrationPlan;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.UnsupportedFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite 3.38 and later (tested on 3.54, the engine of {@code org.xerial:sqlite-jdbc}): STRICT
 * tables, each logical type in the storage class and CHECK that hold it exactly (docs/sqlite.md),
 * and migrations that alter a table where SQLite's ALTER TABLE can and rebuild it (SQLite's
 * twelve steps) where it cannot, in files that Flyway runs outside its own transaction.
 */
public final class SqliteTarget implements SqlTarget {
  public static final String ID = "sqlite";

  /**
   * Named enum types are written as text with a CHECK on their values (SQLite has no types of its
   * own); arrays as JSON arrays in text; comments as SQL comments in the files (SQLite keeps none),
   * and in schema.md. No sequences, no named schemas.
   */
  private static final Capabilities CAPABILITIES =
      new Capabilities(true, true, true, true, false, true, false, true, false, true);

  /** What every file says about the connection that runs it, and what the application's connections need. */
  static final List<String> CONNECTION_NOTE = List.of(
      "SQLite 3.38 or later (STRICT tables, JSON functions). SQLite checks foreign keys only on a connection",
      "that ran PRAGMA foreign_keys = ON (with sqlite-jdbc: foreign_keys=true in the URL): every connection",
      "of the application needs it.");

  private final SqliteDialect sql = new SqliteDialect();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "SQLite";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** SQLite keeps names of any length (up to the length of an SQL statement). */
  @Override
  public int maxIdentifierBytes() {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean isReserved(String word) {
    return SqliteDialect.KEYWORDS.contains(word);
  }

  @Override
  public String quote(String identifier) {
    return sql.quote(identifier);
  }

  @Override
  public String typeName(LogicalType type) {
    return SqliteTypes.typeName(type);
  }

  /**
   * A STRICT type as the logical type it stores: {@code integer}/{@code int} a 64-bit integer,
   * {@code real} a double, {@code text} a string, {@code blob} bytes; {@code any} holds any of
   * them, so it is none.
   */
  @Override
  public LogicalType readType(String sql) {
    return switch (sql.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "integer", "int" -> LogicalType.of(LogicalType.Kind.INT64);
      case "real" -> LogicalType.of(LogicalType.Kind.FLOAT64);
      case "text" -> LogicalType.string();
      case "blob" -> LogicalType.of(LogicalType.Kind.BINARY);
      default -> null;
    };
  }

  /** The STRICT type and, where it does not say it, what the column holds: {@code integer (epoch milliseconds)}. */
  @Override
  public String typeDescription(LogicalType type) {
    String name = SqliteTypes.typeName(type);
    String holds = SqliteTypes.holds(type);
    return holds == null ? name : name + " (" + holds + ")";
  }

  @Override
  public String defaultExpression(Table table, Column column) {
    return sql.defaultExpression(table, column);
  }

  /** The expression: the type's and the named enum's CHECKs are part of the column, as schema.md's type says. */
  @Override
  public String checkExpression(Table table, CheckConstraint check) {
    return sql.checkExpression(table, check).sql();
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    String statement = sql.createIndex(table, index);
    return statement.substring(0, statement.length() - 1);
  }

  /** Hibernate's INET, SQLXML and TIME_WITH_TIMEZONE: SQLite's STRICT tables have no such type. */
  @Override
  public java.util.Set<LogicalType.Kind> kindsWithoutType() {
    return java.util.EnumSet.of(LogicalType.Kind.INET,
        LogicalType.Kind.XML, LogicalType.Kind.OFFSET_TIME);
  }

  /** What the capabilities rule out, then what only SQLite knows (its names, types, SQL). */
  @Override
  public List<Problem> unsupported(Schema schema) {
    List<Problem> problems = new ArrayList<>(UnsupportedFeatures.check(schema, this));
    if (!problems.isEmpty()) {
      return problems;
    }
    problems.addAll(SqliteUnsupported.check(schema, sql));
    return problems;
  }

  @Override
  public String schemaScript(Schema schema, List<String> header) {
    return new SqliteSchemaScript(sql).render(schema, header);
  }

  /** All in one file: SQLite has no step that must run outside a transaction ({@code singleTransaction} changes nothing). */
  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction) {
    return SqliteMigrationRenderer.render(sql, changes);
  }

  /**
   * With a hand-written data step: what the version adds, the step, then what it removes or
   * tightens (docs/migrations.md, "Data steps"), inside the file's one transaction.
   */
  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data) {
    return data == null ? migration(changes, singleTransaction) : SqliteMigrationRenderer.render(sql, changes, data);
  }

  /**
   * Each file holds its own transaction ({@code SAVEPOINT} ... {@code RELEASE}) between {@code PRAGMA
   * foreign_keys = OFF} and {@code ON}, which do nothing inside a transaction: Flyway must run it
   * outside its own, and refuses a file that mixes the pragma with other statements otherwise.
   */
  @Override
  public String migrationConf() {
    return "executeInTransaction=false\n";
  }

  /**
   * A data step runs inside the migration file's own transaction, with foreign keys off: it may not
   * begin, end or name a transaction, VACUUM, or set PRAGMA foreign_keys (docs/sqlite.md).
   */
  @Override
  public String refusedInDataStep(String script) {
    String statement = SqliteStatements.transactionControl(script);
    return statement == null ? null : "runs inside the migration file's own transaction (SAVEPOINT ... RELEASE, with"
        + " foreign keys off and checked before the commit), and cannot run " + statement.lines().findFirst().orElse("")
        + ": remove it (the file begins, commits and turns foreign keys back on itself)";
  }

  /** As the sqlite3 shell splits a script: on semicolons outside literals, names and comments, a trigger whole. */
  @Override
  public List<String> statements(String script) {
    return SqliteStatements.split(script);
  }

  /**
   * SQLite's errors point at no character; the engine check gives the position of the name an
   * error names ({@code no such function: f}): in CREATE TABLE, the constraint or column of that
   * line; else the index, trigger, column or table the statement creates or changes.
   */
  @Override
  public Origin originOf(Schema schema, String statement, int position) {
    return SqliteStatements.originOf(schema, statement, position);
  }

  /**
   * Every file of this target runs outside Flyway's transaction ({@link #migrationConf}) and holds
   * its own; the sqlite3 shell stops at the first error only with {@code -bail}.
   */
  @Override
  public String howToRun(boolean transactional) {
    return "Runs outside Flyway's transaction (executeInTransaction=false, in its .conf), in its own (SAVEPOINT ..."
        + " RELEASE) between PRAGMA foreign_keys = OFF and ON; with the sqlite3 shell: sqlite3 -bail <database> <"
        + " <this file>";
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    return migrationFile(header, statements, emptyNote, true, Timeouts.DEFAULT);
  }

  /**
   * The lock limit is the connection's {@code busy_timeout}, set first (in milliseconds; no limit is
   * the longest SQLite takes); SQLite has no limit on how long a statement runs that a script can set.
   */
  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote,
      boolean transactional, Timeouts timeouts) {
    StringBuilder out = new StringBuilder();
    header.forEach(h -> out.append("-- ").append(h).append('\n'));
    CONNECTION_NOTE.forEach(h -> out.append("-- ").append(h).append('\n'));
    if (statements.isEmpty()) {
      out.append('\n').append("-- ").append(emptyNote).append('\n');
      return out.toString();
    }
    out.append("-- Foreign keys go off before the transaction (SQLite ignores the pragma inside one), so that")
        .append('\n')
        .append("-- rebuilding a table deletes nothing through ON DELETE CASCADE; PRAGMA foreign_key_check runs")
        .append('\n')
        .append("-- before the commit.")
        .append('\n');
    long busy = timeouts.lock().isZero() ? Integer.MAX_VALUE : Math.min(Integer.MAX_VALUE, timeouts.lock().toMillis());
    out.append('\n').append("PRAGMA busy_timeout = ").append(busy).append(';').append('\n');
    out.append('\n').append(String.join("\n\n", statements)).append('\n');
    return out.toString();
  }
}
