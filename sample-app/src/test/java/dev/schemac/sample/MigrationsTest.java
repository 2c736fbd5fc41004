package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed migrations, applied by Flyway the way the app does, give exactly the schema
 * that schema.sql gives an empty database.
 */
class MigrationsTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static final String CATALOG = """
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
             || ' ' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
      UNION ALL
      SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
             AND conrelid <> coalesce(to_regclass('flyway_schema_history'), 0)
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
      UNION ALL
      SELECT 'trigger ' || tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT 'comment ' || c.relname || ' ' || d.objsubid || ' ' || d.description
        FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
       WHERE c.relnamespace = 'public'::regnamespace
      ORDER BY 1
      """;

  private static List<String> catalog(Connection c) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CATALOG)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static String database(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  @Test
  void flywayMigrations_buildTheSchemaThatSchemaSqlBuilds() throws Exception {
    String migrated = database("migrated");
    MigrateResult result = SampleMigrations.flyway(postgres.getDatabase("postgres", migrated)).migrate();
    assertTrue(result.success);
    assertTrue(result.migrationsExecuted >= 1, "at least V1 ran");

    String fresh = database("fresh");
    String schemaSql;
    try (InputStream in = MigrationsTest.class.getResourceAsStream("/db/schema.sql")) {
      schemaSql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = postgres.getDatabase("postgres", fresh).getConnection(); Statement s = c.createStatement()) {
      s.execute(schemaSql);
    }

    try (Connection m = postgres.getDatabase("postgres", migrated).getConnection();
        Connection f = postgres.getDatabase("postgres", fresh).getConnection()) {
      List<String> expected = catalog(f);
      assertTrue(expected.size() > 40, "the catalog query sees the schema: " + expected.size() + " rows");
      assertEquals(expected, catalog(m));
    }
  }
}
