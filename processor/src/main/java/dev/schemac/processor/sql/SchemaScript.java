package dev.schemac.processor.sql;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The full DDL of a schema, what an empty database needs: extensions, enum types, the trigger
 * function, then each table after the tables it references, with its indexes, comments and
 * triggers; foreign keys that close a cycle come last as ALTER TABLE.
 */
public final class SchemaScript {
  private final PostgresDialect dialect;

  public SchemaScript(PostgresDialect dialect) {
    this.dialect = dialect;
  }

  /** The tables in creation order, and the foreign keys that must wait until every table exists. */
  public record Plan(List<Table> order, Map<String, List<ForeignKey>> deferred) {}

  /**
   * Kahn's algorithm over foreign keys, ties broken by table name; on a cycle the
   * smallest-named remaining table goes first and its keys to the tables not yet created wait.
   */
  public static Plan plan(Schema schema) {
    Map<String, Table> remaining = new TreeMap<>();
    schema.tables().forEach(t -> remaining.put(t.name(), t));
    List<Table> order = new ArrayList<>();
    Map<String, List<ForeignKey>> deferred = new TreeMap<>();
    Set<String> created = new HashSet<>();
    while (!remaining.isEmpty()) {
      Table next = null;
      for (Table t : remaining.values()) {
        boolean ready = t.foreignKeys().stream()
            .allMatch(fk -> fk.targetTable().equals(t.name()) || created.contains(fk.targetTable())
                || !remaining.containsKey(fk.targetTable()) && schema.table(fk.targetTable()).isEmpty());
        if (ready) {
          next = t;
          break;
        }
      }
      if (next == null) {
        next = remaining.values().iterator().next();
        Table cyclic = next;
        List<ForeignKey> waiting = cyclic.foreignKeys().stream()
            .filter(fk -> !fk.targetTable().equals(cyclic.name()) && !created.contains(fk.targetTable()))
            .toList();
        deferred.put(cyclic.name(), waiting);
      }
      order.add(next);
      created.add(next.name());
      remaining.remove(next.name());
    }
    return new Plan(order, deferred);
  }

  /** The whole script; {@code header} lines are written as SQL comments first. */
  public String render(Schema schema, List<String> header) {
    List<String> blocks = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    for (String line : header) {
      head.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
    }
    blocks.add(head.toString().stripTrailing());

    List<String> extensions = dialect.extensions(schema);
    if (!extensions.isEmpty()) {
      blocks.add(String.join("\n", extensions.stream().map(dialect::createExtension).toList()));
    }
    if (!schema.enumTypes().isEmpty()) {
      blocks.add(String.join("\n", schema.enumTypes().stream().map(dialect::createEnumType).toList()));
    }
    if (schema.tables().stream().anyMatch(t -> !t.triggers().isEmpty())) {
      blocks.add(dialect.createSetUpdatedAtFunction());
    }

    Plan plan = plan(schema);
    for (Table table : plan.order()) {
      List<ForeignKey> waiting = plan.deferred().getOrDefault(table.name(), List.of());
      List<ForeignKey> inline = table.foreignKeys().stream().filter(fk -> !waiting.contains(fk)).toList();
      List<String> statements = new ArrayList<>();
      statements.add(dialect.createTable(table, inline));
      List<String> after = new ArrayList<>();
      if (table.softDeleteColumn() != null) {
        for (UniqueConstraint unique : table.uniques()) {
          after.add(dialect.createSoftDeleteUnique(table, unique));
        }
      }
      for (Index index : table.indexes()) {
        after.add(dialect.createIndex(table, index));
      }
      for (Trigger trigger : table.triggers()) {
        after.add(dialect.createTrigger(table, trigger));
      }
      after.addAll(dialect.comments(table));
      if (!after.isEmpty()) {
        statements.add(String.join("\n", after));
      }
      blocks.add(String.join("\n\n", statements));
    }
    List<String> closing = new ArrayList<>();
    for (Table table : plan.order()) {
      for (ForeignKey fk : plan.deferred().getOrDefault(table.name(), List.of())) {
        closing.add(dialect.addForeignKey(table, fk));
      }
    }
    if (!closing.isEmpty()) {
      blocks.add("-- foreign keys that close a reference cycle\n" + String.join("\n", closing));
    }
    return String.join("\n\n", blocks) + "\n";
  }
}
