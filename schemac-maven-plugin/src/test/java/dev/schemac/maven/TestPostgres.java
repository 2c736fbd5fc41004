package dev.schemac.maven;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * One embedded PostgreSQL 17 for the plugin's tests (started on first use, stopped when the JVM
 * exits), a new database per use, and the sample app's committed migrations as the history the
 * goals work on: the real files schemac generated, three versions with two non-transactional steps.
 */
final class TestPostgres {
  /** The sample app's committed folder: schema.sql, migration/, undo/, snapshots/. */
  static final Path SAMPLE_DB = Path.of("..", "sample-app", "src", "main", "resources", "db").toAbsolutePath().normalize();

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, empty database's JDBC URL (user postgres, no password). */
  static String newDatabase(String name) throws SQLException {
    String unique = name + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + unique);
    }
    return server().getJdbcUrl("postgres", unique);
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  static DataSource dataSource(String url) {
    String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    return server().getDatabase("postgres", database);
  }

  /** Flyway on {@code url} with the migrations of {@code db}/migration, configured as schemac's docs say. */
  static FluentConfiguration flyway(String url, Path db) {
    return Flyway.configure()
        .dataSource(dataSource(url))
        .locations("filesystem:" + db.resolve("migration"))
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
  }

  /** A copy of the sample app's migration/ and undo/ (and snapshots/), to change in a test. */
  static Path copyOfSampleDb() throws IOException {
    Path copy = Files.createTempDirectory("schemac-db-");
    ProcessorRun.copyTree(SAMPLE_DB, copy);
    return copy;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting; the server's files are in a temporary folder
        }
      }));
    }
    return server;
  }
}
