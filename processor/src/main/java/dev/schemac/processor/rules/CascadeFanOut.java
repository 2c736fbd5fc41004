package dev.schemac.processor.rules;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table whose DELETE cascades, through chains of ON DELETE CASCADE foreign keys, to more
 * other tables than {@code -Aschemac.maxCascadeTables} (default 5). Reported on that table.
 */
public final class CascadeFanOut extends SchemaRule {
  public CascadeFanOut() {
    super("cascade-fan-out", Level.WARNING,
        "ON DELETE CASCADE chains reaching more tables than the configured threshold.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    if (context.targets().stream().noneMatch(dev.schemac.processor.model.TargetFacts::enforcesForeignKeys)) {
      return List.of(); // no engine of this build runs ON DELETE CASCADE
    }
    // parent table -> the tables whose foreign key to it cascades on delete, in schema order
    Map<String, Set<String>> cascadingChildren = new LinkedHashMap<>();
    for (Table child : schema.tables()) {
      for (ForeignKey fk : child.foreignKeys()) {
        if (fk.onDelete() == ForeignKey.Action.CASCADE) {
          cascadingChildren.computeIfAbsent(fk.targetTable(), t -> new LinkedHashSet<>()).add(child.qualifiedName());
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      Map<String, List<String>> chains = reached(table.qualifiedName(), cascadingChildren);
      if (chains.size() <= context.settings().maxCascadeTables()) {
        continue;
      }
      List<String> described = new ArrayList<>();
      chains.forEach((reached, chain) -> described.add(reached + " (" + String.join(" -> ", chain) + ")"));
      String message = "a DELETE on " + table.name() + " cascades to " + chains.size() + " other tables, more than "
          + context.settings().maxCascadeTables() + ": " + String.join(", ", described) + ". One DELETE then locks and deletes"
          + " rows in all of them in one transaction, which can run for minutes while blocking writers, and one"
          + " mistaken DELETE on " + table.name() + " silently wipes the whole subtree.";
      String fix = "make the leaf relations ON DELETE RESTRICT, e.g. @References(value = ..., onDelete ="
          + " ReferentialAction.RESTRICT) (or soft-delete " + table.name() + " with @SoftDelete), or raise the threshold:"
          + " -A" + RuleSettings.OPTION_MAX_CASCADE_TABLES + "=" + chains.size();
      findings.add(on(table, table.origin(), message, fix));
    }
    return findings;
  }

  /**
   * Every other table a DELETE on {@code start} reaches, sorted by name, each with the shortest
   * chain of cascades from {@code start} to it. Cycles and self-references end a chain.
   */
  private static Map<String, List<String>> reached(String start, Map<String, Set<String>> cascadingChildren) {
    Map<String, String> parentOf = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String parent = queue.removeFirst();
      for (String child : cascadingChildren.getOrDefault(parent, Set.of())) {
        if (seen.add(child)) {
          parentOf.put(child, parent);
          queue.addLast(child);
        }
      }
    }
    Map<String, List<String>> chains = new TreeMap<>();
    for (String table : parentOf.keySet()) {
      List<String> chain = new ArrayList<>();
      for (String t = table; t != null; t = parentOf.get(t)) {
        chain.add(0, t);
      }
      chains.put(table, chain);
    }
    return chains;
  }
}
