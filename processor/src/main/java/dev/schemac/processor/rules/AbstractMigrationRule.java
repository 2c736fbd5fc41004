package dev.schemac.processor.rules;

import dev.schemac.processor.model.Origin;

/** The id, level and summary every migration rule has, and a short way to make its findings. */
public abstract class AbstractMigrationRule implements MigrationRule {
  private final String id;
  private final Level defaultLevel;
  private final String summary;

  protected AbstractMigrationRule(String id, Level defaultLevel, String summary) {
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

  /**
   * A finding on {@code origin}, about {@code table} (a qualified name; null for something no
   * longer in the sources) and {@code column} (or null), for the source's suppressions.
   */
  protected Finding finding(String message, String fix, Origin origin, String table, String column) {
    return new Finding(id, table, column, message, fix, origin);
  }
}
