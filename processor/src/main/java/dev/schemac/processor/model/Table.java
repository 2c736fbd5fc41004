package dev.schemac.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * One table. Lists keep source order; {@code primaryKey}, {@code comment}, {@code
 * softDeleteColumn} and {@code renamedFrom} may be null. {@code suppressions} are the {@code
 * schemac} ids silenced on the record, its enclosing types and its package.
 */
public record Table(
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

  public Table {
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    triggers = List.copyOf(triggers);
    suppressions = List.copyOf(suppressions);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
