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

  List<Finding> check(Schema schema, RuleContext context);
}
