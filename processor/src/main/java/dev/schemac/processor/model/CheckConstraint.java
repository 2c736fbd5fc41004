package dev.schemac.processor.model;

/**
 * A CHECK constraint: what it requires ({@link Condition}), and {@code column}, the column it was
 * declared on or derived for, or null for a table-level check.
 */
public record CheckConstraint(String name, Condition condition, String column, Origin origin) {
  /** The user's SQL, or null when schemac derived the condition. */
  public RawSql raw() {
    return condition instanceof Condition.Raw r ? r.sql() : null;
  }
}
