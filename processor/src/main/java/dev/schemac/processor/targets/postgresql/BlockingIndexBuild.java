package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.rules.AbstractMigrationRule;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.MigrationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * With {@code @Schema(singleTransaction = true)}, an index (or the index of a UNIQUE) built on a
 * table that has rows inside the migration's transaction, without CONCURRENTLY: writes wait.
 */
public final class BlockingIndexBuild extends AbstractMigrationRule {
  public static final String ID = "blocking-index-build";

  public BlockingIndexBuild() {
    super(ID, Level.WARNING,
        "An index built on an existing table without CONCURRENTLY, blocking writes while it builds.", Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    if (!context.singleTransaction()) {
      return findings;
    }
    String fix = "drop singleTransaction, so schemac builds it CONCURRENTLY in V{N}.1.";
    for (Change change : context.changes().changes()) {
      if (change instanceof Change.AddUnique added) {
        UniqueConstraint u = added.unique();
        String t = added.table().qualifiedName();
        findings.add(finding("the unique index " + u.name() + " is built on existing table " + t + " inside the"
            + " transaction (singleTransaction = true): writes to " + t + " wait until it is built.", fix, u.origin(), t,
            u.columns().size() == 1 ? u.columns().get(0) : null));
      } else if (change instanceof Change.CreateIndex created) {
        Index i = created.index();
        String t = created.table().qualifiedName();
        findings.add(finding("index " + i.name() + " is built on existing table " + t + " inside the transaction"
            + " (singleTransaction = true): writes to " + t + " wait until it is built, minutes on a large table.", fix,
            i.origin(), t, i.elements().size() == 1 ? i.elements().get(0).column() : null));
      }
    }
    return findings;
  }
}
