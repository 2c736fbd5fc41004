package dev.schemac.sample.portable;

import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite history on a real SQLite 3.54 (sqlite-jdbc, in process), in database files whose
 * connections enforce foreign keys, as the application's do: the rebuilds of version 3 drop and
 * recreate three parent tables, one of them with an ON DELETE CASCADE child.
 */
class SqliteHistoryTest extends HistoryOnEngineTest {
  @TempDir static Path files;

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  String target() {
    return "sqlite";
  }

  @Override
  Database newDatabase() throws SQLException {
    Path file = files.resolve("shop-" + DATABASES.incrementAndGet() + ".db");
    SqliteDatabase db = SqliteDatabase.create(file);
    return new Database() {
      @Override
      public String url() {
        return SqliteDatabase.url(file, true);
      }

      @Override
      public String user() {
        return null;
      }

      /** Each file holds its own transaction between its pragmas: it runs as a whole, as sqlite3 runs it. */
      @Override
      public void run(String script, boolean transactional) throws SQLException {
        db.run(script);
      }

      @Override
      public void execute(String sql) throws SQLException {
        db.run(sql);
      }

      @Override
      public List<String> rows(String sql) throws SQLException {
        return db.rows(sql);
      }

      /** sqlite_schema and the pragmas of every table, Flyway's table and its index left out. */
      @Override
      public Map<String, Object> catalog() throws SQLException {
        Map<String, Object> all = new TreeMap<>(db.catalog());
        all.keySet().removeIf(name -> name.contains("flyway_schema_history"));
        return all;
      }

      @Override
      public void close() throws SQLException {
        db.close();
      }
    };
  }
}
