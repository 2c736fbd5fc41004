package dev.schemac.maven;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** SQLite 3.54 in process (sqlite-jdbc), and Flyway on it as docs/sqlite.md configures it. */
final class TestSqlite {
  private TestSqlite() {}

  /** The URL of a database file, with foreign keys enforced, as every connection of the application should. */
  static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath() + "?foreign_keys=true";
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Flyway (flyway-core alone) on {@code url} with the SQLite migrations of {@code db}. */
  static FluentConfiguration flyway(String url, Path db) {
    return Flyway.configure().dataSource(url, null, null).loggers("slf4j")
        .locations("filesystem:" + db.resolve("sqlite/migration"));
  }
}
