package dev.schemac.processor.model;

import java.util.List;

/**
 * A foreign key from {@code columns} to {@code targetColumns} of {@code targetTable}, the
 * target's {@link Table#qualifiedName()}: {@code billing.customers} for a table in schema
 * billing, a bare name for a table in the default schema (whatever the schema of the table that
 * holds the key).
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String targetTable,
    List<String> targetColumns,
    Action onDelete,
    Action onUpdate,
    Origin origin) {

  public ForeignKey {
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
  }

  /** Referential actions. */
  public enum Action {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }
}
