package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.rules.Rule;
import java.util.List;

/** MongoDB's own schema rules, in the order of docs/rules.md. */
final class MongoRules {
  private MongoRules() {}

  static List<Rule> all() {
    return List.of(new UnindexedReference(), new UnboundedArray(), new CheckNotEnforced(),
        new IndexNotBuilt(), new EmbedOneToOne());
  }
}
