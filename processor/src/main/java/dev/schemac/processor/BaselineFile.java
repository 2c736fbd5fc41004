package dev.schemac.processor;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.rules.Baseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline file of {@code -Aschemac.baseline} ({@link Baseline}): read before the rules run,
 * written with the generated files when it did not exist or {@code -Aschemac.updateBaseline=true}
 * asks. Under {@code -Aschemac.verify=true} nothing is written, and a missing file is an error.
 */
final class BaselineFile {
  private final Path path;
  private final Baseline baseline;

  private BaselineFile(Path path, Baseline baseline) {
    this.path = path;
    this.baseline = baseline;
  }

  /** What the options ask for: a baseline, none, or errors (nothing may be written then). */
  record Opened(BaselineFile file, List<Problem> errors) {}

  static Opened open(Map<String, String> options, boolean verify) {
    String value = options.get(Baseline.OPTION);
    String update = options.get(Baseline.OPTION_UPDATE);
    boolean rewrite = update != null && update.strip().equalsIgnoreCase("true");
    if (update != null && !update.isBlank() && !rewrite && !update.strip().equalsIgnoreCase("false")) {
      return failed("-A" + Baseline.OPTION_UPDATE + "=" + update + " is neither true nor false: true rewrites the"
          + " baseline file with today's findings, false (the default) reads it");
    }
    if (value == null || value.isBlank()) {
      return rewrite ? failed("-A" + Baseline.OPTION_UPDATE + "=true needs -A" + Baseline.OPTION + "=<file>: the"
          + " baseline file to write, e.g. ${project.basedir}/schemac-baseline.txt")
          : new Opened(null, List.of());
    }
    Path path;
    try {
      path = Path.of(value.strip());
    } catch (InvalidPathException e) {
      return failed("-A" + Baseline.OPTION + "=" + value + " is not a valid path: " + e.getMessage());
    }
    if (!path.isAbsolute()) {
      return failed("-A" + Baseline.OPTION + "=" + value + " must be an absolute path: Maven runs javac from wherever"
          + " mvn was started. Use -A" + Baseline.OPTION + "=${project.basedir}/schemac-baseline.txt");
    }
    boolean exists = Files.isRegularFile(path);
    if (verify && !exists) {
      return failed("the baseline file " + path + " (-A" + Baseline.OPTION + ") does not exist, and -Aschemac.verify"
          + "=true writes nothing: compile once without it, which writes the file, and commit it");
    }
    String text = null;
    if (exists) { // rewritten too: what this run cannot judge stays
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return failed("cannot read the baseline file " + path + ": " + e.getMessage());
      }
    }
    try {
      return new Opened(new BaselineFile(path, Baseline.parse(text, !verify && (rewrite || !exists))), List.of());
    } catch (IllegalArgumentException e) {
      return failed("the baseline file " + path + " is not one: " + e.getMessage() + ". Rewrite it with -A"
          + Baseline.OPTION_UPDATE + "=true (or delete it and compile)");
    }
  }

  private static Opened failed(String message) {
    return new Opened(null, List.of(Problem.error(ErrorId.BASELINE, message, Origin.NONE)));
  }

  Baseline baseline() {
    return baseline;
  }

  /** The warning on the entries no finding matched any more, or none; nothing when the file is rewritten. */
  List<Problem> stale(Set<String> uncheckedTables) {
    if (baseline.writing()) {
      return List.of();
    }
    List<Baseline.Entry> stale = baseline.stale(uncheckedTables);
    if (stale.isEmpty()) {
      return List.of();
    }
    StringBuilder text = new StringBuilder("the baseline file " + path + " accepts "
        + stale.size() + " finding(s) this build no longer finds (fixed, or their table or column is gone):");
    for (Baseline.Entry entry : stale) {
      text.append("\n  ").append(entry.ruleId()).append(" on ").append(entry.table())
          .append(entry.column().isEmpty() ? "" : "." + entry.column());
    }
    text.append("\nFix: rewrite the file with -A").append(Baseline.OPTION_UPDATE).append("=true (or delete it and"
        + " compile) and commit it, so that these findings cannot come back unnoticed.");
    return List.of(Problem.warning(ErrorId.STALE_BASELINE_ENTRY, text.toString(), Origin.NONE));
  }

  /** Writes the file when this run writes it; the note that says so, or the error. */
  Problem write(Set<String> uncheckedTables) {
    if (!baseline.writing()) {
      return null;
    }
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, baseline.render(uncheckedTables), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Problem.error(ErrorId.BASELINE, "cannot write the baseline file " + path + ": " + e.getMessage(), Origin.NONE);
    }
    return Problem.note(ErrorId.BASELINE, "wrote the baseline file " + path + " with " + baseline.foundCount()
        + " finding(s), which fail nothing from now on: commit it. Later builds fail only on findings it does not"
        + " list.", Origin.NONE);
  }
}
