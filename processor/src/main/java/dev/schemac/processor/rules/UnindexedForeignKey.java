package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A foreign key whose columns are not the leading columns of the primary key, a UNIQUE
 * constraint or a full (non-partial) B-tree index. PostgreSQL indexes the referenced side only.
 */
public final class UnindexedForeignKey extends SchemaRule {
  public UnindexedForeignKey() {
    super("unindexed-foreign-key", Level.ERROR,
        "A foreign key whose columns lead no index: deletes on the parent and joins scan the child.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    if (context.targets().stream().noneMatch(TargetFacts::enforcesForeignKeys)) {
      return findings; // no engine of this build checks the key on DELETE: a target's own rule says what it costs there
    }
    for (Table table : schema.tables()) {
      List<List<String>> covering = coveringColumnLists(table);
      for (ForeignKey fk : table.foreignKeys()) {
        Set<String> fkColumns = new HashSet<>(fk.columns());
        boolean covered = covering.stream().anyMatch(cols ->
            cols.size() >= fkColumns.size() && new HashSet<>(cols.subList(0, fkColumns.size())).equals(fkColumns));
        if (covered) {
          continue;
        }
        String cols = String.join(", ", fk.columns());
        String message = "foreign key " + fk.name() + " (" + table.name() + "." + (fk.columns().size() == 1 ? cols : "(" + cols + ")")
            + " -> " + fk.targetTable() + ") has no index on " + (fk.columns().size() == 1 ? "its column" : "its columns")
            + ": every DELETE of a row of " + fk.targetTable() + ", and every update of its key, scans all of "
            + table.name() + " to look for referencing rows, holding its lock while it does, and joins from "
            + fk.targetTable() + " to " + table.name() + " scan too.";
        if (fk.columns().size() == 1) {
          Column column = table.column(fk.columns().get(0)).orElseThrow();
          String component = column.javaName() == null ? column.name() : column.javaName();
          findings.add(on(table, column, message, table.collection()
              ? "add " + Fixes.index(table, fk.columns()) + " on " + component
              : "add @Indexed to " + component + ", or " + Fixes.index(table, fk.columns()) + " on "
                  + Fixes.source(table)));
        } else {
          findings.add(on(table, fk.origin(), message, "add " + Fixes.index(table, fk.columns()) + " to "
              + Fixes.source(table)));
        }
      }
    }
    return findings;
  }

  /** Column lists whose leading columns serve equality look-ups on every row. */
  private static List<List<String>> coveringColumnLists(Table table) {
    List<List<String>> lists = new ArrayList<>();
    if (table.primaryKey() != null) {
      lists.add(table.primaryKey().columns());
    }
    if (table.softDeleteColumn() == null) { // on a soft-delete table uniques are partial indexes
      for (UniqueConstraint unique : table.uniques()) {
        lists.add(unique.columns());
      }
    }
    for (Index index : table.indexes()) {
      boolean usable = index.where() == null
          && (index.method() == Index.Method.ORDERED || index.method() == Index.Method.HASH && index.elements().size() == 1);
      if (!usable) {
        continue;
      }
      List<String> leading = new ArrayList<>();
      for (Index.Element e : index.elements()) {
        if (e.column() == null) {
          break; // an expression ends the usable prefix
        }
        leading.add(e.column());
      }
      lists.add(leading);
    }
    return lists;
  }
}
