package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.ExpandContract;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.MigrationPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes between two versions as MariaDB or MySQL statements. DDL is not transactional on
 * these engines: each statement commits on its own, so every statement is written to be skipped
 * when a rerun finds it done ({@link Rerunnable}), and every ALTER TABLE says how it may run
 * ({@link OnlineDdl}). Each up step is recorded with its inverse; the down is the up undone in
 * reverse order. Everything goes to the one file {@code V{N}}: there is no transaction to step
 * out of.
 *
 * <p>Beyond the changes it adds what InnoDB needs ({@link PhysicalTable}): the index of a foreign
 * key that no other index serves, kept explicitly while the indexes around it come and go; the
 * generated columns of soft-delete tables and of MariaDB's expression indexes; the column
 * definitions that MODIFY COLUMN must restate whole, one statement per column.
 */
final class MySqlFamilyMigrationRenderer {
  /** Statements and what undoes them; {@code down} in the order it runs. */
  private record Step(List<String> up, List<String> down) {}

  /**
   * A statement of the up that copies a table with rows ({@link OnlineDdl#COPY}): on {@code
   * table}, about {@code column} (or null), {@code what} copies and why, reported at {@code
   * origin}. The {@code table-copy} rule reports each one.
   */
  /** A statement that blocks writes to {@code table} while it runs: what it does, and how it runs. */
  record Copy(String table, String column, String what, OnlineDdl online, Origin origin) {}

  private final MySqlFamilyDialect sql;
  private final Rerunnable rerun;
  private final Engine engine;
  private final List<Step> steps = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Copy> copies = new ArrayList<>();
  private SchemaChanges changes;
  /** Per table that stays (today's name): as it was under today's names, and as it is. */
  private final Map<String, Table> before = new LinkedHashMap<>();
  private final Map<String, Table> beforeAsItWas = new LinkedHashMap<>();
  private final Map<String, Table> after = new LinkedHashMap<>();
  /** Column edits already written, per table and column: MODIFY COLUMN restates the whole column once. */
  private final Set<String> columnsDone = new java.util.HashSet<>();
  private final Set<String> primaryKeysDone = new java.util.HashSet<>();
  private final Set<String> generatedDone = new java.util.HashSet<>();
  private final List<Change.AddForeignKey> laterForeignKeys = new ArrayList<>();
  /** Foreign keys whose index a step added for the time between two keys that serve it. */
  private final Map<String, Set<String>> temporaryIndexes = new HashMap<>();

  /** {@code sql} writes the names of {@code changes}: the previous version's, overridden by the new one's. */
  private MySqlFamilyMigrationRenderer(MySqlFamilyDialect sql, SchemaChanges changes) {
    this.sql = sql.withNamesOf(changes.before(), changes.after());
    this.rerun = new Rerunnable(this.sql);
    this.engine = sql.engine();
  }

  static MigrationPlan render(MySqlFamilyDialect sql, SchemaChanges changes) {
    MySqlFamilyMigrationRenderer renderer = new MySqlFamilyMigrationRenderer(sql, changes);
    renderer.render(changes);
    List<String> up = new ArrayList<>();
    renderer.steps.forEach(s -> up.addAll(s.up()));
    List<String> down = new ArrayList<>();
    for (int i = renderer.steps.size() - 1; i >= 0; i--) {
      down.addAll(renderer.steps.get(i).down());
    }
    return new MigrationPlan(up, List.of(), down, List.of(), renderer.problems);
  }

  /**
   * With the version's hand-written {@code data} step: the changes cut around it ({@link
   * ExpandContract}), each half rendered as a version of its own. {@code V{N}} adds, then runs the
   * step; {@code V{N}.1} tightens, then drops ({@link ExpandContract#dropsLast}); {@code U{N}.1} undoes that, then runs the step's
   * down; {@code U{N}} removes what {@code V{N}} added. Nothing is transactional here, and a file
   * that failed part-way is run again: every generated statement is skipped when done, and the
   * step, which is not, never runs again once its file has succeeded, nor after what it reads may
   * have been dropped. Without anything to drop or tighten, there is no second file.
   */
  static MigrationPlan render(MySqlFamilyDialect sql, SchemaChanges changes, DataStep data) {
    ExpandContract halves = ExpandContract.of(changes);
    MigrationPlan expand = render(sql, halves.expand());
    List<SchemaChanges> dropsLast = ExpandContract.dropsLast(halves.contract());
    MigrationPlan tighten = render(sql, dropsLast.get(0));
    MigrationPlan drop = render(sql, dropsLast.get(1));
    List<String> contractUp = new ArrayList<>(tighten.upTransactional());
    contractUp.addAll(drop.upTransactional());
    List<String> contractDown = new ArrayList<>(drop.downTransactional());
    contractDown.addAll(tighten.downTransactional());
    MigrationPlan contract = new MigrationPlan(contractUp, List.of(), contractDown, List.of(),
        java.util.stream.Stream.concat(tighten.problems().stream(), drop.problems().stream()).toList());
    List<String> up = new ArrayList<>(expand.upTransactional());
    up.addAll(data.upStatements());
    Set<Problem> problems = new LinkedHashSet<>(expand.problems());
    problems.addAll(contract.problems());
    if (contract.upTransactional().isEmpty() && contract.downTransactional().isEmpty()) {
      List<String> down = new ArrayList<>(data.downStatements());
      down.addAll(expand.downTransactional());
      return new MigrationPlan(up, List.of(), down, List.of(), List.copyOf(problems));
    }
    List<String> downFirst = new ArrayList<>(contract.downTransactional());
    downFirst.addAll(data.downStatements());
    return new MigrationPlan(up, contract.upTransactional(), expand.downTransactional(), downFirst,
        List.copyOf(problems));
  }

  /**
   * The statements of the up that copy a table with rows, in the order they run; {@code dataStep}:
   * the version has a data step, so its up is the two halves of {@link ExpandContract}.
   */
  static List<Copy> copies(MySqlFamilyDialect sql, SchemaChanges changes, boolean dataStep) {
    if (dataStep) {
      ExpandContract halves = ExpandContract.of(changes);
      List<Copy> out = new ArrayList<>(copies(sql, halves.expand(), false));
      for (SchemaChanges part : ExpandContract.dropsLast(halves.contract())) {
        out.addAll(copies(sql, part, false));
      }
      return out;
    }
    MySqlFamilyMigrationRenderer renderer = new MySqlFamilyMigrationRenderer(sql, changes);
    renderer.render(changes);
    return List.copyOf(renderer.copies);
  }

  private void copies(String table, String column, String what, Origin origin) {
    copies(table, column, what, OnlineDdl.COPY, origin);
  }

  private void copies(String table, String column, String what, OnlineDdl online, Origin origin) {
    copies.add(new Copy(table, column, what, online, origin == null ? Origin.NONE : origin));
  }

  private void step(List<String> up, List<String> down) {
    steps.add(new Step(up, down));
  }

  private void step(String up, String... down) {
    steps.add(new Step(List.of(up), List.of(down)));
  }

  // ------------------------------------------------------------------ statements, rerunnable

  /** An ALTER TABLE; on MySQL run only while {@code condition} holds (MariaDB's clauses say IF [NOT] EXISTS). */
  private String alter(String table, List<String> clauses, OnlineDdl online, String condition) {
    String statement = sql.alter(table, clauses, online);
    return engine.ifExists() || condition == null ? statement : Rerunnable.when(condition, statement);
  }

  private String alter(String table, String clause, OnlineDdl online, String condition) {
    return alter(table, List.of(clause), online, condition);
  }

  /** A statement neither engine can say IF [NOT] EXISTS on: guarded on both. */
  private static String always(String condition, String statement) {
    return Rerunnable.when(condition, statement);
  }

  private OnlineDdl metadata() {
    return engine.ifExists() ? OnlineDdl.INSTANT : OnlineDdl.INPLACE;
  }

  // ------------------------------------------------------------------ the phases

  private void render(SchemaChanges changes) {
    this.changes = changes;
    for (SchemaChanges.Pair pair : changes.kept()) {
      String name = pair.after().qualifiedName();
      after.put(name, pair.after());
      beforeAsItWas.put(name, pair.before());
      before.put(name, todayNames(pair.before(), pair.after(), changes));
    }
    renameCases(changes);
    for (Change.Phase phase : Change.Phase.values()) {
      if (phase == Change.Phase.REMOVALS) {
        after.keySet().forEach(this::keepForeignKeysServed);
      }
      for (Change change : changes.changes()) {
        if (change.phase() == phase) {
          change.accept(visitor);
        }
      }
      if (phase == Change.Phase.REMOVALS) {
        after.keySet().forEach(this::dropGeneratedColumns);
      }
      if (phase == Change.Phase.ALTERATIONS) {
        after.keySet().forEach(this::addGeneratedColumns);
        // a foreign key added to a table with rows comes after the indexes: one that serves it must exist first
        laterForeignKeys.forEach(MySqlFamilyMigrationRenderer.this::addForeignKey);
        after.keySet().forEach(this::dropForeignKeyIndexes);
      }
    }
  }

  private PhysicalTable physical(Table table) {
    return PhysicalTable.of(table, sql);
  }

  // ------------------------------------------------------------------ the indexes of foreign keys

  /**
   * Before anything goes: for each foreign key of both versions that has no index of its own yet,
   * its own index when the new version needs one, or when an index that serves it now goes in this
   * version (InnoDB refuses to drop the last index a foreign key can use).
   */
  private void keepForeignKeysServed(String table) {
    Table b = before.get(table);
    Table a = after.get(table);
    PhysicalTable pb = physical(b);
    PhysicalTable pa = physical(a);
    Set<String> droppedKeys = droppedKeys(table);
    for (ForeignKey fk : a.foreignKeys()) {
      ForeignKey was = b.foreignKeys().stream().filter(x -> x.name().equals(fk.name())).findFirst().orElse(null);
      if (was == null || !SchemaDiff.sameFk(was, fk) || pb.key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent()) {
        continue;
      }
      boolean needed = pa.key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent()
          || pb.keys().stream().filter(k -> k.serves(fk.columns())).allMatch(k -> droppedKeys.contains(k.name()))
              && !(b.primaryKey() != null && servesWithPrimaryKey(b, fk) && !droppedKeys.contains("PRIMARY"));
      if (needed) {
        PhysicalTable.Key key = foreignKeyIndex(fk);
        temporaryIndexes.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(fk.name());
        step(alter(table, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(table, key.name())),
            alter(table, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(table, key.name())));
      }
    }
  }

  /** After everything is added: the foreign keys' own indexes that another index now makes redundant. */
  private void dropForeignKeyIndexes(String table) {
    Table b = before.get(table);
    Table a = after.get(table);
    PhysicalTable pb = physical(b);
    PhysicalTable pa = physical(a);
    Set<String> temporary = temporaryIndexes.getOrDefault(table, Set.of());
    for (ForeignKey fk : a.foreignKeys()) {
      ForeignKey was = b.foreignKeys().stream().filter(x -> x.name().equals(fk.name())).findFirst().orElse(null);
      if (was == null || !SchemaDiff.sameFk(was, fk)) {
        continue;
      }
      boolean had = pb.key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent() || temporary.contains(fk.name());
      boolean needs = pa.key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent();
      if (had && !needs) {
        PhysicalTable.Key key = foreignKeyIndex(fk);
        step(alter(table, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(table, key.name())),
            alter(table, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(table, key.name())));
      }
    }
  }

  private PhysicalTable.Key foreignKeyIndex(ForeignKey fk) {
    return new PhysicalTable.Key(fk.name(), false, fk.columns().stream().map(sql::quote).toList(), fk.columns(), true,
        false);
  }

  private static boolean servesWithPrimaryKey(Table table, ForeignKey fk) {
    List<String> pk = table.primaryKey().columns();
    return pk.size() >= fk.columns().size() && pk.subList(0, fk.columns().size()).equals(fk.columns());
  }

  /** The names of the keys of {@code table} this version drops ("PRIMARY" for its primary key). */
  private Set<String> droppedKeys(String table) {
    Set<String> out = new java.util.HashSet<>();
    for (Change c : changes.changes()) {
      if (c instanceof Change.DropIndex d && d.table().qualifiedName().equals(table)) {
        out.add(d.index().name());
      } else if (c instanceof Change.DropUnique d && d.table().qualifiedName().equals(table)) {
        out.add(d.unique().name());
      } else if (c instanceof Change.DropPrimaryKey d && d.table().qualifiedName().equals(table)) {
        out.add("PRIMARY");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ generated columns

  private void dropGeneratedColumns(String table) {
    List<PhysicalTable.Generated> now = physical(after.get(table)).generated();
    for (PhysicalTable.Generated g : physical(before.get(table)).generated()) {
      if (!now.contains(g)) {
        step(alter(table, sql.dropColumn(g.name()), OnlineDdl.INSTANT, rerun.columnExists(table, g.name())),
            alter(table, sql.addColumn(sql.generatedColumnDefinition(g)), OnlineDdl.INSTANT,
                rerun.columnMissing(table, g.name())));
      }
    }
  }

  /** The new generated columns of {@code table}, once, after its columns and before its keys. */
  private void addGeneratedColumns(String table) {
    if (!after.containsKey(table) || !generatedDone.add(table)) {
      return;
    }
    List<PhysicalTable.Generated> was = physical(before.get(table)).generated();
    for (PhysicalTable.Generated g : physical(after.get(table)).generated()) {
      if (!was.contains(g)) {
        step(alter(table, sql.addColumn(sql.generatedColumnDefinition(g)), OnlineDdl.INSTANT,
                rerun.columnMissing(table, g.name())),
            alter(table, sql.dropColumn(g.name()), OnlineDdl.INSTANT, rerun.columnExists(table, g.name())));
      }
    }
  }

  // ------------------------------------------------------------------ each change

  private final Change.Visitor<Void> visitor = new Change.Visitor<>() {
    @Override
    public Void visit(Change.CreateSchema c) {
      return null; // no named schemas here: UnsupportedFeatures refuses them first
    }

    @Override
    public Void visit(Change.DropSchema c) {
      return null;
    }

    @Override
    public Void visit(Change.CreateEnumType c) {
      return null; // an enum is its columns' ENUM type
    }

    @Override
    public Void visit(Change.AddEnumValue c) {
      return null; // each column's ENUM changes with the column (ChangeEnumValues)
    }

    @Override
    public Void visit(Change.RemoveEnumValue c) {
      return null;
    }

    @Override
    public Void visit(Change.DropEnumType c) {
      return null;
    }

    @Override
    public Void visit(Change.MoveSequence c) {
      return null; // no named schemas
    }

    @Override
    public Void visit(Change.CreateSequence c) {
      step(sql.createSequence(c.sequence()), sql.dropSequence(c.sequence().name()));
      return null;
    }

    @Override
    public Void visit(Change.AlterSequence c) {
      Long start = c.before().start() == c.after().start() ? null : c.after().start();
      Long increment = c.before().increment() == c.after().increment() ? null : c.after().increment();
      step(sql.alterSequence(c.after().name(), start, increment), sql.alterSequence(c.after().name(),
          start == null ? null : c.before().start(), increment == null ? null : c.before().increment()));
      return null;
    }

    @Override
    public Void visit(Change.DropSequence c) {
      step(List.of(sql.dropSequence(c.sequence().name())), List.of("-- " + c.sequence().name() + " is created again"
          + " at its start value: the position it had reached is not restored (ALTER SEQUENCE ... RESTART above the"
          + " keys in use).", sql.createSequence(c.sequence())));
      return null;
    }

    @Override
    public Void visit(Change.MoveTable c) {
      return null; // no named schemas
    }

    @Override
    public Void visit(Change.RenameTable c) {
      String from = c.before().name();
      String to = c.after().name();
      step(engine.ifExists() ? sql.renameTable(from, to) : Rerunnable.when(rerun.tableExists(from),
              sql.renameTable(from, to)),
          engine.ifExists() ? sql.renameTable(to, from) : Rerunnable.when(rerun.tableExists(to),
              sql.renameTable(to, from)));
      return null;
    }

    @Override
    public Void visit(Change.RenameColumn c) {
      String t = c.table();
      refuseDependentRename(c);
      step(alter(t, sql.renameColumn(c.from(), c.to()), metadata(), rerun.columnExists(t, c.from())),
          alter(t, sql.renameColumn(c.to(), c.from()), metadata(), rerun.columnExists(t, c.to())));
      return null;
    }

    @Override
    public Void visit(Change.RenameDerived c) {
      renameDerived(c);
      return null;
    }

    @Override
    public Void visit(Change.DropTrigger c) {
      columnEdit(c.table().qualifiedName(), c.trigger().column());
      return null;
    }

    @Override
    public Void visit(Change.DropForeignKey c) {
      Table b = c.table();
      dropForeignKey(b.qualifiedName(), c.foreignKey(), physical(b), droppedTables().contains(c.foreignKey().targetTable()));
      return null;
    }

    @Override
    public Void visit(Change.DropCheck c) {
      if (PhysicalTable.enforcedByType(c.table(), c.check())) {
        return null;
      }
      String t = c.table().qualifiedName();
      step(alter(t, sql.dropCheck(c.check().name()), metadata(), rerun.constraintExists(t, c.check().name())),
          alter(t, sql.addCheck(c.check()), OnlineDdl.COPY, rerun.constraintMissing(t, c.check().name())));
      return null;
    }

    @Override
    public Void visit(Change.DropUnique c) {
      String t = c.table().qualifiedName();
      PhysicalTable.Key key = physical(c.table()).key(c.unique().name()).orElseThrow();
      step(alter(t, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(t, key.name())),
          alter(t, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(t, key.name())));
      return null;
    }

    @Override
    public Void visit(Change.DropIndex c) {
      String t = c.table().qualifiedName();
      PhysicalTable.Key key = physical(c.table()).key(c.index().name()).orElseThrow();
      step(alter(t, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(t, key.name())),
          alter(t, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(t, key.name())));
      return null;
    }

    @Override
    public Void visit(Change.DropPrimaryKey c) {
      String t = c.table().qualifiedName();
      Table a = changes.after().table(t).orElse(null);
      if (a != null && a.primaryKey() != null) {
        return null; // replaced: one statement drops and adds it (AddPrimaryKey)
      }
      List<String> columns = c.primaryKey().columns();
      copies(t, null, "its primary key is dropped, and " + engine.displayName() + " can only rebuild the table by"
          + " copying it (InnoDB clusters the rows by their primary key)",
          a != null ? a.origin() : c.table().origin());
      step(always(rerun.primaryKeyIs(t, columns), sql.alter(t, List.of(sql.dropPrimaryKey()), OnlineDdl.COPY)),
          always("NOT (" + rerun.primaryKeyIs(t, columns) + ")",
              sql.alter(t, List.of(sql.addPrimaryKey(columns)), OnlineDdl.INPLACE)));
      return null;
    }

    @Override
    public Void visit(Change.DropTable c) {
      dropTable(c.table());
      return null;
    }

    @Override
    public Void visit(Change.CreateTable c) {
      Table a = c.table();
      List<ForeignKey> inline = a.foreignKeys().stream().filter(fk -> !c.deferred().contains(fk)).toList();
      String create = sql.createTable(physical(a), inline, true);
      step(engine.ifExists() ? create : Rerunnable.when(rerun.tableMissing(a.name()), create),
          sql.dropTable(a.name()).replace("DROP TABLE ", engine.ifExists() ? "DROP TABLE " : "DROP TABLE IF EXISTS "));
      return null;
    }

    @Override
    public Void visit(Change.AddForeignKey c) {
      if (c.newTable()) {
        addForeignKey(c);
      } else {
        laterForeignKeys.add(c);
      }
      return null;
    }

    @Override
    public Void visit(Change.DropColumn c) {
      String t = c.table().qualifiedName();
      Column col = c.column();
      // ADD COLUMN fills every row with the DEFAULT, nullable or not: one value in every row breaks a unique key,
      // so a column of one comes back empty and gets its DEFAULT after, for the rows to come
      boolean uniqueDefault = c.uniqueKey() && col.defaultValue() != null;
      Column restored = new Column(col.name(), col.javaName(), col.javaType(), col.type(), true,
          uniqueDefault ? null : col.defaultValue(), Column.Identity.NONE, col.markers(), col.comment(), null,
          List.of(), Origin.NONE, col.generated());
      if (col.isGenerated()) {
        // a stored generated column is dropped in place (the table is rebuilt) and added back by a copy that
        // computes it for every row: its values come back as they were
        step(List.of(alter(t, sql.dropColumn(col.name()), OnlineDdl.INPLACE, rerun.columnExists(t, col.name()))),
            List.of("-- " + t + "." + col.name() + " comes back last, computed from its row as it was.",
                alter(t, sql.addColumn(sql.columnDefinition(col, false)), OnlineDdl.COPY,
                    rerun.columnMissing(t, col.name()))));
        return null;
      }
      List<String> down = new ArrayList<>(List.of(col.defaultValue() == null || uniqueDefault
          ? "-- " + t + "." + col.name() + " comes back nullable, last and empty" + (uniqueDefault ? ", its default for"
              + " new rows only (one value in every row would break its unique key)" : "") + ": the values it held are"
              + " not restored."
          : "-- " + t + "." + col.name() + " comes back nullable and last, with its default in every row: the values"
              + " it held are not restored.",
          alter(t, sql.addColumn(sql.columnDefinition(restored, false)), OnlineDdl.INSTANT,
              rerun.columnMissing(t, col.name()))));
      if (uniqueDefault) {
        down.add(alter(t, sql.setDefault(col), OnlineDdl.INSTANT, null));
      }
      step(List.of(alter(t, sql.dropColumn(col.name()), OnlineDdl.INSTANT, rerun.columnExists(t, col.name()))),
          down);
      return null;
    }

    @Override
    public Void visit(Change.AddColumn c) {
      String t = c.table().qualifiedName();
      Column col = c.column();
      OnlineDdl online = col.identity() != Column.Identity.NONE || col.isGenerated() ? OnlineDdl.COPY : OnlineDdl.INSTANT;
      if (col.identity() != Column.Identity.NONE) {
        copies(t, col.name(), "AUTO_INCREMENT column " + col.name() + " is added, and " + engine.displayName()
            + " can only number the rows by copying the table",
            col.origin());
      } else if (col.isGenerated()) {
        copies(t, col.name(), "stored generated column " + col.name() + " is added, and " + engine.displayName()
            + " can only compute it for every row by copying the table", col.origin());
      }
      step(alter(t, sql.addColumn(sql.columnDefinition(col, physical(c.table()).onUpdate(col.name()))), online,
              rerun.columnMissing(t, col.name())),
          alter(t, sql.dropColumn(col.name()), col.isGenerated() ? OnlineDdl.INPLACE : OnlineDdl.INSTANT,
              rerun.columnExists(t, col.name())));
      columnsDone.add(t + "." + col.name());
      return null;
    }

    @Override
    public Void visit(Change.AlterColumnType c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.ChangeEnumValues c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.SetNotNull c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.DropNotNull c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.ChangeDefault c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.ChangeColumnComment c) {
      columnEdit(c.table().qualifiedName(), c.after().name());
      return null;
    }

    @Override
    public Void visit(Change.AddPrimaryKey c) {
      addGeneratedColumns(c.table().qualifiedName());
      String t = c.table().qualifiedName();
      if (!primaryKeysDone.add(t)) {
        return null;
      }
      Table b = before.get(t);
      List<String> columns = c.primaryKey().columns();
      if (b != null && b.primaryKey() != null) {
        List<String> old = b.primaryKey().columns();
        step(always("NOT (" + rerun.primaryKeyIs(t, columns) + ")",
                sql.alter(t, List.of(sql.dropPrimaryKey(), sql.addPrimaryKey(columns)), OnlineDdl.INPLACE)),
            always("NOT (" + rerun.primaryKeyIs(t, old) + ")",
                sql.alter(t, List.of(sql.dropPrimaryKey(), sql.addPrimaryKey(old)), OnlineDdl.INPLACE)));
      } else {
        step(always("NOT (" + rerun.primaryKeyIs(t, columns) + ")",
                sql.alter(t, List.of(sql.addPrimaryKey(columns)), OnlineDdl.INPLACE)),
            always(rerun.primaryKeyIs(t, columns), sql.alter(t, List.of(sql.dropPrimaryKey()), OnlineDdl.COPY)));
      }
      return null;
    }

    @Override
    public Void visit(Change.AddUnique c) {
      addGeneratedColumns(c.table().qualifiedName());
      String t = c.table().qualifiedName();
      PhysicalTable.Key key = physical(c.table()).key(c.unique().name()).orElseThrow();
      step(alter(t, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(t, key.name())),
          alter(t, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(t, key.name())));
      return null;
    }

    @Override
    public Void visit(Change.AddCheck c) {
      addGeneratedColumns(c.table().qualifiedName());
      if (PhysicalTable.enforcedByType(c.table(), c.check())) {
        return null;
      }
      String t = c.table().qualifiedName();
      copies(t, c.check().column(), "CHECK " + c.check().name() + " is added, and " + engine.displayName()
          + " can only check the rows by copying the table (ALGORITHM=INPLACE is refused for ADD CONSTRAINT ... CHECK)",
          c.check().origin() == null || c.check().origin() == Origin.NONE ? c.table().origin() : c.check().origin());
      step(alter(t, sql.addCheck(c.check()), OnlineDdl.COPY, rerun.constraintMissing(t, c.check().name())),
          alter(t, sql.dropCheck(c.check().name()), metadata(), rerun.constraintExists(t, c.check().name())));
      return null;
    }

    @Override
    public Void visit(Change.CreateIndex c) {
      addGeneratedColumns(c.table().qualifiedName());
      String t = c.table().qualifiedName();
      PhysicalTable.Key key = physical(c.table()).key(c.index().name()).orElseThrow();
      step(alter(t, sql.addIndex(key), OnlineDdl.INPLACE, rerun.indexMissing(t, key.name())),
          alter(t, sql.dropIndex(key.name()), OnlineDdl.INPLACE, rerun.indexExists(t, key.name())));
      return null;
    }

    @Override
    public Void visit(Change.CreateTrigger c) {
      addGeneratedColumns(c.table().qualifiedName());
      columnEdit(c.table().qualifiedName(), c.trigger().column());
      return null;
    }

    @Override
    public Void visit(Change.ChangeTableComment c) {
      addGeneratedColumns(c.table().qualifiedName());
      String t = c.table().qualifiedName();
      step(alter(t, sql.tableComment(c.after()), metadata(), null),
          alter(t, sql.tableComment(c.before()), metadata(), null));
      return null;
    }
  };

  // ------------------------------------------------------------------ columns

  /**
   * Every change of one column at once, where the first of them comes: a DEFAULT alone is set in
   * place; anything else restates the whole column (MODIFY COLUMN), run as the slowest of its
   * changes needs.
   */
  private void columnEdit(String table, String column) {
    if (!columnsDone.add(table + "." + column)) {
      return;
    }
    Table a = after.get(table);
    Column now = a.column(column).orElseThrow();
    Column was = null;
    boolean dropped = false;
    boolean created = false;
    for (Change c : changes.changes()) {
      Column b = null;
      if (c instanceof Change.AlterColumnType x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      } else if (c instanceof Change.ChangeEnumValues x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      } else if (c instanceof Change.SetNotNull x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      } else if (c instanceof Change.DropNotNull x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      } else if (c instanceof Change.ChangeDefault x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      } else if (c instanceof Change.ChangeColumnComment x && matches(x.table(), x.after(), table, column)) {
        b = x.before();
      }
      if (b != null) {
        was = b;
      }
      if (c instanceof Change.DropTrigger d && d.table().qualifiedName().equals(table) && d.trigger().column().equals(column)) {
        dropped = true;
      }
      if (c instanceof Change.CreateTrigger d && d.table().qualifiedName().equals(table)
          && d.trigger().column().equals(column) && d.trigger().kind() == Trigger.Kind.SET_UPDATED_AT) {
        created = true;
      }
    }
    if (was == null) {
      was = now;
    }
    boolean onUpdate = physical(a).onUpdate(column);
    boolean hadIt = dropped || !created && onUpdate;
    boolean onlyDefault = hadIt == onUpdate && was.type().equals(now.type()) && was.nullable() == now.nullable()
        && Objects.equals(was.comment(), now.comment()) && was.identity() == now.identity()
        // MySQL's ALTER COLUMN ... SET DEFAULT takes a literal or (expr), not CURRENT_TIMESTAMP: MODIFY COLUMN says it
        && (engine.ifExists() || !(now.defaultValue() instanceof ColumnDefault.Now)
            && !(was.defaultValue() instanceof ColumnDefault.Now));
    if (onlyDefault) {
      step(alter(table, now.defaultValue() == null ? sql.dropDefault(column) : sql.setDefault(now), OnlineDdl.INSTANT, null),
          alter(table, was.defaultValue() == null ? sql.dropDefault(column) : sql.setDefault(was), OnlineDdl.INSTANT, null));
      return;
    }
    OnlineDdl up = algorithm(was, now, hadIt != onUpdate);
    OnlineDdl down = algorithm(now, was, hadIt != onUpdate);
    List<String> virtual = indexedVirtualColumns(table);
    boolean virtualRebuild = was.nullable() != now.nullable() && !virtual.isEmpty();
    if (virtualRebuild) {
      // NULL / NOT NULL rebuilds the table, which InnoDB cannot do online while a virtual column is indexed:
      // MariaDB 11.4 makes a column nullable with LOCK=SHARED, and NOT NULL only by copying
      up = up.and(now.nullable() ? OnlineDdl.INPLACE_SHARED : OnlineDdl.COPY);
      down = down.and(was.nullable() ? OnlineDdl.INPLACE_SHARED : OnlineDdl.COPY);
    }
    if (virtualRebuild && algorithm(was, now, hadIt != onUpdate) != OnlineDdl.COPY) {
      copies(table, column, "column " + column + " becomes " + (now.nullable() ? "nullable" : "NOT NULL") + " on a"
          + " table with an indexed virtual column (" + String.join(", ", virtual) + "), which " + engine.displayName()
          + " cannot rebuild online" + (now.nullable() ? "" : ": it can only copy the table for this change"), up,
          now.origin());
    } else if (up == OnlineDdl.COPY) {
      copies(table, column, "column " + column + " changes from " + sql.typeName(was.type())
          + (was.identity() != now.identity() ? (was.identity() == Column.Identity.NONE ? "" : " AUTO_INCREMENT") : "")
          + " to " + sql.typeName(now.type())
          + (was.identity() != now.identity() ? (now.identity() == Column.Identity.NONE ? "" : " AUTO_INCREMENT") : "")
          + ", a change " + engine.displayName() + " can only make by copying the table", now.origin());
    }
    step(alter(table, sql.modifyColumn(sql.columnDefinition(now, onUpdate)), up, null),
        alter(table, sql.modifyColumn(sql.columnDefinition(was, hadIt)), down, null));
  }

  /**
   * The indexed virtual columns {@code table} has before or after this version: the {@value
   * PhysicalTable#LIVE_ROW} of a soft-delete UNIQUE, the columns of MariaDB's expression indexes,
   * the hidden ones of MySQL's functional key parts.
   */
  private List<String> indexedVirtualColumns(String table) {
    Set<String> names = new java.util.TreeSet<>();
    for (Table t : java.util.Arrays.asList(before.get(table), after.get(table))) {
      if (t != null) {
        PhysicalTable p = physical(t);
        p.generated().forEach(g -> names.add(g.name()));
        p.keys().stream().filter(PhysicalTable.Key::expression).forEach(k -> names.add("the key part of " + k.name()));
      }
    }
    return List.copyOf(names);
  }



  private static boolean matches(Table changeTable, Column changeColumn, String table, String column) {
    return changeTable.qualifiedName().equals(table) && changeColumn.name().equals(column);
  }

  /** How a MODIFY COLUMN from {@code from} to {@code to} runs: see docs/targets/mariadb.md, "Online DDL". */
  OnlineDdl algorithm(Column from, Column to, boolean onUpdateChanged) {
    OnlineDdl online = metadata();
    if (!from.type().equals(to.type())) {
      online = online.and(typeChange(from, to));
    }
    if (from.nullable() != to.nullable()) {
      online = online.and(OnlineDdl.INPLACE);
    }
    if (from.identity() != to.identity()) {
      online = online.and(OnlineDdl.COPY);
    }
    return online;
  }

  private OnlineDdl typeChange(Column from, Column to) {
    var a = from.type();
    var b = to.type();
    if (a.isEnum() && b.isEnum() && b.enumValues().size() >= a.enumValues().size()
        && b.enumValues().subList(0, a.enumValues().size()).equals(a.enumValues())
        && (a.enumValues().size() > 255) == (b.enumValues().size() > 255)) {
      return OnlineDdl.INSTANT; // values appended: the stored numbers stay
    }
    if (a.isBounded() && b.isBounded() && b.length() >= a.length() && !MySqlFamilyDialect.isLob(b)) {
      boolean sameLengthBytes = (4 * a.length() > 255) == (4 * b.length() > 255);
      // InnoDB stores a value's length in one byte when the column holds at most 255 bytes, and
      // beyond that in one byte only below 128: growing past 255 bytes keeps the stored rows
      // readable only when they were all below 128 bytes (MariaDB 11.4 refuses INSTANT from
      // varchar(40) to varchar(80) in utf8mb4: "Cannot change column type")
      if (engine.instantVarcharGrowth() && (sameLengthBytes || 4 * a.length() < 128)) {
        return OnlineDdl.INSTANT;
      }
      return sameLengthBytes ? OnlineDdl.INPLACE : OnlineDdl.COPY;
    }
    return OnlineDdl.COPY;
  }

  // ------------------------------------------------------------------ keys and tables

  private void dropForeignKey(String table, ForeignKey fk, PhysicalTable b, boolean targetDropped) {
    boolean ownIndex = b.key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent();
    List<String> up = new ArrayList<>(List.of(sql.dropForeignKey(fk.name())));
    if (ownIndex) {
      up.add(sql.dropIndex(fk.name()));
    }
    List<String> down = new ArrayList<>();
    if (ownIndex) {
      down.add(alter(table, sql.addIndex(foreignKeyIndex(fk)), OnlineDdl.INPLACE, rerun.indexMissing(table, fk.name())));
    }
    if (targetDropped) {
      // the down creates the referenced table again, empty: checking the key would fail on the first row
      down.add("-- " + fk.name() + " comes back unchecked (foreign_key_checks = 0): the rows of " + fk.targetTable()
          + " it pointed at are not restored.");
      down.add("SET SESSION foreign_key_checks = 0;");
      down.add(alter(table, sql.addForeignKey(fk), OnlineDdl.INPLACE, rerun.constraintMissing(table, fk.name())));
      down.add("SET SESSION foreign_key_checks = 1;");
    } else {
      down.add(alter(table, sql.addForeignKey(fk), OnlineDdl.COPY, rerun.constraintMissing(table, fk.name())));
    }
    step(List.of(alter(table, up, OnlineDdl.INPLACE, rerun.constraintExists(table, fk.name()))), down);
  }

  private Set<String> droppedTables() {
    Set<String> out = new java.util.HashSet<>();
    changes.of(Change.DropTable.class).forEach(d -> out.add(d.table().qualifiedName()));
    return out;
  }

  private void addForeignKey(Change.AddForeignKey c) {
    Table a = c.table();
    String t = a.qualifiedName();
    ForeignKey fk = c.foreignKey();
    if (c.newTable()) { // closes a cycle between new tables: both empty
      step(alter(t, sql.addForeignKey(fk), OnlineDdl.NEW_TABLE, rerun.constraintMissing(t, fk.name())),
          alter(t, sql.dropForeignKey(fk.name()), OnlineDdl.NEW_TABLE, rerun.constraintExists(t, fk.name())));
      return;
    }
    if (physical(a).key(fk.name()).filter(PhysicalTable.Key::forForeignKey).isPresent()) {
      step(alter(t, sql.addIndex(foreignKeyIndex(fk)), OnlineDdl.INPLACE, rerun.indexMissing(t, fk.name())),
          alter(t, sql.dropIndex(fk.name()), OnlineDdl.INPLACE, rerun.indexExists(t, fk.name())));
    }
    // checking the rows that are there needs a copy: there is no NOT VALID (the table-copy rule warns)
    copies(t, fk.columns().size() == 1 ? fk.columns().get(0) : null, "foreign key " + fk.name() + " is added to a table"
        + " with rows, and " + engine.displayName() + " can only check them by copying the table (there is no NOT VALID,"
        + " and foreign_key_checks = 0 would not check them at all)",
        fk.origin() == null || fk.origin() == Origin.NONE ? a.origin() : fk.origin());
    step(alter(t, sql.addForeignKey(fk), OnlineDdl.COPY, rerun.constraintMissing(t, fk.name())),
        alter(t, sql.dropForeignKey(fk.name()), OnlineDdl.INPLACE, rerun.constraintExists(t, fk.name())));
  }

  /** Its foreign keys first (other dropped tables may be referenced), then the table; the down creates it empty. */
  private void dropTable(Table b) {
    String name = b.qualifiedName();
    PhysicalTable physical = physical(b);
    for (ForeignKey fk : b.foreignKeys()) {
      dropForeignKey(name, fk, physical, droppedTables().contains(fk.targetTable()));
    }
    Table bare = b.withForeignKeys(List.of());
    String create = sql.createTable(physical(bare), List.of(), true);
    step(List.of(sql.dropTable(name).replace("DROP TABLE ", engine.ifExists() ? "DROP TABLE " : "DROP TABLE IF EXISTS ")),
        List.of("-- " + name + " is created again empty: the rows it held are not restored.",
            engine.ifExists() ? create : Rerunnable.when(rerun.tableMissing(name), create)));
  }

  private void renameDerived(Change.RenameDerived c) {
    Table a = c.table();
    String t = a.qualifiedName();
    switch (c.kind()) {
      case PRIMARY_KEY, TRIGGER -> { } // a primary key is always PRIMARY; ON UPDATE has no name
      case UNIQUE, INDEX -> {
        List<String> up = new ArrayList<>(List.of(sql.renameIndex(c.from(), c.to())));
        List<String> down = new ArrayList<>(List.of(sql.renameIndex(c.to(), c.from())));
        PhysicalTable pa = physical(a);
        List<PhysicalTable.Generated> generated = pa.generatedFor(c.to());
        List<PhysicalTable.Generated> old = physical(beforeAsItWas.get(t)).generatedFor(c.from());
        for (int i = 0; i < generated.size() && i < old.size(); i++) {
          up.add(sql.renameColumn(old.get(i).name(), generated.get(i).name()));
          down.add(sql.renameColumn(generated.get(i).name(), old.get(i).name()));
        }
        step(alter(t, up, metadata(), rerun.indexExists(t, c.from())),
            alter(t, down, metadata(), rerun.indexExists(t, c.to())));
      }
      case CHECK -> {
        CheckConstraint check = a.checks().stream().filter(x -> x.name().equals(c.to())).findFirst().orElseThrow();
        if (PhysicalTable.enforcedByType(a, check)) {
          return;
        }
        CheckConstraint old = new CheckConstraint(c.from(), check.condition(), check.column(), check.origin());
        // neither engine renames a CHECK: it is dropped and added again, which checks every row (a copy)
        copies(t, check.column(), "CHECK " + c.from() + " is renamed to " + c.to() + ": there is no RENAME"
            + " CONSTRAINT, and " + engine.displayName() + " can only add it again under the new name by copying the table",
            check.origin() == null || check.origin() == Origin.NONE ? a.origin() : check.origin());
        step(alter(t, List.of(sql.dropCheck(c.from()), sql.addCheck(check)), OnlineDdl.COPY,
                rerun.constraintExists(t, c.from())),
            alter(t, List.of(sql.dropCheck(c.to()), sql.addCheck(old)), OnlineDdl.COPY,
                rerun.constraintExists(t, c.to())));
      }
      case FOREIGN_KEY -> {
        ForeignKey fk = a.foreignKeys().stream().filter(x -> x.name().equals(c.to())).findFirst().orElseThrow();
        ForeignKey old = new ForeignKey(c.from(), fk.columns(), fk.targetTable(), fk.targetColumns(), fk.onDelete(),
            fk.onUpdate(), fk.origin());
        boolean ownIndex = physical(beforeAsItWas.get(t)).key(c.from()).filter(PhysicalTable.Key::forForeignKey)
            .isPresent();
        // no RENAME CONSTRAINT: dropped and added in one statement, unchecked (the rows already satisfy it)
        List<String> up = new ArrayList<>(List.of(sql.dropForeignKey(c.from()), sql.addForeignKey(fk)));
        List<String> down = new ArrayList<>(List.of(sql.dropForeignKey(c.to()), sql.addForeignKey(old)));
        if (ownIndex) {
          up.add(sql.renameIndex(c.from(), c.to()));
          down.add(sql.renameIndex(c.to(), c.from()));
        }
        step(List.of("SET SESSION foreign_key_checks = 0;",
                alter(t, up, OnlineDdl.INPLACE, rerun.constraintExists(t, c.from())),
                "SET SESSION foreign_key_checks = 1;"),
            List.of("SET SESSION foreign_key_checks = 0;",
                alter(t, down, OnlineDdl.INPLACE, rerun.constraintExists(t, c.to())),
                "SET SESSION foreign_key_checks = 1;"));
      }
    }
  }

  /**
   * MySQL refuses to rename a column that a CHECK, a generated column or a functional index uses;
   * MariaDB rewrites them. On MySQL that rename is an error with a fix.
   */
  private void refuseDependentRename(Change.RenameColumn c) {
    if (engine.ifExists()) {
      return;
    }
    Table a = after.get(c.table());
    if (a == null) {
      return;
    }
    List<String> users = new ArrayList<>();
    for (CheckConstraint check : physical(a).checks()) {
      if (sql.checkExpression(check).matches("(?s).*\\b" + c.to() + "\\b.*")) {
        users.add("CHECK " + check.name());
      }
    }
    for (Column generated : a.columns()) {
      if (generated.isGenerated() && generated.generated().sql().matches("(?s).*\\b" + c.to() + "\\b.*")) {
        users.add("generated column " + generated.name());
      }
    }
    if (c.to().equals(a.softDeleteColumn()) && !a.uniques().isEmpty()) {
      users.add("the generated column " + PhysicalTable.LIVE_ROW + " of its soft-delete UNIQUE keys");
    }
    for (Index index : a.indexes()) {
      if (index.elements().stream().anyMatch(e -> e.expression() != null
          && e.expression().sql().matches("(?s).*\\b" + c.to() + "\\b.*"))) {
        users.add("the expression of index " + index.name());
      }
    }
    if (!users.isEmpty()) {
      Origin origin = a.column(c.to()).map(Column::origin).orElse(a.origin());
      problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "column " + a.name() + "." + c.from() + " cannot be renamed to " + c.to() + " on "
          + engine.displayName() + " (target " + engine.id() + "): " + String.join(", ", users) + " uses it, and "
          + engine.displayName() + " refuses to rename a column something depends on. Fix: rename it in two versions"
          + " (drop what uses it in this one, rename and declare it again in the next), or leave " + engine.id()
          + " out of -Aschemac.targets.", origin));
    }
  }

  // ------------------------------------------------------------------ today's names

  /**
   * First of all, the tables and sequences whose name changes in case only ({@code account} to
   * {@code Account}, when the JPA naming keeps capitals): to the engine they are renames, and every
   * later statement names the table as this version writes it. (A table renamed otherwise is
   * renamed to its new spelling by its RENAME TABLE.)
   */
  private void renameCases(SchemaChanges changes) {
    for (SchemaChanges.Pair pair : changes.kept()) {
      Table b = pair.before();
      Table a = pair.after();
      if (b.qualifiedName().equals(a.qualifiedName()) && !b.writtenName().equals(a.writtenName())) {
        step(sql.renameCase(a.name(), b.writtenName(), a.writtenName()), sql.renameCase(a.name(), a.writtenName(),
            b.writtenName()));
      }
    }
    for (dev.schemac.processor.model.Sequence s : changes.after().sequences()) {
      changes.before().sequence(s.qualifiedName()).filter(old -> !old.writtenName().equals(s.writtenName()))
          .ifPresent(old -> step(sql.renameCase(s.name(), old.writtenName(), s.writtenName()),
              sql.renameCase(s.name(), s.writtenName(), old.writtenName())));
    }
  }

  /**
   * The previous version's table under this version's names of its columns, keys, constraints and
   * indexes, as the changes rename them: what the InnoDB extras of both versions are compared on.
   */
  private static Table todayNames(Table b, Table a, SchemaChanges changes) {
    Map<String, String> columns = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Change c : changes.changes()) {
      if (c instanceof Change.RenameColumn r && r.table().equals(a.qualifiedName())) {
        columns.put(r.from(), r.to());
      } else if (c instanceof Change.RenameDerived r && r.table().qualifiedName().equals(a.qualifiedName())) {
        names.put(r.from(), r.to());
      }
    }
    java.util.function.UnaryOperator<String> col = n -> columns.getOrDefault(n, n);
    java.util.function.UnaryOperator<String> name = n -> names.getOrDefault(n, n);
    java.util.function.Function<List<String>, List<String>> cols = l -> l.stream().map(col).toList();
    List<Column> cs = b.columns().stream().map(x -> new Column(col.apply(x.name()), x.javaName(), x.javaType(), x.type(),
        x.nullable(), x.defaultValue(), x.identity(), x.markers(), x.comment(), null, x.suppressions(), x.origin(),
        x.generated())).toList();
    PrimaryKey pk = b.primaryKey() == null ? null
        : new PrimaryKey(b.primaryKey().name(), cols.apply(b.primaryKey().columns()), b.primaryKey().origin());
    List<ForeignKey> fks = b.foreignKeys().stream().map(f -> new ForeignKey(name.apply(f.name()), cols.apply(f.columns()),
        f.targetTable(), f.targetColumns(), f.onDelete(), f.onUpdate(), f.origin())).toList();
    List<UniqueConstraint> us = b.uniques().stream().map(u -> new UniqueConstraint(name.apply(u.name()),
        cols.apply(u.columns()), u.origin())).toList();
    List<CheckConstraint> checks = b.checks().stream().map(x -> new CheckConstraint(name.apply(x.name()),
        x.condition(), x.column() == null ? null : col.apply(x.column()), x.origin())).toList();
    List<Index> indexes = b.indexes().stream().map(i -> new Index(name.apply(i.name()), i.elements().stream()
        .map(e -> new Index.Element(e.column() == null ? null : col.apply(e.column()), e.expression(), e.opclass(),
            e.descending(), e.nulls())).toList(), i.unique(), i.method(), i.where(), cols.apply(i.include()),
        i.origin())).toList();
    List<Trigger> triggers = b.triggers().stream().map(x -> new Trigger(x.name(), x.kind(), col.apply(x.column())))
        .toList();
    return new Table(a.schema(), a.name(), b.sourceType(), cs, pk, fks, us, checks, indexes, triggers, b.comment(),
        b.softDeleteColumn() == null ? null : col.apply(b.softDeleteColumn()), null, b.suppressions(), b.origin(),
        b.source(), a.writtenName());
  }

  /** The empty schema: what a target's first version is diffed from. */
  static Schema empty() {
    return new Schema(List.of(), List.of(), List.of());
  }
}
