package dev.schemac.processor.targets.testsql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.targets.Capabilities;
import dev.schemac.processor.targets.MigrationPlan;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.UnsupportedFeatures;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import java.util.List;

/**
 * A second SQL target for tests of what several targets share (the option, the output layout, a
 * target added to a project with released versions). It speaks PostgreSQL's SQL, so that its files
 * run on the embedded engine, but has an id, a folder and capabilities of its own: no native enum
 * types and no sequences, so that what it cannot express is a located error.
 */
public final class TestSqlTarget implements SqlTarget {
  public static final String ID = "testsql";

  private final PostgresTarget sql = new PostgresTarget();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "TestSQL";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, true, true, true, true, true, false, false, true, true);
  }

  @Override
  public int maxIdentifierBytes() {
    return sql.maxIdentifierBytes();
  }

  @Override
  public boolean isReserved(String word) {
    return sql.isReserved(word);
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
  public LogicalType readType(String type) {
    return sql.readType(type);
  }

  @Override
  public String defaultExpression(Column column) {
    return sql.defaultExpression(column);
  }

  @Override
  public String checkExpression(CheckConstraint check) {
    return sql.checkExpression(check);
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    return sql.indexDefinition(table, index);
  }

  @Override
  public List<Problem> unsupported(Schema schema) {
    return UnsupportedFeatures.check(schema, this);
  }

  @Override
  public String schemaScript(Schema schema, List<String> header) {
    return sql.schemaScript(schema, header);
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction) {
    return sql.migration(changes, singleTransaction);
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    return sql.migrationFile(header, statements, emptyNote);
  }

  @Override
  public List<String> statements(String script) {
    return sql.statements(script);
  }

  @Override
  public dev.schemac.processor.model.Origin originOf(Schema schema, String statement, int position) {
    return sql.originOf(schema, statement, position);
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote, boolean transactional,
      dev.schemac.processor.model.Timeouts timeouts) {
    return sql.migrationFile(header, statements, emptyNote, transactional, timeouts);
  }
}
