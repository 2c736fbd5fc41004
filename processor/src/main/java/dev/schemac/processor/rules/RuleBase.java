package dev.schemac.processor.rules;

import java.util.Set;

/**
 * What every rule declares, schema or migration rule: its id, default level, one-line summary
 * and the targets it is about (none: every target, for a rule about the model itself).
 */
public abstract class RuleBase {
  private final String id;
  private final Level defaultLevel;
  private final String summary;
  private final Set<String> targets;

  protected RuleBase(String id, Level defaultLevel, String summary) {
    this(id, defaultLevel, summary, Set.of());
  }

  /** A rule about the targets of these ids only: it runs when one of them is chosen, for those chosen. */
  protected RuleBase(String id, Level defaultLevel, String summary, Set<String> targets) {
    this.id = id;
    this.defaultLevel = defaultLevel;
    this.summary = summary;
    this.targets = Set.copyOf(targets);
  }

  public final String id() {
    return id;
  }

  public final Level defaultLevel() {
    return defaultLevel;
  }

  public final String summary() {
    return summary;
  }

  public final Set<String> targets() {
    return targets;
  }
}
