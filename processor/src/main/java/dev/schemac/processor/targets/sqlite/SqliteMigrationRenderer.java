package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.ExpandContract;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.MigrationPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The changes between two versions as SQLite statements, table by table. SQLite's ALTER TABLE
 * renames tables and columns, adds a column and drops one; everything else about a table (a
 * column's type, NOT NULL, default or CHECK, a key, a foreign key, a constraint's name) takes
 * SQLite's twelve-step rebuild (https://www.sqlite.org/lang_altertable.html#otheralter): a new
 * table of the new definition, the rows copied, the old table dropped, the new one renamed, its
 * indexes and triggers created again. Which one a table gets is decided by comparing its
 * definition before and after, as SQLite would store it; the down is decided the same way, from
 * the new definition back to the old one, so a down rebuilds when its own direction needs it.
 *
 * <p>Every step is recorded with its inverse, and the down is the up undone in reverse order:
 * renames first (they keep the data and SQLite carries them into indexes, triggers and the
 * foreign keys of other tables), then dropped tables, new tables, and each table that stays.
 * The file around these statements (foreign keys off, one transaction, the foreign-key check) is
 * {@link SqliteTarget#migrationFile}'s.
 */
final class SqliteMigrationRenderer {
  /** The prefix of the new table of a rebuild, renamed to the table's name once the rows are copied. */
  static final String REBUILD_PREFIX = "schemac_new_";

  private record Step(List<String> up, List<String> down) {}

  private final SqliteDialect sql;
  private final SqliteSchemaScript script;
  private final List<Step> steps = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private SqliteMigrationRenderer(SqliteDialect sql) {
    this.sql = sql;
    this.script = new SqliteSchemaScript(sql);
  }

  static MigrationPlan render(SqliteDialect sql, SchemaChanges changes) {
    SqliteMigrationRenderer renderer = new SqliteMigrationRenderer(sql);
    renderer.render(changes);
    return new MigrationPlan(inTransaction(sql, renderer.ups(), List.of()), List.of(),
        inTransaction(sql, renderer.downs(), recreatedEmpty(changes)), List.of(), renderer.problems);
  }

  /**
   * With the version's hand-written {@code data} step: the changes cut around it ({@link
   * ExpandContract}), each half rendered (altered or rebuilt) as a version of its own, and the
   * step between them, all in the file's one transaction, with foreign keys off and checked
   * before the commit: a step that breaks a foreign key fails the migration, and nothing is
   * committed.
   */
  static MigrationPlan render(SqliteDialect sql, SchemaChanges changes, DataStep data) {
    ExpandContract halves = ExpandContract.of(changes);
    SqliteMigrationRenderer expand = new SqliteMigrationRenderer(sql);
    expand.render(halves.expand());
    SqliteMigrationRenderer contract = new SqliteMigrationRenderer(sql);
    contract.render(halves.contract());
    List<String> up = new ArrayList<>(expand.ups());
    up.addAll(data.upStatements());
    up.addAll(contract.ups());
    List<String> down = new ArrayList<>(contract.downs());
    down.addAll(data.downStatements());
    down.addAll(expand.downs());
    java.util.Set<Problem> problems = new LinkedHashSet<>(expand.problems);
    problems.addAll(contract.problems);
    return new MigrationPlan(inTransaction(sql, up, List.of()), List.of(),
        inTransaction(sql, down, recreatedEmpty(halves.contract())), List.of(), List.copyOf(problems));
  }

  private List<String> ups() {
    List<String> up = new ArrayList<>();
    steps.forEach(s -> up.addAll(s.up()));
    return up;
  }

  private List<String> downs() {
    List<String> down = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      down.addAll(steps.get(i).down());
    }
    return down;
  }

  /** The tables a down creates again empty: those the up drops. */
  private static List<String> recreatedEmpty(SchemaChanges changes) {
    return changes.of(Change.DropTable.class).stream().map(c -> c.table().name()).toList();
  }

  /** The savepoint that is a migration's transaction (SAVEPOINT outside one starts one; RELEASE commits it). */
  static final String SAVEPOINT = "schemac_migration";

  /** The temporary table whose CHECK fails the migration when a foreign key no longer holds. */
  static final String FOREIGN_KEY_CHECK = "schemac_foreign_key_check";

  /**
   * A migration's statements as SQLite's twelve steps wrap them (steps 1, 2, 10, 11, 12): foreign
   * keys off before the transaction (the pragma does nothing inside one; with foreign keys on,
   * dropping the old table of a rebuild would delete every row that references it with ON DELETE
   * CASCADE), the transaction, PRAGMA foreign_key_check as a statement that fails when it finds a
   * row, the commit, foreign keys on. References to the tables in {@code recreatedEmpty} (a down
   * creates a dropped table again, without its rows) are not counted: they cannot hold, and the
   * down must still run on a database with data. Empty stays empty.
   */
  static List<String> inTransaction(SqliteDialect sql, List<String> statements, List<String> recreatedEmpty) {
    if (statements.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("PRAGMA foreign_keys = OFF;");
    out.add("SAVEPOINT " + SAVEPOINT + ";");
    out.addAll(statements);
    String exempt = recreatedEmpty.isEmpty() ? "" : " WHERE parent NOT IN ("
        + recreatedEmpty.stream().map(sql::literal).reduce((a, b) -> a + ", " + b).orElseThrow() + ")";
    out.add("-- every foreign key holds" + (recreatedEmpty.isEmpty() ? "" : " (except those to the tables created"
        + " again empty)") + ": PRAGMA foreign_key_check finds no row, or this fails\n"
        + "DROP TABLE IF EXISTS temp." + FOREIGN_KEY_CHECK + ";\n"
        + "CREATE TEMP TABLE " + FOREIGN_KEY_CHECK + " (\n"
        + "    violations INTEGER NOT NULL\n"
        + "        CONSTRAINT \"foreign keys broken by this migration: run PRAGMA foreign_key_check\" CHECK (violations = 0)\n"
        + ");\n"
        + "INSERT INTO temp." + FOREIGN_KEY_CHECK + " SELECT count(*) FROM pragma_foreign_key_check" + exempt + ";\n"
        + "DROP TABLE temp." + FOREIGN_KEY_CHECK + ";");
    out.add("RELEASE " + SAVEPOINT + ";");
    out.add("PRAGMA foreign_keys = ON;");
    return out;
  }

  private void step(List<String> up, List<String> down) {
    if (!up.isEmpty() || !down.isEmpty()) {
      steps.add(new Step(List.copyOf(up), List.copyOf(down)));
    }
  }

  private void render(SchemaChanges changes) {
    for (Change.RenameTable c : changes.of(Change.RenameTable.class)) {
      step(List.of(sql.renameTable(c.before().name(), c.after().name())),
          List.of(sql.renameTable(c.after().name(), c.before().name())));
    }
    for (Change.RenameColumn c : changes.of(Change.RenameColumn.class)) {
      String table = dev.schemac.processor.model.Identifiers.nameOf(c.table());
      step(List.of(sql.renameColumn(table, c.from(), c.to())), List.of(sql.renameColumn(table, c.to(), c.from())));
    }
    for (Change.DropTable c : changes.of(Change.DropTable.class)) {
      Table gone = c.table();
      List<String> recreate = new ArrayList<>();
      recreate.add("-- " + gone.name() + " is created again empty: the rows it held are not restored.");
      recreate.addAll(script.createTable(gone, gone.name()));
      step(List.of(sql.dropTable(gone.name())), recreate);
    }
    for (Change.CreateTable c : changes.of(Change.CreateTable.class)) {
      step(script.createTable(c.table(), c.table().name()), List.of(sql.dropTable(c.table().name())));
    }
    Map<String, SchemaChanges.Pair> kept = new TreeMap<>();
    changes.kept().forEach(p -> kept.put(p.after().name(), p));
    for (SchemaChanges.Pair pair : kept.values()) {
      Table today = pair.today();
      Table after = pair.after();
      Table restored = restored(today, after);
      List<String> up = transition(today, after);
      List<String> down = transition(after, restored);
      if (up == null || down == null) {
        continue; // reported
      }
      List<String> upAll = new ArrayList<>(up);
      upAll.addAll(commentChanges(today, after));
      List<String> downAll = new ArrayList<>(down);
      downAll.addAll(commentChanges(after, today));
      step(upAll, downAll);
    }
  }

  /**
   * What the down restores of {@code today}: the columns the up drops come back nullable, without
   * their values and without an identity, as on every engine.
   */
  private static Table restored(Table today, Table after) {
    return today.withColumns(today.columns().stream().map(c -> after.column(c.name()).isPresent() ? c
        : new Column(c.name(), c.javaName(), c.javaType(), c.type(), true, c.defaultValue(), Column.Identity.NONE,
            c.markers(), c.comment(), null, List.of(), c.origin(), c.generated())).toList());
  }

  /** The comments of {@code to} that differ from those of {@code from}, as comment lines (SQLite stores none). */
  private List<String> commentChanges(Table from, Table to) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(from.comment(), to.comment())) {
      out.addAll(to.comment() == null ? List.of("-- " + to.name() + " has no comment any more.")
          : SqliteDialect.commentLines(to.name() + " is now: ", to.comment()));
    }
    for (Column c : to.columns()) {
      Column was = from.column(c.name()).orElse(null);
      if (was != null && !Objects.equals(was.comment(), c.comment())) {
        out.addAll(c.comment() == null ? List.of("-- " + to.name() + "." + c.name() + " has no comment any more.")
            : SqliteDialect.commentLines(to.name() + "." + c.name() + " is now: ", c.comment()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ one table, from one definition to another

  /**
   * The statements that turn table {@code from} into {@code to} (same name, same columns by name
   * where they are the same column): ALTER TABLE when SQLite can, a rebuild otherwise; null when
   * neither can (reported).
   */
  private List<String> transition(Table from, Table to) {
    List<String> out = new ArrayList<>();
    Definition before;
    Definition after;
    try {
      before = new Definition(from);
      after = new Definition(to);
    } catch (IllegalStateException e) {
      problems.add(Problem.error(SqliteUnsupported.SQL_ID, "table " + to.name() + " cannot be migrated"
          + " on SQLite: " + e.getMessage() + ". Fix: change the annotation back, or leave " + SqliteTarget.ID
          + " out of -Aschemac.targets.", to.origin()));
      return null;
    }
    List<Column> added = to.columns().stream().filter(c -> from.column(c.name()).isEmpty()).toList();
    List<Column> dropped = from.columns().stream().filter(c -> to.column(c.name()).isEmpty()).toList();
    boolean alter = before.table.equals(after.table)
        && before.columns.keySet().stream().filter(after.columns::containsKey)
            .allMatch(c -> before.columns.get(c).equals(after.columns.get(c)))
        && added.stream().allMatch(c -> addable(to, c))
        && dropped.stream().allMatch(c -> droppable(from, c));
    if (alter) {
      List<String> statements = new ArrayList<>();
      before.objects.stream().filter(o -> !after.objects.contains(o)).forEach(o -> statements.add(drop(o)));
      dropped.forEach(c -> statements.add(sql.dropColumn(from.name(), c.name())));
      added.forEach(c -> statements.add(sql.addColumn(to, c)));
      after.objects.stream().filter(o -> !before.objects.contains(o)).forEach(statements::add);
      if (!statements.isEmpty()) {
        out.add(String.join("\n", statements));
      }
      return out;
    }
    return rebuild(from, to);
  }

  /**
   * What SQLite stores of a table, split as a migration needs it: each column's definition, the
   * rest of CREATE TABLE (key, table CHECKs, foreign keys), and the objects on it (unique
   * indexes, indexes, triggers), each as its CREATE statement.
   */
  private final class Definition {
    final Map<String, String> columns = new TreeMap<>();
    final Set<String> table = new LinkedHashSet<>();
    final List<String> objects;

    Definition(Table t) {
      for (Column c : t.columns()) {
        columns.put(c.name(), sql.columnDefinition(t, c));
      }
      if (t.primaryKey() != null && t.columns().stream().noneMatch(c -> SqliteDialect.isRowidKey(t, c))) {
        table.add("PRIMARY KEY " + t.primaryKey().name() + " " + t.primaryKey().columns());
      }
      for (CheckConstraint check : t.checks()) {
        if (check.column() == null || t.column(check.column()).isEmpty()) {
          table.add(sql.checkConstraint(t, check));
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        table.add(sql.foreignKeyConstraint(fk));
      }
      objects = script.objectsOn(t);
    }
  }

  /** The statement that drops an object {@link SqliteSchemaScript#objectsOn} created. */
  private String drop(String create) {
    String[] words = create.split("\\s+", 6);
    boolean unique = words[1].equals("UNIQUE");
    String kind = unique ? words[2] : words[1];
    String name = unique ? words[3] : words[2];
    return (kind.equals("TRIGGER") ? "DROP TRIGGER " : "DROP INDEX ") + name + ";";
  }

  /**
   * Whether ALTER TABLE ADD COLUMN can add {@code c} as {@code to} declares it: not a key column,
   * no DEFAULT that is an expression (SQLite refuses one in parentheses there), NOT NULL only with
   * a default for the rows already there.
   */
  private static boolean addable(Table to, Column c) {
    if (to.primaryKey() != null && to.primaryKey().columns().contains(c.name()) || c.isGenerated()) {
      return false; // SQLite cannot ADD COLUMN a STORED generated column: a rebuild computes it
    }
    ColumnDefault value = c.defaultValue();
    if (value != null && !(value instanceof ColumnDefault.Literal) || comesBackEmpty(to, c)) {
      return false;
    }
    return c.nullable() || value != null;
  }

  /**
   * Whether a nullable column with a DEFAULT that a unique key holds is added empty: ADD COLUMN (and
   * a rebuild's copy) would give every row its DEFAULT, which the key refuses on the second row
   * (a down adding back a dropped UNIQUE column with a default), and SQLite cannot set a column's
   * DEFAULT after adding it, so a rebuild copies NULL into it.
   */
  private static boolean comesBackEmpty(Table to, Column c) {
    return c.nullable() && c.defaultValue() != null && !c.isGenerated() && to.inUniqueKey(c.name());
  }

  /**
   * Whether ALTER TABLE DROP COLUMN can drop {@code c}: not a key column, in no foreign key, and
   * named by no generated column (SQLite refuses to drop what one is computed from).
   */
  private static boolean droppable(Table from, Column c) {
    java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?i)\\b" + java.util.regex.Pattern.quote(c.name()) + "\\b");
    return (from.primaryKey() == null || !from.primaryKey().columns().contains(c.name()))
        && from.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(c.name()))
        && from.columns().stream().noneMatch(g -> g.isGenerated() && word.matcher(g.generated().sql()).find());
  }

  /**
   * SQLite's twelve steps for {@code from} to {@code to}. Steps 1, 2, 10, 11 and 12 (foreign keys
   * off, the transaction, the foreign-key check, COMMIT, foreign keys on) belong to the file;
   * step 3 is the model (schemac knows the table's indexes and triggers); step 9 has nothing to do
   * (schemac creates no views).
   */
  private List<String> rebuild(Table from, Table to) {
    String name = to.name();
    String temporary = REBUILD_PREFIX + name;
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column c : to.columns()) {
      Column was = from.column(c.name()).orElse(null);
      if (was == null && comesBackEmpty(to, c)) {
        columns.add(sql.quote(c.name()));
        values.add("NULL");
        continue;
      }
      if (was == null || c.isGenerated()) {
        continue; // a new column: its DEFAULT, or NULL; a generated one: computed, never inserted
      }
      String value = convert(was, c);
      if (value == null) {
        problems.add(Problem.error(SqliteUnsupported.FEATURE_ID, "column " + name + "." + c.name()
            + " changes from " + SqliteTypes.storageWords(was.type()) + " to " + SqliteTypes.storageWords(c.type())
            + ", and SQLite has no function that turns one into the other exactly (target " + SqliteTarget.ID
            + "). Fix: add a new column and fill it in the application, or leave " + SqliteTarget.ID
            + " out of -Aschemac.targets.", c.origin() == null ? to.origin() : c.origin()));
        return List.of();
      }
      columns.add(sql.quote(c.name()));
      values.add(value);
    }
    String dropped = from.columns().stream().filter(c -> to.column(c.name()).isEmpty()).map(Column::name)
        .reduce((a, b) -> a + ", " + b).orElse(null);
    List<String> steps = new ArrayList<>();
    steps.add("-- " + name + " is rebuilt, as SQLite's ALTER TABLE cannot make this change: a new table of the new\n"
        + "-- definition, the rows copied" + (dropped == null ? "" : " (without " + dropped + ")") + ", the old table"
        + " dropped, the new one renamed,\n-- its indexes and triggers created again");
    steps.add(script.createTable(to, temporary).get(0));
    steps.add("INSERT INTO " + sql.quote(temporary) + " (" + String.join(", ", columns) + ")\n    SELECT "
        + String.join(", ", values) + " FROM " + sql.quote(name) + ";");
    if (to.columns().stream().anyMatch(c -> SqliteDialect.isRowidKey(to, c))) {
      // AUTOINCREMENT never hands out a key twice: the new table goes on from the old one's highest ever
      steps.add("DELETE FROM sqlite_sequence WHERE name = " + sql.literal(temporary) + ";\n"
          + "INSERT INTO sqlite_sequence (name, seq) SELECT " + sql.literal(temporary)
          + ", seq FROM sqlite_sequence WHERE name = " + sql.literal(name) + ";");
    }
    steps.add(sql.dropTable(name));
    // legacy_alter_table for this one rename: the default (3.26+) checks every view and trigger of the database
    // while renaming, and one of the application's own that refers to the table, dropped a statement ago, would fail
    // it ("error in view v: no such table"); the legacy rename changes the table's own definition, indexes and
    // triggers only, which is all this rename needs (nothing refers to the temporary name)
    steps.add("PRAGMA legacy_alter_table = ON;\n" + sql.renameTable(temporary, name) + "\nPRAGMA legacy_alter_table = OFF;");
    steps.addAll(script.objectsOn(to));
    List<String> out = new ArrayList<>();
    out.add(String.join("\n", steps));
    return out;
  }

  /**
   * The value of column {@code was} as column {@code now} stores it, in SQL over the old table, or
   * null when SQLite cannot convert it exactly. STRICT converts what it can without loss and refuses
   * the rest, and the new column's CHECKs hold what it copies, so a text that is no number, a
   * value out of range fails the copy, as PostgreSQL's ALTER TYPE fails; a decimal changes scale
   * exactly, rounding half away from zero as PostgreSQL does; a UUID becomes its text form. A point in
   * time or a duration (integers of milliseconds) and a UUID (16 bytes) change to or from nothing
   * else: their numbers and bytes mean something else in any other type.
   */
  private String convert(Column was, Column now) {
    String c = sql.quote(was.name());
    LogicalType from = was.type();
    LogicalType to = now.type();
    if (from.array() || to.array()) {
      return from.array() == to.array() ? c : null;
    }
    if (from.kind() == Kind.RAW || to.kind() == Kind.RAW) {
      return c;
    }
    Kind a = textual(from.storage().kind());
    Kind b = textual(to.storage().kind());
    if (b == Kind.DECIMAL) {
      if (a == Kind.DECIMAL) {
        if (to.precision() == 0) {
          return c;
        }
        return from.precision() == 0 ? null : SqliteTypes.rescale(c, from.precision(), from.scale(), to.scale());
      }
      if (a.isIntegral()) {
        return to.precision() == 0 || to.scale() == 0 ? "CAST(" + c + " AS TEXT)"
            : c + " || '." + "0".repeat(to.scale()) + "'";
      }
      return null;
    }
    if (a == Kind.DECIMAL && b.isIntegral()) {
      return from.precision() == 0 ? c : SqliteTypes.rounded(c, from.precision(), from.scale(), 0);
    }
    if (a == b) {
      return c;
    }
    if (a == Kind.UUID && b == Kind.STRING) {
      String hex = "hex(" + c + ")";
      return "lower(substr(" + hex + ", 1, 8) || '-' || substr(" + hex + ", 9, 4) || '-' || substr(" + hex
          + ", 13, 4) || '-' || substr(" + hex + ", 17, 4) || '-' || substr(" + hex + ", 21))";
    }
    if (a == Kind.UUID && b == Kind.BINARY || a == Kind.BINARY && b == Kind.UUID) {
      return c;
    }
    Set<Kind> meaningful = Set.of(Kind.UUID, Kind.INSTANT, Kind.DURATION, Kind.BINARY);
    if (meaningful.contains(a) || meaningful.contains(b)) {
      return null;
    }
    return c;
  }

  /** An enum is stored as its constant's name: text, as a string is. */
  private static Kind textual(Kind kind) {
    return kind == Kind.ENUM ? Kind.STRING : kind;
  }

  static Origin origin(Column c, Table t) {
    return c.origin() == null || c.origin() == Origin.NONE ? t.origin() : c.origin();
  }
}
