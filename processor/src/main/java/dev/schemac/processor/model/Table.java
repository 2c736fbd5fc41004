package dev.schemac.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * One table. {@code schema} is null for the default schema (the first of the {@code
 * search_path}), else a valid identifier; the model identifies a table by its {@link
 * #qualifiedName()}, while the names of its constraints, indexes and triggers stay bare (they
 * live in the table's schema). Lists keep source order; {@code primaryKey}, {@code comment},
 * {@code softDeleteColumn} and {@code renamedFrom} (a bare name, in the same schema) may be
 * null. {@code suppressions} are the {@code schemac} ids silenced on the record, its enclosing
 * types and its package. {@code source} says what the table is read from, so that a fix is
 * spelled with the annotations its source uses.
 *
 * <p>{@code writtenName} is the name as its source writes it, which may keep capitals that {@code
 * name} folds: JPA's default naming gives entity {@code Account} the table {@code Account}, which
 * PostgreSQL folds to {@code account} (the model's {@code name}, its identity in lookups, diffs and
 * snapshots, and what every name derived from the table is built from), while MariaDB and MySQL on
 * Linux keep table names case-sensitive, so that their targets write {@code writtenName}. It equals
 * {@code name} but for the case of ASCII letters (null: {@code name}).
 */
public record Table(
    String schema,
    String name,
    String sourceType,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniques,
    List<CheckConstraint> checks,
    List<Index> indexes,
    List<Trigger> triggers,
    String comment,
    String softDeleteColumn,
    String renamedFrom,
    List<String> suppressions,
    Origin origin,
    Source source,
    String writtenName) {

  /**
   * What a table is read from: a record, a JPA entity, or a JPA collection attribute: the join
   * table of a relationship ({@code @JoinTable}) or the table of an element collection ({@code
   * @CollectionTable}).
   */
  /**
   * What the table is read from: a record, an entity, an entity's collection attribute (its join
   * table or its element collection's table), or the table of an entity's {@code @TableGenerator}.
   */
  public enum Source { RECORD, ENTITY, JOIN_TABLE, COLLECTION_TABLE, GENERATOR_TABLE }

  /** Whether it comes from JPA (an entity or one of its collection attributes). */
  public boolean entity() {
    return source != Source.RECORD;
  }

  /** Whether it is the table of a JPA collection attribute (a join table or a collection table). */
  public boolean collection() {
    return source == Source.JOIN_TABLE || source == Source.COLLECTION_TABLE;
  }

  public Table {
    Identifiers.requireValid(schema == null ? "" : schema, schema != null, "schema name");
    writtenName = Identifiers.requireSpelling(writtenName, name, "table name");
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    triggers = List.copyOf(triggers);
    suppressions = List.copyOf(suppressions);
  }

  /** A table whose name is written as the model names it (no capitals to keep). */
  public Table(
      String schema,
      String name,
      String sourceType,
      List<Column> columns,
      PrimaryKey primaryKey,
      List<ForeignKey> foreignKeys,
      List<UniqueConstraint> uniques,
      List<CheckConstraint> checks,
      List<Index> indexes,
      List<Trigger> triggers,
      String comment,
      String softDeleteColumn,
      String renamedFrom,
      List<String> suppressions,
      Origin origin,
      Source source) {
    this(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, triggers, comment,
        softDeleteColumn, renamedFrom, suppressions, origin, source, name);
  }

  /** A table of a schemac record (not a JPA entity). */
  public Table(
      String schema,
      String name,
      String sourceType,
      List<Column> columns,
      PrimaryKey primaryKey,
      List<ForeignKey> foreignKeys,
      List<UniqueConstraint> uniques,
      List<CheckConstraint> checks,
      List<Index> indexes,
      List<Trigger> triggers,
      String comment,
      String softDeleteColumn,
      String renamedFrom,
      List<String> suppressions,
      Origin origin) {
    this(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, triggers, comment,
        softDeleteColumn, renamedFrom, suppressions, origin, Source.RECORD);
  }

  /** This table in schema {@code newSchema} (null: the default schema). */
  public Table withSchema(String newSchema) {
    return new Table(newSchema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with these columns. */
  public Table withColumns(List<Column> newColumns) {
    return new Table(schema, name, sourceType, newColumns, primaryKey, foreignKeys, uniques, checks, indexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with these foreign keys. */
  public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
    return new Table(schema, name, sourceType, columns, primaryKey, newForeignKeys, uniques, checks, indexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with these CHECK constraints. */
  public Table withChecks(List<CheckConstraint> newChecks) {
    return new Table(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, newChecks, indexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with these indexes. */
  public Table withIndexes(List<Index> newIndexes) {
    return new Table(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, newIndexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with these triggers. */
  public Table withTriggers(List<Trigger> newTriggers) {
    return new Table(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, newTriggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /** This table with this comment (null: none). */
  public Table withComment(String newComment) {
    return new Table(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, triggers,
        newComment, softDeleteColumn, renamedFrom, suppressions, origin, source, writtenName);
  }

  /**
   * This table with its name written {@code spelling} (which differs from {@link #name()} in case
   * only), or as the model names it when {@code spelling} is null.
   */
  public Table withWrittenName(String spelling) {
    return new Table(schema, name, sourceType, columns, primaryKey, foreignKeys, uniques, checks, indexes, triggers,
        comment, softDeleteColumn, renamedFrom, suppressions, origin, source, spelling);
  }

  /**
   * {@code schema.name}, or {@code name} in the default schema: the key of {@link
   * Schema#table}, of {@link ForeignKey#targetTable()} and of the migration diff.
   */
  public String qualifiedName() {
    return Identifiers.qualified(schema, name);
  }

  /** The qualified name of one of this table's indexes (they live in the table's schema). */
  public String qualifiedIndexName(String index) {
    return Identifiers.qualified(schema, index);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /**
   * Whether a column is a key column of a UNIQUE constraint or a unique index: then one value in
   * every row (a DEFAULT filling the rows of a column added back) breaks it on a second row.
   */
  public boolean inUniqueKey(String columnName) {
    return uniques.stream().anyMatch(u -> u.columns().contains(columnName))
        || indexes.stream().anyMatch(i -> i.unique() && i.columns().contains(columnName));
  }
}
