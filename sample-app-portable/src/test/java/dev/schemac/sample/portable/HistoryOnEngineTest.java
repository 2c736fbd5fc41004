package dev.schemac.sample.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The committed history of one target, on its real engine, as the shop runs it: Flyway applies
 * version 1, rows go into every table, Flyway applies the rest (rows kept, the catalog equal to what
 * {@code schema.sql} gives an empty database), the undo files take the database back to version 1
 * (the catalog equal to a database Flyway migrated to 1, rows kept), and Flyway goes up again.
 * Each engine subclass starts its engine once per test run (the processor's test support).
 */
abstract class HistoryOnEngineTest {
  /** A database of the engine under test, empty when made. */
  interface Database extends AutoCloseable {
    String url();

    String user();

    /** Runs a script: in one transaction where it is transactional on this engine, else statement by statement. */
    void run(String script, boolean transactional) throws SQLException;

    void execute(String sql) throws SQLException;

    /** The first column of each row of {@code sql}, as text. */
    List<String> rows(String sql) throws SQLException;

    /** The schema as the engine's catalog describes it, Flyway's history table left out. */
    Map<String, Object> catalog() throws SQLException;

    @Override
    void close() throws SQLException;
  }

  /** The target id ({@code -Aschemac.targets}). */
  abstract String target();

  abstract Database newDatabase() throws SQLException;

  /** Where the committed files of the target are. */
  final Path committed() {
    return Path.of("src/main/resources").resolve(ShopMigrations.folder(target()));
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway(Database db) {
    return ShopMigrations.configure(target(), db.url(), db.user(), "");
  }

  /** The versions of the committed {@code migration/V*.sql} files, in Flyway's order. */
  private List<String> committedVersions() throws IOException {
    try (Stream<Path> files = Files.list(committed().resolve("migration"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V") && n.endsWith(".sql"))
          .map(n -> n.substring(1, n.indexOf("__"))).map(MigrationVersion::fromVersion).sorted()
          .map(MigrationVersion::getVersion).toList();
    }
  }

  /** Rows in every table, written with SQL that the three engines read alike. */
  private static void seed(Database db) throws SQLException {
    db.execute("INSERT INTO customers (email, display_name, phone) VALUES ('ada@example.com', 'Ada', '+44 20 7946 0000')");
    db.execute("UPDATE customers SET deleted_at = created_at WHERE email = 'ada@example.com'");
    // the same address again: UNIQUE holds among live rows only
    db.execute("INSERT INTO customers (email, display_name, phone) VALUES ('ada@example.com', 'Ada L.', '+44 20 7946 0001')");
    db.execute("INSERT INTO products (sku, name, price, stock) VALUES ('TEA-1', 'Green tea', '4.20', 10)");
    db.execute("INSERT INTO products (sku, name, price, stock) VALUES ('MUG-1', 'Mug', '9.90', 3)");
    db.execute("INSERT INTO orders (customer_id, total) VALUES"
        + " ((SELECT id FROM customers WHERE deleted_at IS NULL), '18.30')");
    db.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES"
        + " ((SELECT max(id) FROM orders), 1, (SELECT id FROM products WHERE sku = 'TEA-1'), 2, '4.20')");
    db.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES"
        + " ((SELECT max(id) FROM orders), 2, (SELECT id FROM products WHERE sku = 'MUG-1'), 1, '9.90')");
  }

  private static final List<String> TABLES = List.of("customers", "products", "orders", "order_lines");

  private static Map<String, String> counts(Database db) throws SQLException {
    Map<String, String> counts = new TreeMap<>();
    for (String table : TABLES) {
      counts.put(table, db.rows("SELECT count(*) FROM " + table).get(0));
    }
    return counts;
  }

  private static final Map<String, String> SEEDED = Map.of("customers", "2", "products", "2", "orders", "1",
      "order_lines", "2");

  /** What {@code schema.sql} of the target gives an empty database. */
  private Map<String, Object> freshSchemaCatalog() throws Exception {
    try (Database fresh = newDatabase()) {
      fresh.run(resource(ShopMigrations.folder(target()) + "/schema.sql"), true);
      return fresh.catalog();
    }
  }

  /** What Flyway gives an empty database when told to stop at version 1. */
  private Map<String, Object> versionOneCatalog() throws Exception {
    try (Database v1 = newDatabase()) {
      flyway(v1).target("1").load().migrate();
      return v1.catalog();
    }
  }

  @Test
  void committedHistory_upWithRows_downToVersionOne_upAgain() throws Exception {
    List<String> versions = committedVersions();
    assertEquals("1", versions.get(0));
    assertTrue(versions.contains("3"), "the history reaches version 3: " + versions);
    Map<String, Object> atThree = freshSchemaCatalog();
    Map<String, Object> atOne = versionOneCatalog();
    assertTrue(atThree.toString().contains("currency") && !atOne.toString().contains("currency"),
        "the catalog sees the column version 2 added: " + atOne);

    try (Database db = newDatabase()) {
      MigrateResult first = flyway(db).target("1").load().migrate();
      assertEquals(List.of("1"), first.migrations.stream().map(m -> m.version).toList());
      seed(db);

      MigrateResult rest = flyway(db).load().migrate();
      assertTrue(rest.success);
      assertEquals(versions.subList(1, versions.size()), rest.migrations.stream().map(m -> m.version).toList(),
          "every committed version after 1, in order");
      assertEquals(SEEDED, counts(db), "every row survives the ups (rebuilt parents included)");
      assertEquals(List.of("Mug", "Green tea"), db.rows("SELECT title FROM products ORDER BY sku"), "a rename keeps data");
      assertEquals(List.of("EUR"), db.rows("SELECT currency FROM orders"), "the new NOT NULL column has its default");
      assertCatalog(atThree, db.catalog(), "Flyway's ups give what schema.sql gives");
      assertThrows(SQLException.class, () -> db.execute("INSERT INTO customers (email, display_name, phone)"
          + " VALUES ('ada@example.com', 'Ada again', '0')"), "a second live row with the same email");

      undoTo(db, MigrationVersion.fromVersion("1"));
      assertCatalog(atOne, db.catalog(), "the undo files give back version 1");
      assertEquals(SEEDED, counts(db), "every row survives the downs");
      assertEquals(List.of("Mug", "Green tea"), db.rows("SELECT name FROM products ORDER BY sku"));

      MigrateResult again = flyway(db).load().migrate();
      assertEquals(versions.subList(1, versions.size()), again.migrations.stream().map(m -> m.version).toList());
      assertCatalog(atThree, db.catalog(), "up again: what schema.sql gives");
      assertEquals(SEEDED, counts(db));

      // what version 3 allows: a refund, a customer without a phone, a longer title
      db.execute("UPDATE orders SET status = 'REFUNDED'");
      db.execute("INSERT INTO customers (email, display_name) VALUES ('bob@example.com', 'Bob')");
      db.execute("UPDATE products SET title = '" + "t".repeat(200) + "' WHERE sku = 'MUG-1'");
      assertEquals(List.of("REFUNDED"), db.rows("SELECT status FROM orders"));
    }
  }

  /**
   * Rolls back to {@code target} with the committed undo files, highest version first, each
   * removed from Flyway's history after its file ran, as {@code mvn schemac:undo} does on
   * PostgreSQL.
   */
  private void undoTo(Database db, MigrationVersion target) throws SQLException {
    List<MigrationInfo> applied = new ArrayList<>(List.of(flyway(db).load().info().applied()));
    applied.removeIf(m -> m.getVersion() == null || m.getVersion().compareTo(target) <= 0);
    applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
    assertTrue(!applied.isEmpty(), "versions to undo");
    for (MigrationInfo m : applied) {
      String undo = ShopMigrations.folder(target()) + "/undo/U" + m.getScript().substring(1);
      db.run(resource(undo), !m.getVersion().getVersion().contains("."));
      db.execute("DELETE FROM flyway_schema_history WHERE version = '" + m.getVersion().getVersion() + "'");
    }
  }

  /** Fails with only the entries that differ. */
  static void assertCatalog(Map<String, Object> expected, Map<String, Object> actual, String message) {
    assertTrue(expected.size() >= 4, "the catalog reads the schema: " + expected.keySet());
    if (!expected.equals(actual)) {
      Map<String, String> differences = new TreeMap<>();
      for (String key : new java.util.TreeSet<>(union(expected.keySet(), actual.keySet()))) {
        if (!String.valueOf(expected.get(key)).equals(String.valueOf(actual.get(key)))) {
          differences.put(key, "\n  expected: " + expected.get(key) + "\n  actual:   " + actual.get(key));
        }
      }
      throw new AssertionError(message + ": " + differences);
    }
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A file of the class output ({@code db/...}): the copy Flyway reads. */
  static String resource(String path) {
    try (InputStream in = HistoryOnEngineTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("no " + path + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
