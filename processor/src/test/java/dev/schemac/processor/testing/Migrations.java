package dev.schemac.processor.testing;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import java.util.List;

/** Short ways to build what migration rules judge, without javac: two models and their diff. */
public final class Migrations {
  private Migrations() {}

  /** The diff of {@code before} and {@code after}, in one transaction or not, with these drops acknowledged. */
  public static MigrationContext context(Schema before, Schema after, boolean singleTransaction,
      DropAcknowledgment... drops) {
    return new MigrationContext(SchemaDiff.between(before, after), List.of(drops), singleTransaction, Origin.NONE,
        List.of(new PostgresTarget()));
  }

  public static MigrationContext context(Schema before, Schema after, DropAcknowledgment... drops) {
    return context(before, after, false, drops);
  }

  /** {@code c} with a default: the user's SQL for PostgreSQL. */
  public static Column withDefault(Column c, String defaultSql) {
    return withDefault(c, new ColumnDefault.Raw(Models.sql(defaultSql)));
  }

  public static Column withDefault(Column c, ColumnDefault value) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), value, c.identity(),
        c.markers(), c.comment(), c.renamedFrom(), c.suppressions(), c.origin());
  }

  /** {@code c} with {@code @RenamedFrom(old)}. */
  public static Column renamedFrom(Column c, String old) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), c.defaultValue(), c.identity(),
        c.markers(), c.comment(), old, c.suppressions(), c.origin());
  }

  /** {@code c} as a BY DEFAULT identity column. */
  public static Column identity(Column c) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), null, Column.Identity.BY_DEFAULT,
        c.markers(), c.comment(), c.renamedFrom(), c.suppressions(), c.origin());
  }

  /** {@code t} with {@code @RenamedFrom(old)} on its record. */
  public static Table renamedFrom(Table t, String old) {
    return new Table(t.schema(), t.name(), t.sourceType(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(),
        t.checks(), t.indexes(), t.triggers(), t.comment(), t.softDeleteColumn(), old, t.suppressions(), t.origin(),
        t.source());
  }
}
