package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.TargetFacts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule on the model, then applies the build's levels and the source's suppressions.
 * A rule that fails internally becomes one error naming the rule: never an exception into javac.
 */
public final class RuleEngine {
  public static final String ALL = "schemac";
  public static final String PREFIX = "schemac:";

  private final List<Rule> rules;
  private final List<MigrationRule> migrationRules;

  /** An engine that runs {@code rules} on a schema; it knows no migration rules. */
  public RuleEngine(List<Rule> rules) {
    this(rules, List.of());
  }

  /** An engine that runs {@code rules} on a schema and {@code migrationRules} on the changes between versions. */
  public RuleEngine(List<Rule> rules, List<MigrationRule> migrationRules) {
    this.rules = List.copyOf(rules);
    this.migrationRules = List.copyOf(migrationRules);
  }

  /** The ids of every rule: the schema rules and the migration rules of this engine. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(rules.stream().map(Rule::id).toList());
    migrationRules.forEach(r -> ids.add(r.id()));
    return ids;
  }

  /**
   * Runs the migration rules that apply to {@code targets} (ids) on the changes, then applies the
   * build's levels and the suppressions of the new version's sources: a finding turned off or
   * suppressed disappears; the others read "what goes wrong. Fix: how. [schemac:id; ...]".
   */
  public List<Problem> check(MigrationContext context, RuleSettings settings, java.util.Set<String> targets) {
    Schema schema = context.changes().after();
    List<Problem> problems = new ArrayList<>();
    for (MigrationRule rule : migrationRules) {
      Level level = settings.levels().getOrDefault(rule.id(), rule.defaultLevel());
      if (level == Level.OFF || !rule.targets().isEmpty() && rule.targets().stream().noneMatch(targets::contains)) {
        continue;
      }
      List<Finding> findings;
      try {
        findings = rule.check(context);
      } catch (RuntimeException e) {
        problems.add(internalError(rule.id(), e));
        continue;
      }
      for (Finding finding : findings) {
        if (finding.table() == null || !isSuppressed(schema, finding)) {
          String text = format(finding);
          problems.add(level == Level.ERROR ? Problem.error(text, finding.origin()) : Problem.warning(text, finding.origin()));
        }
      }
    }
    return problems;
  }

  public List<Problem> run(Schema schema, RuleSettings settings, List<TargetFacts> targets) {
    return run(schema, settings, java.util.Set.of(), targets);
  }

  /**
   * Runs every rule; findings on {@code quietTables} are dropped: tables read back from class
   * files in an incremental build, whose {@code @SuppressWarnings} javac did not keep.
   */
  public List<Problem> run(Schema schema, RuleSettings settings, java.util.Set<String> quietTables,
      List<TargetFacts> targets) {
    List<Problem> problems = new ArrayList<>();
    for (String problem : settings.problems()) {
      problems.add(Problem.warning("[schemac] " + problem, Origin.NONE));
    }
    checkSuppressionIds(schema, problems);
    for (Rule rule : rules) {
      Level level = settings.levelOf(rule);
      List<TargetFacts> applicable = targets.stream()
          .filter(t -> rule.targets().isEmpty() || rule.targets().contains(t.id())).toList();
      if (level == Level.OFF || applicable.isEmpty()) {
        continue; // a rule that means nothing on the build's targets never runs
      }
      List<Finding> findings;
      try {
        findings = rule.check(schema, new RuleContext(settings, applicable));
      } catch (RuntimeException e) {
        problems.add(internalError(rule.id(), e));
        continue;
      }
      for (Finding finding : findings) {
        if (!quietTables.contains(finding.table()) && !isSuppressed(schema, finding)) {
          String text = format(finding);
          problems.add(level == Level.ERROR ? Problem.error(text, finding.origin()) : Problem.warning(text, finding.origin()));
        }
      }
    }
    return problems;
  }

  /** A rule that failed internally: one error naming it, never an exception into javac. */
  private static Problem internalError(String id, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return Problem.error("[schemac] internal error in rule " + PREFIX + id + ". Turn it off with -Aschemac.rules="
        + id + ":off and please report this:\n" + trace, Origin.NONE);
  }

  /** "What goes wrong. Fix: how. [schemac:id; docs/rules.md#id]". */
  public static String format(Finding finding) {
    return finding.message() + " Fix: " + finding.fix() + " [" + PREFIX + finding.ruleId() + "; see docs/rules.md#"
        + finding.ruleId() + "]";
  }

  private static boolean isSuppressed(Schema schema, Finding finding) {
    Table table = finding.table() == null ? null : schema.table(finding.table()).orElse(null);
    if (table == null) {
      Sequence sequence = finding.table() == null ? null : schema.sequence(finding.table()).orElse(null);
      return sequence != null && silences(sequence.suppressions(), finding.ruleId());
    }
    if (silences(table.suppressions(), finding.ruleId())) {
      return true;
    }
    if (finding.column() != null) {
      Column column = table.column(finding.column()).orElse(null);
      return column != null && silences(column.suppressions(), finding.ruleId());
    }
    return false;
  }

  private static boolean silences(List<String> suppressions, String ruleId) {
    return suppressions.contains(ALL) || suppressions.contains(PREFIX + ruleId);
  }

  /** A typo in @SuppressWarnings must not silently suppress nothing. */
  private void checkSuppressionIds(Schema schema, List<Problem> problems) {
    List<String> known = ids();
    for (Table table : schema.tables()) {
      warnUnknown(table.suppressions(), known, table.origin(), problems);
      for (Column column : table.columns()) {
        warnUnknown(column.suppressions(), known, column.origin(), problems);
      }
    }

  }

  private static void warnUnknown(List<String> suppressions, List<String> known, Origin origin, List<Problem> problems) {
    for (String id : suppressions) {
      if (id.equals(ALL)) {
        continue;
      }
      String bare = id.substring(PREFIX.length());
      if (!known.contains(bare)) {
        problems.add(Problem.warning("[schemac] @SuppressWarnings(\"" + id + "\") names no schemac rule"
            + RuleSettings.suggestion(bare, known) + ", so it suppresses nothing. The rules are listed in docs/rules.md",
            origin));
      }
    }
  }
}
