package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;

/** The id, level and summary every rule has, and short ways to make its findings. */
public abstract class SchemaRule implements Rule {
  private final String id;
  private final Level defaultLevel;
  private final String summary;

  protected SchemaRule(String id, Level defaultLevel, String summary) {
    this.id = id;
    this.defaultLevel = defaultLevel;
    this.summary = summary;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Level defaultLevel() {
    return defaultLevel;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** A finding on one column, reported on the column's component. */
  protected Finding on(Table table, Column column, String message, String fix) {
    return new Finding(id, table.qualifiedName(), column.name(), message, fix, column.origin());
  }

  /**
   * A finding on a sequence: its {@code table} is the sequence's qualified name (a table and a
   * sequence never share one), which is how the engine finds the sequence's suppressions.
   */
  protected Finding on(Sequence sequence, String message, String fix) {
    return new Finding(id, sequence.qualifiedName(), null, message, fix, sequence.origin());
  }

  /** A finding on a table, or on one of its annotations ({@code origin}). */
  protected Finding on(Table table, Origin origin, String message, String fix) {
    return new Finding(id, table.qualifiedName(), null, message, fix, origin == null ? table.origin() : origin);
  }
}
