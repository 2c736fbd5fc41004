package dev.schemac.processor.model.change;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.List;
import java.util.Locale;

/**
 * One difference between two versions of the model, as {@link SchemaDiff} finds it: engine-neutral
 * facts that carry what both directions need (the before and after of what changed), so that a
 * target's renderer can write the up and its exact inverse, and migration rules can judge it,
 * without looking at the schemas again.
 *
 * <p>Tables that stay are described under their names in the new version: the {@code before} of
 * a change on such a table is the previous version's table with this version's table and column
 * renames applied ("today's names"); constraint and index names are renamed by their own changes.
 */
public sealed interface Change {
  /**
   * When a change happens relative to the others: {@link SchemaDiff} lists the changes phase by
   * phase, and a renderer may add what its engine needs between phases (PostgreSQL creates its
   * extensions before the types and its trigger function before the sequences).
   */
  enum Phase {
    /** Schemas the new version's tables and sequences live in. */
    SCHEMAS,
    /** Named enum types and their values. */
    TYPES,
    /** Sequences created, moved or altered: nothing depends on them yet. */
    SEQUENCES,
    /** Tables moved and renamed, their columns renamed, then the names derived from them. */
    RENAMES,
    /** On tables that stay: triggers, keys, constraints and indexes that go or change. */
    REMOVALS,
    /** Tables that go. */
    DROPPED_TABLES,
    /** Tables that are new, after the tables they reference, and the keys that close a cycle. */
    NEW_TABLES,
    /** On tables that stay: columns dropped, added and altered, then what is added to the table. */
    ALTERATIONS,
    /** What nothing uses any more: enum types, sequences, schemas. */
    CLEANUP
  }

  Phase phase();

  <R> R accept(Visitor<R> visitor);

  /**
   * What this change adds to a version's derived description ({@code add_orders_note}), or null
   * when it adds nothing (it is the consequence of another change that does).
   */
  String name();

  /**
   * What to do with each kind of change: a renderer implements every method, so a change type
   * added later fails to compile in every target until it says what to do with it.
   */
  interface Visitor<R> {
    R visit(CreateSchema change);

    R visit(CreateEnumType change);

    R visit(AddEnumValue change);

    R visit(RemoveEnumValue change);

    R visit(MoveSequence change);

    R visit(CreateSequence change);

    R visit(AlterSequence change);

    R visit(MoveTable change);

    R visit(RenameTable change);

    R visit(RenameColumn change);

    R visit(RenameDerived change);

    R visit(DropTrigger change);

    R visit(DropForeignKey change);

    R visit(DropCheck change);

    R visit(DropUnique change);

    R visit(DropIndex change);

    R visit(DropPrimaryKey change);

    R visit(DropTable change);

    R visit(CreateTable change);

    R visit(AddForeignKey change);

    R visit(DropColumn change);

    R visit(AddColumn change);

    R visit(AlterColumnType change);

    R visit(ChangeEnumValues change);

    R visit(SetNotNull change);

    R visit(DropNotNull change);

    R visit(ChangeDefault change);

    R visit(ChangeColumnComment change);

    R visit(AddPrimaryKey change);

    R visit(AddUnique change);

    R visit(AddCheck change);

    R visit(CreateIndex change);

    R visit(CreateTrigger change);

    R visit(ChangeTableComment change);

    R visit(DropEnumType change);

    R visit(DropSequence change);

    R visit(DropSchema change);
  }

  // ------------------------------------------------------------------ schemas, types, sequences

  /** A schema named by the new version's tables or sequences, and by none of the previous version's. */
  record CreateSchema(String schema) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.SCHEMAS;
    }

    public String name() {
      return "create_schema_" + schema;
    }
  }

  /** A named enum type the previous version did not have. */
  record CreateEnumType(EnumType type) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.TYPES;
    }

    public String name() {
      return "create_type_" + type.name();
    }
  }

  /** A label added to a named enum type of both versions. */
  record AddEnumValue(EnumType type, String label) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.TYPES;
    }

    public String name() {
      return "add_" + type.name() + "_" + label.toLowerCase(Locale.ROOT);
    }
  }

  /** A label the named enum type {@code before} had and {@code after} has not. */
  record RemoveEnumValue(EnumType before, EnumType after, String label) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.CLEANUP; // once the tables are as the new version has them: the type is made again without it
    }

    public String name() {
      return null;
    }
  }

  /** A sequence that moved to another schema under the same name ({@code before} and {@code after}). */
  record MoveSequence(Sequence before, Sequence after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.SEQUENCES;
    }

    public String name() {
      return "move_sequence_" + after.name() + "_to_" + (after.schema() == null ? "default_schema" : after.schema());
    }
  }

  record CreateSequence(Sequence sequence) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.SEQUENCES;
    }

    public String name() {
      return "create_sequence_" + sequence.qualifiedName();
    }
  }

  /** A sequence of both versions whose start or increment changed. */
  record AlterSequence(Sequence before, Sequence after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.SEQUENCES;
    }

    public String name() {
      return "alter_sequence_" + after.qualifiedName();
    }
  }

  // ------------------------------------------------------------------ renames

  /** {@code before} moves to {@code after}'s schema, keeping its previous name. */
  record MoveTable(Table before, Table after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.RENAMES;
    }

    public String name() {
      return "move_" + before.name() + "_to_" + (after.schema() == null ? "default_schema" : after.schema());
    }
  }

  /** {@code before} (already in {@code after}'s schema) takes {@code after}'s name. */
  record RenameTable(Table before, Table after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.RENAMES;
    }

    public String name() {
      return "rename_" + before.qualifiedName() + "_to_" + after.name();
    }
  }

  /** A column of {@code table} (qualified, today's name) renamed from {@code from} to {@code to}. */
  record RenameColumn(String table, String from, String to) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.RENAMES;
    }

    public String name() {
      return "rename_" + table + "_" + from + "_to_" + to;
    }
  }

  /** What a name belongs to, for {@link RenameDerived}. */
  enum Derived { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, INDEX, TRIGGER }

  /**
   * A key, constraint, index or trigger of a table that stays, whose definition reappears under
   * another name (a generated name that follows a renamed table or column): renamed, never rebuilt.
   * {@code table} is the new version's table.
   */
  record RenameDerived(Table table, Derived kind, String from, String to) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.RENAMES;
    }

    public String name() {
      return null;
    }
  }

  // ------------------------------------------------------------------ removals on tables that stay

  record DropTrigger(Table table, Trigger trigger) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return null;
    }
  }

  /** {@code replaced}: a key of the same name comes back with another definition ({@link AddForeignKey}). */
  record DropForeignKey(Table table, ForeignKey foreignKey, boolean replaced) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return replaced ? null : "drop_" + foreignKey.name();
    }
  }

  record DropCheck(Table table, CheckConstraint check, boolean replaced) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return replaced ? null : "drop_" + check.name();
    }
  }

  /** {@code table} is the previous version's: whether it soft-deleted says how the constraint was built. */
  record DropUnique(Table table, UniqueConstraint unique) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return null;
    }
  }

  /**
   * {@code replaced}: an index of that name comes back with another definition; {@code
   * dependenciesStay}: every column it keys on or includes stays, and it has neither a predicate
   * nor an expression, so it can go after the rest of the migration, once its successor exists.
   */
  record DropIndex(Table table, Index index, boolean replaced, boolean dependenciesStay) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return replaced ? null : "drop_index_" + index.name();
    }
  }

  record DropPrimaryKey(Table table, PrimaryKey primaryKey) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.REMOVALS;
    }

    public String name() {
      return null;
    }
  }

  // ------------------------------------------------------------------ tables

  /** A table that is gone ({@code table}: the previous version's, its keys to renamed tables under today's names). */
  record DropTable(Table table) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.DROPPED_TABLES;
    }

    public String name() {
      return "drop_" + table.qualifiedName();
    }
  }

  /** A new table; {@code deferred} are its foreign keys that close a cycle, added once every new table exists. */
  record CreateTable(Table table, List<ForeignKey> deferred) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public CreateTable {
      deferred = List.copyOf(deferred);
    }

    public Phase phase() {
      return Phase.NEW_TABLES;
    }

    public String name() {
      return "create_" + table.qualifiedName();
    }
  }

  /**
   * A foreign key added to {@code table}: one that closes a cycle between new tables ({@code
   * newTable}, still empty), or one added to a table that has rows.
   */
  record AddForeignKey(Table table, ForeignKey foreignKey, boolean newTable) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return newTable ? Phase.NEW_TABLES : Phase.ALTERATIONS;
    }

    public String name() {
      return newTable ? null : "fk_" + foreignKey.name();
    }
  }

  // ------------------------------------------------------------------ alterations of tables that stay

  /**
   * {@code column} (the previous version's, today's name) goes from {@code table} (the new
   * version's); {@code uniqueKey}: it was a key column of a UNIQUE constraint or unique index of the
   * previous version, so a down that adds it back must not fill every row with its DEFAULT.
   */
  record DropColumn(Table table, Column column, boolean uniqueKey) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "drop_" + table.qualifiedName() + "_" + column.name();
    }
  }

  record AddColumn(Table table, Column column) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "add_" + table.qualifiedName() + "_" + column.name();
    }
  }

  /** A column whose storage changes ({@code before} and {@code after} have different types). */
  record AlterColumnType(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "alter_" + table.qualifiedName() + "_" + after.name();
    }
  }

  /**
   * The enum values a column holds changed, its storage did not (an enum stored as text: the
   * CHECK that lists them changes too, as its own change).
   */
  record ChangeEnumValues(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return null;
    }

    /** The values {@code before} allowed and {@code after} does not, in order. */
    public List<String> removed() {
      return before.type().enumValues().stream().filter(v -> !after.type().enumValues().contains(v)).toList();
    }
  }

  /** A nullable column becomes NOT NULL. */
  record SetNotNull(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "require_" + table.qualifiedName() + "_" + after.name();
    }
  }

  /** A NOT NULL column becomes nullable. */
  record DropNotNull(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "optional_" + table.qualifiedName() + "_" + after.name();
    }
  }

  /** The column's default changes ({@code after} is not an identity column). */
  record ChangeDefault(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "default_" + table.qualifiedName() + "_" + after.name();
    }
  }

  record ChangeColumnComment(Table table, Column before, Column after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "comment_" + table.qualifiedName() + "_" + after.name();
    }
  }

  record AddPrimaryKey(Table table, PrimaryKey primaryKey) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "pkey_" + table.qualifiedName();
    }
  }

  /** A UNIQUE added to a table that has rows; whether {@code table} soft-deletes says how it is built. */
  record AddUnique(Table table, UniqueConstraint unique) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "unique_" + unique.name();
    }
  }

  /** A CHECK added to a table that has rows. */
  record AddCheck(Table table, CheckConstraint check) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "check_" + check.name();
    }
  }

  /** An index built on a table that has rows. */
  record CreateIndex(Table table, Index index) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "index_" + index.name();
    }
  }

  record CreateTrigger(Table table, Trigger trigger) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "trigger_" + trigger.name();
    }
  }

  /** {@code before} and {@code after} are the table's comments (either may be null). */
  record ChangeTableComment(Table table, String before, String after) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.ALTERATIONS;
    }

    public String name() {
      return "comment_" + table.qualifiedName();
    }
  }

  // ------------------------------------------------------------------ cleanup

  record DropEnumType(EnumType type) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.CLEANUP;
    }

    public String name() {
      return "drop_type_" + type.name();
    }
  }

  record DropSequence(Sequence sequence) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.CLEANUP;
    }

    public String name() {
      return "drop_sequence_" + sequence.qualifiedName();
    }
  }

  record DropSchema(String schema) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Phase phase() {
      return Phase.CLEANUP;
    }

    public String name() {
      return "drop_schema_" + schema;
    }
  }
}
