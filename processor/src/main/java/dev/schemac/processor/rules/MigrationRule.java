package dev.schemac.processor.rules;

import java.util.List;
import java.util.Set;

/**
 * One migration rule: a stable id ({@code schemac:<id>} in messages and {@code @SuppressWarnings},
 * shared with the schema rules), a default level, a one-line summary, the targets it means
 * something on, and a check over the changes between two versions ({@link MigrationContext}).
 * The check only judges: what the migration does is the same whatever the rules say; when any
 * finding is an error, nothing is written.
 */
public interface MigrationRule {
  String id();

  Level defaultLevel();

  String summary();

  /** The ids of the targets whose migrations this rule is about; empty: every target (the changes themselves). */
  default Set<String> targets() {
    return Set.of();
  }

  List<Finding> check(MigrationContext context);
}
