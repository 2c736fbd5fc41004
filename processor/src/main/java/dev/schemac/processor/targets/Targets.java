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
 * -Aschemac.targets=postgresql,...} names them, in order (the first one's spelling is the one
 * schema.md and the metamodel's quoting are written in); without the option, the targets that
 * say {@link Target#selectedByDefault()}. The registry is two service files, {@code
 * META-INF/services/dev.schemac.processor.targets.SqlTarget} for SQL engines and {@code
 * ...targets.DocumentTarget} for document stores: one line per target, the only line a new
 * target adds outside its own package.
 */
public final class Targets {
  /** The option that names the targets. */
  public static final String OPTION = "schemac.targets";

  private Targets() {}

  /** The chosen targets, in the option's order, and what was wrong with the option. */
  public record Selection(List<Target> targets, List<Problem> problems) {
    public Selection {
      targets = List.copyOf(targets);
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The first target: the spelling of schema.md and of the metamodel's quoting. */
    public Target primary() {
      return targets.get(0);
    }

    /** The chosen SQL targets, in order. */
    public List<SqlTarget> sql() {
      return targets.stream().filter(SqlTarget.class::isInstance).map(SqlTarget.class::cast).toList();
    }

    /** The chosen document targets, in order. */
    public List<DocumentTarget> documents() {
      return targets.stream().filter(DocumentTarget.class::isInstance).map(DocumentTarget.class::cast).toList();
    }
  }

  /** Every registered target, by id, sorted. */
  public static Map<String, Target> registered() {
    Map<String, Target> byId = new LinkedHashMap<>();
    List<Target> all = new ArrayList<>();
    ServiceLoader.load(SqlTarget.class, SqlTarget.class.getClassLoader()).forEach(all::add);
    ServiceLoader.load(DocumentTarget.class, DocumentTarget.class.getClassLoader()).forEach(all::add);
    all.sort(Comparator.comparing(Target::id));
    for (Target target : all) {
      Target other = byId.putIfAbsent(target.id(), target);
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
    Map<String, Target> registered = registered();
    List<Target> defaults = registered.values().stream().filter(Target::selectedByDefault).toList();
    if (option == null || option.isBlank()) {
      return new Selection(defaults, List.of());
    }
    List<Target> chosen = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<String> known = List.copyOf(registered.keySet());
    for (String part : option.split(",", -1)) {
      String id = part.strip().toLowerCase(Locale.ROOT);
      Target target = registered.get(id);
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
