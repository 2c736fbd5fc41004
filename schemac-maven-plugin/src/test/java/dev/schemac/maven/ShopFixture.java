package dev.schemac.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The shop of {@code src/test/resources/shop}: three versions compiled by schemac's processor, one
 * after the other into one folder, for PostgreSQL, MariaDB, MySQL and SQLite — the files a project commits.
 * Compiled once per test run; each test takes a copy it may change.
 */
final class ShopFixture {
  private static final Path SOURCES = Path.of("src", "test", "resources", "shop").toAbsolutePath();
  private static Path compiled;

  private ShopFixture() {}

  /** A copy of the compiled folder (schemac.dir): snapshots/, mariadb/, sqlite/, migration/... */
  static Path copy() throws IOException {
    Path copy = Files.createTempDirectory("schemac-shop-");
    ProcessorRun.copyTree(compiled(), copy);
    return copy;
  }

  private static synchronized Path compiled() {
    if (compiled == null) {
      try {
        Path dir = Files.createTempDirectory("schemac-shop-compiled-");
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<File> processorPath = classpath.stream().map(File::new).toList();
        for (String version : List.of("v1", "v2", "v3")) {
          ProcessorRun.Result result = ProcessorRun.run(List.of(SOURCES.resolve(version)), classpath, processorPath,
              Map.of("schemac.targets", "postgresql,mariadb,mysql,sqlite"), "17", "UTF-8", dir,
              Files.createTempDirectory("schemac-shop-work-"));
          if (!result.success()) {
            throw new IllegalStateException("the shop's " + version + " does not compile: " + result.errors());
          }
        }
        compiled = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compiled;
  }
}
