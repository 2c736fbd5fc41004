package dev.schemac.processor.rules;

import dev.schemac.processor.model.Schema;
import java.util.List;

/**
 * One schema rule: a stable id ({@code schemac:<id>} in messages and {@code @SuppressWarnings}),
 * a default level, a one-line summary, and a check that runs on the model alone.
 */
public interface Rule {
  /** The kebab-case id without the {@code schemac:} prefix, e.g. {@code unindexed-foreign-key}. */
  String id();

  Level defaultLevel();

  String summary();

  /** The ids of the targets this rule is about; empty: every target (a rule about the model itself). */
  default java.util.Set<String> targets() {
    return java.util.Set.of();
  }

  List<Finding> check(Schema schema, RuleContext context);
}
