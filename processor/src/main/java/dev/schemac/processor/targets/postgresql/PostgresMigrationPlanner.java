package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.rules.MigrationRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The diff between two schema versions as a migration pair. Every up step is recorded together
 * with its inverse, so the down script is the up script undone in reverse order. Steps that
 * must not hold a lock across a scan go to the non-transactional part ({@code V{N}.1}): index
 * builds with CONCURRENTLY, VALIDATE CONSTRAINT, and SET NOT NULL behind a validated CHECK.
 */
public final class PostgresMigrationPlanner {
  /** A statement (or a few) and what undoes it; {@code down} is empty when nothing needs undoing. */
  record Step(List<String> up, List<String> down) {}

  /** The migration pair and what the diff found wrong. */
  public record Plan(
      List<String> upTransactional,
      List<String> upConcurrent,
      List<String> downTransactional,
      List<String> downConcurrent,
      List<String> changes,
      List<Problem> problems) {

    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
  }

  private static final Pattern VOLATILE_DEFAULT =
      Pattern.compile("(?i)\\b(gen_random_uuid|uuid_generate_v[1-5]|random|clock_timestamp|timeofday|nextval)\\s*\\(");

  private final PostgresDialect sql;
  private final boolean singleTransaction;
  private final List<Step> tx = new ArrayList<>();
  private final List<Step> concurrent = new ArrayList<>();
  /** Index drops of V{N}.1 go last: a replaced index stays until its successor is built. */
  private final List<Step> concurrentDrops = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();
  private final List<String> createdSequences = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private PostgresMigrationPlanner(PostgresDialect sql, boolean singleTransaction) {
    this.sql = sql;
    this.singleTransaction = singleTransaction;
  }

  /**
   * Plans the migration from {@code before} (empty for version 1) to {@code after}. {@code
   * versionOrigin} is where problems about things no longer in the source are reported.
   */
  public static Plan plan(PostgresDialect sql, Schema before, Schema after, List<DropAcknowledgment> drops,
      Origin versionOrigin) {
    return plan(sql, before, after, drops, versionOrigin, false);
  }

  /**
   * With {@code singleTransaction}, steps that would go to {@code V{N}.1} stay in the one
   * transactional file, in their blocking form, each reported by a migration rule.
   */
  public static Plan plan(PostgresDialect sql, Schema before, Schema after, List<DropAcknowledgment> drops,
      Origin versionOrigin, boolean singleTransaction) {
    PostgresMigrationPlanner planner = new PostgresMigrationPlanner(sql, singleTransaction);
    planner.diff(before, after, drops, versionOrigin);
    planner.concurrent.addAll(planner.concurrentDrops);
    return new Plan(ups(planner.tx), ups(planner.concurrent), downs(planner.tx), downs(planner.concurrent),
        List.copyOf(planner.changes), List.copyOf(planner.problems));
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

  private void rule(String id, Problem.Severity severity, String message, Origin origin, String table, String column) {
    problems.add(Problem.rule(id, severity, message, origin, table, column));
  }

  private void error(String id, String message, Origin origin, String table, String column) {
    rule(id, Problem.Severity.ERROR, message, origin, table, column);
  }

  private void warning(String id, String message, Origin origin, String table, String column) {
    rule(id, Problem.Severity.WARNING, message, origin, table, column);
  }

  // ------------------------------------------------------------------ the diff

  private void diff(Schema before, Schema after, List<DropAcknowledgment> drops, Origin versionOrigin) {
    Map<String, Table> pairs = new LinkedHashMap<>(); // after qualified name -> before table
    List<Table> created = new ArrayList<>();
    Set<String> matchedBefore = new HashSet<>();
    for (Table a : after.tables()) {
      String name = a.qualifiedName();
      if (before.table(name).isPresent()) {
        pairs.put(name, before.table(name).get());
        matchedBefore.add(name);
        if (a.renamedFrom() != null && !a.renamedFrom().equals(a.name())) {
          warning(MigrationRules.STALE_RENAMED_FROM, "@RenamedFrom(\"" + a.renamedFrom() + "\") on table " + name
              + " is stale: the previous version already has " + name + ", so there is nothing to rename."
              + " Fix: remove it (the rename was released with an earlier version).", a.origin(), name, null);
        }
      }
    }
    for (Table a : after.tables()) {
      String name = a.qualifiedName();
      if (pairs.containsKey(name)) {
        continue;
      }
      String old = a.renamedFrom() == null ? null : Identifiers.qualified(a.schema(), a.renamedFrom());
      Table moved = movedTable(a, before, after, matchedBefore);
      if (old != null && before.table(old).isPresent() && !matchedBefore.contains(old)) {
        pairs.put(name, before.table(old).get());
        matchedBefore.add(old);
      } else if (moved != null) {
        pairs.put(name, moved);
        matchedBefore.add(moved.qualifiedName());
      } else {
        if (old != null && !old.equals(name)) {
          warning(MigrationRules.STALE_RENAMED_FROM, "@RenamedFrom(\"" + a.renamedFrom() + "\") on table " + name
              + " is stale: the previous version has no table '" + old + "' to rename, so it does nothing."
              + " Fix: remove it (it was released with an earlier version).", a.origin(), name, null);
        }
        created.add(a);
      }
    }
    List<Table> dropped = before.tables().stream().filter(b -> !matchedBefore.contains(b.qualifiedName())).toList();

    // 1. what the new version needs first: schemas, extensions, enum types and values, the trigger function, sequences
    List<String> schemasBefore = sql.schemasToCreate(before);
    List<String> schemasAfter = sql.schemasToCreate(after);
    for (String name : schemasAfter) {
      if (!schemasBefore.contains(name)) {
        tx(sql.createSchema(name), sql.dropSchema(name));
        changes.add("create_schema_" + name);
      }
    }
    for (String extension : sql.extensions(after)) {
      if (!sql.extensions(before).contains(extension)) {
        tx(sql.createExtension(extension)); // kept on the way down: other objects may use it
      }
    }
    for (EnumType type : after.enumTypes()) {
      EnumType old = before.enumTypes().stream().filter(e -> e.name().equals(type.name())).findFirst().orElse(null);
      if (old == null) {
        tx(sql.createEnumType(type), sql.dropType(type.name()));
        changes.add("create_type_" + type.name());
        continue;
      }
      for (String label : type.labels()) {
        if (!old.labels().contains(label)) {
          tx(sql.addEnumValue(type.name(), label),
              "-- PostgreSQL cannot remove value '" + label + "' from enum type " + type.name() + ": it stays.");
          changes.add("add_" + type.name() + "_" + label.toLowerCase(java.util.Locale.ROOT));
        }
      }
      for (String label : old.labels()) {
        if (!type.labels().contains(label)) {
          error(MigrationRules.DESTRUCTIVE_CHANGE, "enum type " + type.name() + " loses value '" + label
              + "': PostgreSQL cannot remove a value from an enum type, and rows holding it would be lost."
              + " Fix: keep the constant, or store the enum as text (remove @NativeEnum) and migrate its rows first.",
              versionOrigin, null, null);
        }
      }
    }
    boolean functionBefore = hasTriggers(before);
    boolean functionAfter = hasTriggers(after);
    if (functionAfter && !functionBefore) {
      tx(sql.createSetUpdatedAtFunction(), sql.dropSetUpdatedAtFunction());
    }
    List<Sequence> droppedSequences = diffSequences(before, after);

    // 2. renames keep the data: tables (moved to another schema, renamed), their columns, then the
    //    names of what was built on them
    Map<String, String> tableRenames = new LinkedHashMap<>();
    pairs.forEach((afterName, b) -> tableRenames.put(b.qualifiedName(), afterName));
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table b = pair.getValue();
      Table a = after.table(pair.getKey()).orElseThrow();
      if (!Objects.equals(b.schema(), a.schema())) {
        tx(sql.setTableSchema(b.qualifiedName(), a.schema()), sql.setTableSchema(
            Identifiers.qualified(a.schema(), b.name()), b.schema()));
        changes.add("move_" + b.name() + "_to_" + (a.schema() == null ? "default_schema" : a.schema()));
      }
      if (!b.name().equals(a.name())) {
        String moved = Identifiers.qualified(a.schema(), b.name());
        tx(sql.renameTable(moved, a.qualifiedName()), sql.renameTable(a.qualifiedName(), moved));
        changes.add("rename_" + b.qualifiedName() + "_to_" + a.name());
      }
    }
    Map<String, ColumnPairing> pairings = new LinkedHashMap<>();
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table a = after.table(pair.getKey()).orElseThrow();
      ColumnPairing pairing = pairColumns(pair.getValue(), a);
      pairings.put(a.qualifiedName(), pairing);
      pairing.renames().forEach((old, now) -> {
        tx(sql.renameColumn(a.qualifiedName(), old, now), sql.renameColumn(a.qualifiedName(), now, old));
        changes.add("rename_" + a.qualifiedName() + "_" + old + "_to_" + now);
      });
    }
    Map<String, Map<String, String>> columnRenamesByBefore = new LinkedHashMap<>();
    pairs.forEach((afterName, b) -> columnRenamesByBefore.put(b.qualifiedName(), pairings.get(afterName).renames()));
    Map<String, Table> renamed = new LinkedHashMap<>(); // after name -> the before table under today's names
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table a = after.table(pair.getKey()).orElseThrow();
      Table normalized = new Renaming(tableRenames, columnRenamesByBefore).apply(pair.getValue(), a.qualifiedName());
      renamed.put(a.qualifiedName(), renameDerivedNames(normalized, a));
    }

    // 3. take away what changes or goes on the tables that stay
    for (Map.Entry<String, Table> pair : renamed.entrySet()) {
      removeChanged(pair.getValue(), after.table(pair.getKey()).orElseThrow());
    }

    // 4. tables that go (their keys to renamed tables use today's names, for the way down)
    Renaming toToday = new Renaming(tableRenames, columnRenamesByBefore);
    for (Table gone : dropped) {
      Table b = toToday.apply(gone, gone.qualifiedName());
      String name = b.qualifiedName();
      boolean acknowledged = drops.stream().anyMatch(d -> d.table().equals(name) && d.column() == null);
      if (!acknowledged) {
        Table likely = likelyRenameOf(b, created);
        error(likely != null ? MigrationRules.AMBIGUOUS_RENAME : MigrationRules.DESTRUCTIVE_CHANGE,
            droppedTableMessage(b, likely), likely != null ? likely.origin() : versionOrigin,
            likely != null ? likely.qualifiedName() : null, null);
        continue;
      }
      for (ForeignKey fk : b.foreignKeys()) { // other dropped tables may be referenced: drop keys first
        tx(sql.dropConstraint(name, fk.name(), false), sql.addConstraint(name, sql.foreignKeyConstraint(fk), false));
      }
      Table bare = withoutForeignKeys(b);
      List<String> recreate = new ArrayList<>();
      recreate.add("-- " + name + " is created again empty: the rows it held are not restored.");
      recreate.addAll(createTableStatements(bare, List.of()));
      tx.add(new Step(List.of(sql.dropTable(name)), recreate));
      changes.add("drop_" + name);
    }

    // 5. new tables, after the tables they reference; cycles closed with ALTER TABLE
    Schema newOnly = new Schema(created, List.of(), List.of());
    CreationOrder order = CreationOrder.of(newOnly);
    for (Table a : order.order()) {
      List<ForeignKey> waiting = order.deferred().getOrDefault(a.qualifiedName(), List.of());
      List<String> statements = createTableStatements(a, waiting);
      tx.add(new Step(statements, List.of(sql.dropTable(a.qualifiedName()))));
      changes.add("create_" + a.qualifiedName());
    }
    for (Table a : order.order()) {
      for (ForeignKey fk : order.deferred().getOrDefault(a.qualifiedName(), List.of())) {
        tx(sql.addForeignKey(a, fk), sql.dropConstraint(a.qualifiedName(), fk.name(), false));
      }
    }

    // 6. the tables that stay: columns, then what is added to them
    for (Map.Entry<String, Table> pair : renamed.entrySet()) {
      Table b = pair.getValue();
      Table a = after.table(pair.getKey()).orElseThrow();
      alterColumns(b, a, pairings.get(a.qualifiedName()), drops);
      addChanged(b, a);
    }

    // 7. what nothing uses any more
    if (functionBefore && !functionAfter) {
      tx(sql.dropSetUpdatedAtFunction(), sql.createSetUpdatedAtFunction());
    }
    for (EnumType type : before.enumTypes()) {
      if (after.enumTypes().stream().noneMatch(e -> e.name().equals(type.name()))) {
        tx(sql.dropType(type.name()), sql.createEnumType(type));
        changes.add("drop_type_" + type.name());
      }
    }
    dropSequences(droppedSequences, drops, versionOrigin);
    for (String name : schemasBefore) {
      if (!schemasAfter.contains(name)) {
        tx(sql.dropSchema(name), sql.createSchema(name));
        changes.add("drop_schema_" + name);
      }
    }
  }

  /**
   * The table {@code a} was before it moved to another schema: the one table of the previous
   * version from the same source type with the same name in another schema, which nothing in
   * this version claims by name. A schema change on {@code @Table(schema)} alone moves the table
   * with its rows ({@code ALTER TABLE ... SET SCHEMA}); anything less certain is a drop and an add.
   */
  private static Table movedTable(Table a, Schema before, Schema after, Set<String> matchedBefore) {
    for (Table b : before.tables()) {
      if (b.name().equals(a.name()) && !Objects.equals(b.schema(), a.schema())
          && b.sourceType().equals(a.sourceType()) && !matchedBefore.contains(b.qualifiedName())
          && after.table(b.qualifiedName()).isEmpty()) {
        return b;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ sequences

  /**
   * Creates the new sequences, moves and alters those that stay (all in step 1: nothing in the
   * schema depends on them) and returns those that go, dropped at the end. A sequence that
   * vanishes from one schema while one of the same name appears in another, each the only one of
   * that name, moved: SET SCHEMA keeps its position.
   */
  private List<Sequence> diffSequences(Schema before, Schema after) {
    Map<String, Sequence> was = new LinkedHashMap<>();
    before.sequences().forEach(s -> was.put(s.qualifiedName(), s));
    Map<String, Sequence> pairs = new LinkedHashMap<>(); // after qualified name -> before
    List<Sequence> added = new ArrayList<>();
    for (Sequence s : after.sequences()) {
      if (was.containsKey(s.qualifiedName())) {
        pairs.put(s.qualifiedName(), was.remove(s.qualifiedName()));
      } else {
        added.add(s);
      }
    }
    for (Sequence s : List.copyOf(added)) {
      List<Sequence> gone = was.values().stream().filter(b -> b.name().equals(s.name())).toList();
      long appearing = added.stream().filter(x -> x.name().equals(s.name())).count();
      if (gone.size() == 1 && appearing == 1) {
        Sequence b = gone.get(0);
        was.remove(b.qualifiedName());
        added.remove(s);
        pairs.put(s.qualifiedName(), b);
        tx(sql.setSequenceSchema(b.qualifiedName(), s.schema()),
            sql.setSequenceSchema(s.qualifiedName(), b.schema()));
        changes.add("move_sequence_" + s.name() + "_to_" + (s.schema() == null ? "default_schema" : s.schema()));
      }
    }
    for (Sequence s : added) {
      tx(sql.createSequence(s), sql.dropSequence(s.qualifiedName()));
      changes.add("create_sequence_" + s.qualifiedName());
      createdSequences.add(s.qualifiedName());
    }
    for (Sequence s : after.sequences()) {
      Sequence b = pairs.get(s.qualifiedName());
      if (b == null || b.start() == s.start() && b.increment() == s.increment()) {
        continue;
      }
      Long start = b.start() == s.start() ? null : s.start();
      Long increment = b.increment() == s.increment() ? null : s.increment();
      tx(sql.alterSequence(s.qualifiedName(), start, increment), sql.alterSequence(s.qualifiedName(),
          start == null ? null : b.start(), increment == null ? null : b.increment()));
      changes.add("alter_sequence_" + s.qualifiedName());
    }
    return List.copyOf(was.values());
  }

  /**
   * A sequence that goes takes its position with it: a sequence of that name created again (by
   * the down, or by a later version) starts over at its START value, below keys already handed
   * out. That is a destructive change, acknowledged like a table, by its qualified name.
   */
  private void dropSequences(List<Sequence> gone, List<DropAcknowledgment> drops, Origin versionOrigin) {
    for (Sequence s : gone) {
      String name = s.qualifiedName();
      boolean acknowledged = drops.stream().anyMatch(d -> d.table().equals(name) && d.column() == null);
      if (!acknowledged) {
        List<String> newOnes = createdSequences;
        error(MigrationRules.DESTRUCTIVE_CHANGE, "sequence " + name + " is gone from the sources, and dropping it"
            + " loses its position: a sequence of that name created again starts over at " + s.start() + ", below"
            + " the keys it already handed out, and inserts then fail on duplicate keys." + (newOnes.isEmpty() ? ""
            : " If a new sequence (" + String.join(", ", newOnes) + ") replaces it, it starts at its own START"
            + " value, below those keys too: keep the old sequence name instead.")
            + " Fix: to drop it, acknowledge it with @Schema(version = ..., drops = @Drop(table = \"" + name
            + "\")).", versionOrigin, null, null);
        continue;
      }
      tx.add(new Step(List.of(sql.dropSequence(name)), List.of("-- " + name + " is created again at its start value:"
          + " the position it had reached is not restored (setval it above the keys in use).", sql.createSequence(s))));
      changes.add("drop_sequence_" + name);
    }
  }

  /**
   * A before table as it reads after this version's renames: its name, its columns, and what
   * refers to them (keys, indexes, CHECK and predicate expressions, foreign keys to renamed
   * tables and columns). Constraint and index names are left as they were.
   */
  private record Renaming(Map<String, String> tables, Map<String, Map<String, String>> columnsByBeforeTable) {
    /** {@code newName} is the table's qualified name in this version. */
    Table apply(Table b, String newName) {
      Map<String, String> cols = columnsByBeforeTable.getOrDefault(b.qualifiedName(), Map.of());
      List<Column> columns = b.columns().stream().map(c -> new Column(col(cols, c.name()), c.javaName(), c.javaType(),
          c.type(), c.nullable(), c.defaultSql(), c.identity(), c.markers(), c.comment(), null, c.suppressions(),
          c.origin())).toList();
      PrimaryKey pk = b.primaryKey() == null ? null
          : new PrimaryKey(b.primaryKey().name(), cols(cols, b.primaryKey().columns()), b.primaryKey().origin());
      List<ForeignKey> fks = b.foreignKeys().stream().map(fk -> {
        Map<String, String> target = columnsByBeforeTable.getOrDefault(fk.targetTable(), Map.of());
        return new ForeignKey(fk.name(), cols(cols, fk.columns()), tables.getOrDefault(fk.targetTable(), fk.targetTable()),
            cols(target, fk.targetColumns()), fk.onDelete(), fk.onUpdate(), fk.origin());
      }).toList();
      List<UniqueConstraint> uniques = b.uniques().stream()
          .map(u -> new UniqueConstraint(u.name(), cols(cols, u.columns()), u.origin())).toList();
      List<CheckConstraint> checks = b.checks().stream().map(c -> new CheckConstraint(c.name(),
          expression(cols, c.expression()), c.column() == null ? null : col(cols, c.column()), c.enumCheck(),
          c.origin())).toList();
      List<Index> indexes = b.indexes().stream().map(i -> new Index(i.name(), i.elements().stream()
          .map(e -> new Index.Element(e.column() == null ? null : col(cols, e.column()),
              e.expression() == null ? null : expression(cols, e.expression()), e.opclass(), e.descending(), e.nulls()))
          .toList(), i.unique(), i.method(), i.where() == null ? null : expression(cols, i.where()),
          cols(cols, i.include()), i.origin())).toList();
      List<Trigger> triggers = b.triggers().stream()
          .map(t -> new Trigger(t.name(), t.kind(), col(cols, t.column()))).toList();
      return new Table(Identifiers.schemaOf(newName), Identifiers.nameOf(newName), b.sourceType(), columns, pk, fks,
          uniques, checks, indexes, triggers, b.comment(),
          b.softDeleteColumn() == null ? null : col(cols, b.softDeleteColumn()), null, b.suppressions(), b.origin(),
          b.source());
    }

    private static String col(Map<String, String> renames, String name) {
      return renames.getOrDefault(name, name);
    }

    private static List<String> cols(Map<String, String> renames, List<String> names) {
      return names.stream().map(n -> col(renames, n)).toList();
    }

    /** Renamed columns replaced as whole words, all at once (a -> b and b -> c do not chain). */
    private static String expression(Map<String, String> renames, String sql) {
      if (renames.isEmpty()) {
        return sql;
      }
      Pattern words = Pattern.compile("\\b(" + String.join("|", renames.keySet()) + ")\\b");
      return words.matcher(sql).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(renames.get(m.group(1))));
    }
  }

  /**
   * Keys, constraints, indexes and triggers of {@code b} (already under today's table and
   * column names) whose definition reappears in {@code a} under another name are renamed, not
   * rebuilt: rebuilding would take locks, lose uniqueness for a while, and fail outright for a
   * primary key that other tables reference. Returns {@code b} with those names changed.
   */
  private Table renameDerivedNames(Table b, Table a) {
    String t = a.qualifiedName();
    Map<String, String> names = new LinkedHashMap<>();
    if (b.primaryKey() != null && a.primaryKey() != null && !b.primaryKey().name().equals(a.primaryKey().name())
        && b.primaryKey().columns().equals(a.primaryKey().columns())) {
      names.put(b.primaryKey().name(), a.primaryKey().name());
      tx(sql.renameConstraint(t, b.primaryKey().name(), a.primaryKey().name()),
          sql.renameConstraint(t, a.primaryKey().name(), b.primaryKey().name()));
    }
    boolean sameRepresentation = (b.softDeleteColumn() == null) == (a.softDeleteColumn() == null);
    matchRenames(b.uniques(), a.uniques(), UniqueConstraint::name, (x, y) -> x.columns().equals(y.columns())
        && sameRepresentation, (old, now) -> {
          names.put(old, now);
          if (a.softDeleteColumn() != null) {
            tx(sql.renameIndex(a.qualifiedIndexName(old), now), sql.renameIndex(a.qualifiedIndexName(now), old));
          } else {
            tx(sql.renameConstraint(t, old, now), sql.renameConstraint(t, now, old));
          }
        });
    matchRenames(b.checks(), a.checks(), CheckConstraint::name, (x, y) -> x.expression().equals(y.expression()),
        (old, now) -> {
          names.put(old, now);
          tx(sql.renameConstraint(t, old, now), sql.renameConstraint(t, now, old));
        });
    matchRenames(b.foreignKeys(), a.foreignKeys(), ForeignKey::name, PostgresMigrationPlanner::sameFk, (old, now) -> {
      names.put(old, now);
      tx(sql.renameConstraint(t, old, now), sql.renameConstraint(t, now, old));
    });
    matchRenames(b.indexes(), a.indexes(), Index::name, PostgresMigrationPlanner::sameIndex, (old, now) -> {
      names.put(old, now);
      tx(sql.renameIndex(a.qualifiedIndexName(old), now), sql.renameIndex(a.qualifiedIndexName(now), old));
    });
    matchRenames(b.triggers(), a.triggers(), Trigger::name, (x, y) -> x.kind() == y.kind() && x.column().equals(y.column()),
        (old, now) -> {
          names.put(old, now);
          tx(sql.renameTrigger(t, old, now), sql.renameTrigger(t, now, old));
        });
    if (names.isEmpty()) {
      return b;
    }
    Function<String, String> n = name -> names.getOrDefault(name, name);
    PrimaryKey pk = b.primaryKey() == null ? null
        : new PrimaryKey(n.apply(b.primaryKey().name()), b.primaryKey().columns(), b.primaryKey().origin());
    return new Table(b.schema(), b.name(), b.sourceType(), b.columns(), pk,
        b.foreignKeys().stream().map(f -> new ForeignKey(n.apply(f.name()), f.columns(), f.targetTable(),
            f.targetColumns(), f.onDelete(), f.onUpdate(), f.origin())).toList(),
        b.uniques().stream().map(u -> new UniqueConstraint(n.apply(u.name()), u.columns(), u.origin())).toList(),
        b.checks().stream().map(c -> new CheckConstraint(n.apply(c.name()), c.expression(), c.column(), c.enumCheck(),
            c.origin())).toList(),
        b.indexes().stream().map(i -> new Index(n.apply(i.name()), i.elements(), i.unique(), i.method(), i.where(),
            i.include(), i.origin())).toList(),
        b.triggers().stream().map(tr -> new Trigger(n.apply(tr.name()), tr.kind(), tr.column())).toList(),
        b.comment(), b.softDeleteColumn(), null, b.suppressions(), b.origin(), b.source());
  }

  /** Pairs items of {@code before} and {@code after} that exist under one name only and have the same definition. */
  private static <T> void matchRenames(List<T> before, List<T> after, Function<T, String> name,
      java.util.function.BiPredicate<T, T> same, java.util.function.BiConsumer<String, String> rename) {
    Set<String> afterNames = new HashSet<>();
    after.forEach(x -> afterNames.add(name.apply(x)));
    Set<String> beforeNames = new HashSet<>();
    before.forEach(x -> beforeNames.add(name.apply(x)));
    List<T> candidates = new ArrayList<>(after.stream().filter(x -> !beforeNames.contains(name.apply(x))).toList());
    for (T old : before) {
      if (afterNames.contains(name.apply(old))) {
        continue;
      }
      for (T now : candidates) {
        if (same.test(old, now)) {
          rename.accept(name.apply(old), name.apply(now));
          candidates.remove(now);
          break;
        }
      }
    }
  }

  private static boolean hasTriggers(Schema schema) {
    return schema.tables().stream().anyMatch(t -> !t.triggers().isEmpty());
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

  private static Table withoutForeignKeys(Table t) {
    return t.withForeignKeys(List.of());
  }

  // ------------------------------------------------------------------ constraints, indexes, triggers

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(name.apply(i), i));
    return out;
  }

  /** Same definition, ignoring where in the source it came from. */
  private static boolean sameFk(ForeignKey x, ForeignKey y) {
    return x.columns().equals(y.columns()) && x.targetTable().equals(y.targetTable())
        && x.targetColumns().equals(y.targetColumns()) && x.onDelete() == y.onDelete() && x.onUpdate() == y.onUpdate();
  }

  private static boolean sameIndex(Index x, Index y) {
    return x.elements().equals(y.elements()) && x.unique() == y.unique() && x.method() == y.method()
        && Objects.equals(x.where(), y.where()) && x.include().equals(y.include());
  }

  private void removeChanged(Table b, Table a) {
    boolean representationChanged = (b.softDeleteColumn() == null) != (a.softDeleteColumn() == null);
    Map<String, Trigger> aTriggers = byName(a.triggers(), Trigger::name);
    for (Trigger t : b.triggers()) {
      if (!t.equals(aTriggers.get(t.name()))) {
        tx(sql.dropTrigger(b.qualifiedName(), t), sql.createTrigger(b, t));
      }
    }
    Map<String, ForeignKey> aFks = byName(a.foreignKeys(), ForeignKey::name);
    for (ForeignKey fk : b.foreignKeys()) {
      ForeignKey now = aFks.get(fk.name());
      if (now == null || !sameFk(fk, now)) {
        tx(sql.dropConstraint(b.qualifiedName(), fk.name(), false), sql.addConstraint(b.qualifiedName(), sql.foreignKeyConstraint(fk), false));
        if (now == null) {
          changes.add("drop_" + fk.name());
        }
      }
    }
    Map<String, CheckConstraint> aChecks = byName(a.checks(), CheckConstraint::name);
    for (CheckConstraint c : b.checks()) {
      CheckConstraint now = aChecks.get(c.name());
      if (now == null || !now.expression().equals(c.expression())) {
        tx(sql.dropConstraint(b.qualifiedName(), c.name(), false), sql.addConstraint(b.qualifiedName(), sql.checkConstraint(c), false));
        if (now == null) {
          changes.add("drop_" + c.name());
        }
      }
    }
    Map<String, UniqueConstraint> aUniques = byName(a.uniques(), UniqueConstraint::name);
    for (UniqueConstraint u : b.uniques()) {
      UniqueConstraint now = aUniques.get(u.name());
      if (now == null || !now.columns().equals(u.columns()) || representationChanged) {
        if (b.softDeleteColumn() != null) {
          tx(sql.dropIndex(b.qualifiedIndexName(u.name()), false), sql.createSoftDeleteUnique(b, u));
        } else {
          tx(sql.dropConstraint(b.qualifiedName(), u.name(), false), sql.addConstraint(b.qualifiedName(), sql.uniqueConstraint(u), false));
        }
      }
    }
    Map<String, Index> aIndexes = byName(a.indexes(), Index::name);
    for (Index i : b.indexes()) {
      Index now = aIndexes.get(i.name());
      if (now == null || !sameIndex(i, now)) {
        boolean columnsStay = i.columns().stream().allMatch(c -> a.column(c).isPresent())
            && i.include().stream().allMatch(c -> a.column(c).isPresent()) && i.where() == null
            && i.elements().stream().allMatch(e -> e.column() != null);
        if (columnsStay && !singleTransaction) {
          // DROP INDEX takes an exclusive lock on the table; CONCURRENTLY does not (outside a transaction)
          concurrentDrops.add(new Step(List.of(sql.dropIndex(b.qualifiedIndexName(i.name()), true)),
              List.of(sql.dropIndex(b.qualifiedIndexName(i.name()), true), sql.createIndex(b, i, true))));
        } else {
          tx(sql.dropIndex(b.qualifiedIndexName(i.name()), false), sql.createIndex(b, i));
        }
        if (now == null) {
          changes.add("drop_index_" + i.name());
        }
      }
    }
    PrimaryKey bpk = b.primaryKey();
    PrimaryKey apk = a.primaryKey();
    if (bpk != null && (apk == null || !apk.name().equals(bpk.name()) || !apk.columns().equals(bpk.columns()))) {
      tx(sql.dropConstraint(b.qualifiedName(), bpk.name(), false), sql.addConstraint(b.qualifiedName(), sql.primaryKeyConstraint(bpk), false));
    }
  }

  private void addChanged(Table b, Table a) {
    boolean representationChanged = (b.softDeleteColumn() == null) != (a.softDeleteColumn() == null);
    PrimaryKey bpk = b.primaryKey();
    PrimaryKey apk = a.primaryKey();
    if (apk != null && (bpk == null || !apk.name().equals(bpk.name()) || !apk.columns().equals(bpk.columns()))) {
      tx(sql.addConstraint(a.qualifiedName(), sql.primaryKeyConstraint(apk), false), sql.dropConstraint(a.qualifiedName(), apk.name(), false));
      changes.add("pkey_" + a.qualifiedName());
    }
    Map<String, UniqueConstraint> bUniques = byName(b.uniques(), UniqueConstraint::name);
    for (UniqueConstraint u : a.uniques()) {
      UniqueConstraint was = bUniques.get(u.name());
      if (was != null && was.columns().equals(u.columns()) && !representationChanged) {
        continue;
      }
      if (singleTransaction) {
        tx(a.softDeleteColumn() != null ? sql.createSoftDeleteUnique(a, u) : sql.addConstraint(a.qualifiedName(), sql.uniqueConstraint(u), false),
            a.softDeleteColumn() != null ? sql.dropIndex(a.qualifiedIndexName(u.name()), false) : sql.dropConstraint(a.qualifiedName(), u.name(), false));
        warning(MigrationRules.BLOCKING_INDEX_BUILD, "the unique index " + u.name() + " is built on existing table "
            + a.qualifiedName() + " inside the transaction (singleTransaction = true): writes to " + a.qualifiedName() + " wait until"
            + " it is built. Fix: drop singleTransaction, so schemac builds it CONCURRENTLY in V{N}.1.",
            u.origin(), a.qualifiedName(), u.columns().size() == 1 ? u.columns().get(0) : null);
      } else if (a.softDeleteColumn() != null) {
        concurrent(List.of(sql.dropIndex(a.qualifiedIndexName(u.name()), true), sql.createSoftDeleteUnique(a, u, true)),
            List.of(sql.dropIndex(a.qualifiedIndexName(u.name()), true)));
      } else {
        // each statement may run again after a failure part-way: the index may already be the constraint's
        concurrent(List.of(sql.dropInvalidIndex(a.qualifiedIndexName(u.name())), sql.createUniqueIndexFor(a, u, true),
            sql.addUniqueUsingIndexIfMissing(a.qualifiedName(), u.name())), List.of(sql.dropConstraint(a.qualifiedName(), u.name(), true)));
      }
      changes.add("unique_" + u.name());
    }
    Map<String, CheckConstraint> bChecks = byName(b.checks(), CheckConstraint::name);
    for (CheckConstraint c : a.checks()) {
      CheckConstraint was = bChecks.get(c.name());
      if (was != null && was.expression().equals(c.expression())) {
        continue;
      }
      if (singleTransaction) {
        tx(sql.addConstraint(a.qualifiedName(), sql.checkConstraint(c), false), sql.dropConstraint(a.qualifiedName(), c.name(), false));
        warning(MigrationRules.BLOCKING_CONSTRAINT_VALIDATION, "CHECK " + c.name() + " is checked against every row"
            + " of existing table " + a.qualifiedName() + " under an ACCESS EXCLUSIVE lock (singleTransaction = true)."
            + " Fix: drop singleTransaction, so schemac adds it NOT VALID and validates it in V{N}.1 without"
            + " blocking writes.", c.origin(), a.qualifiedName(), c.column());
      } else {
        tx(sql.addConstraint(a.qualifiedName(), sql.checkConstraint(c), true), sql.dropConstraint(a.qualifiedName(), c.name(), true));
        concurrent(List.of(sql.validateConstraint(a.qualifiedName(), c.name())), List.of());
      }
      changes.add("check_" + c.name());
    }
    Map<String, ForeignKey> bFks = byName(b.foreignKeys(), ForeignKey::name);
    for (ForeignKey fk : a.foreignKeys()) {
      ForeignKey was = bFks.get(fk.name());
      if (was != null && sameFk(was, fk)) {
        continue;
      }
      if (singleTransaction) {
        tx(sql.addConstraint(a.qualifiedName(), sql.foreignKeyConstraint(fk), false), sql.dropConstraint(a.qualifiedName(), fk.name(), false));
        warning(MigrationRules.BLOCKING_CONSTRAINT_VALIDATION, "foreign key " + fk.name() + " is checked against every"
            + " row of existing table " + a.qualifiedName() + " while holding locks that block writes to it and to "
            + fk.targetTable() + " (singleTransaction = true). Fix: drop singleTransaction, so schemac adds it"
            + " NOT VALID and validates it in V{N}.1.", fk.origin(), a.qualifiedName(),
            fk.columns().size() == 1 ? fk.columns().get(0) : null);
      } else {
        tx(sql.addConstraint(a.qualifiedName(), sql.foreignKeyConstraint(fk), true), sql.dropConstraint(a.qualifiedName(), fk.name(), true));
        concurrent(List.of(sql.validateConstraint(a.qualifiedName(), fk.name())), List.of());
      }
      changes.add("fk_" + fk.name());
    }
    Map<String, Index> bIndexes = byName(b.indexes(), Index::name);
    for (Index i : a.indexes()) {
      Index was = bIndexes.get(i.name());
      if (was != null && sameIndex(was, i)) {
        continue;
      }
      if (singleTransaction) {
        tx(sql.createIndex(a, i), sql.dropIndex(a.qualifiedIndexName(i.name()), false));
        warning(MigrationRules.BLOCKING_INDEX_BUILD, "index " + i.name() + " is built on existing table " + a.qualifiedName()
            + " inside the transaction (singleTransaction = true): writes to " + a.qualifiedName() + " wait until it is"
            + " built, minutes on a large table. Fix: drop singleTransaction, so schemac builds it CONCURRENTLY in"
            + " V{N}.1.", i.origin(), a.qualifiedName(), i.elements().size() == 1 ? i.elements().get(0).column() : null);
      } else {
        concurrent(List.of(sql.dropIndex(a.qualifiedIndexName(i.name()), true), sql.createIndex(a, i, true)),
            List.of(sql.dropIndex(a.qualifiedIndexName(i.name()), true)));
      }
      changes.add("index_" + i.name());
    }
    Map<String, Trigger> bTriggers = byName(b.triggers(), Trigger::name);
    for (Trigger t : a.triggers()) {
      if (!t.equals(bTriggers.get(t.name()))) {
        tx(sql.createTrigger(a, t), sql.dropTrigger(a.qualifiedName(), t));
        changes.add("trigger_" + t.name());
      }
    }
    if (!Objects.equals(a.comment(), b.comment())) {
      tx(sql.commentOnTable(a.qualifiedName(), a.comment()), sql.commentOnTable(a.qualifiedName(), b.comment()));
      changes.add("comment_" + a.qualifiedName());
    }
  }

  // ------------------------------------------------------------------ columns

  /** The columns of a table that stays: which were there before (by name, or renamed), which are new or gone. */
  private record ColumnPairing(Map<String, String> renames, List<Column> added, List<Column> removed) {}

  private ColumnPairing pairColumns(Table b, Table a) {
    Set<String> matched = new HashSet<>();
    Map<String, String> renames = new LinkedHashMap<>(); // old -> new
    for (Column c : a.columns()) {
      if (b.column(c.name()).isPresent()) {
        matched.add(c.name());
        if (c.renamedFrom() != null && !c.renamedFrom().equals(c.name())) {
          warning(MigrationRules.STALE_RENAMED_FROM, "@RenamedFrom(\"" + c.renamedFrom() + "\") on column " + a.qualifiedName()
              + "." + c.name() + " is stale: the previous version already has " + c.name() + ", so there is nothing"
              + " to rename. Fix: remove it (the rename was released with an earlier version).", c.origin(),
              a.qualifiedName(), c.name());
        }
      }
    }
    List<Column> added = new ArrayList<>();
    for (Column c : a.columns()) {
      if (matched.contains(c.name())) {
        continue;
      }
      String old = c.renamedFrom();
      if (old != null && b.column(old).isPresent() && !matched.contains(old) && a.column(old).isEmpty()) {
        matched.add(old);
        renames.put(old, c.name());
      } else {
        if (old != null && !old.equals(c.name())) {
          warning(MigrationRules.STALE_RENAMED_FROM, "@RenamedFrom(\"" + old + "\") on column " + a.qualifiedName() + "."
              + c.name() + " is stale: the previous version of " + a.qualifiedName() + " has no column '" + old
              + "', so it does nothing. Fix: remove it (it was released with an earlier version).", c.origin(),
              a.qualifiedName(), c.name());
        }
        added.add(c);
      }
    }
    List<Column> removed = b.columns().stream().filter(c -> !matched.contains(c.name())).toList();
    return new ColumnPairing(renames, added, removed);
  }

  /** {@code b} is the before table under today's names (see {@link Renaming}). */
  private void alterColumns(Table b, Table a, ColumnPairing pairing, List<DropAcknowledgment> drops) {
    List<Column> added = pairing.added();
    Set<String> renamedTo = new HashSet<>(pairing.renames().values());
    List<Column> removed = b.columns().stream()
        .filter(c -> a.column(c.name()).isEmpty() && !renamedTo.contains(c.name())).toList();
    Map<String, Column> pairs = new LinkedHashMap<>();
    for (Column c : a.columns()) {
      b.column(c.name()).ifPresent(was -> pairs.put(c.name(), was));
    }

    for (Column c : removed) {
      boolean acknowledged = drops.stream().anyMatch(d -> d.table().equals(a.qualifiedName()) && c.name().equals(d.column()));
      if (!acknowledged) {
        Column likely = added.stream().filter(n -> n.type().sameStorageAs(c.type())).findFirst().orElse(null);
        error(likely != null ? MigrationRules.AMBIGUOUS_RENAME : MigrationRules.DESTRUCTIVE_CHANGE,
            droppedColumnMessage(a, c, likely), likely != null ? likely.origin() : a.origin(), a.qualifiedName(),
            likely != null ? likely.name() : null);
        continue;
      }
      Column restored = new Column(c.name(), c.javaName(), c.javaType(), c.type(), true, c.defaultSql(),
          Column.Identity.NONE, c.markers(), c.comment(), null, List.of(), Origin.NONE);
      List<String> restore = new ArrayList<>(List.of(
          "-- " + a.qualifiedName() + "." + c.name() + " comes back nullable and empty: the values it held are not restored.",
          sql.addColumn(a.qualifiedName(), restored)));
      if (c.comment() != null) {
        restore.add(sql.commentOnColumn(a.qualifiedName(), c.name(), c.comment()));
      }
      tx.add(new Step(List.of(sql.dropColumn(a.qualifiedName(), c.name())), restore));
      changes.add("drop_" + a.qualifiedName() + "_" + c.name());
    }

    for (Column c : added) {
      boolean hasValue = c.nullable() || c.defaultSql() != null || c.identity() != Column.Identity.NONE;
      if (!hasValue) {
        error(MigrationRules.NOT_NULL_WITHOUT_DEFAULT, "column " + a.qualifiedName() + "." + c.name() + " is added NOT NULL"
            + " without a default to a table that already has rows: the migration fails on the first existing row"
            + " (and works on an empty staging table, which hides the problem). Fix: give it @Default(\"...\"), or"
            + " make it @Nullable, backfill it, and make it NOT NULL in the next version.", c.origin(), a.qualifiedName(),
            c.name());
        continue;
      }
      if (c.defaultSql() != null && VOLATILE_DEFAULT.matcher(c.defaultSql()).find()) {
        warning(MigrationRules.TABLE_REWRITE, "column " + a.qualifiedName() + "." + c.name() + " is added with the volatile"
            + " default " + c.defaultSql() + ": PostgreSQL computes it for every existing row, rewriting the whole"
            + " table under an ACCESS EXCLUSIVE lock. Fix: on a large table add it nullable, backfill in batches,"
            + " then set the default.", c.origin(), a.qualifiedName(), c.name());
      }
      tx(sql.addColumn(a.qualifiedName(), c), sql.dropColumn(a.qualifiedName(), c.name()));
      if (c.comment() != null) {
        tx(sql.commentOnColumn(a.qualifiedName(), c.name(), c.comment()));
      }
      changes.add("add_" + a.qualifiedName() + "_" + c.name());
    }

    for (Map.Entry<String, Column> pair : pairs.entrySet()) {
      Column was = pair.getValue();
      Column now = a.column(pair.getKey()).orElseThrow();
      alterColumn(a, was, now, drops);
    }
  }

  private void alterColumn(Table a, Column was, Column now, List<DropAcknowledgment> drops) {
    String t = a.qualifiedName();
    String c = now.name();
    if (!was.type().sameStorageAs(now.type())) {
      String narrowing = narrowing(was.type(), now.type());
      boolean acknowledged = drops.stream().anyMatch(d -> d.table().equals(t) && c.equals(d.column()));
      if (narrowing != null && !acknowledged) {
        error(MigrationRules.DESTRUCTIVE_CHANGE, "column " + t + "." + c + " narrows from " + was.type().describe()
            + " to " + now.type().describe() + " (" + narrowing + "): existing values may not fit and the migration"
            + " fails, or they are cut. Fix: if that is intended, acknowledge it with @Schema(..., drops = @Drop(table"
            + " = \"" + t + "\", column = \"" + c + "\")).", now.origin(), t, c);
        return;
      }
      if (!isBinaryCompatible(was.type(), now.type())) {
        warning(MigrationRules.TABLE_REWRITE, "column " + t + "." + c + " changes type from "
            + was.type().describe() + " to " + now.type().describe() + ": PostgreSQL rewrites the whole table and"
            + " its indexes under an ACCESS EXCLUSIVE lock. Fix: on a large table add a new column, backfill it in"
            + " batches and switch over instead.", now.origin(), t, c);
      }
      tx(sql.alterColumnType(t, now), sql.alterColumnType(t, was));
      changes.add("alter_" + t + "_" + c);
    }
    List<String> removedValues = was.type().enumValues().stream()
        .filter(v -> !now.type().enumValues().contains(v)).toList();
    if (!removedValues.isEmpty() && was.type().kind() == SqlType.Kind.TEXT && now.type().kind() == SqlType.Kind.TEXT) {
      boolean acknowledged = drops.stream().anyMatch(d -> d.table().equals(t) && c.equals(d.column()));
      if (!acknowledged) {
        error(MigrationRules.DESTRUCTIVE_CHANGE, "column " + t + "." + c + " loses enum value(s) "
            + String.join(", ", removedValues) + ": rows holding them make the new CHECK fail to validate."
            + " Fix: migrate those rows in an earlier version, then acknowledge with @Schema(..., drops ="
            + " @Drop(table = \"" + t + "\", column = \"" + c + "\")).", now.origin(), t, c);
      }
    }
    if (was.nullable() && !now.nullable() && singleTransaction) {
      tx(sql.setNotNull(t, c), sql.dropNotNull(t, c));
      warning(MigrationRules.BLOCKING_CONSTRAINT_VALIDATION, "SET NOT NULL on " + t + "." + c + " scans every row under"
          + " an ACCESS EXCLUSIVE lock (singleTransaction = true): reads and writes wait until it is done."
          + " Fix: drop singleTransaction, so schemac validates a NOT VALID CHECK first, outside the transaction.",
          now.origin(), t, c);
      changes.add("require_" + t + "_" + c);
    } else if (was.nullable() && !now.nullable()) {
      String helper = Identifiers.generated(List.of(a.name(), c, "not_null"));
      tx(sql.addConstraint(t, "CONSTRAINT " + sql.quote(helper) + " CHECK (" + sql.quote(c) + " IS NOT NULL)", true),
          sql.dropConstraint(t, helper, true));
      concurrent(List.of(sql.validateConstraintIfExists(t, helper), sql.setNotNull(t, c),
          sql.dropConstraint(t, helper, true)), List.of(sql.dropNotNull(t, c)));
      changes.add("require_" + t + "_" + c);
    } else if (!was.nullable() && now.nullable()) {
      tx(sql.dropNotNull(t, c), sql.setNotNull(t, c));
      changes.add("optional_" + t + "_" + c);
    }
    if (!Objects.equals(was.defaultSql(), now.defaultSql()) && now.identity() == Column.Identity.NONE) {
      String up = now.defaultSql() == null ? sql.dropDefault(t, c) : sql.setDefault(t, c, now.defaultSql());
      String down = was.defaultSql() == null ? sql.dropDefault(t, c) : sql.setDefault(t, c, was.defaultSql());
      tx(up, down);
      changes.add("default_" + t + "_" + c);
    }
    if (!Objects.equals(was.comment(), now.comment())) {
      tx(sql.commentOnColumn(t, c, now.comment()), sql.commentOnColumn(t, c, was.comment()));
      changes.add("comment_" + t + "_" + c);
    }
  }

  /** Why {@code to} cannot hold every value of {@code from}, or null when it can (or the types differ in kind). */
  private static String narrowing(SqlType from, SqlType to) {
    if (from.kind() == SqlType.Kind.TEXT && to.kind() == SqlType.Kind.VARCHAR && !from.isEnum()) {
      return "text to a bounded length";
    }
    if (from.kind() == SqlType.Kind.VARCHAR && to.kind() == SqlType.Kind.VARCHAR && to.length() < from.length()) {
      return "shorter length";
    }
    if (from.kind() == SqlType.Kind.NUMERIC && to.kind() == SqlType.Kind.NUMERIC && to.precision() != 0
        && (from.precision() == 0 || to.precision() - to.scale() < from.precision() - from.scale() || to.scale() < from.scale())) {
      return "fewer digits";
    }
    List<SqlType.Kind> ints = List.of(SqlType.Kind.SMALLINT, SqlType.Kind.INTEGER, SqlType.Kind.BIGINT);
    if (ints.contains(from.kind()) && ints.contains(to.kind()) && ints.indexOf(to.kind()) < ints.indexOf(from.kind())) {
      return "a smaller integer type";
    }
    return null;
  }

  /** Changes PostgreSQL makes without rewriting the table. */
  private static boolean isBinaryCompatible(SqlType from, SqlType to) {
    if (from.array() != to.array()) {
      return false;
    }
    boolean textual = from.kind().isTextual() && to.kind().isTextual();
    if (textual && (to.kind() == SqlType.Kind.TEXT || from.kind() == SqlType.Kind.VARCHAR && to.length() >= from.length())) {
      return true;
    }
    return from.kind() == SqlType.Kind.NUMERIC && to.kind() == SqlType.Kind.NUMERIC
        && (to.precision() == 0 || from.precision() != 0 && to.scale() == from.scale() && to.precision() >= from.precision());
  }

  // ------------------------------------------------------------------ messages that refuse to guess

  /** A new table that shares at least half of the gone table's columns (same name and type). */
  private static Table likelyRenameOf(Table gone, List<Table> created) {
    Table likely = null;
    int best = 0;
    for (Table a : created) {
      int shared = (int) a.columns().stream().filter(c -> gone.column(c.name())
          .map(old -> old.type().sameStorageAs(c.type())).orElse(false)).count();
      if (shared > best && shared * 2 >= gone.columns().size()) {
        best = shared;
        likely = a;
      }
    }
    return likely;
  }

  private static String droppedTableMessage(Table b, Table likely) {
    StringBuilder m = new StringBuilder("table " + b.qualifiedName() + " is gone from the sources, and dropping it would"
        + " delete all its rows, so schemac will not guess.");
    if (likely != null) {
      m.append(" It looks renamed to ").append(likely.qualifiedName()).append(". Fix: put @RenamedFrom(\"").append(b.name())
          .append("\") on ").append(likely.sourceType().substring(likely.sourceType().lastIndexOf('.') + 1))
          .append(" to keep the data; if it really goes, acknowledge");
    } else {
      m.append(" Fix: to drop it, acknowledge");
    }
    m.append(" it with @Schema(version = ..., drops = @Drop(table = \"").append(b.qualifiedName()).append("\")).");
    return m.toString();
  }

  private static String droppedColumnMessage(Table a, Column c, Column likely) {
    StringBuilder m = new StringBuilder("column " + a.qualifiedName() + "." + c.name() + " is gone from the sources, and"
        + " dropping it would delete its values, so schemac will not guess.");
    if (likely != null) {
      m.append(" It looks renamed to ").append(likely.name()).append(". Fix: put @RenamedFrom(\"").append(c.name())
          .append("\") on ").append(likely.javaName() == null ? likely.name() : likely.javaName())
          .append(" to keep the data; if it really goes, acknowledge");
    } else {
      m.append(" Fix: to drop it, acknowledge");
    }
    m.append(" it with @Schema(version = ..., drops = @Drop(table = \"").append(a.qualifiedName()).append("\", column = \"")
        .append(c.name()).append("\")).");
    return m.toString();
  }
}
