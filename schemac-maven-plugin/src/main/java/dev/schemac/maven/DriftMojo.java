package dev.schemac.maven;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports every difference between a live database and the committed schema of the version it is
 * at — tables, columns, types, nullability, defaults, keys, indexes, checks, triggers, comments,
 * sequences, enum types — and the migrations it ran that are not the committed ones, the
 * current-version trap included. Exit code 1 when anything differs, for CI:
 *
 * <pre>mvn schemac:drift -Dschemac.url=jdbc:postgresql://localhost:5432/shop -Dschemac.user=app
 * mvn schemac:drift -Dschemac.url=jdbc:mariadb://localhost:3306/shop -Dschemac.user=app
 * mvn schemac:drift -Dschemac.url=jdbc:sqlite:shop.db</pre>
 *
 * <p>The expected schema is built in a scratch database on the same server (created and dropped
 * here; the user needs CREATEDB on PostgreSQL, CREATE and DROP on MariaDB and MySQL), a temporary
 * file for SQLite, or in the empty database {@code -Dschemac.scratchUrl} names.
 */
@Mojo(name = "drift", threadSafe = true)
public final class DriftMojo extends DatabaseMojo {
  /** An empty database to build the expected schema in, instead of a new one on the live server. */
  @Parameter(property = "schemac.scratchUrl")
  String scratchUrl;

  /** {@code false}: report the differences without failing the build. */
  @Parameter(property = "schemac.failOnDrift", defaultValue = "true")
  boolean failOnDrift;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Engine engine = engine();
    CommittedFiles files = committedFiles();
    Drift.Report report;
    try (Connection live = connect()) {
      FlywayHistory history = new FlywayHistory(engine, live, historySchema(), historyTable());
      boolean given = scratchUrl != null && !scratchUrl.isBlank();
      Scratch scratch = given ? null : Scratch.create(engine, live, jdbcUrl());
      try (Connection expected = connect(given ? scratchUrl : scratch.url())) {
        if (given && !Drift.catalog(engine, expected, null, null).keySet().stream()
            .allMatch(k -> k.equals("schema public"))) {
          throw new MojoFailureException(PluginErrorId.SCRATCH_DATABASE.message(scratchUrl
              + " is not empty: schemac:drift needs an empty scratch database"));
        }
        report = Drift.check(live, history, files, expected);
      } finally {
        if (scratch != null) {
          scratch.drop(live);
        }
      }
    } catch (SQLException e) {
      throw new MojoExecutionException(PluginErrorId.DATABASE_ERROR.orKept(e.getMessage()), e);
    } catch (IOException e) {
      throw new MojoExecutionException(PluginErrorId.IO_ERROR.message(e.toString()), e);
    }
    report.warnings().forEach(getLog()::warn);
    report.errors().forEach(getLog()::error);
    report.differences().forEach(d -> getLog().error(d.line()));
    String summary = report.differences().size() + (report.differences().size() == 1 ? " difference" : " differences")
        + " between " + JdbcUrls.redacted(jdbcUrl()) + " and " + report.expectedFrom();
    if (report.clean()) {
      getLog().info("schemac:drift: no drift: " + summary);
    } else if (failOnDrift) {
      throw new MojoFailureException(PluginErrorId.DRIFT_DETECTED.message(summary + (report.errors().isEmpty() ? ""
          : ", and " + report.errors().size() + " problem" + (report.errors().size() == 1 ? "" : "s")
          + " in the migration history") + " (listed above)"));
    } else {
      getLog().warn(PluginErrorId.DRIFT_DETECTED.message(summary + " (listed above; -Dschemac.failOnDrift=false)"));
    }
  }

  /**
   * The empty database the expected schema is built in: a new database on the live server
   * (PostgreSQL, MariaDB, MySQL: the user needs the right to create one), a temporary file for
   * SQLite. Dropped when the comparison is done.
   */
  private record Scratch(Engine engine, String name, String url, Path file) {
    static Scratch create(Engine engine, Connection live, String liveUrl) throws SQLException, IOException,
        MojoFailureException {
      if (engine == Engine.SQLITE) {
        Path file = Files.createTempFile("schemac-drift-", ".db");
        return new Scratch(engine, null, "jdbc:sqlite:" + file.toAbsolutePath(), file);
      }
      String name = "schemac_drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Statement s = live.createStatement()) {
        s.execute("CREATE DATABASE " + name + (engine.mysqlFamily() ? " CHARACTER SET utf8mb4" : ""));
      } catch (SQLException e) {
        throw new MojoFailureException(PluginErrorId.SCRATCH_DATABASE.message("schemac:drift builds the expected"
            + " schema in a scratch database and could not"
            + " create one (" + e.getMessage().strip() + "): grant " + (engine.mysqlFamily() ? "CREATE and DROP"
            : "CREATEDB") + ", or pass an empty database with -Dschemac.scratchUrl=" + engine.urlPrefix
            + "//host:port/empty_database"), e);
      }
      return new Scratch(engine, name, JdbcUrls.withDatabase(liveUrl, name), null);
    }

    void drop(Connection live) throws SQLException, IOException {
      if (file != null) {
        Files.deleteIfExists(file);
        return;
      }
      try (Statement s = live.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + (engine == Engine.POSTGRESQL ? " WITH (FORCE)" : ""));
      }
    }
  }
}
