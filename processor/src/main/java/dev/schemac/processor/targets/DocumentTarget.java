package dev.schemac.processor.targets;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.change.SchemaChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * One document store schemac writes for: a collection per table, a validator per collection, its
 * indexes, and a script per version instead of SQL. It shares the model, the diff and the rules
 * with the SQL targets ({@link Target}); everything the engine spells lives in its package ({@code
 * targets.<id>}). A document target is found through the registry {@code
 * META-INF/services/dev.schemac.processor.targets.DocumentTarget} and chosen with {@code
 * -Aschemac.targets=<id>}, like an SQL target.
 */
public interface DocumentTarget extends Target {
  /**
   * The scripts of one version: {@link MigrationPlan#upTransactional()} holds the up's commands,
   * {@link MigrationPlan#downTransactional()} the down's, in the order they run; a document store
   * has no second, non-transactional step.
   */
  MigrationPlan migration(SchemaChanges changes);

  /** A document target has no hand-written data steps yet: one is an error naming the file. */
  @Override
  default MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data) {
    MigrationPlan plan = migration(changes);
    if (data == null) {
      return plan;
    }
    List<Problem> problems = new ArrayList<>(plan.problems());
    problems.add(Problem.error(ErrorId.INVALID_DATA_STEP, "target " + id() + " has no data steps yet, and " + data.upFile() + " is one: remove"
        + " it, or leave " + id() + " out of -Aschemac.targets", Origin.NONE));
    return new MigrationPlan(plan.upTransactional(), List.of(), plan.downTransactional(), List.of(), problems);
  }
}
