package dev.schemac.maven;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <pre>mvn schemac:drift -Dschemac.url=jdbc:postgresql://localhost:5432/shop -Dschemac.user=app</pre>
 *
 * <p>The expected schema is built in a scratch database on the same server (created and dropped
 * here; the user needs CREATEDB), or in the empty database {@code -Dschemac.scratchUrl} names.
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
    CommittedFiles files = CommittedFiles.of(committedDir(), engine().targetId);
    String scratchName = null;
    Drift.Report report;
    try (Connection live = connect()) {
      FlywayHistory history = new FlywayHistory(live, historySchema(), historyTable());
      String url = scratchUrl;
      if (url == null || url.isBlank()) {
        scratchName = "schemac_drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Statement s = live.createStatement()) {
          s.execute("CREATE DATABASE " + scratchName);
        } catch (SQLException e) {
          throw new MojoFailureException("schemac:drift builds the expected schema in a scratch database and could not"
              + " create one (" + e.getMessage().strip() + "): grant CREATEDB, or pass an empty database with"
              + " -Dschemac.scratchUrl=jdbc:postgresql://host:port/empty_database", e);
        }
        url = PostgresUrls.withDatabase(jdbcUrl(), scratchName);
      }
      try (Connection scratch = connectTo(url)) {
        if (scratchUrl != null && !scratchUrl.isBlank() && !PostgresCatalog.read(scratch, null, null).keySet().stream()
            .allMatch(k -> k.equals("schema public"))) {
          throw new MojoFailureException(scratchUrl + " is not empty: schemac:drift needs an empty scratch database");
        }
        report = Drift.check(live, history, files, scratch);
      } finally {
        if (scratchName != null) {
          try (Statement s = live.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + scratchName + " WITH (FORCE)");
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new MojoExecutionException("schemac:drift: " + e.getMessage(), e);
    }
    report.warnings().forEach(w -> getLog().warn("schemac:drift: " + w));
    report.errors().forEach(e -> getLog().error("schemac:drift: " + e));
    report.differences().forEach(d -> getLog().error("  " + d.text()));
    String summary = report.differences().size() + (report.differences().size() == 1 ? " difference" : " differences")
        + " between " + PostgresUrls.redacted(jdbcUrl()) + " and " + report.expectedFrom();
    if (report.clean()) {
      getLog().info("schemac:drift: no drift: " + summary);
    } else if (failOnDrift) {
      throw new MojoFailureException("schemac:drift: " + summary + (report.errors().isEmpty() ? ""
          : ", and " + report.errors().size() + " problem" + (report.errors().size() == 1 ? "" : "s")
          + " in the migration history") + " (listed above)");
    } else {
      getLog().warn("schemac:drift: " + summary + " (listed above; -Dschemac.failOnDrift=false)");
    }
  }

  private Connection connectTo(String scratch) throws MojoFailureException {
    String saved = url;
    url = scratch;
    try {
      return connect();
    } finally {
      url = saved;
    }
  }
}
