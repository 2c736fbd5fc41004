package dev.schemac.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * The whole schema of one compilation: its tables (sorted by name), the native enum types they
 * use (sorted by name) and the qualified names of the source types (sorted).
 */
public record Schema(List<Table> tables, List<EnumType> enumTypes, List<String> sourceTypes) {
  public Schema {
    tables = List.copyOf(tables);
    enumTypes = List.copyOf(enumTypes);
    sourceTypes = List.copyOf(sourceTypes);
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
