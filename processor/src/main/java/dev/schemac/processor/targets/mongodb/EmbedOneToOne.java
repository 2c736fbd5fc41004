package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Separating data that is accessed together (a MongoDB schema-design anti-pattern): a collection
 * whose key is a reference to another collection holds at most one document per document there,
 * so reading both takes two queries (or a {@code $lookup}) where one embedded document would do.
 */
final class EmbedOneToOne extends MongoRule {
  EmbedOneToOne() {
    super("embed-one-to-one", Level.WARNING, "A collection that is one-to-one with another: embed it instead.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (table.primaryKey() == null) {
        continue;
      }
      for (ForeignKey fk : table.foreignKeys()) {
        if (!fk.columns().equals(table.primaryKey().columns()) || fk.targetTable().equals(table.qualifiedName())) {
          continue;
        }
        String message = "collection " + table.name() + " has one document per " + fk.targetTable() + " document"
            + " (its key is the reference): data read together is split in two, so every read of both is two"
            + " queries or a $lookup, and nothing keeps the pair consistent in one write.";
        String fix = "embed it in " + fk.targetTable() + " as a record component (an embedded document), unless it"
            + " is read and written apart from it; then acknowledge that with @SuppressWarnings(\"schemac:" + id()
            + "\") on " + table.sourceType();
        findings.add(fk.columns().size() == 1
            ? on(table, table.column(fk.columns().get(0)).orElseThrow(), message, fix)
            : on(table, fk.origin(), message, fix));
      }
    }
    return findings;
  }
}
