package dev.schemac.processor.rules;

import java.util.ArrayList;
import java.util.List;

/** Every schema rule, in the order of docs/rules.md: an explicit list, nothing discovered. */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new UnindexedForeignKey());
    rules.add(new MissingPrimaryKey());
    // group A1: name-based rules
    // group A2: name-based rules
    rules.add(new ForeignKeyTypeMismatch());
    rules.add(new UnknownColumnInExpression());
    // group B1: structure rules
    // group B2: type rules
    return List.copyOf(rules);
  }
}
