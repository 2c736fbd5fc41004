package dev.schemac.processor.model.change;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.change.Change.Derived;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difference between two versions of the model as a list of {@link Change}s: a pure function,
 * engine-neutral, that refuses to guess. A table or column is the same in both versions when it
 * has the same name, or the new one says {@code @RenamedFrom} the old name; a table that keeps its
 * name and source type but changes schema moved. Everything else that disappears is dropped and
 * everything that appears is created: whether that is allowed (a drop nobody acknowledged, what
 * looks like a rename) is for the migration rules to say, and how to do it for each target's
 * renderer.
 */
public final class SchemaDiff {
  private final List<Change> changes = new ArrayList<>();
  private final List<SchemaChanges.Pair> kept = new ArrayList<>();

  private SchemaDiff() {}

  /** The changes that turn {@code before} (empty for a first version) into {@code after}. */
  public static SchemaChanges between(Schema before, Schema after) {
    SchemaDiff diff = new SchemaDiff();
    diff.diff(before, after);
    return new SchemaChanges(before, after, diff.changes, diff.kept);
  }

  private void add(Change change) {
    changes.add(change);
  }

  private void diff(Schema before, Schema after) {
    Map<String, Table> pairs = new LinkedHashMap<>(); // after qualified name -> before table
    List<Table> created = new ArrayList<>();
    Set<String> matchedBefore = new HashSet<>();
    for (Table a : after.tables()) {
      String name = a.qualifiedName();
      if (before.table(name).isPresent()) {
        pairs.put(name, before.table(name).get());
        matchedBefore.add(name);
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
        created.add(a);
      }
    }
    List<Table> dropped = before.tables().stream().filter(b -> !matchedBefore.contains(b.qualifiedName())).toList();

    // schemas, enum types and sequences: what the new version needs first
    Set<String> schemasBefore = before.schemaNames();
    Set<String> schemasAfter = after.schemaNames();
    for (String name : schemasAfter) {
      if (!schemasBefore.contains(name)) {
        add(new Change.CreateSchema(name));
      }
    }
    for (EnumType type : after.enumTypes()) {
      EnumType old = before.enumTypes().stream().filter(e -> e.name().equals(type.name())).findFirst().orElse(null);
      if (old == null) {
        add(new Change.CreateEnumType(type));
        continue;
      }
      for (String label : type.labels()) {
        if (!old.labels().contains(label)) {
          add(new Change.AddEnumValue(type, label));
        }
      }
      for (String label : old.labels()) {
        if (!type.labels().contains(label)) {
          add(new Change.RemoveEnumValue(old, type, label));
        }
      }
    }
    List<Sequence> droppedSequences = diffSequences(before, after);

    // renames keep the data: tables (moved to another schema, renamed), their columns, then the
    // names of what was built on them
    Map<String, String> tableRenames = new LinkedHashMap<>();
    pairs.forEach((afterName, b) -> tableRenames.put(b.qualifiedName(), afterName));
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table b = pair.getValue();
      Table a = after.table(pair.getKey()).orElseThrow();
      if (!Objects.equals(b.schema(), a.schema())) {
        add(new Change.MoveTable(b, a));
      }
      if (!b.name().equals(a.name())) {
        add(new Change.RenameTable(b, a));
      }
    }
    Map<String, Map<String, String>> columnRenamesByBefore = new LinkedHashMap<>();
    Map<String, List<Column>> addedColumns = new LinkedHashMap<>();
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table b = pair.getValue();
      Table a = after.table(pair.getKey()).orElseThrow();
      Map<String, String> renames = new LinkedHashMap<>(); // old -> new
      addedColumns.put(a.qualifiedName(), pairColumns(b, a, renames));
      renames.forEach((old, now) -> add(new Change.RenameColumn(a.qualifiedName(), old, now)));
      columnRenamesByBefore.put(b.qualifiedName(), renames);
    }
    Renaming toToday = new Renaming(tableRenames, columnRenamesByBefore);
    // today: after the renames, the case of the name (MariaDB's RENAME TABLE account TO Account) included
    pairs.forEach((name, b) -> kept.add(new SchemaChanges.Pair(b, after.table(name).orElseThrow(),
        toToday.apply(b, name).withWrittenName(after.table(name).orElseThrow().writtenName()))));
    Map<String, Table> renamed = new LinkedHashMap<>(); // after name -> the before table under today's names
    for (Map.Entry<String, Table> pair : pairs.entrySet()) {
      Table a = after.table(pair.getKey()).orElseThrow();
      renamed.put(a.qualifiedName(), renameDerivedNames(toToday.apply(pair.getValue(), a.qualifiedName()), a));
    }

    // what changes or goes on the tables that stay
    renamed.forEach((name, b) -> removeChanged(b, after.table(name).orElseThrow()));

    // tables that go (their keys to renamed tables under today's names, for the way down)
    for (Table gone : dropped) {
      add(new Change.DropTable(toToday.apply(gone, gone.qualifiedName())));
    }

    // new tables, after the tables they reference; the keys that close a cycle last
    CreationOrder order = CreationOrder.of(new Schema(created, List.of(), List.of()));
    for (Table a : order.order()) {
      add(new Change.CreateTable(a, order.deferred().getOrDefault(a.qualifiedName(), List.of())));
    }
    for (Table a : order.order()) {
      for (ForeignKey fk : order.deferred().getOrDefault(a.qualifiedName(), List.of())) {
        add(new Change.AddForeignKey(a, fk, true));
      }
    }

    // the tables that stay: columns, then what is added to them
    renamed.forEach((name, b) -> {
      Table a = after.table(name).orElseThrow();
      alterColumns(b, a, addedColumns.get(name));
      addChanged(b, a);
    });

    // what nothing uses any more
    for (EnumType type : before.enumTypes()) {
      if (after.enumTypes().stream().noneMatch(e -> e.name().equals(type.name()))) {
        add(new Change.DropEnumType(type));
      }
    }
    droppedSequences.forEach(s -> add(new Change.DropSequence(s)));
    for (String name : schemasBefore) {
      if (!schemasAfter.contains(name)) {
        add(new Change.DropSchema(name));
      }
    }
  }

  /**
   * The table {@code a} was before it moved to another schema: the one table of the previous
   * version from the same source type with the same name in another schema, which nothing in
   * this version claims by name. Anything less certain is a drop and an add.
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
   * Moves, creates and alters sequences, and returns those that go. A sequence that vanishes
   * from one schema while one of the same name appears in another, each the only one of that
   * name, moved: it keeps its position.
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
        add(new Change.MoveSequence(b, s));
      }
    }
    added.forEach(s -> add(new Change.CreateSequence(s)));
    for (Sequence s : after.sequences()) {
      Sequence b = pairs.get(s.qualifiedName());
      if (b != null && (b.start() != s.start() || b.increment() != s.increment())) {
        add(new Change.AlterSequence(b, s));
      }
    }
    return List.copyOf(was.values());
  }

  // ------------------------------------------------------------------ renames

  /**
   * The columns of {@code a} that are new; {@code renames} receives the columns of {@code b}
   * that {@code a} renames (old -> new).
   */
  private static List<Column> pairColumns(Table b, Table a, Map<String, String> renames) {
    Set<String> matched = new HashSet<>();
    for (Column c : a.columns()) {
      if (b.column(c.name()).isPresent()) {
        matched.add(c.name());
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
        added.add(c);
      }
    }
    return added;
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
          c.type(), c.nullable(), c.defaultValue(), c.identity(), c.markers(), c.comment(), null, c.suppressions(),
          c.origin(), expression(cols, c.generated()))).toList();
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
          condition(cols, c.condition()), c.column() == null ? null : col(cols, c.column()), c.origin())).toList();
      List<Index> indexes = b.indexes().stream().map(i -> new Index(i.name(), i.elements().stream()
          .map(e -> new Index.Element(e.column() == null ? null : col(cols, e.column()),
              expression(cols, e.expression()), e.opclass(), e.descending(), e.nulls()))
          .toList(), i.unique(), i.method(), expression(cols, i.where()),
          cols(cols, i.include()), i.origin(), i.expireAfterSeconds())).toList();
      List<Trigger> triggers = b.triggers().stream()
          .map(t -> new Trigger(t.name(), t.kind(), col(cols, t.column()))).toList();
      return new Table(Identifiers.schemaOf(newName), Identifiers.nameOf(newName), b.sourceType(), columns, pk, fks,
          uniques, checks, indexes, triggers, b.comment(),
          b.softDeleteColumn() == null ? null : col(cols, b.softDeleteColumn()), null, b.suppressions(), b.origin(),
          b.source(), newName.equals(b.qualifiedName()) ? b.writtenName() : null);
    }

    private static Condition condition(Map<String, String> renames, Condition condition) {
      if (condition instanceof Condition.Raw raw) {
        return new Condition.Raw(expression(renames, raw.sql()));
      }
      Condition out = condition;
      for (Map.Entry<String, String> rename : renames.entrySet()) {
        Condition next = condition.renamed(rename.getKey(), rename.getValue());
        if (next != condition) {
          out = next; // one column: renames do not chain
        }
      }
      return out;
    }

    private static String col(Map<String, String> renames, String name) {
      return renames.getOrDefault(name, name);
    }

    private static List<String> cols(Map<String, String> renames, List<String> names) {
      return names.stream().map(n -> col(renames, n)).toList();
    }

    /**
     * In the user's SQL, renamed columns replaced as whole words, all at once (a -> b and b -> c
     * do not chain); null stays null.
     */
    private static RawSql expression(Map<String, String> renames, RawSql raw) {
      if (renames.isEmpty() || raw == null) {
        return raw;
      }
      Pattern words = Pattern.compile("\\b(" + String.join("|", renames.keySet()) + ")\\b");
      return new RawSql(raw.target(),
          words.matcher(raw.sql()).replaceAll(m -> Matcher.quoteReplacement(renames.get(m.group(1)))));
    }
  }

  /**
   * Keys, constraints, indexes and triggers of {@code b} (already under today's table and
   * column names) whose definition reappears in {@code a} under another name are renamed, not
   * rebuilt: rebuilding would take locks, lose uniqueness for a while, and fail outright for a
   * primary key that other tables reference. Returns {@code b} with those names changed.
   */
  private Table renameDerivedNames(Table b, Table a) {
    Map<String, String> names = new LinkedHashMap<>();
    if (b.primaryKey() != null && a.primaryKey() != null && !b.primaryKey().name().equals(a.primaryKey().name())
        && b.primaryKey().columns().equals(a.primaryKey().columns())) {
      names.put(b.primaryKey().name(), a.primaryKey().name());
      add(new Change.RenameDerived(a, Derived.PRIMARY_KEY, b.primaryKey().name(), a.primaryKey().name()));
    }
    boolean sameRepresentation = (b.softDeleteColumn() == null) == (a.softDeleteColumn() == null);
    matchRenames(b.uniques(), a.uniques(), UniqueConstraint::name,
        (x, y) -> x.columns().equals(y.columns()) && sameRepresentation, rename(a, Derived.UNIQUE, names));
    matchRenames(b.checks(), a.checks(), CheckConstraint::name, (x, y) -> x.condition().equals(y.condition()),
        rename(a, Derived.CHECK, names));
    matchRenames(b.foreignKeys(), a.foreignKeys(), ForeignKey::name, SchemaDiff::sameFk,
        rename(a, Derived.FOREIGN_KEY, names));
    matchRenames(b.indexes(), a.indexes(), Index::name, SchemaDiff::sameIndex, rename(a, Derived.INDEX, names));
    matchRenames(b.triggers(), a.triggers(), Trigger::name,
        (x, y) -> x.kind() == y.kind() && x.column().equals(y.column()), rename(a, Derived.TRIGGER, names));
    return withDerivedNames(b, names);
  }

  /**
   * {@code b} with the names of its keys, constraints, indexes and triggers that {@code names}
   * maps (old to new); {@code b} itself when it maps none.
   */
  static Table withDerivedNames(Table b, Map<String, String> names) {
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
        b.checks().stream().map(c -> new CheckConstraint(n.apply(c.name()), c.condition(), c.column(), c.origin()))
            .toList(),
        b.indexes().stream().map(i -> new Index(n.apply(i.name()), i.elements(), i.unique(), i.method(), i.where(),
            i.include(), i.origin(), i.expireAfterSeconds())).toList(),
        b.triggers().stream().map(tr -> new Trigger(n.apply(tr.name()), tr.kind(), tr.column())).toList(),
        b.comment(), b.softDeleteColumn(), null, b.suppressions(), b.origin(), b.source(), b.writtenName());
  }

  private BiConsumer<String, String> rename(Table a, Derived kind, Map<String, String> names) {
    return (old, now) -> {
      names.put(old, now);
      add(new Change.RenameDerived(a, kind, old, now));
    };
  }

  /** Pairs items of {@code before} and {@code after} that exist under one name only and have the same definition. */
  private static <T> void matchRenames(List<T> before, List<T> after, Function<T, String> name,
      BiPredicate<T, T> same, BiConsumer<String, String> rename) {
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

  // ------------------------------------------------------------------ keys, constraints, indexes, triggers

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(name.apply(i), i));
    return out;
  }

  /** Same definition, ignoring where in the source it came from. */
  public static boolean sameFk(ForeignKey x, ForeignKey y) {
    return x.columns().equals(y.columns()) && x.targetTable().equals(y.targetTable())
        && x.targetColumns().equals(y.targetColumns()) && x.onDelete() == y.onDelete() && x.onUpdate() == y.onUpdate();
  }

  public static boolean sameIndex(Index x, Index y) {
    return x.elements().equals(y.elements()) && x.unique() == y.unique() && x.method() == y.method()
        && Objects.equals(x.where(), y.where()) && x.include().equals(y.include())
        && Objects.equals(x.expireAfterSeconds(), y.expireAfterSeconds());
  }

  private void removeChanged(Table b, Table a) {
    boolean representationChanged = (b.softDeleteColumn() == null) != (a.softDeleteColumn() == null);
    Set<String> regenerated = regenerated(b, a);
    Map<String, Trigger> aTriggers = byName(a.triggers(), Trigger::name);
    for (Trigger t : b.triggers()) {
      if (!t.equals(aTriggers.get(t.name()))) {
        add(new Change.DropTrigger(b, t));
      }
    }
    Map<String, ForeignKey> aFks = byName(a.foreignKeys(), ForeignKey::name);
    for (ForeignKey fk : b.foreignKeys()) {
      ForeignKey now = aFks.get(fk.name());
      if (now == null || !sameFk(fk, now) || fk.columns().stream().anyMatch(regenerated::contains)) {
        add(new Change.DropForeignKey(b, fk, now != null));
      }
    }
    Map<String, CheckConstraint> aChecks = byName(a.checks(), CheckConstraint::name);
    for (CheckConstraint c : b.checks()) {
      CheckConstraint now = aChecks.get(c.name());
      if (now == null || !now.condition().equals(c.condition()) || builtOn(c, regenerated)) {
        add(new Change.DropCheck(b, c, now != null));
      }
    }
    Map<String, UniqueConstraint> aUniques = byName(a.uniques(), UniqueConstraint::name);
    for (UniqueConstraint u : b.uniques()) {
      UniqueConstraint now = aUniques.get(u.name());
      if (now == null || !now.columns().equals(u.columns()) || representationChanged
          || u.columns().stream().anyMatch(regenerated::contains)) {
        add(new Change.DropUnique(b, u));
      }
    }
    Map<String, Index> aIndexes = byName(a.indexes(), Index::name);
    for (Index i : b.indexes()) {
      Index now = aIndexes.get(i.name());
      if (now == null || !sameIndex(i, now) || builtOn(i, regenerated)) {
        // an index on a column added again (its generation changed) goes with the column, in the transaction
        boolean dependenciesStay = !builtOn(i, regenerated) && i.columns().stream().allMatch(c -> a.column(c).isPresent())
            && i.include().stream().allMatch(c -> a.column(c).isPresent()) && i.where() == null
            && i.elements().stream().allMatch(e -> e.column() != null);
        add(new Change.DropIndex(b, i, now != null, dependenciesStay));
      }
    }
    PrimaryKey bpk = b.primaryKey();
    PrimaryKey apk = a.primaryKey();
    if (bpk != null && (apk == null || !apk.name().equals(bpk.name()) || !apk.columns().equals(bpk.columns()))) {
      add(new Change.DropPrimaryKey(b, bpk));
    }
  }

  /** {@code b} is the before table under today's names; {@code added} the columns new in {@code a}. */
  private void alterColumns(Table b, Table a, List<Column> added) {
    Set<String> regenerated = regenerated(b, a);
    for (Column c : b.columns()) {
      if (a.column(c.name()).isEmpty() || regenerated.contains(c.name())) {
        add(new Change.DropColumn(a, c, b.inUniqueKey(c.name())));
      }
    }
    added.forEach(c -> add(new Change.AddColumn(a, c)));
    for (Column now : a.columns()) {
      Column was = b.column(now.name()).orElse(null);
      if (was != null && regenerated.contains(now.name())) {
        add(new Change.AddColumn(a, now));
      } else if (was != null) {
        alterColumn(a, was, now);
      }
    }
  }

  /**
   * The columns of both {@code b} and {@code a} computed otherwise: a generated column whose
   * expression changed, or a column that became generated or stopped being so. No engine alters
   * that in place everywhere (PostgreSQL's SET EXPRESSION is 17+, and it cannot make a column
   * generated): each is dropped and added again, with what is built on it.
   */
  private static Set<String> regenerated(Table b, Table a) {
    Set<String> names = new HashSet<>();
    for (Column now : a.columns()) {
      b.column(now.name()).filter(was -> !Objects.equals(was.generated(), now.generated()))
          .ifPresent(was -> names.add(now.name()));
    }
    return names;
  }

  /** Whether {@code sql} names one of {@code columns} as a whole word. */
  private static boolean mentions(RawSql sql, Set<String> columns) {
    if (sql == null || columns.isEmpty()) {
      return false;
    }
    for (String column : columns) {
      if (Pattern.compile("(?i)\\b" + Pattern.quote(column) + "\\b").matcher(sql.sql()).find()) {
        return true;
      }
    }
    return false;
  }

  /** An index on a column of {@code columns}, in its key, INCLUDE, an expression or its predicate. */
  private static boolean builtOn(Index i, Set<String> columns) {
    return !columns.isEmpty() && (i.columns().stream().anyMatch(columns::contains)
        || i.include().stream().anyMatch(columns::contains) || mentions(i.where(), columns)
        || i.elements().stream().anyMatch(e -> mentions(e.expression(), columns)));
  }

  /** A CHECK of a column of {@code columns}, declared on it or naming it. */
  private static boolean builtOn(CheckConstraint c, Set<String> columns) {
    return !columns.isEmpty() && (c.column() != null && columns.contains(c.column()) || mentions(c.raw(), columns)
        || c.condition() instanceof Condition.OneOf o && columns.contains(o.column())
        || c.condition() instanceof Condition.Range r && columns.contains(r.column()));
  }

  private void alterColumn(Table a, Column was, Column now) {
    if (!was.type().sameStorageAs(now.type())) {
      add(new Change.AlterColumnType(a, was, now));
    }
    if (!was.type().enumValues().equals(now.type().enumValues()) && was.type().isEnum() && now.type().isEnum()) {
      add(new Change.ChangeEnumValues(a, was, now));
    }
    if (was.nullable() && !now.nullable()) {
      add(new Change.SetNotNull(a, was, now));
    } else if (!was.nullable() && now.nullable()) {
      add(new Change.DropNotNull(a, was, now));
    }
    if (!Objects.equals(was.defaultValue(), now.defaultValue()) && now.identity() == Column.Identity.NONE) {
      add(new Change.ChangeDefault(a, was, now));
    }
    if (!Objects.equals(was.comment(), now.comment())) {
      add(new Change.ChangeColumnComment(a, was, now));
    }
  }

  private void addChanged(Table b, Table a) {
    boolean representationChanged = (b.softDeleteColumn() == null) != (a.softDeleteColumn() == null);
    Set<String> regenerated = regenerated(b, a);
    PrimaryKey bpk = b.primaryKey();
    PrimaryKey apk = a.primaryKey();
    if (apk != null && (bpk == null || !apk.name().equals(bpk.name()) || !apk.columns().equals(bpk.columns()))) {
      add(new Change.AddPrimaryKey(a, apk));
    }
    Map<String, UniqueConstraint> bUniques = byName(b.uniques(), UniqueConstraint::name);
    for (UniqueConstraint u : a.uniques()) {
      UniqueConstraint was = bUniques.get(u.name());
      if (was == null || !was.columns().equals(u.columns()) || representationChanged
          || u.columns().stream().anyMatch(regenerated::contains)) {
        add(new Change.AddUnique(a, u));
      }
    }
    Map<String, CheckConstraint> bChecks = byName(b.checks(), CheckConstraint::name);
    for (CheckConstraint c : a.checks()) {
      CheckConstraint was = bChecks.get(c.name());
      if (was == null || !was.condition().equals(c.condition()) || builtOn(c, regenerated)) {
        add(new Change.AddCheck(a, c));
      }
    }
    Map<String, ForeignKey> bFks = byName(b.foreignKeys(), ForeignKey::name);
    for (ForeignKey fk : a.foreignKeys()) {
      ForeignKey was = bFks.get(fk.name());
      if (was == null || !sameFk(was, fk) || fk.columns().stream().anyMatch(regenerated::contains)) {
        add(new Change.AddForeignKey(a, fk, false));
      }
    }
    Map<String, Index> bIndexes = byName(b.indexes(), Index::name);
    for (Index i : a.indexes()) {
      Index was = bIndexes.get(i.name());
      if (was == null || !sameIndex(was, i) || builtOn(i, regenerated)) {
        add(new Change.CreateIndex(a, i));
      }
    }
    Map<String, Trigger> bTriggers = byName(b.triggers(), Trigger::name);
    for (Trigger t : a.triggers()) {
      if (!t.equals(bTriggers.get(t.name()))) {
        add(new Change.CreateTrigger(a, t));
      }
    }
    if (!Objects.equals(a.comment(), b.comment())) {
      add(new Change.ChangeTableComment(a, b.comment(), a.comment()));
    }
  }
}
