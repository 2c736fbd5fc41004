package dev.schemac.enginecheck.postgresql;

import dev.schemac.processor.targets.EngineCheck;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The engine check of the {@code postgresql} target: an embedded PostgreSQL 17 (zonky's binaries,
 * pinned by this artifact), started for one compile and stopped before it returns, whatever
 * happens; a JVM shutdown hook stops it too should the compiler's JVM exit first, so that javac
 * inside Maven never leaves a server behind. The binaries are extracted once into a folder of the
 * system's temporary directory ({@code embedded-pg/PG-<hash>}, zonky's cache), and initdb runs once
 * into a template ({@link #freshDataDirectory}); each build starts on a copy of it, deleted when the
 * server stops.
 *
 * <p>Each run gets a new database; a transactional script runs in one transaction (as Flyway runs
 * a migration), any other statement by statement (as psql runs schema.sql).
 */
public final class PostgresEngineCheck implements EngineCheck {
  private static final String USER = "postgres";

  @Override
  public String targetId() {
    return "postgresql";
  }

  @Override
  public List<Failure> check(List<Run> runs) throws Exception {
    Path data = freshDataDirectory();
    EmbeddedPostgres server;
    try {
      server = start(data);
    } catch (IOException | RuntimeException e) {
      delete(data);
      throw e;
    }
    Thread stop = new Thread(() -> close(server), "schemac-engine-check-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      List<Failure> failures = new ArrayList<>();
      int n = 0;
      for (Run run : runs) {
        // the first run takes the server's own empty database; each other one a new one, copied as files (fastest)
        String database = n++ == 0 ? "postgres" : "schemac_check_" + n;
        if (!database.equals("postgres")) {
          try (Connection admin = DriverManager.getConnection(server.getJdbcUrl(USER, "postgres"), USER, "");
              Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database + " TEMPLATE template0 STRATEGY FILE_COPY");
          }
        }
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl(USER, database), USER, "")) {
          Failure failure = apply(c, run);
          if (failure != null) {
            failures.add(failure);
          }
        }
      }
      return failures;
    } finally {
      close(server);
      delete(data);
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs (and finds the server stopped)
      }
    }
  }

  /** The PostgreSQL major version of the pinned binaries: a data folder of one major version serves all its minors. */
  private static final String MAJOR = "17";

  /** A server on {@code data}; initdb runs when the folder has no {@code postgresql.conf}; the folder stays. */
  private static EmbeddedPostgres start(Path data) throws IOException {
    // zonky's own shutdown hook would stay registered after close (one per compile in a long-lived JVM)
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false) // zonky would run initdb over the copy
        .setRegisterShutdownHook(false)
        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD) // the server's log is not the compile's
        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .start();
  }

  /**
   * A new data folder for one compile, copied from a template that initdb made once per machine
   * (initdb is most of a start's time): {@code <tmp>/schemac-engine-check/postgresql-17-template},
   * made in a folder of its own and moved into place, so that concurrent builds never see half of
   * one.
   */
  static Path freshDataDirectory() throws IOException {
    Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "schemac-engine-check"));
    Path template = cache.resolve("postgresql-" + MAJOR + "-template");
    if (!Files.isRegularFile(template.resolve("postgresql.conf"))) {
      Path making = Files.createTempDirectory(cache, "template-");
      start(making).close();
      try {
        Files.move(making, template, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        delete(making); // another build made it first
      }
    }
    Path data = Files.createTempDirectory(cache, "data-");
    try (Stream<Path> files = Files.walk(template)) {
      for (Path from : files.toList()) {
        Path to = data.resolve(template.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (!from.getFileName().toString().equals("epg-lock")) { // zonky's lock of the template's own server
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return data;
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a folder in the temporary directory that could not be removed: the system's cleanup takes it
    }
  }

  /** The scripts of one run in order; the first statement PostgreSQL refuses, or null. */
  private static Failure apply(Connection c, Run run) throws SQLException {
    for (Script script : run.scripts()) {
      c.setAutoCommit(!script.transactional());
      for (int i = 0; i < script.statements().size(); i++) {
        try (Statement s = c.createStatement()) {
          s.execute(script.statements().get(i));
        } catch (SQLException e) {
          if (!c.getAutoCommit()) {
            c.rollback();
          }
          ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
          String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
          if (server != null && server.getDetail() != null) {
            message += " (" + server.getDetail() + ")";
          }
          return new Failure(run, script, i, message, e.getSQLState(), server == null ? 0 : server.getPosition());
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    return null;
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close(); // pg_ctl stop; a second call finds it stopped
    } catch (IOException e) {
      // nothing left to do: zonky removes a stale data folder when the next server starts
    }
  }
}
