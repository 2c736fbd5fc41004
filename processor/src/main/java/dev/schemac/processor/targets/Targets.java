package dev.schemac.processor.targets;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The targets of a build, chosen in one place from one processor option: {@code
 * -Aschemac.targets=postgresql,...} names them, in order (the first one's SQL dialect is the one
 * schema.md and the metamodel's quoting are written in); without the option, the targets that
 * say {@link SqlTarget#selectedByDefault()}. The registry is the service file {@code
 * META-INF/services/dev.schemac.processor.targets.SqlTarget}: one line per target, the only
 * line a new target adds outside its own package.
 */
public final class Targets {
  /** The option that names the targets. */
  public static final String OPTION = "schemac.targets";

  private Targets() {}

  /** The chosen targets, in the option's order, and what was wrong with the option. */
  public record Selection(List<SqlTarget> targets, List<Problem> problems) {
    public Selection {
      targets = List.copyOf(targets);
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The first target: the dialect of schema.md and of the metamodel's quoting. */
    public SqlTarget primary() {
      return targets.get(0);
    }
  }

  /** Every registered target, by id, sorted. */
  public static Map<String, SqlTarget> registered() {
    Map<String, SqlTarget> byId = new LinkedHashMap<>();
    List<SqlTarget> all = new ArrayList<>();
    ServiceLoader.load(SqlTarget.class, SqlTarget.class.getClassLoader()).forEach(all::add);
    all.sort(Comparator.comparing(SqlTarget::id));
    for (SqlTarget target : all) {
      SqlTarget other = byId.putIfAbsent(target.id(), target);
      if (other != null && other.getClass() != target.getClass()) {
        throw new IllegalStateException("two registered targets have id " + target.id() + ": "
            + other.getClass().getName() + " and " + target.getClass().getName());
      }
    }
    return byId;
  }

  /**
   * The targets {@code option} (the value of {@value #OPTION}, null or blank when absent) names. An
   * unknown or repeated id is an error naming the known ones; when no valid target is left the
   * default ones are chosen, so that the steps that still run (the metamodel) have one.
   */
  public static Selection select(String option) {
    Map<String, SqlTarget> registered = registered();
    List<SqlTarget> defaults = registered.values().stream().filter(SqlTarget::selectedByDefault).toList();
    if (option == null || option.isBlank()) {
      return new Selection(defaults, List.of());
    }
    List<SqlTarget> chosen = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<String> known = List.copyOf(registered.keySet());
    for (String part : option.split(",", -1)) {
      String id = part.strip().toLowerCase(Locale.ROOT);
      SqlTarget target = registered.get(id);
      if (target == null) {
        String closest = id.isEmpty() ? null : Suggestions.closest(id, known);
        problems.add(Problem.error(ErrorId.INVALID_OPTION,
            "-A" + OPTION + "=" + option + ": " + (id.isEmpty() ? "an empty target name"
            : "'" + id + "' is not a target" + (closest == null ? "" : " (did you mean '" + closest + "'?)"))
            + ". The targets are: " + String.join(", ", known) + ". Nothing was written.", Origin.NONE));
      } else if (chosen.contains(target)) {
        problems.add(Problem.error(ErrorId.INVALID_OPTION,
            "-A" + OPTION + "=" + option + " names " + id + " twice. Nothing was written.", Origin.NONE));
      } else {
        chosen.add(target);
      }
    }
    return new Selection(chosen.isEmpty() ? defaults : chosen, problems);
  }
}
