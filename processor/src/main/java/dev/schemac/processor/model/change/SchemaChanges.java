package dev.schemac.processor.model.change;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.List;

/**
 * What {@link SchemaDiff} found between two versions: the changes, phase by phase, and the tables
 * that stay, each paired with what it was.
 *
 * @param before the previous version (empty for a first version)
 * @param after the new version
 * @param changes every difference, in the order a migration applies them
 * @param kept the tables of both versions: the previous version's table as it was (its old name,
 *     its old columns) with the new version's table it became, and between the two what a
 *     database holds once the renames of tables and columns are done
 */
public record SchemaChanges(Schema before, Schema after, List<Change> changes, List<Pair> kept) {
  public SchemaChanges {
    changes = List.copyOf(changes);
    kept = List.copyOf(kept);
  }

  /**
   * A table of both versions: {@code before} as the previous version has it, {@code after} as this
   * one, and {@code today}: {@code before} under this version's table and column names (in its
   * keys, constraints, indexes, expressions and foreign keys too), its constraint, index and
   * trigger names as they were. A target that rebuilds a table instead of altering it starts from
   * {@code today}, and its down goes back to it.
   */
  public record Pair(Table before, Table after, Table today) {}

  /** The changes of one kind, in order. */
  public <T extends Change> List<T> of(Class<T> kind) {
    return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The names of the changes that have one ({@link Change#name()}), in order: a version's description comes from them. */
  public List<String> names() {
    return changes.stream().map(Change::name).filter(n -> n != null).toList();
  }
}
