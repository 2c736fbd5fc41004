package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An array field whose length nothing bounds (MongoDB's first schema anti-pattern): the document
 * grows with every element, towards the 16 MiB document limit, every update rewrites it, and an
 * index on the array holds one key per element. A check on the array's cardinality bounds it
 * ({@code maxItems}).
 */
final class UnboundedArray extends MongoRule {
  UnboundedArray() {
    super("unbounded-array", Level.WARNING, "An array field with no bound on its length.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (CollectionSpec.UnboundedArray array : CollectionSpec.of(table).unboundedArrays) {
        boolean top = !array.path().contains(".");
        String message = "field " + array.path() + " of collection " + table.name() + " is an array with no bound on"
            + " its length: a document that keeps growing nears MongoDB's 16 MiB limit, every update rewrites the"
            + " whole array, and an index on it holds one key per element.";
        String fix = top
            ? "bound it with @Check(\"cardinality(" + array.column().name() + ") <= 100\") (the largest count the"
                + " application allows), or keep the elements in a collection of their own that references "
                + table.name()
            : "keep the elements in a collection of their own that references " + table.name() + ", or bound the"
                + " array where its record is embedded";
        findings.add(on(table, array.column(), message, fix));
      }
    }
    return findings;
  }
}
