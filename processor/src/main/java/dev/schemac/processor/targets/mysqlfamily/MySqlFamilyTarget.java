package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
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
 * What the MariaDB and MySQL targets share: InnoDB tables in utf8mb4, the same statements, the
 * same online-DDL strategy; each target gives its {@link Engine}. See docs/targets/mariadb.md and
 * docs/targets/mysql.md.
 */
public abstract class MySqlFamilyTarget implements SqlTarget {
  private final Engine engine;
  private final MySqlFamilyDialect sql;

  protected MySqlFamilyTarget(Engine engine) {
    this.engine = engine;
    this.sql = new MySqlFamilyDialect(engine);
  }

  @Override
  public String id() {
    return engine.id();
  }

  @Override
  public String displayName() {
    return engine.displayName();
  }

  /**
   * No transactional DDL; no partial indexes (UNIQUE among live rows is a generated column,
   * {@link #uniqueAmongLiveRows()}); expression indexes; CHECK; comments; {@code @UpdatedAt} as ON
   * UPDATE; sequences on MariaDB; enums as ENUM columns; no named schemas (a schema is a database);
   * no arrays.
   */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, true, true, true, true, engine.sequences(), true, false, false);
  }

  /** No transactional DDL: every file runs statement by statement, its own header says what a rerun does. */
  @Override
  public String howToRun(boolean transactional) {
    return "Runs statement by statement, as Flyway runs it";
  }

  /** Only a version with a data step has one: what runs after the step, in a file of its own. */
  @Override
  public String secondStep(int version) {
    return "what version " + version + " drops or tightens, after V" + version + " and its hand-written data step;"
        + " a file of its own, so that Flyway never runs the step again once V" + version + " has succeeded";
  }

  @Override
  public boolean uniqueAmongLiveRows() {
    return true;
  }

  @Override
  public boolean keepsTableNameCase() {
    return true; // lower_case_table_names=0, the default on Linux: Account and account are two tables
  }

  @Override
  public int maxIdentifierBytes() {
    return MySqlFamilyDialect.MAX_IDENTIFIER_BYTES;
  }

  @Override
  public boolean isReserved(String word) {
    return engine.reservedWords().contains(word);
  }

  @Override
  public String quote(String identifier) {
    return sql.quote(identifier);
  }

  @Override
  public String typeName(LogicalType type) {
    return sql.typeName(type);
  }

  @Override
  public LogicalType readType(String sql) {
    return MySqlFamilyTypes.read(sql, engine);
  }

  @Override
  public String defaultExpression(Table table, Column column) {
    return sql.defaultExpression(column);
  }

  @Override
  public String checkExpression(Table table, CheckConstraint check) {
    return sql.checkExpression(check);
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    PhysicalTable.Key key = PhysicalTable.of(table, sql).key(index.name()).orElseThrow();
    return "CREATE " + (key.unique() ? "UNIQUE " : "") + "INDEX " + sql.quote(key.name()) + " ON " + sql.withNamesOf(new Schema(List.of(table), List.of(), List.of())).table(table.qualifiedName())
        + " (" + String.join(", ", key.parts()) + ")";
  }

  /** Hibernate's INET, SQLXML and TIME_WITH_TIMEZONE: no type of the family is known that it reads them from. */
  @Override
  public java.util.Set<LogicalType.Kind> kindsWithoutType() {
    return java.util.EnumSet.of(LogicalType.Kind.INET,
        LogicalType.Kind.XML, LogicalType.Kind.OFFSET_TIME);
  }

  @Override
  public List<Problem> unsupported(Schema schema) {
    List<Problem> problems = new ArrayList<>(UnsupportedFeatures.check(schema, this));
    problems.addAll(MySqlFamilyUnsupported.check(schema, sql));
    return problems;
  }

  @Override
  public String schemaScript(Schema schema, List<String> header) {
    return new MySqlFamilySchemaScript(sql).render(schema, header);
  }

  /**
   * {@code table-copy}: the statements that copy a table with rows; {@code implicit-default}: a NOT
   * NULL column the engine fills with its type's implicit default. One instance each for both targets.
   */
  @Override
  public List<dev.schemac.processor.rules.MigrationRule> migrationRules() {
    return List.of(TableCopy.INSTANCE, ImplicitDefault.INSTANCE);
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction) {
    return MySqlFamilyMigrationRenderer.render(sql, changes);
  }

  /**
   * With a hand-written data step: what the version adds, the step, then what it removes or
   * tightens (docs/migrations.md, "Data steps"), in the one file.
   */
  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data) {
    return data == null ? migration(changes, singleTransaction)
        : MySqlFamilyMigrationRenderer.render(sql, changes, data);
  }

  /**
   * The header, then what every file of these engines says and sets: that DDL commits statement by
   * statement, and how to finish a file that failed part-way; known SQL modes, UTC, a short wait for
   * metadata locks.
   */
  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    return migrationFile(header, statements, emptyNote, true, Timeouts.DEFAULT);
  }

  /** Every file of these engines runs statement by statement: {@code transactional} changes nothing. */
  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote,
      boolean transactional, Timeouts timeouts) {
    StringBuilder out = new StringBuilder();
    header.forEach(h -> out.append("-- ").append(h).append('\n'));
    out.append("-- ").append(engine.displayName()).append(" commits each DDL statement on its own: this file is not one"
        + " transaction.\n-- Every statement is skipped when a rerun finds it done (")
        .append(engine.ifExists() ? "IF [NOT] EXISTS" : "a look-up in information_schema")
        .append("), so a file that failed part-way\n-- is finished by fixing the cause and running it again (Flyway:"
            + " repair, then migrate).\n");
    String data = DataStep.fileIn(statements);
    if (data != null) {
      String name = data.substring(data.lastIndexOf('/') + 1);
      String n = name.replaceFirst("^[VU](\\d+)__.*", "$1");
      out.append("-- The hand-written data step ").append(data).append(" runs below, under its name:\n")
          .append(name.startsWith("U")
              ? "-- once what version " + n + " dropped or tightened is back, before what it added is removed (U" + n
                  + ").\n"
              : "-- after what version " + n + " adds (new tables and columns, one to fill still nullable), before"
                  + " what\n-- it drops or tightens (V" + n + ".1, when it has any).\n")
          .append("-- A rerun of this file runs the step again: write it so that a second run changes nothing\n")
          .append("-- (UPDATE ... WHERE c IS NULL).\n");
    }
    out.append('\n');
    sql.sessionSettings().forEach(s -> out.append(s).append('\n'));
    sql.sessionTimeouts(timeouts).forEach(s -> out.append(s).append('\n'));
    out.append('\n');
    if (statements.isEmpty()) {
      out.append("-- ").append(emptyNote).append('\n');
    } else {
      out.append(String.join("\n\n", statements)).append('\n');
    }
    return out.toString();
  }

  /** The dialect, for this package's rules and tests. */
  public MySqlFamilyDialect dialect() {
    return sql;
  }
}
