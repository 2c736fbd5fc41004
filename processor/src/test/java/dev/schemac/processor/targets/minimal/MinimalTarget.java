package dev.schemac.processor.targets.minimal;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.targets.Capabilities;
import dev.schemac.processor.targets.MigrationPlan;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.UnsupportedFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The smallest SQL target that is a target of its own: standard SQL, written from the
 * engine-neutral model alone, in this one package. It exists to show what the seam promises
 * (docs/architecture.md, Adding a target): a new engine needs its package and one line in the
 * registry ({@code META-INF/services/dev.schemac.processor.targets.SqlTarget} of the test
 * resources), nothing else; {@code LayeringTest} holds that this package uses nothing but the
 * model and the {@code targets} interface.
 *
 * <p>It spells its types as the SQL standard does ({@code CHARACTER VARYING}, {@code TIMESTAMP WITH
 * TIME ZONE}, a UUID as {@code CHARACTER(36)}), so that its files also run on the embedded
 * PostgreSQL the tests check them on. What it cannot express — JSON, bytes, durations, a random
 * UUID default, SQL written for another target, index methods other than ordered, and the changes
 * it has no statement for — is a located error naming it, never a different schema. It keeps no
 * comments (its capabilities say so): they document the schema, they do not change it.
 */
public final class MinimalTarget implements SqlTarget {
  public static final String ID = "minimal";

  /** The SQL standard's reserved words among those a schema is likely to use as a name. */
  private static final Set<String> RESERVED = Set.of("all", "and", "as", "between", "by", "case", "check", "column",
      "constraint", "create", "current", "default", "delete", "distinct", "drop", "end", "from", "grant", "group",
      "having", "in", "insert", "into", "is", "join", "key", "not", "null", "of", "on", "or", "order", "primary",
      "references", "select", "set", "table", "to", "union", "unique", "update", "user", "value", "values", "when",
      "where", "with", "year");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Minimal SQL";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, false, false, true, false, false, false, false, false, false);
  }

  @Override
  public int maxIdentifierBytes() {
    return 128;
  }

  @Override
  public boolean isReserved(String word) {
    return RESERVED.contains(word.toLowerCase(Locale.ROOT));
  }

  @Override
  public String quote(String identifier) {
    return isReserved(identifier) ? '"' + identifier + '"' : identifier;
  }

  @Override
  public String typeName(LogicalType type) {
    LogicalType t = type.storage();
    return switch (t.kind()) {
      case STRING -> t.isBounded() ? "CHARACTER VARYING(" + t.length() + ")" : "CHARACTER VARYING";
      case INT16 -> "SMALLINT";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> "DOUBLE PRECISION";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case UUID -> "CHARACTER(36)";
      case INSTANT -> "TIMESTAMP WITH TIME ZONE";
      case LOCAL_DATE_TIME -> "TIMESTAMP";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case RAW -> ID.equals(t.raw().target()) ? t.raw().sql() : null;
      case FIXED_STRING -> "CHARACTER(" + t.length() + ")";
      case CLOB -> "CHARACTER LARGE OBJECT";
      case BLOB -> "BINARY LARGE OBJECT";
      case XML -> "XML";
      case OFFSET_TIME -> "TIME WITH TIME ZONE";
      case DURATION, BINARY, JSON, ENUM, DOCUMENT, INET -> null;
    };
  }

  @Override
  public LogicalType readType(String sql) {
    return LogicalType.raw(new RawSql(ID, sql));
  }

  @Override
  public String defaultExpression(Table table, Column column) {
    ColumnDefault d = column.defaultValue();
    if (d == null) {
      return null;
    }
    if (d instanceof ColumnDefault.Now) {
      return "CURRENT_TIMESTAMP";
    }
    if (d instanceof ColumnDefault.Literal l) {
      return switch (l.kind()) {
        case STRING -> "'" + l.text().replace("'", "''") + "'";
        case NUMBER -> l.text();
        case BOOLEAN -> l.text().toUpperCase(Locale.ROOT);
      };
    }
    if (d instanceof ColumnDefault.Raw raw && ID.equals(raw.sql().target())) {
      return raw.sql().sql();
    }
    return null; // a random UUID, or SQL written for another target
  }

  @Override
  public String checkExpression(Table table, CheckConstraint check) {
    Condition condition = check.condition();
    if (condition instanceof Condition.OneOf in) {
      return quote(in.column()) + " IN (" + in.values().stream()
          .map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
    }
    if (condition instanceof Condition.Range r) {
      return r.max() == null ? quote(r.column()) + " >= " + r.min()
          : quote(r.column()) + " BETWEEN " + r.min() + " AND " + r.max();
    }
    Condition.Raw raw = (Condition.Raw) condition;
    return ID.equals(raw.sql().target()) ? raw.sql().sql() : null;
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
        + quote(table.name()) + " (" + index.elements().stream()
            .map(e -> quote(e.column()) + (e.descending() ? " DESC" : "")).collect(Collectors.joining(", ")) + ")";
  }

  // ------------------------------------------------------------------ what it cannot express

  @Override
  public List<Problem> unsupported(Schema schema) {
    List<Problem> problems = new ArrayList<>(UnsupportedFeatures.check(schema, this));
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        Origin at = column.origin() != null ? column.origin() : table.origin();
        String what = "column " + table.name() + "." + column.name();
        if (!column.type().array() && typeName(column.type()) == null) {
          problems.add(refused(what + " is " + column.type().kind() + ", which Minimal SQL has no type for", at));
        }
        if (column.defaultValue() != null && defaultExpression(table, column) == null) {
          problems.add(refused(what + " has a default Minimal SQL cannot write", at));
        }
      }
      for (CheckConstraint check : table.checks()) {
        if (checkExpression(table, check) == null) {
          problems.add(refused("CHECK " + check.name() + " is SQL written for another target", check.origin()));
        }
      }
      for (Index index : table.indexes()) {
        if (index.method() != Index.Method.ORDERED || !index.include().isEmpty()
            || index.elements().stream().anyMatch(e -> e.opclass() != null || e.nulls() != Index.Nulls.DEFAULT)) {
          problems.add(refused("index " + index.name() + " needs a method, operator class, INCLUDE or NULLS order"
              + " Minimal SQL does not have", index.origin()));
        }
      }
    }
    return problems;
  }

  private Problem refused(String what, Origin at) {
    return Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, what + " (target " + ID + "). Fix: change it, or leave " + ID
        + " out of -Aschemac.targets.", at == null ? Origin.NONE : at);
  }

  // ------------------------------------------------------------------ statements

  private String columnDefinition(Table t, Column c) {
    StringBuilder s = new StringBuilder(quote(c.name())).append(' ').append(typeName(c.type()));
    if (c.identity() != Column.Identity.NONE) {
      s.append(c.identity() == Column.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
    }
    String d = defaultExpression(t, c);
    if (d != null) {
      s.append(" DEFAULT ").append(d);
    }
    if (!c.nullable()) {
      s.append(" NOT NULL");
    }
    return s.toString();
  }

  private String names(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  private String foreignKey(ForeignKey fk) {
    return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES "
        + quote(fk.targetTable()) + " (" + names(fk.targetColumns()) + ")"
        + (fk.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
        + (fk.onUpdate() == ForeignKey.Action.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
  }

  private List<String> createTable(Table t, List<ForeignKey> deferred) {
    List<String> parts = new ArrayList<>();
    t.columns().forEach(c -> parts.add(columnDefinition(t, c)));
    if (t.primaryKey() != null) {
      parts.add("CONSTRAINT " + quote(t.primaryKey().name()) + " PRIMARY KEY (" + names(t.primaryKey().columns()) + ")");
    }
    for (UniqueConstraint u : t.uniques()) {
      parts.add("CONSTRAINT " + quote(u.name()) + " UNIQUE (" + names(u.columns()) + ")");
    }
    for (CheckConstraint c : t.checks()) {
      parts.add("CONSTRAINT " + quote(c.name()) + " CHECK (" + checkExpression(t, c) + ")");
    }
    t.foreignKeys().stream().filter(fk -> !deferred.contains(fk)).forEach(fk -> parts.add(foreignKey(fk)));
    List<String> out = new ArrayList<>();
    out.add("CREATE TABLE " + quote(t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n);");
    t.indexes().forEach(i -> out.add(indexDefinition(t, i) + ";"));
    return out;
  }

  private String addForeignKey(Table t, ForeignKey fk) {
    return "ALTER TABLE " + quote(t.name()) + " ADD " + foreignKey(fk) + ";";
  }

  private String dropConstraint(Table t, String name) {
    return "ALTER TABLE " + quote(t.name()) + " DROP CONSTRAINT " + quote(name) + ";";
  }

  @Override
  public String schemaScript(Schema schema, List<String> header) {
    List<String> blocks = new ArrayList<>();
    blocks.add(comments(header));
    CreationOrder order = CreationOrder.of(schema);
    for (Table t : order.order()) {
      blocks.add(String.join("\n", createTable(t, order.deferred().getOrDefault(t.qualifiedName(), List.of()))));
    }
    for (Table t : order.order()) {
      order.deferred().getOrDefault(t.qualifiedName(), List.of()).forEach(fk -> blocks.add(addForeignKey(t, fk)));
    }
    return String.join("\n\n", blocks) + "\n";
  }

  private static String comments(List<String> lines) {
    return lines.stream().map(l -> l.isEmpty() ? "--" : "-- " + l).collect(Collectors.joining("\n"));
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    String body = statements.isEmpty() ? "-- " + emptyNote : String.join("\n", statements);
    return comments(header) + "\n\n" + body + "\n";
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes, boolean singleTransaction) {
    Renderer r = new Renderer();
    changes.changes().forEach(c -> c.accept(r));
    List<String> down = new ArrayList<>();
    for (List<String> step : r.downs) {
      down.addAll(0, step);
    }
    return new MigrationPlan(r.up, List.of(), down, List.of(), r.problems);
  }

  /** The statements of the changes Minimal SQL can make; an error for each it cannot. */
  private final class Renderer implements Change.Visitor<Void> {
    final List<String> up = new ArrayList<>();
    final List<List<String>> downs = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    private Void step(List<String> upStatements, List<String> downStatements) {
      up.addAll(upStatements);
      downs.add(downStatements);
      return null;
    }

    private Void cannot(Change change, Origin at) {
      problems.add(refused("Minimal SQL has no statement for " + change.getClass().getSimpleName()
          + (change.name() == null ? "" : " (" + change.name() + ")"), at));
      return null;
    }

    @Override
    public Void visit(Change.CreateTable c) {
      return step(createTable(c.table(), c.deferred()), List.of("DROP TABLE " + quote(c.table().name()) + ";"));
    }

    @Override
    public Void visit(Change.DropTable c) {
      return step(List.of("DROP TABLE " + quote(c.table().name()) + ";"), createTable(c.table(), List.of()));
    }

    @Override
    public Void visit(Change.AddForeignKey c) {
      return step(List.of(addForeignKey(c.table(), c.foreignKey())),
          List.of(dropConstraint(c.table(), c.foreignKey().name())));
    }

    @Override
    public Void visit(Change.DropForeignKey c) {
      return cannot(c, c.table().origin());
    }

    @Override
    public Void visit(Change.AddColumn c) {
      return step(List.of("ALTER TABLE " + quote(c.table().name()) + " ADD COLUMN " + columnDefinition(c.table(), c.column()) + ";"),
          List.of("ALTER TABLE " + quote(c.table().name()) + " DROP COLUMN " + quote(c.column().name()) + ";"));
    }

    @Override
    public Void visit(Change.DropColumn c) {
      return cannot(c, c.column().origin());
    }

    @Override
    public Void visit(Change.CreateIndex c) {
      return step(List.of(indexDefinition(c.table(), c.index()) + ";"),
          List.of("DROP INDEX " + quote(c.index().name()) + ";"));
    }

    @Override
    public Void visit(Change.DropIndex c) {
      return step(List.of("DROP INDEX " + quote(c.index().name()) + ";"),
          List.of(indexDefinition(c.table(), c.index()) + ";"));
    }

    @Override
    public Void visit(Change.CreateSchema c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.CreateEnumType c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.AddEnumValue c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.RemoveEnumValue c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.MoveSequence c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.CreateSequence c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.AlterSequence c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.MoveTable c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.RenameTable c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.RenameColumn c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.RenameDerived c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropTrigger c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropCheck c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropUnique c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropPrimaryKey c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.AlterColumnType c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.ChangeEnumValues c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.SetNotNull c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropNotNull c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.ChangeDefault c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.ChangeColumnComment c) {
      return null; // Minimal SQL keeps no comments (capabilities: none)
    }

    @Override
    public Void visit(Change.AddPrimaryKey c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.AddUnique c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.AddCheck c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.CreateTrigger c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.ChangeTableComment c) {
      return null; // Minimal SQL keeps no comments (capabilities: none)
    }

    @Override
    public Void visit(Change.DropEnumType c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropSequence c) {
      return cannot(c, Origin.NONE);
    }

    @Override
    public Void visit(Change.DropSchema c) {
      return cannot(c, Origin.NONE);
    }
  }
}
