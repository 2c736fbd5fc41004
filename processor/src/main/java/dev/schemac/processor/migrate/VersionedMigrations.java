package dev.schemac.processor.migrate;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.ExpandContract;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.rules.RuleEngine;
import dev.schemac.processor.rules.RuleSettings;
import dev.schemac.processor.targets.DataStep;
import dev.schemac.processor.targets.MigrationPlan;
import dev.schemac.processor.targets.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a versioned build under {@code schemac.dir}: {@code snapshots/v{N}.json}, {@code
 * migration/V{N}__d.sql} (+ {@code V{N}.1__d.sql} when a step must run outside a transaction) and
 * their inverses {@code undo/U{N}__d.sql} (+ {@code U{N}.1__d.sql}). Version N is regenerated on
 * every compile while it is current; versions below it are frozen: never rendered again, and a
 * hand edit of one of their files is an error.
 */
public final class VersionedMigrations {
  public static final String SNAPSHOTS = "snapshots";
  public static final String MIGRATION = "migration";
  public static final String UNDO = "undo";
  /** Hand-written data steps: {@code data/V{N}__d.sql}, {@code data/U{N}__d.sql}. */
  public static final String DATA = "data";

  private static final Pattern SNAPSHOT_FILE = Pattern.compile("v(\\d+)\\.json");
  private static final Pattern VERSIONED_UP = Pattern.compile("V(\\d+)(\\.1)?__.*\\.[a-z]+");

  /** What to write and delete under {@code schemac.dir}, and what went wrong. */
  public record Result(Map<String, String> files, List<String> staleFiles, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
  }

  private VersionedMigrations() {}

  /**
   * Builds version {@code version} for {@code targets}: the diff from the previous version's
   * snapshot, judged by the migration rules of {@code rules} (at the build's levels, with the
   * sources' suppressions) before anything is rendered.
   */
  public static Result build(Path dir, int version, String description, List<DropAcknowledgment> drops,
      boolean singleTransaction, Schema schema, Origin versionOrigin, List<Target> targets, RuleEngine rules,
      RuleSettings settings, Timeouts timeouts) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Map<Integer, Snapshot> snapshots = readSnapshots(dir, version - 1, problems, versionOrigin);
    if (!problems.isEmpty()) {
      return new Result(Map.of(), List.of(), problems);
    }
    int latest = snapshots.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (version < 1 || version < latest || version > latest + 1) {
      problems.add(Problem.error(ErrorId.VERSION_ORDER,
          "@Schema(version = " + version + ") does not follow the committed snapshots: the latest"
          + " is " + (latest == 0 ? "none (start at version 1)" : "v" + latest + ".json, so declare version " + latest
          + " to keep changing it, or " + (latest + 1) + " to release it and start the next one") + ".", versionOrigin));
      return new Result(Map.of(), List.of(), problems);
    }
    for (Snapshot frozen : snapshots.values()) {
      if (frozen.version() < version) {
        checkUnchanged(dir, frozen, problems, versionOrigin);
      }
    }
    Snapshot base = snapshots.get(version - 1);
    String baseFile = SNAPSHOTS + "/v" + (version - 1) + ".json";
    String baseHash = null;
    if (version > 1 && base == null) {
      problems.add(Problem.error(ErrorId.VERSION_ORDER, "there is no " + baseFile + " to diff version " + version
          + " against; restore it from version control.", versionOrigin));
    } else if (base != null) {
      // The frozen snapshot's hash is recorded the first time this version is declared and kept:
      // an edit of the base the migration is diffed from would silently change it.
      baseHash = Identifiers.sha256Hex(Files.readString(dir.resolve(baseFile), StandardCharsets.UTF_8));
      Snapshot current = snapshots.get(version);
      String recorded = current == null ? null : current.files().get(baseFile);
      if (recorded != null && !recorded.equals(baseHash)) {
        problems.add(Problem.error(ErrorId.RELEASED_FILE_CHANGED,
            "version " + (version - 1) + " is released, and its snapshot no longer matches what"
            + " was released: " + baseFile + " (edited). Restore it from version control.", versionOrigin));
      }
      if (recorded != null) {
        baseHash = recorded;
      }
    }
    if (!problems.isEmpty()) {
      return new Result(Map.of(), List.of(), problems);
    }
    Schema empty = new Schema(List.of(), List.of(), List.of());
    Schema before = base == null ? empty : base.schema();
    if (base != null && base.legacy()) {
      before = LegacyBase.reconcile(before, schema, SnapshotJson.legacy().target());
    }
    before = RawTypes.reconcile(before, schema, targets);
    SchemaChanges changes = SchemaDiff.between(before, schema);
    Set<String> ids = new TreeSet<>();
    targets.forEach(t -> ids.add(t.id()));
    Map<Target, DataStep> dataSteps = new LinkedHashMap<>();
    for (Target target : targets) {
      DataStep step = dataStep(dir, target, version, problems, versionOrigin);
      if (step != null) {
        dataSteps.put(target, step);
      }
    }
    problems.addAll(rules.check(new MigrationContext(changes, drops, singleTransaction, versionOrigin,
        List.copyOf(targets), !dataSteps.isEmpty()), settings, ids));
    Map<Target, Boolean> fresh = new LinkedHashMap<>();
    for (Target target : targets) {
      boolean starts = base != null && !hasHistory(base, target);
      fresh.put(target, starts);
      if (starts) {
        checkNoEarlierFiles(dir, target, version, problems, versionOrigin);
      }
    }
    if (!dataSteps.isEmpty()) {
      checkEveryTargetFills(changes, version, targets, fresh, dataSteps, problems);
    }
    if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return new Result(Map.of(), List.of(), problems);
    }

    String desc = description == null || description.isBlank()
        ? derivedDescription(version, changes.names()) : sanitize(description);
    Map<String, String> files = new LinkedHashMap<>();
    SchemaChanges whole = null;
    for (Target target : targets) {
      boolean starts = fresh.get(target);
      if (starts && whole == null) {
        whole = SchemaDiff.between(empty, schema);
      }
      // a target whose history starts here creates the whole schema: there are no rows to migrate yet
      MigrationPlan plan = target.migration(starts ? whole : changes, singleTransaction,
          starts ? null : dataSteps.get(target));
      problems.addAll(plan.problems());
      files.putAll(files(target, version, desc, plan, starts, (starts ? whole : changes).names().isEmpty(), timeouts));
    }
    if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return new Result(Map.of(), List.of(), problems);
    }
    Map<String, String> hashes = new TreeMap<>();
    files.forEach((path, text) -> hashes.put(path, Identifiers.sha256Hex(text)));
    if (baseHash != null) {
      hashes.put(baseFile, baseHash);
    }
    // the hand-written data steps are part of the version: once it is released, an edit is an error too
    dataSteps.values().forEach(step -> {
      hashes.put(step.upFile(), Identifiers.sha256Hex(step.up()));
      if (step.downFile() != null) {
        hashes.put(step.downFile(), Identifiers.sha256Hex(step.down()));
      }
    });
    files.put(SNAPSHOTS + "/v" + version + ".json", SnapshotJson.write(new Snapshot(version, desc, schema, hashes)));

    List<String> stale = new ArrayList<>();
    for (Target target : targets) {
      stale.addAll(staleFiles(dir, prefix(target), target.scriptExtension(), version, files));
    }
    return new Result(files, stale, problems);
  }

  private static final String NO_CHANGES = "No schema changes in this version.";
  private static final String NOTHING_TO_UNDO = "Nothing to undo in this step.";

  /**
   * One target's files of this version; {@code starts}: the target's history starts at this
   * version (it was added to a project with released versions), so its up creates the whole
   * schema and its down removes it, as a first version's do.
   */
  private static Map<String, String> files(Target target, int version, String desc, MigrationPlan plan,
      boolean starts, boolean noChanges, Timeouts timeouts) {
    Map<String, String> files = new LinkedHashMap<>();
    String folder = prefix(target);
    String ext = "." + target.scriptExtension();
    String up = folder + MIGRATION + "/V" + version + "__" + desc + ext;
    String down = folder + UNDO + "/U" + version + "__" + desc + ext;
    boolean twoSteps = !plan.upNonTransactional().isEmpty();
    String upNext = folder + MIGRATION + "/V" + version + ".1__" + desc + ext;
    String downNext = folder + UNDO + "/U" + version + ".1__" + desc + ext;
    String upBefore = folder + MIGRATION + "/V" + beforeStep(version) + "__" + desc + ext;
    String downAfter = folder + UNDO + "/U" + beforeStep(version) + "__" + desc + ext;
    String note = noChanges ? NO_CHANGES : NOTHING_TO_UNDO;
    String from = starts ? "the whole schema of version " + version + ", where the history of target " + target.id()
        + " starts" : "up from version " + (version - 1) + " to " + version;
    String to = starts ? "down from version " + version + " to an empty database"
        : "down from version " + version + " to " + (version - 1);
    String inOne = target.howToRun(true) != null ? target.howToRun(true)
        : "Runs in one transaction, as Flyway runs it; with psql: psql -v ON_ERROR_STOP=1 --single-transaction"
            + " -f <this file>";
    String outside = target.howToRun(false) != null ? target.howToRun(false)
        : "Runs outside a transaction, each statement on its own (Flyway: executeInTransaction=false, in"
            + " its .conf); with psql: psql -v ON_ERROR_STOP=1 -f <this file>, without --single-transaction";
    files.put(up, target.migrationFile(header("V" + version, from
        + (twoSteps ? "; V" + version + ".1 follows, outside a transaction" : ""), version, inOne
        + (twoSteps ? ", then V" + version + ".1" : "") + "."), plan.upTransactional(), note, true, timeouts));
    files.put(down, target.migrationFile(header("U" + version, to + (twoSteps ? ", after U" + version + ".1" : ""),
        version, inOne + (twoSteps ? ", after U" + version + ".1" : "") + "."), plan.downTransactional(), note, true,
        timeouts));
    String conf = target.migrationConf();
    if (conf != null) {
      files.put(up + ".conf", conf);
      files.put(down + ".conf", conf);
    }
    if (!plan.upBefore().isEmpty()) {
      files.put(upBefore, target.migrationFile(header("V" + beforeStep(version), "up, first step of version " + version
          + ": what must be committed before V" + version + " uses it (values added to enum types)", version,
          inOne + ", before V" + version + "."), plan.upBefore(), NOTHING_TO_UNDO, true, timeouts));
      files.put(downAfter, target.migrationFile(header("U" + beforeStep(version), "down, last step of version " + version
          + ": undoes V" + beforeStep(version) + "; run it after U" + version, version, inOne + ", after U" + version
          + "."), plan.downAfter(), NOTHING_TO_UNDO, true, timeouts));
    }
    if (twoSteps) {
      files.put(upNext, target.migrationFile(header("V" + version + ".1", "up, second step: "
          + target.secondStep(version), version, outside + ", after V"
          + version + "."), plan.upNonTransactional(), NOTHING_TO_UNDO, false, timeouts));
      files.put(upNext + ".conf", "executeInTransaction=false\n");
      files.put(downNext, target.migrationFile(header("U" + version + ".1", "down, first step: undoes V" + version
          + ".1; run it before U" + version, version, outside + ", before U" + version + "."),
          plan.downNonTransactional(), NOTHING_TO_UNDO, false, timeouts));
    }
    return files;
  }

  /**
   * The Flyway version of the step that must run before {@code V{N}} (docs/migrations.md): Flyway
   * orders {@code N-1 < N-1.1 < N-1.9 < N}, and schemac writes no other {@code .9} step, so it is
   * {@code {N-1}.9}: in version N's files, hashed and frozen with them.
   */
  public static String beforeStep(int version) {
    return (version - 1) + ".9";
  }

  /** Whether a migration or undo file name belongs to version {@code version}: V{N}, V{N}.1, V{N-1}.9 (and U...). */
  public static boolean ofVersion(String fileName, int version) {
    return fileName.matches("[VU](" + version + "(\\.1)?|" + Pattern.quote(beforeStep(version)) + ")__.*");
  }

  private static List<String> header(String name, String what, int version, String howToRun) {
    return List.of(name + ": " + what + ". Generated by schemac.",
        "Do not edit: rewritten on every compile while version " + version + " is current, frozen (and checked) once"
            + " version " + (version + 1) + " is declared.", howToRun);
  }

  /** The path prefix of a target's files under {@code schemac.dir}: its folder and a slash, or nothing for the root. */
  /**
   * The target's hand-written data step of {@code version}: {@code data/V{N}__d.sql} and its
   * optional down {@code data/U{N}__d.sql}, under the target's folder; null when there is none.
   */
  private static DataStep dataStep(Path dir, Target target, int version, List<Problem> problems, Origin origin)
      throws IOException {
    String folder = prefix(target) + DATA;
    Path path = dir.resolve(folder);
    if (!Files.isDirectory(path)) {
      return null;
    }
    List<String> ups = new ArrayList<>();
    List<String> downs = new ArrayList<>();
    try (Stream<Path> list = Files.list(path)) {
      for (Path file : list.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("V" + version + "__") && name.endsWith(".sql")) {
          ups.add(folder + "/" + name);
        } else if (name.startsWith("U" + version + "__") && name.endsWith(".sql")) {
          downs.add(folder + "/" + name);
        }
      }
    }
    if (ups.size() > 1 || downs.size() > 1 || ups.isEmpty() && !downs.isEmpty()) {
      problems.add(Problem.error(ErrorId.INVALID_DATA_STEP,
          "version " + version + " has " + (ups.isEmpty() ? "a data step down ("
          + String.join(", ", downs) + ") without its up: add " + folder + "/V" + version + "__<what>.sql"
          : "more than one data step (" + String.join(", ", ups.size() > 1 ? ups : downs) + "): keep one V"
          + version + "__ file and at most one U" + version + "__ file in " + folder), origin));
      return null;
    }
    if (ups.isEmpty()) {
      return null;
    }
    String down = downs.isEmpty() ? null : downs.get(0);
    DataStep step = new DataStep(ups.get(0), Files.readString(dir.resolve(ups.get(0)), StandardCharsets.UTF_8), down,
        down == null ? null : Files.readString(dir.resolve(down), StandardCharsets.UTF_8));
    for (String file : down == null ? List.of(step.upFile()) : List.of(step.upFile(), down)) {
      String script = file.equals(down) ? step.down() : step.up();
      // the file name goes into a comment, the script between generated statements: neither may run into them
      if (!file.substring(file.lastIndexOf('/') + 1).matches("[VU]" + version + "__[A-Za-z0-9_]+\\.sql")) {
        problems.add(Problem.error(ErrorId.INVALID_DATA_STEP,
            "data step " + file + ": name it " + file.charAt(file.lastIndexOf('/') + 1) + version
            + "__<what>.sql with letters, digits and underscores only", origin));
      } else if (!endsWithSemicolon(script)) {
        problems.add(Problem.error(ErrorId.INVALID_DATA_STEP,
            "data step " + file + " does not end with a semicolon: its last statement would run"
            + " into the generated statement after it. End every statement with ';'", origin));
      } else if (target.refusedInDataStep(script) != null) {
        problems.add(Problem.error(ErrorId.INVALID_DATA_STEP, "data step " + file + " "
            + target.refusedInDataStep(script), origin));
      }
    }
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR) ? null : step;
  }

  /**
   * A data step lets a NOT NULL column without a default be added to a table with rows
   * (not-null-without-default is quiet then), on the targets that have one: each SQL target with a
   * history must have one too, or its up would add the column to rows without a value (MariaDB and
   * MySQL would fill them silently with an implicit '' or 0).
   */
  private static void checkEveryTargetFills(SchemaChanges changes, int version, List<Target> targets,
      Map<Target, Boolean> fresh, Map<Target, DataStep> dataSteps, List<Problem> problems) {
    Map.Entry<Target, DataStep> filling = dataSteps.entrySet().iterator().next();
    for (Target target : targets) {
      if (dataSteps.containsKey(target) || fresh.get(target)
          || !(target instanceof dev.schemac.processor.targets.SqlTarget)) {
        continue;
      }
      for (Change.AddColumn added : changes.of(Change.AddColumn.class)) {
        if (ExpandContract.filledByDataStep(added.column()) && !ExpandContract.contracts(added, changes)) {
          problems.add(Problem.error(ErrorId.INVALID_DATA_STEP, "column " + added.table().qualifiedName() + "."
              + added.column().name() + " is added NOT NULL without a default, which " + filling.getValue().upFile()
              + " fills on target " + filling.getKey().id() + ", but target " + target.id() + " has no data step for"
              + " version " + version + ": its up would add the column to rows without a value. Add "
              + prefix(target) + DATA + "/V" + version + "__<what>.sql (SQL of " + target.displayName()
              + "), or give the column a @Default.", added.column().origin()));
        }
      }
    }
  }

  /** The script's last statement is terminated: trailing blank lines and {@code --} comment lines aside. */
  static boolean endsWithSemicolon(String script) {
    List<String> lines = new ArrayList<>(script.lines().map(String::strip).toList());
    while (!lines.isEmpty() && (lines.get(lines.size() - 1).isEmpty() || lines.get(lines.size() - 1).startsWith("--"))) {
      lines.remove(lines.size() - 1);
    }
    return !lines.isEmpty() && lines.get(lines.size() - 1).endsWith(";");
  }

  public static String prefix(Target target) {
    return target.folder().isEmpty() ? "" : target.folder() + "/";
  }

  /** Whether a snapshot lists migration files of the target: its history started at or before that version. */
  private static boolean hasHistory(Snapshot snapshot, Target target) {
    String migrations = prefix(target) + MIGRATION + "/";
    return snapshot.files().keySet().stream().anyMatch(f -> f.startsWith(migrations));
  }

  /**
   * A target whose history would start at {@code version} must not have migrations of earlier
   * versions: it was chosen before, left out, and chosen again, and a database of that engine that
   * ran them would get the whole schema created a second time.
   */
  private static void checkNoEarlierFiles(Path dir, Target target, int version, List<Problem> problems,
      Origin origin) throws IOException {
    Path folder = dir.resolve(prefix(target) + MIGRATION);
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<String> earlier = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path file : list.sorted().toList()) {
        Matcher m = VERSIONED_UP.matcher(file.getFileName().toString());
        if (m.matches() && Integer.parseInt(m.group(1)) < version) {
          earlier.add(prefix(target) + MIGRATION + "/" + file.getFileName());
        }
      }
    }
    if (!earlier.isEmpty()) {
      problems.add(Problem.error(ErrorId.TARGET_LEFT_OUT,
          "target " + target.id() + " was left out of -Aschemac.targets after it had released"
          + " migrations (" + String.join(", ", earlier) + "), and its history cannot start again at version "
          + version + ": a database that ran them would get the whole schema created a second time. Fix: move those"
          + " files away if no database of that engine ran them, or keep the target in -Aschemac.targets.", origin));
    }
  }

  /** {@code initial_schema} for version 1, else the first changes, joined and kept short. */
  static String derivedDescription(int version, List<String> changes) {
    if (version == 1) {
      return "initial_schema";
    }
    if (changes.isEmpty()) {
      return "no_changes";
    }
    // tables and columns say more about a version than the indexes and constraints that follow them
    List<String> ordered = new ArrayList<>(changes);
    ordered.sort(java.util.Comparator.comparingInt(VersionedMigrations::weight));
    StringBuilder d = new StringBuilder();
    for (String change : ordered) {
      String next = d.length() == 0 ? change : d + "_and_" + change;
      if (next.length() > 60) {
        return d.length() == 0 ? sanitize(change.substring(0, 60)) : d + "_and_more";
      }
      d.setLength(0);
      d.append(next);
    }
    return sanitize(d.toString());
  }

  private static int weight(String change) {
    if (change.startsWith("create_") || change.startsWith("rename_") && !change.contains("_to_") || change.startsWith("drop_")
        && !change.startsWith("drop_index_")) {
      return change.startsWith("drop_index_") ? 2 : 0;
    }
    if (change.startsWith("add_") || change.startsWith("rename_") || change.startsWith("alter_")) {
      return 1;
    }
    return 2;
  }

  static String sanitize(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "changes" : s;
  }

  /**
   * Every committed snapshot, by version: the model of {@code base} only (what the new version is
   * diffed from), the version and file hashes of the others. A long history of large schemas
   * would otherwise be parsed in full on every build.
   */
  private static Map<Integer, Snapshot> readSnapshots(Path dir, int base, List<Problem> problems, Origin origin)
      throws IOException {
    Map<Integer, Snapshot> out = new TreeMap<>();
    Path folder = dir.resolve(SNAPSHOTS);
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> list = Files.list(folder)) {
      for (Path file : list.sorted().toList()) {
        Matcher m = SNAPSHOT_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        try {
          String json = Files.readString(file, StandardCharsets.UTF_8);
          Snapshot s = Integer.parseInt(m.group(1)) == base ? SnapshotJson.read(json) : SnapshotJson.readHead(json);
          if (s.version() != Integer.parseInt(m.group(1))) {
            problems.add(Problem.error(ErrorId.RELEASED_FILE_CHANGED,
                file + " says it is version " + s.version() + ": restore it from version control.", origin));
          }
          out.put(Integer.parseInt(m.group(1)), s);
        } catch (IllegalArgumentException e) {
          problems.add(Problem.error(ErrorId.RELEASED_FILE_CHANGED, "cannot read " + file + ": " + e.getMessage()
              + ". Restore it from version control.", origin));
        }
      }
    }
    return out;
  }

  private static void checkUnchanged(Path dir, Snapshot frozen, List<Problem> problems, Origin origin) throws IOException {
    List<String> edited = new ArrayList<>();
    for (Map.Entry<String, String> file : frozen.files().entrySet()) {
      Path path = dir.resolve(file.getKey());
      if (!Files.isRegularFile(path)) {
        edited.add(file.getKey() + " (missing)");
      } else if (!Identifiers.sha256Hex(Files.readString(path, StandardCharsets.UTF_8)).equals(file.getValue())) {
        edited.add(file.getKey() + " (edited)");
      }
    }
    if (!edited.isEmpty()) {
      problems.add(Problem.error(ErrorId.RELEASED_FILE_CHANGED,
          "version " + frozen.version() + " is released, and its migration files no longer match"
          + " what was released: " + String.join(", ", edited) + ". Databases that already ran them would differ"
          + " from new ones. Restore them from version control; put further changes in the current version.", origin));
    }
  }

  /** Files of this version with another description: Flyway must never see two V{N}. */
  private static List<String> staleFiles(Path dir, String prefix, String extension, int version,
      Map<String, String> keep) throws IOException {
    List<String> stale = new ArrayList<>();
    Pattern mine = Pattern.compile("[VU](" + version + "(\\.1)?|" + Pattern.quote(beforeStep(version))
        + ")__.*\\." + Pattern.quote(extension) + "(\\.conf)?");
    for (String folder : List.of(prefix + MIGRATION, prefix + UNDO)) {
      Path path = dir.resolve(folder);
      if (!Files.isDirectory(path)) {
        continue;
      }
      try (Stream<Path> list = Files.list(path)) {
        for (Path file : list.sorted().toList()) {
          String relative = folder + "/" + file.getFileName();
          if (mine.matcher(file.getFileName().toString()).matches() && !keep.containsKey(relative)) {
            stale.add(relative);
          }
        }
      }
    }
    return stale;
  }
}
