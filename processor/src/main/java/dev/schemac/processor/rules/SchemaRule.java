package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;

/** A schema rule's id, level, summary and targets ({@link RuleBase}), and short ways to make its findings. */
public abstract class SchemaRule extends RuleBase implements Rule {
  protected SchemaRule(String id, Level defaultLevel, String summary) {
    super(id, defaultLevel, summary);
  }

  /** A rule about the targets of these ids only. */
  protected SchemaRule(String id, Level defaultLevel, String summary, java.util.Set<String> targets) {
    super(id, defaultLevel, summary, targets);
  }

  /** A finding on one column, reported on the column's component. */
  protected Finding on(Table table, Column column, String message, String fix) {
    return new Finding(id(), table.qualifiedName(), column.name(), message, fix, column.origin());
  }

  /**
   * A finding on a sequence: its {@code table} is the sequence's qualified name (a table and a
   * sequence never share one), which is how the engine finds the sequence's suppressions.
   */
  protected Finding on(Sequence sequence, String message, String fix) {
    return new Finding(id(), sequence.qualifiedName(), null, message, fix, sequence.origin());
  }

  /** A finding on a table, or on one of its annotations ({@code origin}). */
  protected Finding on(Table table, Origin origin, String message, String fix) {
    return new Finding(id(), table.qualifiedName(), null, message, fix, origin == null ? table.origin() : origin);
  }
}
