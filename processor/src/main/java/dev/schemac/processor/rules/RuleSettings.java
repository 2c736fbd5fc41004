package dev.schemac.processor.rules;

import dev.schemac.processor.model.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The build's rule options: {@code -Aschemac.rules=<id>:<level>,...} re-levels rules;
 * {@code -Aschemac.maxIndexes} and {@code -Aschemac.maxCascadeTables} set the thresholds of
 * too-many-indexes and cascade-fan-out. {@code problems} says what could not be understood.
 */
public record RuleSettings(Map<String, Level> levels, int maxIndexes, int maxCascadeTables, List<String> problems) {
  public static final String OPTION_RULES = "schemac.rules";
  public static final String OPTION_MAX_INDEXES = "schemac.maxIndexes";
  public static final String OPTION_MAX_CASCADE_TABLES = "schemac.maxCascadeTables";
  public static final int DEFAULT_MAX_INDEXES = 10;
  public static final int DEFAULT_MAX_CASCADE_TABLES = 5;

  public RuleSettings {
    levels = Map.copyOf(levels);
    problems = List.copyOf(problems);
  }

  public static RuleSettings defaults() {
    return new RuleSettings(Map.of(), DEFAULT_MAX_INDEXES, DEFAULT_MAX_CASCADE_TABLES, List.of());
  }

  /** Parses the processor options; unknown rule ids are checked against {@code knownIds}. */
  public static RuleSettings parse(Map<String, String> options, List<String> knownIds) {
    List<String> problems = new ArrayList<>();
    Map<String, Level> levels = new LinkedHashMap<>();
    // javac maps -Aschemac.rules= (an empty pom property) to null
    String rules = java.util.Objects.requireNonNullElse(options.get(OPTION_RULES), "").strip();
    if (!rules.isEmpty()) {
      for (String entry : rules.split(",")) {
        String item = entry.strip();
        if (item.isEmpty()) {
          continue;
        }
        int colon = item.lastIndexOf(':');
        if (colon <= 0) {
          problems.add("-A" + OPTION_RULES + ": '" + item + "' is not <rule-id>:<error|warning|off>");
          continue;
        }
        String id = item.substring(0, colon).strip();
        if (id.startsWith("schemac:")) {
          id = id.substring("schemac:".length());
        }
        String level = item.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
        if (!knownIds.contains(id)) {
          problems.add("-A" + OPTION_RULES + " names unknown rule '" + id + "'" + suggestion(id, knownIds)
              + "; it changes nothing. The rules are listed in docs/rules.md");
          continue;
        }
        try {
          levels.put(id, Level.valueOf(level));
        } catch (IllegalArgumentException e) {
          problems.add("-A" + OPTION_RULES + ": level '" + item.substring(colon + 1).strip() + "' of rule '" + id
              + "' is not error, warning or off");
        }
      }
    }
    int maxIndexes = positive(options, OPTION_MAX_INDEXES, DEFAULT_MAX_INDEXES, problems);
    int maxCascade = positive(options, OPTION_MAX_CASCADE_TABLES, DEFAULT_MAX_CASCADE_TABLES, problems);
    return new RuleSettings(levels, maxIndexes, maxCascade, problems);
  }

  static String suggestion(String id, List<String> knownIds) {
    String best = Suggestions.closest(id, knownIds);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int positive(Map<String, String> options, String key, int fallback, List<String> problems) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("-A" + key + "=" + value + " is not a positive whole number; using " + fallback);
    return fallback;
  }

  public Level levelOf(Rule rule) {
    return levels.getOrDefault(rule.id(), rule.defaultLevel());
  }
}
