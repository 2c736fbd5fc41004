package dev.schemac.processor.model.change;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A version cut around its hand-written data step (expand, data, contract): what runs before the
 * step ({@link #expand}: from the previous version to the schema the step sees) and what runs
 * after it ({@link #contract}: from that schema to the new version). The step sees every new
 * table and column, every rename, and no dropped or tightened thing yet: a NOT NULL column
 * without a default is there nullable, a column about to be dropped or retyped is there as it
 * was, an enum column holds its old and its new values. {@link #contracts} says the same of a
 * single change, for a renderer that splits the changes themselves (PostgreSQL's); a target
 * that renders whole schemas, table by table (SQLite's rebuilds) or statement by statement
 * (MariaDB and MySQL), renders the two halves, each a plain {@link SchemaDiff}.
 */
public record ExpandContract(Schema middle, SchemaChanges expand, SchemaChanges contract) {

  /** The two halves of {@code changes}. */
  public static ExpandContract of(SchemaChanges changes) {
    Schema middle = middle(changes);
    return new ExpandContract(middle, SchemaDiff.between(changes.before(), middle),
        SchemaDiff.between(middle, changes.after()));
  }

  /**
   * {@code contract} cut once more, for an engine without transactional DDL: first what may fail on
   * the rows (NOT NULL, types, keys, constraints), then what drops columns, tables, enum types and
   * sequences, so that a contract that fails on a row the data step missed has dropped nothing
   * yet: the rows can be fixed from every column the step read, and the contract run again.
   */
  public static List<SchemaChanges> dropsLast(SchemaChanges contract) {
    Map<String, SchemaChanges.Pair> kept = new HashMap<>();
    contract.kept().forEach(p -> kept.put(p.after().qualifiedName(), p));
    List<Table> tables = new ArrayList<>();
    for (Table a : contract.after().tables()) {
      SchemaChanges.Pair pair = kept.get(a.qualifiedName());
      List<Column> columns = new ArrayList<>(a.columns());
      if (pair != null) {
        pair.today().columns().stream().filter(c -> a.column(c.name()).isEmpty()).forEach(columns::add);
      }
      tables.add(a.withColumns(columns));
    }
    contract.of(Change.DropTable.class).forEach(d -> tables.add(d.table()));
    List<EnumType> types = new ArrayList<>(contract.after().enumTypes());
    contract.of(Change.DropEnumType.class).forEach(d -> types.add(d.type()));
    List<Sequence> sequences = new ArrayList<>(contract.after().sequences());
    contract.of(Change.DropSequence.class).forEach(d -> sequences.add(d.sequence()));
    Schema beforeDrops = new Schema(tables, types, sequences, contract.after().sourceTypes());
    return List.of(SchemaDiff.between(contract.before(), beforeDrops), SchemaDiff.between(beforeDrops, contract.after()));
  }

  /**
   * Whether {@code change} (one of {@code all}) runs after the data step: what removes data
   * (tables and columns dropped, types changed), what tightens it (NOT NULL, a new primary key or
   * one that replaces another, UNIQUE constraints and indexes, CHECK, foreign keys on tables that
   * exist), and what nothing uses any more afterwards (the cleanup phase). A column added again
   * because its generation changed goes with its drop.
   */
  public static boolean contracts(Change change, SchemaChanges all) {
    if (change instanceof Change.DropPrimaryKey drop) {
      return all.after().table(drop.table().qualifiedName()).map(t -> t.primaryKey() != null).orElse(false);
    }
    if (change instanceof Change.CreateIndex create) {
      return create.index().unique();
    }
    if (change instanceof Change.AddColumn add) {
      return all.of(Change.DropColumn.class).stream().anyMatch(d -> d.table().qualifiedName()
          .equals(add.table().qualifiedName()) && d.column().name().equals(add.column().name()));
    }
    return change.phase() == Change.Phase.DROPPED_TABLES || change.phase() == Change.Phase.CLEANUP
        || change instanceof Change.DropColumn || change instanceof Change.AlterColumnType
        || change instanceof Change.SetNotNull || change instanceof Change.AddPrimaryKey
        || change instanceof Change.AddUnique || change instanceof Change.AddCheck
        || change instanceof Change.AddForeignKey && !((Change.AddForeignKey) change).newTable();
  }

  /**
   * Whether {@code column}, added to a table with rows, is for the data step to fill: NOT NULL,
   * without a default, an identity or a generation. It is added nullable and becomes NOT NULL after
   * the step.
   */
  public static boolean filledByDataStep(Column column) {
    return !column.nullable() && column.defaultValue() == null && column.identity() == Column.Identity.NONE
        && !column.isGenerated();
  }

  /** {@code column} as the data step sees it: nullable. */
  public static Column nullable(Column column) {
    return new Column(column.name(), column.javaName(), column.javaType(), column.type(), true,
        column.defaultValue(), column.identity(), column.markers(), column.comment(), column.renamedFrom(),
        column.suppressions(), column.origin(), column.generated());
  }

  /** The schema the data step sees (see the class comment). */
  static Schema middle(SchemaChanges changes) {
    Map<String, SchemaChanges.Pair> kept = new HashMap<>();
    changes.kept().forEach(p -> kept.put(p.after().qualifiedName(), p));
    Map<String, Map<String, String>> derived = new HashMap<>();
    for (Change.RenameDerived r : changes.of(Change.RenameDerived.class)) {
      derived.computeIfAbsent(r.table().qualifiedName(), t -> new HashMap<>()).put(r.from(), r.to());
    }
    List<Table> tables = new ArrayList<>();
    for (Table a : changes.after().tables()) {
      SchemaChanges.Pair pair = kept.get(a.qualifiedName());
      tables.add(pair == null ? a
          : middleTable(SchemaDiff.withDerivedNames(pair.today(),
              derived.getOrDefault(a.qualifiedName(), Map.of())), a));
    }
    changes.of(Change.DropTable.class).forEach(d -> tables.add(d.table()));
    List<EnumType> types = new ArrayList<>();
    for (EnumType type : changes.after().enumTypes()) {
      EnumType old = changes.before().enumTypes().stream().filter(e -> e.name().equals(type.name())).findFirst()
          .orElse(null);
      types.add(old == null ? type : new EnumType(type.name(), union(old.labels(), type.labels())));
    }
    changes.of(Change.DropEnumType.class).forEach(d -> types.add(d.type()));
    List<Sequence> sequences = new ArrayList<>(changes.after().sequences());
    changes.of(Change.DropSequence.class).forEach(d -> sequences.add(d.sequence()));
    return new Schema(tables, types, sequences, changes.after().sourceTypes());
  }

  /**
   * Table {@code a} as the data step sees it, from {@code t}, the previous version's table under
   * this version's names: {@code a}'s columns (those to fill nullable, those retyped as they were,
   * enums with the values of both), then the columns {@code a} drops; of the keys, constraints and
   * unique indexes, those both have; {@code a}'s other indexes, triggers and comments.
   */
  private static Table middleTable(Table t, Table a) {
    List<Column> columns = new ArrayList<>();
    for (Column c : a.columns()) {
      Column was = t.column(c.name()).orElse(null);
      if (was == null) {
        columns.add(filledByDataStep(c) ? nullable(c) : c);
      } else if (!Objects.equals(was.generated(), c.generated()) || !was.type().sameStorageAs(c.type())) {
        columns.add(new Column(c.name(), was.javaName(), was.javaType(), was.type(), was.nullable() || c.nullable(),
            was.defaultValue(), was.identity(), was.markers(), c.comment(), c.renamedFrom(), c.suppressions(),
            c.origin(), was.generated()));
      } else {
        LogicalType type = c.type().isEnum() && was.type().isEnum()
            && !was.type().enumValues().equals(c.type().enumValues())
            ? new LogicalType(c.type().kind(), Math.max(was.type().length(), c.type().length()), c.type().precision(),
                c.type().scale(), c.type().array(), c.type().raw(), union(was.type().enumValues(),
                c.type().enumValues()), c.type().enumTypeName(), c.type().fields())
            : c.type();
        columns.add(new Column(c.name(), c.javaName(), c.javaType(), type, was.nullable() || c.nullable(),
            c.defaultValue(), c.identity(), c.markers(), c.comment(), c.renamedFrom(), c.suppressions(), c.origin(),
            c.generated()));
      }
    }
    t.columns().stream().filter(c -> a.column(c.name()).isEmpty()).forEach(columns::add);
    PrimaryKey pk = a.primaryKey() == null || t.primaryKey() == null ? null
        : a.primaryKey().name().equals(t.primaryKey().name())
            && a.primaryKey().columns().equals(t.primaryKey().columns()) ? a.primaryKey() : t.primaryKey();
    boolean sameUniques = (t.softDeleteColumn() == null) == (a.softDeleteColumn() == null);
    List<UniqueConstraint> uniques = a.uniques().stream().filter(u -> sameUniques && t.uniques().stream()
        .anyMatch(x -> x.name().equals(u.name()) && x.columns().equals(u.columns()))).toList();
    List<CheckConstraint> checks = a.checks().stream().filter(c -> t.checks().stream()
        .anyMatch(x -> x.name().equals(c.name()) && x.condition().equals(c.condition()))).toList();
    List<ForeignKey> fks = a.foreignKeys().stream().filter(f -> t.foreignKeys().stream()
        .anyMatch(x -> x.name().equals(f.name()) && SchemaDiff.sameFk(x, f))).toList();
    List<Index> indexes = a.indexes().stream().filter(i -> !i.unique() || t.indexes().stream()
        .anyMatch(x -> x.name().equals(i.name()) && SchemaDiff.sameIndex(x, i))).toList();
    return new Table(a.schema(), a.name(), a.sourceType(), columns, pk, fks, uniques, checks, indexes, a.triggers(),
        a.comment(), a.softDeleteColumn(), a.renamedFrom(), a.suppressions(), a.origin(), a.source(), a.writtenName());
  }

  /** {@code old}'s values in their order, then those of {@code now} it lacks. */
  private static List<String> union(List<String> old, List<String> now) {
    List<String> out = new ArrayList<>(old);
    now.stream().filter(v -> !out.contains(v)).forEach(out::add);
    return out;
  }
}
