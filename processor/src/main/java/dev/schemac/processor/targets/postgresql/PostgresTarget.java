package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.targets.Capabilities;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.LegacySnapshots;
import dev.schemac.processor.targets.MigrationPlan;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.UnsupportedFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL (12 and later; tested on 17): schemac's first target and its default. Its files stay
 * where schemac wrote them before it had targets, at the root of {@code schemac.dir}.
 */
public final class PostgresTarget implements SqlTarget {
  public static final String ID = "postgresql";

  private static final Capabilities CAPABILITIES =
      new Capabilities(true, true, true, true, true, true, true, true, true, true);

  private final PostgresDialect sql = new PostgresDialect();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  @Override
  public boolean selectedByDefault() {
    return true;
  }

  /** The root: where every project's PostgreSQL files were before schemac had targets. */
  @Override
  public String folder() {
    return "";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public int maxIdentifierBytes() {
    return PostgresDialect.MAX_IDENTIFIER_BYTES;
  }

  @Override
  public boolean isReserved(String word) {
    return PostgresDialect.RESERVED_WORDS.contains(word);
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
    return PostgresTypes.read(sql);
  }

  @Override
  public String defaultExpression(Table table, Column column) {
    return column.defaultValue() == null ? null : sql.defaultExpression(column.defaultValue());
  }

  @Override
  public String checkExpression(Table table, CheckConstraint check) {
    return sql.checkExpression(check);
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    String statement = sql.createIndex(table, index);
    return statement.substring(0, statement.length() - 1);
  }

  /**
   * The names PostgreSQL would refuse, then what capabilities rule out (nothing, here), names that
   * collide, user SQL PostgreSQL would refuse, and its limits on columns and indexes.
   */
  @Override
  public List<Problem> unsupported(Schema schema) {
    List<Problem> problems = new ArrayList<>(PostgresNames.check(schema));
    if (!problems.isEmpty()) {
      return problems; // every other check would report the same names again
    }
    problems.addAll(UnsupportedFeatures.check(schema, this));
    problems.addAll(PostgresNamespaces.check(schema));
    problems.addAll(PostgresExpressionCheck.check(schema));
    problems.addAll(PostgresModelCheck.check(schema));
    return problems;
  }

  @Override
  public String schemaScript(Schema schema, List<String> header) {
    return new PostgresSchemaScript(sql).render(schema, header);
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction) {
    return PostgresMigrationRenderer.render(sql, changes, singleTransaction, null);
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data) {
    return PostgresMigrationRenderer.render(sql, changes, singleTransaction, data);
  }

  /** Snapshots of formats 1 and 2 were written when PostgreSQL was schemac's only engine. */
  @Override
  public java.util.Optional<LegacySnapshots> legacySnapshots() {
    return java.util.Optional.of(new PostgresLegacySnapshots(this));
  }

  @Override
  public List<Rule> rules() {
    return List.of(new JsonNotJsonb(), new MoneyType(), new FixedCharType(), new SerialType());
  }

  @Override
  public List<MigrationRule> migrationRules() {
    return List.of(new TableRewrite(), new BlockingIndexBuild(), new BlockingConstraintValidation());
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    return migrationFile(header, statements, emptyNote, true, Timeouts.DEFAULT);
  }

  /**
   * The header, then the session's time limits — lock_timeout, so that a statement waiting on a
   * lock fails fast instead of queueing traffic behind it, and statement_timeout ('0': none) — then
   * the statements.
   */
  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote, boolean transactional,
      Timeouts timeouts) {
    StringBuilder out = new StringBuilder();
    header.forEach(h -> out.append("-- ").append(h).append('\n'));
    out.append('\n');
    sql.sessionTimeouts(Timeouts.format(timeouts.lock()), Timeouts.format(transactional ? timeouts.statement()
        : timeouts.nonTransactionalStatement())).forEach(s -> out.append(s).append('\n'));
    out.append('\n');
    if (statements.isEmpty()) {
      out.append("-- ").append(emptyNote).append('\n');
    } else {
      out.append(String.join("\n\n", statements)).append('\n');
    }
    return out.toString();
  }

  @Override
  public List<String> statements(String script) {
    return PostgresStatements.split(script);
  }

  @Override
  public Origin originOf(Schema schema, String statement, int position) {
    return PostgresStatements.originOf(schema, statement, position);
  }
}
