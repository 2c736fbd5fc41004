package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;

/**
 * What a dropped table or column probably became: the new table that shares at least half of the
 * gone table's columns (same name, same storage), or the first new column of the same table with
 * the same storage. {@link AmbiguousRename} reports those; {@link DestructiveChange} the others.
 */
final class LikelyRenames {
  private LikelyRenames() {}

  /** The new table {@code gone} looks renamed to, or null. */
  static Table of(Table gone, SchemaChanges changes) {
    Table likely = null;
    int best = 0;
    for (Change.CreateTable created : changes.of(Change.CreateTable.class)) {
      Table a = created.table();
      int shared = (int) a.columns().stream().filter(c -> gone.column(c.name())
          .map(old -> old.type().sameStorageAs(c.type())).orElse(false)).count();
      if (shared > best && shared * 2 >= gone.columns().size()) {
        best = shared;
        likely = a;
      }
    }
    return likely;
  }

  /**
   * The new column of {@code table} that {@code gone} looks renamed to, or null. A generated
   * column holds no values of its own to rename, and a column added again under its own name (its
   * generation changed) is no rename.
   */
  static Column of(Table table, Column gone, SchemaChanges changes) {
    if (gone.isGenerated()) {
      return null;
    }
    return changes.of(Change.AddColumn.class).stream()
        .filter(a -> a.table().qualifiedName().equals(table.qualifiedName()))
        .map(Change.AddColumn::column)
        .filter(n -> !n.isGenerated() && !n.name().equals(gone.name()))
        .filter(n -> n.type().sameStorageAs(gone.type()))
        .findFirst().orElse(null);
  }
}
