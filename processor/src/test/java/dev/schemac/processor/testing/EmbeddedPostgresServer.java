package dev.schemac.processor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server per test JVM, started on first use and stopped by a shutdown
 * hook. Each test takes its own database from {@link #freshDatabase()}, so tests never see each
 * other's tables and never need to clean up after themselves to stay isolated.
 *
 * <pre>{@code
 * try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
 *   EmbeddedPostgresServer.executeScript(db.connection(), schemaSql);
 *   Catalog catalog = new Catalog(db.connection());
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer {

  private static final String SUPERUSER = "postgres";
  private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

  private EmbeddedPostgresServer() {}

  /** Starting the server takes a second or two; the holder idiom defers it to the first use. */
  private static final class Holder {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException e) {
                        // The JVM is exiting; a server that fails to stop leaves only a temp dir.
                      }
                    },
                    "embedded-postgres-shutdown"));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
  }

  /** The running server (started on first call). */
  public static EmbeddedPostgres server() {
    return Holder.SERVER;
  }

  /** A JDBC URL for {@code database} on the shared server, as the superuser. */
  public static String jdbcUrl(String database) {
    return server().getJdbcUrl(SUPERUSER, database);
  }

  /** Opens a new connection to {@code database} on the shared server, with autocommit on. */
  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
  }

  /**
   * Creates a new, empty database with a name used by no other call in this JVM, and connects to
   * it. Closing the returned {@link TestDatabase} closes the connection and drops the database.
   */
  public static TestDatabase freshDatabase() throws SQLException {
    String name = "schemac_test_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
    try (Connection admin = connect("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(name, jdbcUrl(name), connect(name));
  }

  /**
   * Runs a whole SQL script (several statements, dollar-quoted function bodies, comments) in one
   * call. PgJDBC splits the text itself, honouring quotes, {@code $$} bodies and comments, and
   * sends the statements as one batch; it fails on the first statement that fails.
   */
  public static void executeScript(Connection connection, String script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(script);
    }
  }

  /** A database of its own for one test: its name, JDBC URL and an open connection. */
  public record TestDatabase(String name, String jdbcUrl, Connection connection)
      implements AutoCloseable {

    /** Runs a whole SQL script on this database; see {@link EmbeddedPostgresServer#executeScript}. */
    public void executeScript(String script) throws SQLException {
      EmbeddedPostgresServer.executeScript(connection, script);
    }

    /** A catalog reader on this database's connection. */
    public Catalog catalog() {
      return new Catalog(connection);
    }

    /** Opens another connection to this database, for tests that need two sessions. */
    public Connection newConnection() throws SQLException {
      return connect(name);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
      try (Connection admin = connect("postgres");
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
