package dev.schemac.processor.testing;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.rules.RuleContext;
import dev.schemac.processor.rules.RuleSettings;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import java.util.ArrayList;
import java.util.List;

/** Short ways to build model objects in rule unit tests, without javac. */
public final class Models {
  private Models() {}

  /** The rule context of a PostgreSQL build with default settings: what rules run with in these tests. */
  public static RuleContext context() {
    return context(RuleSettings.defaults());
  }

  /** The rule context of a PostgreSQL build with these settings. */
  public static RuleContext context(RuleSettings settings) {
    return new RuleContext(settings, List.of(new PostgresTarget()));
  }

  /** A type the user spelled for PostgreSQL ({@code @Column(type = "...")}). */
  public static LogicalType raw(String sql) {
    return LogicalType.raw(new RawSql(PostgresTarget.ID, sql));
  }

  /** The user's SQL for PostgreSQL. */
  public static RawSql sql(String sql) {
    return new RawSql(PostgresTarget.ID, sql);
  }

  /** A NOT NULL column with no markers. */
  public static Column column(String name, LogicalType type) {
    return new Column(name, name, null, type, false, null, Column.Identity.NONE, List.of(), null, null, List.of(), Origin.NONE);
  }

  public static Column nullable(Column c) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), true, c.defaultValue(), c.identity(), c.markers(),
        c.comment(), c.renamedFrom(), c.suppressions(), c.origin());
  }

  public static Column withMarkers(Column c, Column.Marker... markers) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), c.defaultValue(), c.identity(),
        List.of(markers), c.comment(), c.renamedFrom(), c.suppressions(), c.origin());
  }

  public static Column text(String name) {
    return column(name, LogicalType.of(LogicalType.Kind.STRING));
  }

  public static Column of(String name, LogicalType.Kind kind) {
    return column(name, LogicalType.of(kind));
  }

  /** A table keyed on its first column, with nothing else. */
  public static Table table(String name, Column... columns) {
    return builder(name, columns).primaryKey(columns[0].name()).build();
  }

  public static Builder builder(String name, Column... columns) {
    return new Builder(name, List.of(columns));
  }

  public static Schema schema(Table... tables) {
    return new Schema(List.of(tables), List.of(), List.of());
  }

  /** A schema with sequences; the tables keep the order given. */
  public static Schema schema(List<Sequence> sequences, Table... tables) {
    return new Schema(List.of(tables), List.of(), sequences, List.of());
  }

  /** A sequence as JPA's defaults make it: START WITH 1, INCREMENT BY 50. */
  public static Sequence sequence(String schema, String name) {
    return new Sequence(schema, name, 1, 50, Origin.NONE);
  }

  /** {@code t} in schema {@code schema} (null: the default schema), everything else the same. */
  public static Table inSchema(String schema, Table t) {
    return t.withSchema(schema);
  }

  /** Everything a Table has, settable one piece at a time. */
  public static final class Builder {
    private final String name;
    private final List<Column> columns;
    private PrimaryKey primaryKey;
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String softDeleteColumn;

    private Builder(String name, List<Column> columns) {
      this.name = name;
      this.columns = columns;
    }

    public Builder primaryKey(String... cols) {
      primaryKey = new PrimaryKey(name + "_pkey", List.of(cols), Origin.NONE);
      return this;
    }

    public Builder noPrimaryKey() {
      primaryKey = null;
      return this;
    }

    public Builder foreignKey(List<String> cols, String target, List<String> targetCols, ForeignKey.Action onDelete) {
      foreignKeys.add(new ForeignKey(name + "_" + String.join("_", cols) + "_fkey", cols, target, targetCols, onDelete,
          ForeignKey.Action.NO_ACTION, Origin.NONE));
      return this;
    }

    public Builder unique(String... cols) {
      uniques.add(new UniqueConstraint(name + "_" + String.join("_", cols) + "_key", List.of(cols), Origin.NONE));
      return this;
    }

    public Builder check(String expression) {
      checks.add(new CheckConstraint(name + "_check" + (checks.size() + 1), new Condition.Raw(sql(expression)), null,
          Origin.NONE));
      return this;
    }

    /** A B-tree index on columns. */
    public Builder index(String... cols) {
      return index(Index.Method.ORDERED, null, false, cols);
    }

    public Builder index(Index.Method method, String where, boolean unique, String... cols) {
      RawSql predicate = where == null ? null : sql(where);
      List<Index.Element> elements = new ArrayList<>();
      for (String c : cols) {
        elements.add(new Index.Element(c, null, null, false, Index.Nulls.DEFAULT));
      }
      indexes.add(new Index("idx_" + name + "_" + String.join("_", cols) + (indexes.isEmpty() ? "" : "_" + indexes.size()),
          elements, unique, method, predicate, List.of(), Origin.NONE));
      return this;
    }

    public Builder softDelete(String column) {
      softDeleteColumn = column;
      return this;
    }

    public Table build() {
      return new Table(null, name, "fixtures." + name, columns, primaryKey, foreignKeys, uniques, checks, indexes, List.of(),
          null, softDeleteColumn, null, List.of(), Origin.NONE);
    }
  }
}
