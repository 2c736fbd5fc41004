package dev.schemac.maven;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that connect to a database: the JDBC URL and credentials, and where Flyway keeps its
 * history. Each setting falls back to the Flyway Maven plugin's property of the same meaning
 * ({@code flyway.url}, {@code flyway.user}, {@code flyway.password}, {@code flyway.table}, {@code
 * flyway.defaultSchema}), so a project that already configures Flyway needs nothing more.
 */
abstract class DatabaseMojo extends SchemacMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The database, e.g. {@code jdbc:postgresql://localhost:5432/shop}. */
  @Parameter(property = "schemac.url")
  String url;

  @Parameter(property = "schemac.user")
  String user;

  @Parameter(property = "schemac.password")
  String password;

  /** Flyway's history table (Flyway's {@code table} setting). */
  @Parameter(property = "schemac.historyTable")
  String historyTable;

  /**
   * The schema of Flyway's history table (Flyway's {@code defaultSchema}, else the first of its
   * {@code schemas}); by default the connection's current schema, as Flyway does.
   */
  @Parameter(property = "schemac.historySchema")
  String historySchema;

  /** How long to wait for Flyway's lock (a migration running elsewhere), in seconds. */
  @Parameter(property = "schemac.lockWait", defaultValue = "60")
  int lockWaitSeconds;

  /**
   * The target whose committed files run ({@code postgresql}, {@code mariadb}, {@code mysql},
   * {@code sqlite}); by default the one of the URL's engine. Needed only for a MySQL server
   * reached with a {@code jdbc:mariadb:} URL: {@code -Dschemac.target=mysql}.
   */
  @Parameter(property = "schemac.target")
  String target;

  Engine engine() throws MojoFailureException {
    return Engine.of(setting(url, "flyway.url", null));
  }

  /** The committed files of the target that runs on this database. */
  CommittedFiles committedFiles() throws MojoFailureException {
    return CommittedFiles.of(committedDir(), engine().target(target));
  }

  String jdbcUrl() {
    return setting(url, "flyway.url", null);
  }

  /**
   * Connects with the drivers this plugin bundles (found on the plugin's own class path):
   * PostgreSQL's, MariaDB Connector/J (which serves {@code jdbc:mysql:} URLs too: MySQL's own
   * driver is GPL-licensed and not bundled) and sqlite-jdbc.
   */
  Connection connect() throws MojoFailureException {
    return connect(jdbcUrl());
  }

  Connection connect(String jdbcUrl) throws MojoFailureException {
    if (jdbcUrl == null) {
      throw new MojoFailureException(PluginErrorId.NO_DATABASE_URL.message(
          "no database: pass -Dschemac.url=jdbc:postgresql://host:5432/database"
          + " (or jdbc:mariadb://..., jdbc:mysql://..., jdbc:sqlite:file.db; and -Dschemac.user=...,"
          + " -Dschemac.password=...), or set flyway.url in the pom"));
    }
    Properties properties = new Properties();
    String login = setting(user, "flyway.user", null);
    String secret = setting(password, "flyway.password", null);
    if (login != null) {
      properties.setProperty("user", login);
    }
    if (secret != null) {
      properties.setProperty("password", secret);
    }
    String driverUrl = jdbcUrl.startsWith(Engine.MYSQL.urlPrefix)
        ? Engine.MARIADB.urlPrefix + jdbcUrl.substring(Engine.MYSQL.urlPrefix.length()) : jdbcUrl;
    SQLException failure = null;
    for (Driver driver : ServiceLoader.load(Driver.class, getClass().getClassLoader())) {
      try {
        if (driver.acceptsURL(driverUrl)) {
          Connection connection = driver.connect(driverUrl, properties);
          if (connection != null) {
            return connection;
          }
        }
      } catch (SQLException e) {
        failure = e;
      }
    }
    throw new MojoFailureException(PluginErrorId.CONNECTION_FAILED.message("cannot connect to "
        + JdbcUrls.redacted(jdbcUrl) + (failure == null
        ? ": no bundled JDBC driver accepts this URL (jdbc:postgresql://host:port/database,"
        + " jdbc:mariadb://host:port/database, jdbc:mysql://host:port/database, jdbc:sqlite:file.db)"
        : ": " + failure.getMessage())), failure);
  }

  String historyTable() {
    return setting(historyTable, "flyway.table", "flyway_schema_history");
  }

  /** The configured schema of the history table, or null for the connection's current schema. */
  String historySchema() {
    String schema = setting(historySchema, "flyway.defaultSchema", null);
    if (schema == null) {
      String schemas = setting(null, "flyway.schemas", null);
      schema = schemas == null ? null : schemas.split(",")[0].strip();
    }
    return schema == null || schema.isEmpty() ? null : schema;
  }

  /** The goal's own setting, else the Flyway property from the command line or the pom, else {@code fallback}. */
  private String setting(String own, String flywayProperty, String fallback) {
    if (own != null && !own.isBlank()) {
      return own;
    }
    String value = session == null ? null : session.getUserProperties().getProperty(flywayProperty);
    if (value == null && project != null) {
      value = project.getProperties().getProperty(flywayProperty);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
