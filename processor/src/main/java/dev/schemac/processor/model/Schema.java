package dev.schemac.processor.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole schema of one compilation: its tables (sorted by name), the native enum types they
 * use (sorted by name) and the qualified names of the source types (sorted).
 */
public record Schema(List<Table> tables, List<EnumType> enumTypes, List<String> sourceTypes,
    Map<String, Table> tablesByName) {
  public Schema {
    tables = List.copyOf(tables);
    enumTypes = List.copyOf(enumTypes);
    sourceTypes = List.copyOf(sourceTypes);
    tablesByName = byName(tables);
  }

  public Schema(List<Table> tables, List<EnumType> enumTypes, List<String> sourceTypes) {
    this(tables, enumTypes, sourceTypes, Map.of());
  }

  /** Rules and the planner look tables up per key and per finding: a map, not a scan. */
  private static Map<String, Table> byName(List<Table> tables) {
    Map<String, Table> map = new HashMap<>();
    tables.forEach(t -> map.putIfAbsent(t.name(), t));
    return Collections.unmodifiableMap(map);
  }

  public Optional<Table> table(String name) {
    return Optional.ofNullable(tablesByName.get(name));
  }
}
