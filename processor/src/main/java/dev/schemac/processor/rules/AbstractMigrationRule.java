package dev.schemac.processor.rules;

import dev.schemac.processor.model.Origin;
import java.util.Set;

/** A migration rule's id, level, summary and targets ({@link RuleBase}), and a short way to make its findings. */
public abstract class AbstractMigrationRule extends RuleBase implements MigrationRule {
  protected AbstractMigrationRule(String id, Level defaultLevel, String summary) {
    super(id, defaultLevel, summary);
  }

  /** A rule about the targets of these ids only. */
  protected AbstractMigrationRule(String id, Level defaultLevel, String summary, Set<String> targets) {
    super(id, defaultLevel, summary, targets);
  }

  /**
   * A finding on {@code origin}, about {@code table} (a qualified name; null for something no
   * longer in the sources) and {@code column} (or null), for the source's suppressions.
   */
  protected Finding finding(String message, String fix, Origin origin, String table, String column) {
    return new Finding(id(), table, column, message, fix, origin);
  }
}
