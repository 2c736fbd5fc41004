package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Check} that MongoDB's validator cannot state: it compares two fields, calls a function
 * other than a length, or joins conditions with OR. MongoDB would not enforce it. Suppressing the
 * rule on the check's component or record says that this is known and the application enforces
 * it; the validator is then written without it.
 */
final class CheckNotEnforced extends MongoRule {
  CheckNotEnforced() {
    super("check-not-enforced", Level.ERROR, "A CHECK that MongoDB's $jsonSchema validator cannot state.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (CollectionSpec.Untranslated u : CollectionSpec.of(table).untranslatedChecks) {
        String message = "check " + u.name() + " of " + table.name() + " (" + u.sql() + ") does not translate to"
            + " MongoDB's validator: " + u.why() + ". MongoDB would not enforce it.";
        String fix = "state it as conditions on one field each (char_length(x) <= n, x >= 0, x IN (...),"
            + " x LIKE '...', cardinality(x) <= n), or, if the application enforces it, acknowledge it with"
            + " @SuppressWarnings(\"schemac:" + id() + "\") on " + (u.column() == null ? table.sourceType()
            : "the component");
        Column column = u.column() == null ? null : table.column(u.column()).orElse(null);
        findings.add(column == null ? on(table, u.origin(), message, fix)
            : new Finding(id(), table.qualifiedName(), column.name(), message, fix, u.origin()));
      }
    }
    return findings;
  }
}
