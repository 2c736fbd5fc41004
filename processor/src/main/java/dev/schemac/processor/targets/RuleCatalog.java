package dev.schemac.processor.targets;

import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.MigrationRules;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule schemac knows: the shared schema and migration rules, then each registered target's
 * own, by target id. What {@code -Aschemac.rules} and {@code @SuppressWarnings} may name, and what
 * docs/rules.md documents; which of them run in a build depends on its targets.
 */
public final class RuleCatalog {
  private RuleCatalog() {}

  public static List<Rule> schemaRules() {
    List<Rule> all = new ArrayList<>(RuleRegistry.all());
    Targets.registered().values().forEach(t -> all.addAll(t.rules()));
    return List.copyOf(all);
  }

  public static List<MigrationRule> migrationRules() {
    List<MigrationRule> all = new ArrayList<>(MigrationRules.all());
    Targets.registered().values().forEach(t -> all.addAll(t.migrationRules()));
    return List.copyOf(all);
  }
}
