package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.rules.AbstractMigrationRule;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.MigrationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * With {@code @Schema(singleTransaction = true)}, a CHECK, foreign key or NOT NULL added to a table
 * that has rows and checked against every row while holding a lock that blocks writes.
 */
public final class BlockingConstraintValidation extends AbstractMigrationRule {
  public static final String ID = "blocking-constraint-validation";

  public BlockingConstraintValidation() {
    super(ID, Level.WARNING,
        "A constraint or NOT NULL checked against every existing row while holding a lock that blocks writes.", Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    if (!context.singleTransaction()) {
      return findings;
    }
    for (Change change : context.changes().changes()) {
      if (change instanceof Change.SetNotNull c) {
        String t = c.table().qualifiedName();
        findings.add(finding("SET NOT NULL on " + t + "." + c.after().name() + " scans every row under an ACCESS"
                + " EXCLUSIVE lock (singleTransaction = true): reads and writes wait until it is done.",
            "drop singleTransaction, so schemac validates a NOT VALID CHECK first, outside the transaction.",
            c.after().origin(), t, c.after().name()));
      } else if (change instanceof Change.AddCheck c) {
        CheckConstraint check = c.check();
        String t = c.table().qualifiedName();
        findings.add(finding("CHECK " + check.name() + " is checked against every row of existing table " + t
                + " under an ACCESS EXCLUSIVE lock (singleTransaction = true).", "drop singleTransaction, so schemac"
                + " adds it NOT VALID and validates it in V{N}.1 without blocking writes.", check.origin(), t,
            check.column()));
      } else if (change instanceof Change.AddForeignKey c && !c.newTable()) {
        ForeignKey fk = c.foreignKey();
        String t = c.table().qualifiedName();
        findings.add(finding("foreign key " + fk.name() + " is checked against every row of existing table " + t
                + " while holding locks that block writes to it and to " + fk.targetTable()
                + " (singleTransaction = true).", "drop singleTransaction, so schemac adds it NOT VALID and"
                + " validates it in V{N}.1.", fk.origin(), t, fk.columns().size() == 1 ? fk.columns().get(0) : null));
      }
    }
    return findings;
  }
}
