package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.ExpandContract;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.MigrationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes between two versions as PostgreSQL statements. Every up step is recorded with its
 * inverse, so the down is the up undone in reverse order. On a table that has rows, what would
 * hold a lock across a scan goes to the non-transactional step ({@code V{N}.1}): index builds
 * with CONCURRENTLY, VALIDATE CONSTRAINT, SET NOT NULL behind a validated CHECK; index drops go
 * there last, once their successors exist. With {@code singleTransaction} everything stays in the
 * transaction, in its blocking form (the blocking-* rules say so). Between phases it adds what
 * PostgreSQL needs of its own: extensions, and the trigger function {@code @UpdatedAt} uses.
 */
final class PostgresMigrationRenderer {
  /** A statement (or a few) and what undoes it; {@code down} is empty when nothing needs undoing. */
  private record Step(List<String> up, List<String> down) {}

  private final PostgresDialect sql;
  private final boolean singleTransaction;
  private final List<Step> tx = new ArrayList<>();
  private final List<Step> concurrent = new ArrayList<>();
  /** Enum values added: committed in a step before V{N}, since V{N} may use them (see {@link MigrationPlan#upBefore}). */
  private final List<Step> ahead = new ArrayList<>();
  /** Index drops of V{N}.1 go last: a replaced index stays until its successor is built. */
  private final List<Step> concurrentDrops = new ArrayList<>();
  /** The new version's model: identity columns of renamed tables and columns. */
  private Schema after;
  /** The previous version's model: what the down of an added enum value rebuilds. */
  private Schema before;
  /** Every change of the version, whichever part of it is being rendered. */
  private List<Change> allChanges = List.of();
  /** Whether the foreign keys of the tables this version drops are dropped already (before the first table). */
  private boolean droppedTablesKeysGone;
  /** Enum types whose down already rebuilds them (the first value added carries it). */
  private final java.util.Set<String> rebuilt = new java.util.HashSet<>();
  /** Enum types whose up already rebuilds them without removed values (the first value removed carries it). */
  private final java.util.Set<String> rebuiltWithout = new java.util.HashSet<>();
  /** The version's hand-written data step, or null. */
  private final DataStep data;
  /** With a data step: NOT NULL columns added without a default, added nullable, made NOT NULL after it. */
  private final List<Change.AddColumn> notNullAfterData = new ArrayList<>();

  private PostgresMigrationRenderer(PostgresDialect sql, boolean singleTransaction, DataStep data) {
    this.sql = sql;
    this.singleTransaction = singleTransaction;
    this.data = data;
  }

  static MigrationPlan render(PostgresDialect sql, SchemaChanges changes, boolean singleTransaction, DataStep data) {
    PostgresMigrationRenderer renderer = new PostgresMigrationRenderer(sql, singleTransaction, data);
    if (data == null) {
      renderer.render(changes, change -> true, true, true);
    } else {
      // expand, data, contract: the step sees every new table and column, and no dropped or tightened one
      renderer.render(changes, change -> !ExpandContract.contracts(change, changes), true, false);
      renderer.tx.add(new Step(data.upStatements(), data.downStatements()));
      for (Change.AddColumn added : renderer.notNullAfterData) {
        renderer.setNotNull(added.table(), added.column().name());
      }
      renderer.render(changes, change -> ExpandContract.contracts(change, changes), false, true);
    }
    List<Step> nonTransactional = new ArrayList<>(renderer.concurrent);
    nonTransactional.addAll(renderer.concurrentDrops);
    return new MigrationPlan(ups(renderer.tx), ups(nonTransactional), downs(renderer.tx), downs(nonTransactional),
        List.of(), ups(renderer.ahead), downs(renderer.ahead));
  }

  private static List<String> ups(List<Step> steps) {
    List<String> out = new ArrayList<>();
    steps.forEach(s -> out.addAll(s.up()));
    return out;
  }

  private static List<String> downs(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      out.addAll(steps.get(i).down());
    }
    return out;
  }

  private void tx(String up, String... down) {
    tx.add(new Step(List.of(up), List.of(down)));
  }

  private void concurrent(List<String> up, List<String> down) {
    concurrent.add(new Step(up, down));
  }

  /**
   * The changes {@code included} selects, phase by phase; {@code opening}: with what PostgreSQL
   * needs before them (extensions, the trigger function), {@code closing}: with what it drops after.
   */
  private void render(SchemaChanges changes, java.util.function.Predicate<Change> included, boolean opening,
      boolean closing) {
    Schema before = changes.before();
    Schema after = changes.after();
    this.after = after;
    this.before = before;
    this.allChanges = changes.changes();
    for (Change.Phase phase : Change.Phase.values()) {
      switch (phase) {
        case TYPES -> {
          if (!opening) {
            break;
          }
          List<String> had = sql.extensions(before);
          for (String extension : sql.extensions(after)) {
            if (!had.contains(extension)) {
              tx(sql.createExtension(extension)); // kept on the way down: other objects may use it
            }
          }
        }
        case SEQUENCES -> {
          if (opening && hasTriggers(after) && !hasTriggers(before)) {
            tx(sql.createSetUpdatedAtFunction(), sql.dropSetUpdatedAtFunction());
          }
        }
        case CLEANUP -> {
          if (closing && hasTriggers(before) && !hasTriggers(after)) {
            tx(sql.dropSetUpdatedAtFunction(), sql.createSetUpdatedAtFunction());
          }
        }
        default -> { }
      }
      for (Change change : changes.changes()) {
        if (change.phase() == phase && included.test(change)) {
          render(change);
        }
      }
    }
  }

  /** The table and index of {@code schema} whose qualified index name is {@code name}, or null. */
  private static Map.Entry<Table, Index> indexOf(Schema schema, String name) {
    for (Table t : schema.tables()) {
      for (Index i : t.indexes()) {
        if (t.qualifiedIndexName(i.name()).equals(name)) {
          return Map.entry(t, i);
        }
      }
    }
    return null;
  }

  private static boolean hasTriggers(Schema schema) {
    return schema.tables().stream().anyMatch(t -> !t.triggers().isEmpty());
  }

  private void render(Change change) {
    change.accept(steps);
  }

  /** Each change as its steps. */
  private final Change.Visitor<Void> steps = new Change.Visitor<>() {
    @Override
    public Void visit(Change.CreateSchema c) {
      if (!c.schema().equals(PostgresNamespaces.PUBLIC)) { // every database has it, with objects that are not ours
        tx(sql.createSchema(c.schema()), sql.dropSchema(c.schema()));
      }
      return null;
    }

    @Override
    public Void visit(Change.DropSchema c) {
      if (!c.schema().equals(PostgresNamespaces.PUBLIC)) {
        tx(sql.dropSchema(c.schema()), sql.createSchema(c.schema()));
      }
      return null;
    }

    @Override
    public Void visit(Change.CreateEnumType c) {
      tx(sql.createEnumType(c.type()), sql.dropType(c.type().name()));
      return null;
    }

    @Override
    public Void visit(Change.AddEnumValue c) {
      // PostgreSQL 12+ refuses a use of a new value in the transaction that added it ("unsafe use of new value"):
      // the value is added and committed in a step before V{N}
      ahead.add(new Step(List.of(addEnumValue(c)), rebuilt.add(c.type().name())
          ? rebuildEnumType(before, before.enumTypes().stream().filter(e -> e.name().equals(c.type().name()))
              .findFirst().orElseThrow(), "the values of the previous version") : List.of("-- '" + c.label() + "' goes with the rebuild of "
              + c.type().name() + " below.")));
      return null;
    }

    @Override
    public Void visit(Change.RemoveEnumValue c) {
      // PostgreSQL cannot drop an enum value: once the tables are as the new version has them, the type is made
      // again without it; the down makes it again with it, before the rest of the down needs it
      String name = c.after().name();
      if (rebuiltWithout.add(name)) {
        tx.add(new Step(rebuildEnumType(after, c.after(), "the values of this version"),
            rebuildEnumType(after, withRemovedValues(c.before(), c.after()), "the values of the previous version")));
      } else {
        tx("-- '" + c.label() + "' goes with the rebuild of " + name + " above.");
      }
      return null;
    }

    @Override
    public Void visit(Change.DropEnumType c) {
      tx(sql.dropType(c.type().name()), sql.createEnumType(c.type()));
      return null;
    }

    @Override
    public Void visit(Change.MoveSequence c) {
      tx(sql.setSequenceSchema(c.before().qualifiedName(), c.after().schema()),
          sql.setSequenceSchema(c.after().qualifiedName(), c.before().schema()));
      return null;
    }

    @Override
    public Void visit(Change.CreateSequence c) {
      tx(sql.createSequence(c.sequence()), sql.dropSequence(c.sequence().qualifiedName()));
      return null;
    }

    @Override
    public Void visit(Change.AlterSequence c) {
      Sequence b = c.before();
      Sequence s = c.after();
      Long start = b.start() == s.start() ? null : s.start();
      Long increment = b.increment() == s.increment() ? null : s.increment();
      tx(sql.alterSequence(s.qualifiedName(), start, increment), sql.alterSequence(s.qualifiedName(),
          start == null ? null : b.start(), increment == null ? null : b.increment()));
      return null;
    }

    @Override
    public Void visit(Change.DropSequence c) {
      String name = c.sequence().qualifiedName();
      tx.add(new Step(List.of(sql.dropSequence(name)), List.of("-- " + name + " is created again at its start"
          + " value: the position it had reached is not restored (setval it above the keys in use).",
          sql.createSequence(c.sequence()))));
      return null;
    }

    @Override
    public Void visit(Change.MoveTable c) {
      tx(sql.setTableSchema(c.before().qualifiedName(), c.after().schema()),
          sql.setTableSchema(Identifiers.qualified(c.after().schema(), c.before().name()), c.before().schema()));
      return null;
    }

    @Override
    public Void visit(Change.RenameTable c) {
      String moved = Identifiers.qualified(c.after().schema(), c.before().name());
      tx(sql.renameTable(moved, c.after().qualifiedName()), sql.renameTable(c.after().qualifiedName(), moved));
      // PostgreSQL names an identity column's sequence <table>_<column>_seq and keeps the name on a rename
      for (Column column : c.before().columns()) {
        if (column.identity() != Column.Identity.NONE) {
          renameSequence(c.after().schema(), PostgresNames.identitySequence(c.before().name(), column.name()),
              PostgresNames.identitySequence(c.after().name(), column.name()));
        }
      }
      return null;
    }

    @Override
    public Void visit(Change.RenameColumn c) {
      tx(sql.renameColumn(c.table(), c.from(), c.to()),
          sql.renameColumn(c.table(), c.to(), c.from()));
      Table table = after.table(c.table()).orElse(null);
      if (table != null && table.column(c.to()).map(col -> col.identity() != Column.Identity.NONE).orElse(false)) {
        renameSequence(table.schema(), PostgresNames.identitySequence(table.name(), c.from()),
            PostgresNames.identitySequence(table.name(), c.to()));
      }
      return null;
    }

    @Override
    public Void visit(Change.RenameDerived c) {
      renameDerived(c);
      return null;
    }

    @Override
    public Void visit(Change.DropTrigger c) {
      tx(sql.dropTrigger(c.table().qualifiedName(), c.trigger()),
          sql.createTrigger(c.table(), c.trigger()));
      return null;
    }

    @Override
    public Void visit(Change.DropForeignKey c) {
      String t = c.table().qualifiedName();
      if (after.table(c.foreignKey().targetTable()).isEmpty()) {
        // the down creates the referenced table again, empty: the rows here still name its old keys, so the key
        // comes back NOT VALID (checked for new rows only) instead of failing on the first of them
        tx.add(new Step(List.of(sql.dropConstraint(t, c.foreignKey().name(), false)), List.of("-- "
            + c.foreignKey().name() + " comes back NOT VALID: " + c.foreignKey().targetTable() + " comes back empty,"
            + " and rows of " + t + " may still name its old keys. VALIDATE CONSTRAINT it once they are fixed.",
            sql.addConstraint(t, sql.foreignKeyConstraint(c.foreignKey()), true))));
      } else {
        tx(sql.dropConstraint(t, c.foreignKey().name(), false),
            sql.addConstraint(t, sql.foreignKeyConstraint(c.foreignKey()), false));
      }
      return null;
    }

    @Override
    public Void visit(Change.DropCheck c) {
      tx(sql.dropConstraint(c.table().qualifiedName(), c.check().name(), false),
          sql.addConstraint(c.table().qualifiedName(), sql.checkConstraint(c.check()), false));
      return null;
    }

    @Override
    public Void visit(Change.DropUnique c) {
      Table b = c.table();
      if (b.softDeleteColumn() != null) {
        tx(sql.dropIndex(b.qualifiedIndexName(c.unique().name()), false), sql.createSoftDeleteUnique(b, c.unique()));
      } else {
        tx(sql.dropConstraint(b.qualifiedName(), c.unique().name(), false),
            sql.addConstraint(b.qualifiedName(), sql.uniqueConstraint(c.unique()), false));
      }
      return null;
    }

    @Override
    public Void visit(Change.DropIndex c) {
      String name = c.table().qualifiedIndexName(c.index().name());
      if (c.dependenciesStay() && !singleTransaction) {
        if (indexOf(after, name) != null) {
          return null; // one of the same name replaces it: its CreateIndex drops this one first, and its down this one
        }
        // DROP INDEX takes an exclusive lock on the table; CONCURRENTLY does not (outside a transaction)
        concurrentDrops.add(new Step(List.of(sql.dropIndex(name, true)),
            List.of(sql.dropIndex(name, true), sql.createIndex(c.table(), c.index(), true))));
      } else {
        tx(sql.dropIndex(name, false), sql.createIndex(c.table(), c.index()));
      }
      return null;
    }

    @Override
    public Void visit(Change.DropPrimaryKey c) {
      tx(sql.dropConstraint(c.table().qualifiedName(), c.primaryKey().name(), false),
          sql.addConstraint(c.table().qualifiedName(), sql.primaryKeyConstraint(c.primaryKey()), false));
      return null;
    }

    @Override
    public Void visit(Change.DropTable c) {
      dropTable(c.table());
      return null;
    }

    @Override
    public Void visit(Change.CreateTable c) {
      tx.add(new Step(createTableStatements(c.table(), c.deferred()),
          List.of(sql.dropTable(c.table().qualifiedName()))));
      return null;
    }

    @Override
    public Void visit(Change.AddForeignKey c) {
      addForeignKey(c);
      return null;
    }

    @Override
    public Void visit(Change.DropColumn c) {
      dropColumn(c.table(), c.column(), c.uniqueKey());
      return null;
    }

    @Override
    public Void visit(Change.AddColumn c) {
      String t = c.table().qualifiedName();
      Column column = c.column();
      if (data != null && ExpandContract.filledByDataStep(column)) {
        // the data step fills it: added nullable, made NOT NULL after the step
        column = ExpandContract.nullable(column);
        notNullAfterData.add(c);
      }
      tx(sql.addColumn(t, column), sql.dropColumn(t, c.column().name()));
      if (c.column().comment() != null) {
        tx(sql.commentOnColumn(t, c.column().name(), c.column().comment()));
      }
      return null;
    }

    @Override
    public Void visit(Change.AlterColumnType c) {
      tx(sql.alterColumnType(c.table().qualifiedName(), c.after()),
          sql.alterColumnType(c.table().qualifiedName(), c.before()));
      return null;
    }

    @Override
    public Void visit(Change.ChangeEnumValues c) {
      // the CHECK that lists them, or the enum type, changes on its own
      return null;
    }

    @Override
    public Void visit(Change.SetNotNull c) {
      setNotNull(c.table(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.DropNotNull c) {
      tx(sql.dropNotNull(c.table().qualifiedName(), c.after().name()),
          sql.setNotNull(c.table().qualifiedName(), c.after().name()));
      return null;
    }

    @Override
    public Void visit(Change.ChangeDefault c) {
      String t = c.table().qualifiedName();
      String col = c.after().name();
      tx(c.after().defaultValue() == null ? sql.dropDefault(t, col) : sql.setDefault(t, col, c.after().defaultValue()),
          c.before().defaultValue() == null ? sql.dropDefault(t, col)
              : sql.setDefault(t, col, c.before().defaultValue()));
      return null;
    }

    @Override
    public Void visit(Change.ChangeColumnComment c) {
      tx(
          sql.commentOnColumn(c.table().qualifiedName(), c.after().name(), c.after().comment()),
          sql.commentOnColumn(c.table().qualifiedName(), c.after().name(), c.before().comment()));
      return null;
    }

    @Override
    public Void visit(Change.AddPrimaryKey c) {
      tx(
          sql.addConstraint(c.table().qualifiedName(), sql.primaryKeyConstraint(c.primaryKey()), false),
          sql.dropConstraint(c.table().qualifiedName(), c.primaryKey().name(), false));
      return null;
    }

    @Override
    public Void visit(Change.AddUnique c) {
      addUnique(c);
      return null;
    }

    @Override
    public Void visit(Change.AddCheck c) {
      String t = c.table().qualifiedName();
      if (singleTransaction) {
        tx(sql.addConstraint(t, sql.checkConstraint(c.check()), false), sql.dropConstraint(t, c.check().name(), false));
      } else {
        tx(sql.addConstraint(t, sql.checkConstraint(c.check()), true), sql.dropConstraint(t, c.check().name(), true));
        concurrent(List.of(sql.validateConstraint(t, c.check().name())), List.of());
      }
      return null;
    }

    @Override
    public Void visit(Change.CreateIndex c) {
      Table a = c.table();
      String name = a.qualifiedIndexName(c.index().name());
      if (singleTransaction) {
        tx(sql.createIndex(a, c.index()), sql.dropIndex(name, false));
      } else {
        // an index of the same name it replaces (its DropIndex left it to this step) comes back in the down
        Map.Entry<Table, Index> replaced = indexOf(before, name);
        boolean droppedConcurrently = replaced != null && indexOf(after, name) != null && allChanges.stream()
            .anyMatch(d -> d instanceof Change.DropIndex drop && drop.dependenciesStay()
                && drop.table().qualifiedIndexName(drop.index().name()).equals(name));
        concurrent(List.of(sql.dropIndex(name, true), sql.createIndex(a, c.index(), true)),
            droppedConcurrently ? List.of(sql.dropIndex(name, true),
                sql.createIndex(replaced.getKey(), replaced.getValue(), true)) : List.of(sql.dropIndex(name, true)));
      }
      return null;
    }

    @Override
    public Void visit(Change.CreateTrigger c) {
      tx(sql.createTrigger(c.table(), c.trigger()),
          sql.dropTrigger(c.table().qualifiedName(), c.trigger()));
      return null;
    }

    @Override
    public Void visit(Change.ChangeTableComment c) {
      tx(sql.commentOnTable(c.table().qualifiedName(), c.after()),
          sql.commentOnTable(c.table().qualifiedName(), c.before()));
      return null;
    }
  };

  /**
   * An enum type without values it has: PostgreSQL cannot drop a value, so the type is made again
   * with {@code type}'s values and every column of it in {@code tables} (the model the database
   * is in when the step runs) converted, through text; the CHECKs and the index expressions and
   * predicates that name such a column, and its DEFAULT, are dropped around the conversion and
   * made again (they name the old type). The file says what it costs. It is the down of added
   * values, and the up of removed ones.
   */
  private List<String> rebuildEnumType(Schema tables, dev.schemac.processor.model.EnumType type, String values) {
    String name = type.name();
    String kept = Identifiers.fit(name + "_schemac_old");
    List<String> drop = new ArrayList<>();
    List<String> convert = new ArrayList<>();
    List<String> restore = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (Table t : tables.tables()) {
      for (Column col : t.columns()) {
        if (!name.equals(col.type().enumTypeName())) {
          continue;
        }
        String q = t.qualifiedName();
        columns.add(q + "." + col.name());
        for (dev.schemac.processor.model.CheckConstraint check : t.checks()) {
          if (mentions(sql.checkExpression(check), col.name())) {
            drop.add(sql.dropConstraint(q, check.name(), false));
            restore.add(sql.addConstraint(q, sql.checkConstraint(check), false));
          }
        }
        for (dev.schemac.processor.model.Index index : t.indexes()) {
          String definition = sql.createIndex(t, index);
          if (index.columns().size() < index.elements().size() || index.where() != null) {
            if (mentions(definition.substring(definition.indexOf(" ON ")), col.name())) {
              drop.add(sql.dropIndex(t.qualifiedIndexName(index.name()), false));
              restore.add(definition);
            }
          }
        }
        if (col.defaultValue() != null) {
          drop.add(sql.dropDefault(q, col.name()));
          restore.add(sql.setDefault(q, col.name(), col.defaultValue()));
        }
        String spelled = sql.quote(name) + (col.type().array() ? "[]" : "");
        convert.add("ALTER TABLE " + sql.relation(q) + " ALTER COLUMN " + sql.quote(col.name()) + " TYPE " + spelled
            + " USING " + sql.quote(col.name()) + "::text" + (col.type().array() ? "[]" : "") + "::" + spelled + ";");
      }
    }
    List<String> out = new ArrayList<>();
    out.add("-- PostgreSQL cannot drop a value from an enum type: " + name + " is made again with " + values + "."
        + (columns.isEmpty() ? "" : " This rewrites every table with a column of it ("
        + String.join(", ", columns) + ") under an ACCESS EXCLUSIVE lock, and fails if a row holds a value being"
        + " removed: change those rows first."));
    out.addAll(drop);
    out.add("ALTER TYPE " + sql.quote(name) + " RENAME TO " + sql.quote(kept) + ";");
    out.add(sql.createEnumType(type));
    out.addAll(convert);
    out.add(sql.dropType(kept));
    out.addAll(restore);
    return out;
  }

  /**
   * ADD VALUE appends; a value declared before others is placed where it is declared, as a fresh
   * schema.sql has it (enum values sort in their order): after the value declared before it (which
   * exists, or was added by the step before this one, since values are added in declared order),
   * or, when it is the first, before the first value the type had.
   */
  private String addEnumValue(Change.AddEnumValue c) {
    List<String> labels = c.type().labels();
    int at = labels.indexOf(c.label());
    if (at == labels.size() - 1) {
      return sql.addEnumValue(c.type().name(), c.label());
    }
    if (at > 0) {
      return sql.addEnumValue(c.type().name(), c.label(), false, labels.get(at - 1));
    }
    List<String> old = before.enumTypes().stream().filter(e -> e.name().equals(c.type().name())).findFirst()
        .map(dev.schemac.processor.model.EnumType::labels).orElse(List.of());
    return labels.stream().filter(old::contains).findFirst() // none when every old value goes: then order is moot
        .map(first -> sql.addEnumValue(c.type().name(), c.label(), true, first))
        .orElse(sql.addEnumValue(c.type().name(), c.label()));
  }

  /** Whether {@code sql} names {@code column} as a word. */
  private static boolean mentions(String sql, String column) {
    return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$\"])\"?" + java.util.regex.Pattern.quote(column)
        + "\"?(?![A-Za-z0-9_$])").matcher(sql).find();
  }

  private void renameSequence(String schema, String from, String to) {
    if (from != null && to != null && !from.equals(to)) {
      tx(sql.renameSequence(Identifiers.qualified(schema, from), to),
          sql.renameSequence(Identifiers.qualified(schema, to), from));
    }
  }

  /**
   * {@code after}'s values with those {@code before} had and it has not put back where they were: what the
   * down of removed values makes the type again with, since the down runs before the values this version
   * added go (in the down of {@code V{N-1}.9}).
   */
  private static dev.schemac.processor.model.EnumType withRemovedValues(dev.schemac.processor.model.EnumType before,
      dev.schemac.processor.model.EnumType after) {
    List<String> labels = new ArrayList<>(after.labels());
    List<String> old = before.labels();
    for (int i = 0; i < old.size(); i++) {
      if (!labels.contains(old.get(i))) {
        int previous = i == 0 ? -1 : labels.indexOf(old.get(i - 1));
        labels.add(previous + 1, old.get(i));
      }
    }
    return new dev.schemac.processor.model.EnumType(after.name(), labels);
  }

  private void renameDerived(Change.RenameDerived c) {
    Table a = c.table();
    String t = a.qualifiedName();
    boolean index = c.kind() == Change.Derived.INDEX
        || c.kind() == Change.Derived.UNIQUE && a.softDeleteColumn() != null; // a unique index over the live rows
    if (index) {
      tx(sql.renameIndex(a.qualifiedIndexName(c.from()), c.to()), sql.renameIndex(a.qualifiedIndexName(c.to()), c.from()));
    } else if (c.kind() == Change.Derived.TRIGGER) {
      tx(sql.renameTrigger(t, c.from(), c.to()), sql.renameTrigger(t, c.to(), c.from()));
    } else {
      tx(sql.renameConstraint(t, c.from(), c.to()), sql.renameConstraint(t, c.to(), c.from()));
    }
  }

  /** Its foreign keys first (other dropped tables may be referenced), then the table; the down creates it empty. */
  private void dropTable(Table b) {
    String name = b.qualifiedName();
    if (!droppedTablesKeysGone) {
      // the keys of every table that goes, before any table goes: one may reference another (and the down adds
      // them back once every table is there again)
      droppedTablesKeysGone = true;
      for (Change change : allChanges) {
        if (change instanceof Change.DropTable drop) {
          String dropped = drop.table().qualifiedName();
          for (ForeignKey fk : drop.table().foreignKeys()) {
            tx(sql.dropConstraint(dropped, fk.name(), false),
                sql.addConstraint(dropped, sql.foreignKeyConstraint(fk), false));
          }
        }
      }
    }
    List<String> recreate = new ArrayList<>();
    recreate.add("-- " + name + " is created again empty: the rows it held are not restored.");
    recreate.addAll(createTableStatements(b.withForeignKeys(List.of()), List.of()));
    tx.add(new Step(List.of(sql.dropTable(name)), recreate));
  }

  /** CREATE TABLE with its indexes, triggers and comments: an empty table needs no CONCURRENTLY. */
  private List<String> createTableStatements(Table a, List<ForeignKey> waiting) {
    List<String> out = new ArrayList<>();
    out.add(sql.createTable(a, a.foreignKeys().stream().filter(fk -> !waiting.contains(fk)).toList()));
    if (a.softDeleteColumn() != null) {
      a.uniques().forEach(u -> out.add(sql.createSoftDeleteUnique(a, u)));
    }
    a.indexes().forEach(i -> out.add(sql.createIndex(a, i)));
    a.triggers().forEach(t -> out.add(sql.createTrigger(a, t)));
    out.addAll(sql.comments(a));
    return out;
  }

  /**
   * The down adds the column back without its values, and with its comment: filled by its DEFAULT
   * (then NOT NULL too), computed, or nullable and empty. A column of a unique key is never filled
   * by its DEFAULT, one value in every row would break the key on the second row: it comes back
   * nullable and empty, and its DEFAULT is set for the rows to come.
   */
  private void dropColumn(Table a, Column c, boolean uniqueKey) {
    String t = a.qualifiedName();
    boolean uniqueDefault = uniqueKey && c.defaultValue() != null && c.identity() == Column.Identity.NONE
        && !c.isGenerated();
    // ADD COLUMN fills the rows a table has with the column's DEFAULT (or identity): then NOT NULL can come back too
    boolean filled = !uniqueDefault
        && (c.defaultValue() != null || c.identity() != Column.Identity.NONE || c.isGenerated());
    Column restored = new Column(c.name(), c.javaName(), c.javaType(), c.type(), !filled || c.nullable(),
        uniqueDefault ? null : c.defaultValue(), c.identity(), c.markers(), c.comment(), null, List.of(), Origin.NONE,
        c.generated());
    List<String> restore = new ArrayList<>(List.of(filled
        ? c.isGenerated() ? "-- " + t + "." + c.name() + " comes back computed from its row, as it was."
        : "-- " + t + "." + c.name() + " comes back with its default in every row: the values it held are not restored."
        : uniqueDefault ? "-- " + t + "." + c.name() + " comes back nullable and empty, its default for new rows only"
            + " (one value in every row would break its unique key): the values it held are not restored."
        : "-- " + t + "." + c.name() + " comes back nullable and empty: the values it held are not restored.",
        sql.addColumn(t, restored)));
    if (uniqueDefault) {
      restore.add(sql.setDefault(t, c.name(), c.defaultValue()));
    }
    if (c.comment() != null) {
      restore.add(sql.commentOnColumn(t, c.name(), c.comment()));
    }
    tx.add(new Step(List.of(sql.dropColumn(t, c.name())), restore));
  }

  /**
   * On a table with rows: a NOT VALID {@code CHECK (c IS NOT NULL)} in the transaction, then, in
   * V{N}.1, VALIDATE (which does not block writes), SET NOT NULL (which uses the validated check
   * instead of a scan) and the check dropped.
   */
  private void setNotNull(Table a, String c) {
    String t = a.qualifiedName();
    if (singleTransaction) {
      tx(sql.setNotNull(t, c), sql.dropNotNull(t, c));
      return;
    }
    String helper = Identifiers.generated(List.of(a.name(), c, "not_null"));
    tx(sql.addConstraint(t, "CONSTRAINT " + sql.quote(helper) + " CHECK (" + sql.quote(c) + " IS NOT NULL)", true),
        sql.dropConstraint(t, helper, true));
    concurrent(List.of(sql.validateConstraintIfExists(t, helper), sql.setNotNull(t, c),
        sql.dropConstraint(t, helper, true)), List.of(sql.dropNotNull(t, c)));
  }

  private void addForeignKey(Change.AddForeignKey c) {
    Table a = c.table();
    ForeignKey fk = c.foreignKey();
    if (c.newTable()) {
      tx(sql.addForeignKey(a, fk), sql.dropConstraint(a.qualifiedName(), fk.name(), false));
    } else if (singleTransaction) {
      tx(sql.addConstraint(a.qualifiedName(), sql.foreignKeyConstraint(fk), false),
          sql.dropConstraint(a.qualifiedName(), fk.name(), false));
    } else {
      tx(sql.addConstraint(a.qualifiedName(), sql.foreignKeyConstraint(fk), true),
          sql.dropConstraint(a.qualifiedName(), fk.name(), true));
      concurrent(List.of(sql.validateConstraint(a.qualifiedName(), fk.name())), List.of());
    }
  }

  private void addUnique(Change.AddUnique c) {
    Table a = c.table();
    String name = a.qualifiedIndexName(c.unique().name());
    if (singleTransaction) {
      tx(a.softDeleteColumn() != null ? sql.createSoftDeleteUnique(a, c.unique())
              : sql.addConstraint(a.qualifiedName(), sql.uniqueConstraint(c.unique()), false),
          a.softDeleteColumn() != null ? sql.dropIndex(name, false)
              : sql.dropConstraint(a.qualifiedName(), c.unique().name(), false));
    } else if (a.softDeleteColumn() != null) {
      concurrent(List.of(sql.dropIndex(name, true), sql.createSoftDeleteUnique(a, c.unique(), true)),
          List.of(sql.dropIndex(name, true)));
    } else {
      // each statement may run again after a failure part-way: the index may already be the constraint's
      concurrent(List.of(sql.dropInvalidIndex(name), sql.createUniqueIndexFor(a, c.unique(), true),
          sql.addUniqueUsingIndexIfMissing(a.qualifiedName(), c.unique().name())),
          List.of(sql.dropConstraint(a.qualifiedName(), c.unique().name(), true)));
    }
  }
}
