package dev.schemac.processor.model;

/**
 * What the steps before the targets need to know about one target, without its SQL: how it is
 * named, its identifier limit and reserved words, and how it names a type, so that a rule speaks
 * the target's language. Each target implements it ({@code targets.SqlTarget} extends it).
 */
public interface TargetFacts {
  /** The id in {@code -Aschemac.targets}: {@code postgresql}. */
  String id();

  /** How messages name the engine: {@code PostgreSQL}. */
  String displayName();

  /** The longest identifier, in UTF-8 bytes, the engine keeps without truncating it. */
  int maxIdentifierBytes();

  /** Whether {@code word} (lowercase) is a reserved key word that must be quoted as a name. */
  boolean isReserved(String word);

  /** The engine's name for a column type, as its DDL writes it. */
  String typeName(LogicalType type);

  /**
   * Whether the engine keeps the case of table (and sequence) names: MariaDB and MySQL on Linux,
   * where {@code Account} and {@code account} are two tables. Such a target writes a table's
   * {@link Table#writtenName()}; the others write {@link Table#name()}.
   */
  default boolean keepsTableNameCase() {
    return false;
  }

  /**
   * Whether the engine enforces foreign keys (checks the referenced row on every write and runs
   * the referential actions): rules about what that costs run only for the targets that do. A
   * document store keeps a reference as a plain field and has rules of its own about it.
   */
  default boolean enforcesForeignKeys() {
    return true;
  }

  /**
   * A type written in this engine's SQL ({@code @Column(type)}), read as the logical type it
   * stores, so that rules judge it like a type schemac mapped; null when it is none of them.
   */
  LogicalType readType(String sql);

  /**
   * The column type as a reader needs it: the engine's type name, and what it holds where the
   * name alone does not say it ({@code integer (epoch milliseconds, UTC)} on SQLite).
   */
  default String typeDescription(LogicalType type) {
    return typeName(type);
  }
}
