package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @RenamedFrom("old")} that renames nothing: the previous version already has the new
 * name, or has no table or column {@code old} (the rename was released with an earlier version).
 */
public final class StaleRenamedFrom extends AbstractMigrationRule {
  public StaleRenamedFrom() {
    super(MigrationRules.STALE_RENAMED_FROM, Level.WARNING, "A @RenamedFrom whose old name is not in the previous version.");
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    SchemaChanges changes = context.changes();
    Schema before = changes.before();
    List<Finding> findings = new ArrayList<>();
    for (Table a : changes.after().tables()) {
      String name = a.qualifiedName();
      if (a.renamedFrom() == null || a.renamedFrom().equals(a.name())) {
        continue;
      }
      if (before.table(name).isPresent()) {
        findings.add(finding("@RenamedFrom(\"" + a.renamedFrom() + "\") on table " + name + " is stale: the previous"
            + " version already has " + name + ", so there is nothing to rename.", "remove it (the rename was"
            + " released with an earlier version).", a.origin(), name, null));
      } else if (changes.of(Change.RenameTable.class).stream().noneMatch(r -> r.after() == a)
          && changes.of(Change.MoveTable.class).stream().noneMatch(m -> m.after() == a)) {
        findings.add(finding("@RenamedFrom(\"" + a.renamedFrom() + "\") on table " + name + " is stale: the previous"
            + " version has no table '" + Identifiers.qualified(a.schema(), a.renamedFrom()) + "' to rename, so it"
            + " does nothing.", "remove it (it was released with an earlier version).", a.origin(), name, null));
      }
    }
    for (SchemaChanges.Pair pair : changes.kept()) {
      Table b = pair.before();
      Table a = pair.after();
      String t = a.qualifiedName();
      for (Column c : a.columns()) {
        String old = c.renamedFrom();
        if (old == null || old.equals(c.name())) {
          continue;
        }
        if (b.column(c.name()).isPresent()) {
          findings.add(finding("@RenamedFrom(\"" + old + "\") on column " + t + "." + c.name() + " is stale: the"
              + " previous version already has " + c.name() + ", so there is nothing to rename.", "remove it (the"
              + " rename was released with an earlier version).", c.origin(), t, c.name()));
        } else if (changes.of(Change.RenameColumn.class).stream()
            .noneMatch(r -> r.table().equals(t) && r.to().equals(c.name()))) {
          findings.add(finding("@RenamedFrom(\"" + old + "\") on column " + t + "." + c.name() + " is stale: the"
              + " previous version of " + t + " has no column '" + old + "', so it does nothing.", "remove it (it was"
              + " released with an earlier version).", c.origin(), t, c.name()));
        }
      }
    }
    return findings;
  }
}
