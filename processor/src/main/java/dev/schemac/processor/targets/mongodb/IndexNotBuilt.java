package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An index MongoDB cannot build as declared: a trigram or spatial index, an expression other than
 * {@code lower(column)}, a predicate a partial index cannot state. Suppressing the rule on the
 * record says that the collection goes without it; the scripts then leave it out.
 */
final class IndexNotBuilt extends MongoRule {
  IndexNotBuilt() {
    super("index-not-built", Level.ERROR, "An index MongoDB cannot build as declared.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (CollectionSpec.Untranslated u : CollectionSpec.of(table).untranslatedIndexes) {
        String message = "index " + u.name() + " of " + table.name() + " has no MongoDB equivalent: " + u.why() + ".";
        String fix = "declare an index MongoDB can build (fields, lower(column), a predicate of equalities and"
            + " ranges), or, if the collection can go without it, acknowledge it with @SuppressWarnings(\"schemac:"
            + id() + "\") on " + table.sourceType();
        findings.add(on(table, u.origin(), message, fix));
      }
    }
    return findings;
  }
}
