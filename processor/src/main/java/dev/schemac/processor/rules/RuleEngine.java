package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
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

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The ids of every rule: the schema rules of this engine and the migration rules. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(rules.stream().map(Rule::id).toList());
    MigrationRules.all().forEach(r -> ids.add(r.id()));
    return ids;
  }

  /**
   * Applies the build's levels and the source's suppressions to problems that come from a
   * migration rule (those with a rule id); other problems pass unchanged. A finding turned off
   * or suppressed disappears; the others get the rule's id and documentation appended.
   */
  public List<Problem> level(List<Problem> problems, Schema schema, RuleSettings settings) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (p.ruleId() == null) {
        out.add(p);
        continue;
      }
      MigrationRules.Info info = MigrationRules.all().stream().filter(r -> r.id().equals(p.ruleId())).findFirst()
          .orElseThrow(() -> new IllegalStateException("unregistered migration rule " + p.ruleId()));
      Level level = settings.levels().getOrDefault(info.id(), info.defaultLevel());
      Finding asFinding = new Finding(p.ruleId(), p.table(), p.column(), p.message(), null, p.origin());
      if (level == Level.OFF || p.table() != null && isSuppressed(schema, asFinding)) {
        continue;
      }
      String text = p.message() + " [" + PREFIX + p.ruleId() + "; see docs/rules.md#" + p.ruleId() + "]";
      out.add(level == Level.ERROR ? Problem.error(text, p.origin()) : Problem.warning(text, p.origin()));
    }
    return out;
  }

  public List<Problem> run(Schema schema, RuleSettings settings) {
    return run(schema, settings, java.util.Set.of());
  }

  /**
   * Runs every rule; findings on {@code quietTables} are dropped: tables read back from class
   * files in an incremental build, whose {@code @SuppressWarnings} javac did not keep.
   */
  public List<Problem> run(Schema schema, RuleSettings settings, java.util.Set<String> quietTables) {
    List<Problem> problems = new ArrayList<>();
    for (String problem : settings.problems()) {
      problems.add(Problem.warning("[schemac] " + problem, Origin.NONE));
    }
    checkSuppressionIds(schema, problems);
    for (Rule rule : rules) {
      Level level = settings.levelOf(rule);
      if (level == Level.OFF) {
        continue;
      }
      List<Finding> findings;
      try {
        findings = rule.check(schema, settings);
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        problems.add(Problem.error("[schemac] internal error in rule " + PREFIX + rule.id()
            + ". Turn it off with -Aschemac.rules=" + rule.id() + ":off and please report this:\n" + trace, Origin.NONE));
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
