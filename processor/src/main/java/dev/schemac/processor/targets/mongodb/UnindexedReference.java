package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * MongoDB's unindexed foreign key: a reference whose fields lead no index of the collection (the
 * {@code _id} index, a unique one or another), so that finding the documents that reference one
 * ({@code $lookup}, "the orders of this user", the application's own cascade) reads the whole
 * collection. A partial index does not count: it holds only some documents.
 */
final class UnindexedReference extends MongoRule {
  UnindexedReference() {
    super("unindexed-reference", Level.WARNING,
        "A reference field that leads no index: every lookup of the documents that reference one scans the collection.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      CollectionSpec spec = CollectionSpec.of(table);
      List<List<String>> leading = new ArrayList<>();
      leading.add(List.of("_id"));
      for (CollectionSpec.IndexSpec index : spec.indexes) {
        if (!index.options().has("partialFilterExpression")) {
          List<String> keys = new ArrayList<>();
          for (Iterator<String> it = index.key().fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
          }
          leading.add(keys);
        }
      }
      for (ForeignKey fk : table.foreignKeys()) {
        List<String> fields = fk.columns().stream().map(spec::field).toList();
        boolean covered = leading.stream().anyMatch(keys -> keys.size() >= fields.size()
            && new java.util.HashSet<>(keys.subList(0, fields.size())).equals(new java.util.HashSet<>(fields)));
        if (covered) {
          continue;
        }
        String message = "reference " + table.name() + "." + String.join(", ", fields) + " -> " + fk.targetTable()
            + " leads no index of collection " + table.name() + ": MongoDB keeps a reference as a plain field, so"
            + " finding the documents that reference one " + fk.targetTable() + " document ($lookup, a list of"
            + " children, a cascade the application runs) reads every document of " + table.name() + ".";
        if (fk.columns().size() == 1) {
          Column column = table.column(fk.columns().get(0)).orElseThrow();
          findings.add(on(table, column, message, "add @Indexed to " + component(column)));
        } else {
          findings.add(on(table, fk.origin(), message, "add @Index(columns = {\"" + String.join("\", \"", fk.columns())
              + "\"}) to " + table.sourceType()));
        }
      }
    }
    return findings;
  }
}
