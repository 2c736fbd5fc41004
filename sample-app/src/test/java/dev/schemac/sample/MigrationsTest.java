package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
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
    assertEquals(List.of("1", "2", "2.1", "3", "3.1"),
        result.migrations.stream().map(m -> m.version).toList(), "every committed version, each step in order");

    String fresh = database("fresh");
    try (Connection c = postgres.getDatabase("postgres", fresh).getConnection(); Statement s = c.createStatement()) {
      s.execute(SchemaCatalog.resource("db/schema.sql"));
    }

    try (Connection m = postgres.getDatabase("postgres", migrated).getConnection();
        Connection f = postgres.getDatabase("postgres", fresh).getConnection()) {
      List<String> expected = SchemaCatalog.of(f);
      assertTrue(expected.size() > 150, "the catalog query sees the schema: " + expected.size() + " rows");
      SchemaCatalog.assertSame(expected, SchemaCatalog.of(m), "Flyway's migrations and schema.sql differ");
    }
  }
}
