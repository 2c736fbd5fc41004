package dev.schemac.processor.rules;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * More indexes on one table than {@code -Aschemac.maxIndexes} (default 10). The primary key and
 * every UNIQUE constraint count: every engine builds an index for each. The message names costs
 * every engine has (writes, log, disk, cache); what an engine adds (PostgreSQL's heap-only updates,
 * which any index on the changed column rules out) is in docs/rules.md.
 */
public final class TooManyIndexes extends SchemaRule {
  public TooManyIndexes() {
    super("too-many-indexes", Level.WARNING, "More indexes on one table than the configured threshold.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      int primary = table.primaryKey() == null ? 0 : 1;
      int uniques = table.uniques().size();
      int indexes = table.indexes().size();
      int count = primary + uniques + indexes;
      if (count <= context.settings().maxIndexes()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      if (primary > 0) {
        parts.add("the primary key");
      }
      if (uniques > 0) {
        parts.add(uniques + " UNIQUE constraint" + (uniques == 1 ? "" : "s"));
      }
      if (indexes > 0) {
        parts.add(indexes + " index" + (indexes == 1 ? "" : "es"));
      }
      String message = "table " + table.name() + " has " + count + " indexes (" + String.join(", ", parts)
          + "), more than the threshold of " + context.settings().maxIndexes() + ": every INSERT writes all " + count
          + ", every UPDATE that changes an indexed column rewrites that column's index entries, and each index adds"
          + " log, disk, cache and maintenance work, so writes slow down and replicas lag for indexes that queries"
          + " rarely use.";
      String fix = "drop the indexes production never uses (the engine's index usage statistics show them) and those another"
          + " index already covers; if every one is needed, raise the threshold with -A"
          + RuleSettings.OPTION_MAX_INDEXES + "=" + count + " or suppress with @SuppressWarnings(\"schemac:" + id()
          + "\") on " + Fixes.source(table);
      findings.add(on(table, table.origin(), message, fix));
    }
    return findings;
  }
}
