package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CreationOrder;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The full DDL of a schema, what an empty database needs: schemas, extensions, enum types,
 * sequences, the trigger function, then each table after the tables it references, with its
 * indexes, comments and triggers; foreign keys that close a cycle come last as ALTER TABLE.
 * Tables are identified, ordered and referenced by qualified name.
 */
public final class PostgresSchemaScript {
  private final PostgresDialect dialect;

  public PostgresSchemaScript(PostgresDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * The whole script; {@code header} lines are written as SQL comments first. A schema whose
   * names collide ({@link PostgresNamespaces#check}) is refused: the processor reports those first.
   */
  public String render(Schema schema, List<String> header) {
    List<Problem> collisions = PostgresNamespaces.check(schema);
    if (!collisions.isEmpty()) {
      throw new IllegalArgumentException("the schema's names collide: " + collisions.get(0).message());
    }
    List<String> blocks = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    for (String line : header) {
      head.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
    }
    blocks.add(head.toString().stripTrailing());

    List<String> schemas = dialect.schemasToCreate(schema);
    if (!schemas.isEmpty()) {
      blocks.add(String.join("\n", schemas.stream().map(dialect::createSchema).toList()));
    }
    List<String> extensions = dialect.extensions(schema);
    if (!extensions.isEmpty()) {
      blocks.add(String.join("\n", extensions.stream().map(dialect::createExtension).toList()));
    }
    if (!schema.enumTypes().isEmpty()) {
      blocks.add(String.join("\n", schema.enumTypes().stream().map(dialect::createEnumType).toList()));
    }
    if (!schema.sequences().isEmpty()) {
      blocks.add(String.join("\n", schema.sequences().stream().map(dialect::createSequence).toList()));
    }
    if (schema.tables().stream().anyMatch(t -> !t.triggers().isEmpty())) {
      blocks.add(dialect.createSetUpdatedAtFunction());
    }

    CreationOrder plan = CreationOrder.of(schema);
    for (Table table : plan.order()) {
      List<ForeignKey> waiting = plan.deferred().getOrDefault(table.qualifiedName(), List.of());
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
      for (ForeignKey fk : plan.deferred().getOrDefault(table.qualifiedName(), List.of())) {
        closing.add(dialect.addForeignKey(table, fk));
      }
    }
    if (!closing.isEmpty()) {
      blocks.add("-- foreign keys that close a reference cycle\n" + String.join("\n", closing));
    }
    return String.join("\n\n", blocks) + "\n";
  }
}
