package dev.schemac.processor.targets.testsql;

import dev.schemac.processor.targets.EngineCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine check of {@link TestSqlTarget}, for tests of what the processor applies and where it
 * reports an engine's error: it runs nothing, records what it was given, and refuses the first
 * statement that contains {@link #refuse} (when set), pointing at {@link #refuseAt} of it.
 */
public final class RecordingEngineCheck implements EngineCheck {
  /** What the last check was given. */
  public static volatile List<Run> lastRuns = List.of();
  /** A text whose first statement is refused; null: none. */
  public static volatile String refuse;
  /** The text of the refused statement the failure points at; null: none. */
  public static volatile String refuseAt;

  @Override
  public String targetId() {
    return TestSqlTarget.ID;
  }

  @Override
  public List<Failure> check(List<Run> runs) {
    lastRuns = List.copyOf(runs);
    List<Failure> failures = new ArrayList<>();
    for (Run run : runs) {
      search:
      for (Script script : run.scripts()) {
        for (int i = 0; i < script.statements().size(); i++) {
          String statement = script.statements().get(i);
          if (refuse != null && statement.contains(refuse)) {
            int position = refuseAt == null ? 0 : statement.indexOf(refuseAt) + 1;
            failures.add(new Failure(run, script, i, "refused by the test", "XX000", position));
            break search;
          }
        }
      }
    }
    return failures;
  }
}
