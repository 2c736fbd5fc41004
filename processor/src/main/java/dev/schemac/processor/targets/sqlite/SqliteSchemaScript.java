package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The full DDL of a schema for SQLite, what an empty database needs: each table after the tables
 * it references (SQLite checks foreign keys when rows change, so a cycle needs no later ALTER), its
 * comments above it, then its unique indexes, indexes and triggers.
 */
final class SqliteSchemaScript {
  private final SqliteDialect sql;

  SqliteSchemaScript(SqliteDialect sql) {
    this.sql = sql;
  }

  String render(Schema schema, List<String> header) {
    List<String> blocks = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    for (String line : header) {
      head.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
    }
    for (String line : SqliteTarget.CONNECTION_NOTE) {
      head.append("-- ").append(line).append('\n');
    }
    blocks.add(head.toString().stripTrailing());
    for (Table table : CreationOrder.of(schema).order()) {
      blocks.add(String.join("\n\n", createTable(table, table.name())));
    }
    return String.join("\n\n", blocks) + "\n";
  }

  /**
   * A table as a new database gets it, under {@code name} (its own, or the new table of a
   * rebuild): its comments and CREATE TABLE, then its unique indexes, indexes and triggers as one
   * block.
   */
  List<String> createTable(Table table, String name) {
    List<String> statements = new ArrayList<>();
    List<String> comments = sql.comments(table);
    String create = sql.createTable(table, name);
    statements.add(comments.isEmpty() ? create : String.join("\n", comments) + "\n" + create);
    List<String> after = objectsOn(table);
    if (!after.isEmpty()) {
      statements.add(String.join("\n", after));
    }
    return statements;
  }

  /** What lives beside a table's definition: its unique indexes, indexes and triggers, in that order. */
  List<String> objectsOn(Table table) {
    List<String> after = new ArrayList<>();
    for (UniqueConstraint unique : table.uniques()) {
      after.add(sql.createUnique(table, unique));
    }
    for (Index index : table.indexes()) {
      after.add(sql.createIndex(table, index));
    }
    for (Trigger trigger : table.triggers()) {
      after.add(sql.createTrigger(table, trigger));
    }
    return after;
  }
}
