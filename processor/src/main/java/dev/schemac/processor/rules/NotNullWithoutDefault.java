package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.change.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * A NOT NULL column without a default (nor identity) added to a table that already exists: the
 * migration fails on its first row, and passes on an empty staging table, which hides it.
 */
public final class NotNullWithoutDefault extends AbstractMigrationRule {
  public NotNullWithoutDefault() {
    super(MigrationRules.NOT_NULL_WITHOUT_DEFAULT, Level.ERROR,
        "A NOT NULL column without a default added to a table that already has rows.");
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    if (context.dataStep()) {
      return findings; // the version's data step fills the column before it becomes NOT NULL
    }
    for (Change.AddColumn added : context.changes().of(Change.AddColumn.class)) {
      Column c = added.column();
      if (c.nullable() || c.defaultValue() != null || c.identity() != Column.Identity.NONE || c.isGenerated()) {
        continue;
      }
      String t = added.table().qualifiedName();
      findings.add(finding("column " + t + "." + c.name() + " is added NOT NULL without a default to a table that"
              + " already has rows: the migration fails on the first existing row (and works on an empty staging"
              + " table, which hides the problem).", "give it @Default(\"...\"), or fill it with a data step in this version"
              + " (data/V{N}__d.sql: the column is added nullable, the step runs, then it becomes NOT NULL;"
              + " docs/migrations.md#data-steps).", c.origin(), t, c.name()));
    }
    return findings;
  }
}
