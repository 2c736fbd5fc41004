package dev.schemac.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole schema of one compilation: its tables (sorted by qualified name), the native enum
 * types they use (sorted by name), its sequences (sorted here by qualified name) and the
 * qualified names of the source types (sorted). Tables and sequences are looked up by qualified
 * name ({@link Table#qualifiedName()}); enum types live in the default schema.
 */
public record Schema(List<Table> tables, List<EnumType> enumTypes, List<Sequence> sequences,
    List<String> sourceTypes, Map<String, Table> tablesByName) {
  public Schema {
    tables = List.copyOf(tables);
    enumTypes = List.copyOf(enumTypes);
    List<Sequence> sorted = new ArrayList<>(sequences);
    sorted.sort(Comparator.comparing(Sequence::qualifiedName));
    sequences = List.copyOf(sorted);
    sourceTypes = List.copyOf(sourceTypes);
    tablesByName = byName(tables);
  }

  public Schema(List<Table> tables, List<EnumType> enumTypes, List<Sequence> sequences, List<String> sourceTypes) {
    this(tables, enumTypes, sequences, sourceTypes, Map.of());
  }

  /** A schema without sequences. */
  public Schema(List<Table> tables, List<EnumType> enumTypes, List<String> sourceTypes) {
    this(tables, enumTypes, List.of(), sourceTypes, Map.of());
  }

  /** Rules and the planner look tables up per key and per finding: a map, not a scan. */
  private static Map<String, Table> byName(List<Table> tables) {
    Map<String, Table> map = new HashMap<>();
    tables.forEach(t -> map.putIfAbsent(t.qualifiedName(), t));
    return Collections.unmodifiableMap(map);
  }

  /** This schema with every table and sequence name written as the model names it (no capitals kept). */
  public Schema withoutSpellings() {
    if (tables.stream().allMatch(t -> t.writtenName().equals(t.name()))
        && sequences.stream().allMatch(s -> s.writtenName().equals(s.name()))) {
      return this;
    }
    return new Schema(tables.stream().map(t -> t.withWrittenName(null)).toList(), enumTypes,
        sequences.stream().map(s -> s.withWrittenName(null)).toList(), sourceTypes);
  }

  /** The table of that qualified name ({@code orders}, {@code billing.invoices}). */
  public Optional<Table> table(String qualifiedName) {
    return Optional.ofNullable(tablesByName.get(qualifiedName));
  }

  /** The sequence of that qualified name. */
  public Optional<Sequence> sequence(String qualifiedName) {
    return sequences.stream().filter(s -> s.qualifiedName().equals(qualifiedName)).findFirst();
  }

  /** The schemas named by tables and sequences, sorted; the default schema (null) is not one of them. */
  public SortedSet<String> schemaNames() {
    SortedSet<String> names = new TreeSet<>();
    tables.stream().map(Table::schema).filter(s -> s != null).forEach(names::add);
    sequences.stream().map(Sequence::schema).filter(s -> s != null).forEach(names::add);
    return Collections.unmodifiableSortedSet(names);
  }
}
