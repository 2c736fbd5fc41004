package dev.schemac.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files schemac wrote under {@code schemac.dir} for one SQL target, as committed: {@code
 * schema.sql}, {@code migration/V{N}__d.sql} (and {@code V{N}.1}), {@code undo/U{N}__d.sql},
 * and the snapshots that say which version is current. Only file names are read here; the goals
 * never parse what schemac wrote beyond splitting scripts into statements.
 *
 * @param dir        {@code schemac.dir}
 * @param targetRoot the folder holding this target's {@code schema.sql}, {@code migration/} and
 *                   {@code undo/}: {@code dir} itself in the single-target layout
 */
record CommittedFiles(Path dir, Path targetRoot) {
  private static final Pattern SNAPSHOT = Pattern.compile("v(\\d+)\\.json");
  private static final Pattern SCRIPT = Pattern.compile("([VU])(\\d+(?:\\.\\d+)?)__.*\\.sql");

  /** A versioned script: {@code V2.1__x.sql} has version {@code 2.1}. */
  record Script(String version, Path path) {
    String fileName() {
      return path.getFileName().toString();
    }

    /** {@code 2} for {@code 2} and {@code 2.1}; {@code 3} for {@code 2.9}, the step before V3. */
    int major() {
      return owner(version);
    }

    /** The second, non-transactional step ({@code V{N}.1}, {@code U{N}.1}). */
    boolean secondStep() {
      return version.endsWith(".1");
    }
  }

  /**
   * The schemac version a Flyway version belongs to: {@code N} for {@code N} and {@code N.1}, and
   * {@code N} for {@code N-1.9}, the step schemac orders before V{N} (values added to enum types).
   */
  static int owner(String version) {
    int dot = version.indexOf('.');
    int major = Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    return version.endsWith(".9") ? major + 1 : major;
  }

  /** Orders versions as Flyway does: 2 < 2.1 < 3 < 10. */
  static final Comparator<String> VERSION_ORDER = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  };

  static CommittedFiles of(Path dir) {
    return of(dir, Engine.POSTGRESQL.targetId);
  }

  /**
   * The files of target {@code targetId} (docs/migrations.md, "Several targets"): PostgreSQL's at
   * the root of {@code schemac.dir}, where they were before schemac had targets, every other
   * target's under a folder named by its id.
   */
  static CommittedFiles of(Path dir, String targetId) {
    return new CommittedFiles(dir, targetId.equals(Engine.POSTGRESQL.targetId) ? dir : dir.resolve(targetId));
  }

  Path schemaSql() {
    return targetRoot.resolve("schema.sql");
  }

  /** The latest committed snapshot's version: the current version; 0 for an unversioned build. */
  int currentVersion() throws IOException {
    Path folder = dir.resolve("snapshots");
    int latest = 0;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Matcher m = SNAPSHOT.matcher(file.getFileName().toString());
          if (m.matches()) {
            latest = Math.max(latest, Integer.parseInt(m.group(1)));
          }
        }
      }
    }
    return latest;
  }

  /** The ups, in Flyway's order. */
  List<Script> migrations() throws IOException {
    return scripts("migration", "V");
  }

  /** The downs, in version order (lowest first). */
  List<Script> undos() throws IOException {
    return scripts("undo", "U");
  }

  Optional<Script> migration(String version) throws IOException {
    return migrations().stream().filter(s -> s.version().equals(version)).findFirst();
  }

  /**
   * When a database ran {@code script} with Flyway checksum {@code checksum} and it is not this
   * target's, the advice for the likely cause: another target's committed file of that name has
   * that checksum (MySQL's files on a MySQL server reached with a {@code jdbc:mariadb:} URL, or the
   * reverse), so the goal runs with the wrong {@code -Dschemac.target}. Empty otherwise.
   */
  String otherTargetHint(String script, Integer checksum) throws IOException {
    if (checksum == null || script == null) {
      return "";
    }
    for (Engine engine : Engine.values()) {
      CommittedFiles other = of(dir, engine.targetId);
      Path file = other.targetRoot.resolve("migration").resolve(script);
      if (!other.targetRoot.equals(targetRoot) && Files.isRegularFile(file)
          && FlywayChecksum.of(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)) == checksum) {
        return " (it is the committed file of the " + engine.targetId + " target: if this database is "
            + engine.displayName + ", pass -Dschemac.target=" + engine.targetId + ")";
      }
    }
    return "";
  }

  Optional<Script> undo(String version) throws IOException {
    return undos().stream().filter(s -> s.version().equals(version)).findFirst();
  }

  private List<Script> scripts(String folder, String prefix) throws IOException {
    Path path = targetRoot.resolve(folder);
    List<Script> out = new ArrayList<>();
    if (!Files.isDirectory(path)) {
      return out;
    }
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        Matcher m = SCRIPT.matcher(file.getFileName().toString());
        if (m.matches() && m.group(1).equals(prefix)) {
          out.add(new Script(m.group(2), file));
        }
      }
    }
    out.sort(Comparator.comparing(Script::version, VERSION_ORDER));
    return out;
  }
}
