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

  /**
   * The type a column stores: a type the user spelled ({@code RAW}) as the target it is written
   * for reads it ({@code char(36)} is a string of 36), when that target is among these and knows
   * it; a fixed-length string as a string of that length; any other type as it is.
   */
  public LogicalType stored(LogicalType type) {
    if (type.kind() == LogicalType.Kind.FIXED_STRING) {
      return LogicalType.string(type.length()); // what every target reads a char(n) as
    }
    if (type.kind() != LogicalType.Kind.RAW) {
      return type;
    }
    for (TargetFacts target : targets) {
      if (target.id().equals(type.raw().target())) {
        LogicalType read = target.readType(type.rawSql());
        return read == null ? type : read;
      }
    }
    return type;
  }

  /** The type as the first target writes it ({@code timestamptz} on PostgreSQL). */
  public String typeName(LogicalType type) {
    return primary().typeName(type);
  }

  /** The type as the first target stores it, in words where its name does not say it: for a suggested fix. */
  public String typeDescription(LogicalType type) {
    return primary().typeDescription(type);
  }
}
