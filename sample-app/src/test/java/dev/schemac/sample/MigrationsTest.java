package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The committed migrations, applied by Flyway the way the app does, give exactly the schema
 * that schema.sql gives an empty database.
 */
class MigrationsTest {
  @Test
  void flywayMigrations_buildTheSchemaThatSchemaSqlBuilds() throws Exception {
    DataSource migrated = TestPostgres.newDatabase("migrated");
    MigrateResult result = SampleMigrations.flyway(migrated).migrate();
    assertTrue(result.success);
    assertEquals(List.of("1", "2", "2.1", "3", "3.1"),
        result.migrations.stream().map(m -> m.version).toList(), "every committed version, each step in order");

    DataSource fresh = TestPostgres.newDatabase("fresh");
    try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
      s.execute(SchemaCatalog.resource("db/schema.sql"));
    }

    try (Connection m = migrated.getConnection(); Connection f = fresh.getConnection()) {
      List<String> expected = SchemaCatalog.of(f);
      assertTrue(expected.size() > 150, "the catalog query sees the schema: " + expected.size() + " rows");
      SchemaCatalog.assertSame(expected, SchemaCatalog.of(m), "Flyway's migrations and schema.sql differ");
    }
  }
}
