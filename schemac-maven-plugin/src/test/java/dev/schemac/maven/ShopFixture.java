package dev.schemac.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The projects of {@code src/test/resources}, compiled by schemac's processor version after
 * version into one folder: the files a project commits. The shop ({@code shop/}: three versions,
 * for PostgreSQL, MariaDB, MySQL and SQLite) and the items ({@code items/}: two versions for
 * MariaDB, the second with a hand-written data step). A version folder's {@code db/}, when there
 * is one, is copied into the folder before that version compiles, as a user adds a data step
 * before compiling the version that runs it. Each project is compiled once per test run; each
 * test takes a copy it may change.
 */
final class ShopFixture {
  private static final Path RESOURCES = Path.of("src", "test", "resources").toAbsolutePath();
  private static final Map<String, Path> COMPILED = new HashMap<>();

  private ShopFixture() {}

  /** A copy of the shop's compiled folder (schemac.dir): snapshots/, mariadb/, sqlite/, migration/... */
  static Path copy() throws IOException {
    return copy("shop", List.of("v1", "v2", "v3"), "postgresql,mariadb,mysql,sqlite");
  }

  /** A copy of the items' compiled folder: snapshots/, mariadb/ (data/, migration/ with V2 and V2.1, undo/). */
  static Path items() throws IOException {
    return copy("items", List.of("v1", "v2"), "mariadb");
  }

  private static Path copy(String project, List<String> versions, String targets) throws IOException {
    Path copy = Files.createTempDirectory("schemac-" + project + "-");
    ProcessorRun.copyTree(compiled(project, versions, targets), copy);
    return copy;
  }

  private static synchronized Path compiled(String project, List<String> versions, String targets) {
    return COMPILED.computeIfAbsent(project, p -> {
      try {
        Path dir = Files.createTempDirectory("schemac-" + project + "-compiled-");
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<File> processorPath = classpath.stream().map(File::new).toList();
        for (String version : versions) {
          Path sources = RESOURCES.resolve(project).resolve(version);
          addFiles(sources.resolve("db"), dir);
          ProcessorRun.Result result = ProcessorRun.run(List.of(sources), classpath, processorPath,
              Map.of("schemac.targets", targets), "17", "UTF-8", dir,
              Files.createTempDirectory("schemac-" + project + "-work-"));
          if (!result.success()) {
            throw new IllegalStateException("the " + project + "'s " + version + " does not compile: " + result.errors());
          }
        }
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Copies the files under {@code from} (if any) into {@code to}, keeping what {@code to} holds. */
  private static void addFiles(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }
}
