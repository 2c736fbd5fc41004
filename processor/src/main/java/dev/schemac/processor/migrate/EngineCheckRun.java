package dev.schemac.processor.migrate;

import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.targets.EngineCheck;
import dev.schemac.processor.targets.SqlTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the engine check applies, for each target, and how its engine's errors become compile
 * errors (docs/engine-check.md):
 *
 * <ol>
 *   <li>{@code schema.sql} on an empty database, each statement on its own, as psql runs it;</li>
 *   <li>on a second empty database, the history: every up of the target's {@code migration/}
 *       folder in Flyway's order (the released ones as committed, the current one as just
 *       generated; {@code V{N}.1} outside a transaction, the others each in one), then the current
 *       version's down ({@code U{N}.1}, then {@code U{N}}), then its up again.</li>
 * </ol>
 *
 * The first statement the engine refuses in each is an error on the element the target says it
 * was written for ({@link SqlTarget#originOf}), naming the file, the statement and the engine's
 * message; no file is written.
 */
public final class EngineCheckRun {
  /** The error's id. */
  public static final String ID = "engine-check";

  private static final Pattern UP = Pattern.compile("V(\\d+(?:\\.\\d+)*)__.*\\.sql");
  private static final Pattern DOWN = Pattern.compile("U(\\d+(?:\\.\\d+)*)__.*\\.sql");

  private EngineCheckRun() {}

  /** The checkers on the processor path, by target id. */
  public static Map<String, EngineCheck> available() {
    Map<String, EngineCheck> byTarget = new TreeMap<>();
    ServiceLoader.load(EngineCheck.class, EngineCheck.class.getClassLoader())
        .forEach(c -> byTarget.putIfAbsent(c.targetId(), c));
    return byTarget;
  }

  /**
   * Runs the check of every target on {@code files} (relative path -> content, what this build
   * writes), with the released files of {@code dir} (null for an unversioned build without
   * schemac.dir), {@code version} the current version or 0 when unversioned.
   */
  public static List<Problem> run(List<SqlTarget> targets, Schema schema, Map<String, String> files, Path dir,
      List<String> stale, int version) {
    List<Problem> problems = new ArrayList<>();
    Map<String, EngineCheck> checkers = available();
    for (SqlTarget target : targets) {
      EngineCheck checker = checkers.get(target.id());
      if (checker == null) {
        problems.add(Problem.error("[schemac:" + ID + "] -A" + EngineCheck.OPTION + "=true, and no engine check for"
            + " target " + target.id() + " is on the processor path. Fix: add dev.schemac:schemac-engine-check-"
            + target.id() + " (the version of schemac-processor) to the annotation processor path"
            + (checkers.isEmpty() ? "" : " (found: " + String.join(", ", checkers.keySet()) + ")")
            + ", or build without -A" + EngineCheck.OPTION + " (docs/engine-check.md).", Origin.NONE));
        continue;
      }
      try {
        List<EngineCheck.Run> runs = runs(target, files, dir, stale, version);
        List<Origin> reported = new ArrayList<>();
        for (EngineCheck.Failure f : checker.check(runs)) {
          String statement = f.script().statements().get(f.statement());
          Origin at = target.originOf(schema, statement, f.position());
          if (at != Origin.NONE && reported.contains(at)) {
            continue; // the same element refused again in another run: one mistake, one error
          }
          reported.add(at);
          problems.add(Problem.error("[schemac:" + ID + "] " + target.displayName() + " refused " + f.script().name()
              + " (" + f.run().name() + "), statement " + (f.statement() + 1) + ": " + f.message()
              + (f.code() == null ? "" : " [" + f.code() + "]") + "\n    " + firstLines(statement)
              + "\nFix: change the annotation this points at so that the generated SQL runs; nothing was written.",
              at));
        }
      } catch (Exception e) {
        problems.add(Problem.error("[schemac:" + ID + "] the engine check of target " + target.id() + " could not run: "
            + e + ". Nothing was written. Build without -A" + EngineCheck.OPTION + " to skip it.", Origin.NONE));
      }
    }
    return problems;
  }

  static List<EngineCheck.Run> runs(SqlTarget target, Map<String, String> files, Path dir, List<String> stale,
      int version) throws IOException {
    String prefix = VersionedMigrations.prefix(target);
    List<EngineCheck.Run> runs = new ArrayList<>();
    String schemaSql = files.get(prefix + "schema.sql");
    runs.add(new EngineCheck.Run("schema.sql on an empty database",
        List.of(script(target, prefix + "schema.sql", schemaSql, false))));
    if (version == 0) {
      return runs;
    }
    Map<String, String> ups = folder(dir, prefix + VersionedMigrations.MIGRATION, UP, files, stale);
    Map<String, String> downs = folder(dir, prefix + VersionedMigrations.UNDO, DOWN, files, stale);
    List<EngineCheck.Script> history = new ArrayList<>();
    List<EngineCheck.Script> currentUps = new ArrayList<>();
    for (Map.Entry<String, String> up : sorted(ups, UP)) {
      EngineCheck.Script s = script(target, up.getKey(), up.getValue(), !outsideTransaction(up.getKey(), files, dir));
      history.add(s);
      if (VersionedMigrations.ofVersion(up.getKey().substring(up.getKey().lastIndexOf('/') + 1), version)) {
        currentUps.add(s);
      }
    }
    List<Map.Entry<String, String>> currentDowns = sorted(downs, DOWN).stream()
        .filter(d -> VersionedMigrations.ofVersion(d.getKey().substring(d.getKey().lastIndexOf('/') + 1), version))
        .toList();
    List<EngineCheck.Script> scripts = new ArrayList<>(history);
    for (int i = currentDowns.size() - 1; i >= 0; i--) { // U{N}.1 first, then U{N}, then U{N-1}.9
      Map.Entry<String, String> down = currentDowns.get(i);
      scripts.add(script(target, down.getKey(), down.getValue(),
          !down.getKey().matches(".*/U" + version + "\\.1__.*")));
    }
    scripts.addAll(currentUps);
    runs.add(new EngineCheck.Run("the migrations: every up, then the current down and up again", scripts));
    return runs;
  }

  private static EngineCheck.Script script(SqlTarget target, String name, String content, boolean transactional) {
    return new EngineCheck.Script(name, target.statements(content), transactional);
  }

  /** A V{N}.1 step, or a file whose {@code .conf} says {@code executeInTransaction=false}. */
  private static boolean outsideTransaction(String name, Map<String, String> files, Path dir) throws IOException {
    String conf = files.get(name + ".conf");
    if (conf == null && dir != null && Files.isRegularFile(dir.resolve(name + ".conf"))) {
      conf = Files.readString(dir.resolve(name + ".conf"), StandardCharsets.UTF_8);
    }
    return conf != null ? conf.contains("executeInTransaction=false") : name.matches(".*/V\\d+\\.1__.*");
  }

  /** The files of a folder: those on disk (the released ones), replaced or added by this build's, stale ones left out. */
  private static Map<String, String> folder(Path dir, String folder, Pattern name, Map<String, String> files,
      List<String> stale) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (dir != null && Files.isDirectory(dir.resolve(folder))) {
      try (Stream<Path> list = Files.list(dir.resolve(folder))) {
        for (Path f : list.toList()) {
          String relative = folder + "/" + f.getFileName();
          if (name.matcher(f.getFileName().toString()).matches() && !stale.contains(relative)) {
            out.put(relative, Files.readString(f, StandardCharsets.UTF_8));
          }
        }
      }
    }
    files.forEach((path, content) -> {
      if (path.startsWith(folder + "/") && name.matcher(path.substring(folder.length() + 1)).matches()) {
        out.put(path, content);
      }
    });
    return out;
  }

  /** Flyway's order: versions compared part by part as numbers. */
  private static List<Map.Entry<String, String>> sorted(Map<String, String> files, Pattern name) {
    List<Map.Entry<String, String>> list = new ArrayList<>(files.entrySet());
    list.sort(Comparator.comparing((Map.Entry<String, String> e) -> versionOf(e.getKey(), name), EngineCheckRun::compare));
    return list;
  }

  private static int[] versionOf(String path, Pattern name) {
    Matcher m = name.matcher(path.substring(path.lastIndexOf('/') + 1));
    if (!m.matches()) {
      throw new IllegalArgumentException(path);
    }
    String[] parts = m.group(1).split("\\.");
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Integer.parseInt(parts[i]);
    }
    return v;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static String firstLines(String statement) {
    List<String> lines = statement.lines().toList();
    return String.join("\n    ", lines.subList(0, Math.min(6, lines.size()))) + (lines.size() > 6 ? "\n    ..." : "");
  }
}
