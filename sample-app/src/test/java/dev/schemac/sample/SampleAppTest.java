package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.sample.Tables.OrderItemTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * What {@code SampleApp} does, step by step, with the checks it only prints: Flyway migrates an
 * empty database, rows go in and come back through the metamodel, the join's plan uses the
 * foreign-key index, the undo scripts give back exactly version 1, and Flyway goes forward again.
 */
class SampleAppTest {
  private static List<String> catalog(DataSource db) throws Exception {
    try (Connection c = db.getConnection()) {
      return SchemaCatalog.of(c);
    }
  }

  private static long count(DataSource db, String table) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void runnerFlow_migrateWriteExplainRollBackToV1AndForwardAgain() throws Exception {
    DataSource app = TestPostgres.newDatabase("app");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SampleApp sample = new SampleApp(app, new PrintStream(printed, true, StandardCharsets.UTF_8));

    MigrateResult first = sample.migrate();
    assertEquals(5, first.migrationsExecuted);
    assertEquals("3.1", first.targetSchemaVersion);

    SampleApp.Written written = sample.writeAndRead();
    assertTrue(written.orderItems() >= 10_000, "a child table of at least 10 000 rows: " + written.orderItems());
    assertEquals(written.orderItems(), count(app, OrderItemTable.TABLE));

    List<String> plan = sample.explainProductSales(written.soldSku());
    String text = String.join("\n", plan);
    assertTrue(plan.stream().anyMatch(l -> l.contains("Index Scan on idx_order_items_product_id")
            || l.contains("Index Scan using idx_order_items_product_id")),
        "the join on order_items.product_id uses the foreign-key index:\n" + text);
    assertTrue(plan.stream().noneMatch(l -> l.contains("Seq Scan on order_items")), text);

    List<String> undone = sample.rollbackTo(MigrationVersion.fromVersion("1"));
    assertEquals(List.of("U3.1", "U3", "U2.1", "U2"), undone);
    DataSource v1 = TestPostgres.newDatabase("fresh_v1");
    Flyway.configure().configuration(SampleMigrations.flyway(v1).getConfiguration()).target("1").load().migrate();
    SchemaCatalog.assertSame(catalog(v1), catalog(app), "after the undo scripts the schema is exactly version 1");
    assertEquals(written.orderItems(), count(app, OrderItemTable.TABLE), "rolling back keeps the version 1 data");
    try (Connection c = app.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM flyway_schema_history")) {
      rs.next();
      assertEquals("1", rs.getString(1), "Flyway's history says version 1");
    }

    MigrateResult again = sample.migrate();
    assertEquals(List.of("2", "2.1", "3", "3.1"), again.migrations.stream().map(m -> m.version).toList());
    DataSource fresh = TestPostgres.newDatabase("fresh_v3");
    try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
      s.execute(SchemaCatalog.resource("db/schema.sql"));
    }
    SchemaCatalog.assertSame(catalog(fresh), catalog(app), "forward again: the schema of schema.sql");

    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("idx_order_items_product_id"), output);
    assertTrue(output.contains("rolled back to version 1"), output);
  }
}
