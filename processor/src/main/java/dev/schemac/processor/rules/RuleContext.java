package dev.schemac.processor.rules;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.TargetFacts;
import java.util.List;

/**
 * What a schema rule runs with: the build's settings and the targets it runs for (those of the
 * build it applies to, in the build's order). A rule that runs for every target speaks the first
 * one's language (its type names); a rule about a target's own limits asks each.
 */
public record RuleContext(RuleSettings settings, List<TargetFacts> targets) {
  public RuleContext {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a rule runs for at least one target");
    }
  }

  /** The first target: whose type names a message uses. */
  public TargetFacts primary() {
    return targets.get(0);
  }

  /** The type as the first target writes it ({@code timestamptz} on PostgreSQL). */
  public String typeName(LogicalType type) {
    return primary().typeName(type);
  }
}
