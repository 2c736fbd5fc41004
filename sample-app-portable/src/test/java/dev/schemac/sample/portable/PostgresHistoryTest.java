package dev.schemac.sample.portable;

import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.PostgresScripts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The PostgreSQL history on a real PostgreSQL 17 (embedded, one server per test run). */
class PostgresHistoryTest extends HistoryOnEngineTest {
  @Override
  String target() {
    return "postgresql";
  }

  @Override
  Database newDatabase() throws SQLException {
    EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase();
    return new Database() {
      @Override
      public String url() {
        return db.jdbcUrl();
      }

      @Override
      public String user() {
        return "postgres";
      }

      /** V{N}.1 and U{N}.1 build indexes CONCURRENTLY, which no transaction may hold. */
      @Override
      public void run(String script, boolean transactional) throws SQLException {
        Connection c = db.connection();
        if (transactional) {
          c.setAutoCommit(false);
          try {
            db.executeScript(script);
            c.commit();
          } finally {
            c.setAutoCommit(true);
          }
        } else {
          for (String statement : PostgresScripts.split(script)) {
            execute(statement);
          }
        }
      }

      @Override
      public void execute(String sql) throws SQLException {
        try (Statement s = db.connection().createStatement()) {
          s.execute(sql);
        }
      }

      @Override
      public List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
          while (r.next()) {
            rows.add(r.getString(1));
          }
        }
        return rows;
      }

      /** Every table described (columns by name: a column added later goes last), and the types and functions. */
      @Override
      public Map<String, Object> catalog() throws SQLException {
        Catalog catalog = db.catalog();
        Map<String, Object> all = new TreeMap<>();
        for (String table : catalog.tables()) {
          if (!table.equals("flyway_schema_history")) {
            Map<String, Object> described = new TreeMap<>(catalog.describe(table));
            Map<String, Catalog.Column> byName = new TreeMap<>();
            catalog.columns(table).forEach(column -> byName.put(column.name(), column));
            described.put("columns", byName);
            all.put("table " + table, described);
          }
        }
        all.put("enum types", catalog.enumTypes());
        all.put("functions", catalog.functions());
        all.put("sequences", catalog.sequences());
        return all;
      }

      @Override
      public void close() throws SQLException {
        db.close();
      }
    };
  }
}
