package dev.schemac.maven;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rolls a database back to a schema version with the committed down files ({@code undo/U{N}__*.sql}),
 * and removes the undone versions from Flyway's history, so that a later {@code flyway migrate}
 * applies the ups again. Flyway Community does not run undo scripts; this does, over JDBC:
 *
 * <pre>mvn schemac:undo -Dschemac.to=2 -Dschemac.url=jdbc:postgresql://localhost:5432/shop -Dschemac.user=app
 * mvn schemac:undo -Dschemac.to=2 -Dschemac.url=jdbc:mariadb://localhost:3306/shop -Dschemac.user=app
 * mvn schemac:undo -Dschemac.to=2 -Dschemac.url=jdbc:sqlite:shop.db</pre>
 *
 * <p>The files are those of the URL's target ({@code db/mariadb/undo/} for MariaDB...). On
 * PostgreSQL and SQLite each down commits with its history edit; MariaDB and MySQL commit each DDL
 * statement on its own, so there a failure part-way leaves the down half done, and running undo
 * again finishes it ({@link Undo}).
 *
 * <p>It refuses, before running anything, a version the history does not contain, a missing down
 * file, and an applied up that is not the committed one (its Flyway checksum differs).
 */
@Mojo(name = "undo", threadSafe = true)
public final class UndoMojo extends DatabaseMojo {
  /** The version to go back to; every version above it is undone. */
  @Parameter(property = "schemac.to", required = true)
  String to;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    CommittedFiles files = committedFiles();
    try (Connection connection = connect()) {
      FlywayHistory history = new FlywayHistory(engine(), connection, historySchema(), historyTable());
      List<String> run = new Undo(connection, history, files, getLog()::info).to(to, Duration.ofSeconds(lockWaitSeconds));
      getLog().info("schemac:undo: " + JdbcUrls.redacted(jdbcUrl()) + " is at version " + to + (run.isEmpty() ? " already; nothing to undo"
          : ": ran " + String.join(", ", run) + " from " + shown(files.targetRoot().resolve("undo"))
              + " and removed their versions from " + history.qualifiedName() + "; flyway migrate applies them again"));
    } catch (Undo.UndoException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (SQLException e) {
      throw new MojoExecutionException(PluginErrorId.DATABASE_ERROR.orKept(e.getMessage()), e);
    } catch (IOException e) {
      throw new MojoExecutionException(PluginErrorId.IO_ERROR.message(e.toString()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException(PluginErrorId.INTERRUPTED.message("schemac:undo was interrupted while it"
          + " waited for Flyway's lock; nothing was undone"), e);
    }
  }
}
