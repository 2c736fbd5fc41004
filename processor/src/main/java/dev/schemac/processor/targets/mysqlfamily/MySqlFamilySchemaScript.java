package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The full DDL of a schema for MariaDB or MySQL, what an empty database needs: the session
 * settings, sequences (MariaDB), then each table after the tables it references, as one CREATE
 * TABLE with its keys, indexes, checks, comments and foreign keys; foreign keys that close a cycle
 * come last as ALTER TABLE.
 */
final class MySqlFamilySchemaScript {
  private final MySqlFamilyDialect dialect;

  MySqlFamilySchemaScript(MySqlFamilyDialect dialect) {
    this.dialect = dialect;
  }

  String render(Schema schema, List<String> header) {
    MySqlFamilyDialect dialect = this.dialect.withNamesOf(schema);
    List<String> blocks = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    for (String line : header) {
      head.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
    }
    blocks.add(head.toString().stripTrailing());
    blocks.add(String.join("\n", dialect.sessionSettings()));
    if (!schema.sequences().isEmpty()) {
      blocks.add(String.join("\n", schema.sequences().stream().map(dialect::createSequence).toList()));
    }
    CreationOrder plan = CreationOrder.of(schema);
    for (Table table : plan.order()) {
      List<ForeignKey> waiting = plan.deferred().getOrDefault(table.qualifiedName(), List.of());
      List<ForeignKey> inline = table.foreignKeys().stream().filter(fk -> !waiting.contains(fk)).toList();
      blocks.add(dialect.createTable(PhysicalTable.of(table, dialect), inline, false));
    }
    List<String> closing = new ArrayList<>();
    for (Table table : plan.order()) {
      for (ForeignKey fk : plan.deferred().getOrDefault(table.qualifiedName(), List.of())) {
        closing.add("ALTER TABLE " + dialect.table(table.qualifiedName()) + "\n    ADD " + dialect.inlineForeignKeyClause(fk) + ";");
      }
    }
    if (!closing.isEmpty()) {
      blocks.add("-- foreign keys that close a reference cycle\n" + String.join("\n", closing));
    }
    return String.join("\n\n", blocks) + "\n";
  }

}
