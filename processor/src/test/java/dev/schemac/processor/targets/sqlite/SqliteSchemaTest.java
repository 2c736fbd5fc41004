package dev.schemac.processor.targets.sqlite;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pantry model under {@code src/test/resources/sqlite} compiled for target {@code sqlite}:
 * its schema.sql is the golden file beside it (read by a person), and applied to a real SQLite it
 * holds each type to what its Java type can hold, enforces keys, foreign keys, UNIQUE among live
 * rows, CHECKs and defaults, and keeps updated_at current without recursing.
 */
class SqliteSchemaTest {
  private static final String MODEL = "sqlite/com/example/pantry";

  @TempDir static Path dir;
  @TempDir Path dbDir;

  private static SchemacCompiler.Result result;
  private SqliteDatabase db;

  @BeforeAll
  static void compile() {
    result = SchemacCompiler.compile(dir, SchemacCompiler.resourcesUnder(MODEL), SqliteMigrations.SQLITE);
  }

  @BeforeEach
  void apply() throws Exception {
    assertThat(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    db = SqliteDatabase.create(dbDir.resolve("pantry.db"));
    db.run(schemaSql());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private static String schemaSql() {
    return result.fileInDir("sqlite/schema.sql").orElseThrow();
  }

  private void supplier(String email, String more) throws Exception {
    db.run("INSERT INTO suppliers (email, name, organic, since, terms, regions" + (more.isEmpty() ? "" : ", "
        + more.substring(0, more.indexOf('='))) + ") VALUES ('" + email + "', 'Farm', 1, '2020-01-31', '{}', '[]'"
        + (more.isEmpty() ? "" : ", " + more.substring(more.indexOf('=') + 1)) + ")");
  }

  private String refused(String sql) {
    return db.failure(sql);
  }

  // ------------------------------------------------------------------ the files

  @Test
  void schemaSql_isTheGoldenFile() throws IOException {
    try (InputStream golden = getClass().getClassLoader().getResourceAsStream("sqlite/golden/schema.sql")) {
      assertThat(schemaSql()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(result.compilation().warnings()).isEmpty();
  }

  @Test
  void sameSourcesInAnotherOrder_sameBytes(@TempDir Path other) {
    List<JavaFileObject> reversed = new ArrayList<>(SchemacCompiler.resourcesUnder(MODEL));
    java.util.Collections.reverse(reversed);
    SchemacCompiler.Result again = SchemacCompiler.compile(other, reversed, SqliteMigrations.SQLITE);
    assertThat(again.bytesInDir("sqlite/schema.sql")).isEqualTo(result.bytesInDir("sqlite/schema.sql"));
    assertThat(again.bytesInDir("schema.md")).isEqualTo(result.bytesInDir("schema.md"));
    assertThat(result.generatedResource("db/sqlite/schema.sql")).hasValue(schemaSql());
  }

  @Test
  void schemaMd_saysWhatEachSqliteColumnHolds() {
    String md = result.fileInDir("schema.md").orElseThrow();
    assertThat(md).contains("| created_at | integer (epoch milliseconds, UTC) | no |");
    assertThat(md).contains("| id | blob (UUID, 16 bytes) | no |");
    assertThat(md).contains("| price | text (exact decimal(10,2)) | no |");
    assertThat(md).contains("| since | text (YYYY-MM-DD) | no |");
    assertThat(md).contains("- check `ingredients_check`: `CAST(price AS REAL) < 10000`");
  }

  // ------------------------------------------------------------------ the catalog

  @Test
  void everyTableIsStrict_withItsKeysAndForeignKeys() throws Exception {
    assertThat(db.rows("SELECT name || ' ' || strict FROM pragma_table_list WHERE schema = 'main'"
        + " AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        .containsExactly("ingredients 1", "purchases 1", "suppliers 1").inOrder();
    assertThat(db.rows("SELECT name || ' ' || type || ' ' || pk FROM pragma_table_info('purchases') WHERE pk > 0"))
        .containsExactly("ingredient_id INTEGER 1", "line INTEGER 2");
    assertThat(db.rows("SELECT \"table\" || ' ' || \"from\" || ' ' || on_delete FROM pragma_foreign_key_list('ingredients')"))
        .containsExactly("suppliers supplier_id RESTRICT");
    assertThat(db.rows("SELECT \"table\" || ' ' || \"from\" || ' ' || on_delete FROM pragma_foreign_key_list('purchases')"))
        .containsExactly("ingredients ingredient_id CASCADE");
    assertThat(db.rows("SELECT name || ' ' || \"unique\" || ' ' || partial FROM pragma_index_list('suppliers')"
        + " WHERE origin = 'c' ORDER BY name"))
        .containsExactly("idx_suppliers_lower_email 1 1", "suppliers_email_key 1 1").inOrder();
    assertThat(db.rows("SELECT name FROM pragma_index_info('idx_ingredients_supplier_id_name')"))
        .containsExactly("supplier_id", "name", "price").inOrder(); // INCLUDE as trailing key columns
    assertThat(db.rows("SELECT \"desc\" FROM pragma_index_xinfo('idx_purchases_placed_at') WHERE key = 1"))
        .containsExactly("1");
  }

  // ------------------------------------------------------------------ types

  @Test
  void uuidKey_isARandomVersion4Uuid_of16Bytes() throws Exception {
    for (int i = 0; i < 200; i++) {
      supplier("s" + i + "@x.org", "");
    }
    assertThat(db.value("SELECT count(DISTINCT id) FROM suppliers WHERE typeof(id) = 'blob' AND length(id) = 16"
        + " AND substr(hex(id), 13, 1) = '4' AND substr(hex(id), 17, 1) IN ('8', '9', 'A', 'B')")).isEqualTo("200");
    assertThat(refused("INSERT INTO suppliers (id, email, name, organic, since, terms, regions) VALUES"
        + " (x'00', 'a@x.org', 'n', 0, '2020-01-01', '{}', '[]')")).contains("CHECK constraint failed: length(id) = 16");
    assertThat(refused("INSERT INTO suppliers (id, email, name, organic, since, terms, regions) VALUES"
        + " ('4f1c2a7e-0000-4000-8000-000000000000', 'a@x.org', 'n', 0, '2020-01-01', '{}', '[]')"))
        .contains("cannot store TEXT value in BLOB column suppliers.id");
  }

  @Test
  void boundedText_boolean_date_json_andArray_holdOnlyWhatTheirJavaTypeCan() throws Exception {
    supplier("ok@x.org", "");
    assertThat(refused("UPDATE suppliers SET email = '" + "e".repeat(121) + "'"))
        .contains("CHECK constraint failed: length(email) <= 120");
    assertThat(refused("UPDATE suppliers SET organic = 2")).contains("organic IN (0, 1)");
    assertThat(refused("UPDATE suppliers SET organic = 'yes'")).contains("cannot store TEXT value in INTEGER column");
    assertThat(refused("UPDATE suppliers SET since = '2024-02-30'")).contains("since IS date(since)");
    assertThat(refused("UPDATE suppliers SET since = 'now'")).contains("since IS date(since)");
    assertThat(refused("UPDATE suppliers SET since = '2024-2-1'")).contains("since IS date(since)");
    db.run("UPDATE suppliers SET since = '2024-02-29'");
    assertThat(refused("UPDATE suppliers SET terms = '{'")).contains("json_valid(terms)");
    assertThat(refused("UPDATE suppliers SET regions = '{}'")).contains("json_type(regions) = 'array'");
    db.run("UPDATE suppliers SET regions = '[\"north\", \"coast\"]'");
    assertThat(refused("UPDATE suppliers SET rating = 40000")).contains("rating BETWEEN -32768 AND 32767");
  }

  @Test
  void decimal_isExactText_inOneFormPerValue() throws Exception {
    supplier("s@x.org", "");
    String supplier = db.value("SELECT quote(id) FROM suppliers");
    String insert = "INSERT INTO ingredients (supplier_id, name, unit, price, \"order\", weight, density) VALUES ("
        + supplier + ", 'salt', 'GRAM', %s, 1, 1.0, 2.0)";
    for (String ok : List.of("'12.50'", "'0.05'", "'-3.10'", "'9999.99'", "'0.00'")) {
      db.run(String.format(insert, ok));
    }
    assertThat(db.rows("SELECT price FROM ingredients ORDER BY id"))
        .containsExactly("12.50", "0.05", "-3.10", "9999.99", "0.00").inOrder();
    for (String bad : List.of("'12.5'", "'012.50'", "'12.505'", "'123456789.00'", "'-0.00'", "'1e3'", "'12,50'",
        "' 1.00'", "12.5", "'.50'", "'--1.00'", "'1.2.00'")) {
      assertThat(refused(String.format(insert, bad))).contains("CHECK constraint failed");
    }
    assertThat(refused(String.format(insert, "'10000.00'"))).contains("CHECK constraint failed: ingredients_check");
  }

  @Test
  void times_andDates_inTheirOneTextForm_pointsInTimeAsEpochMilliseconds() throws Exception {
    long before = System.currentTimeMillis();
    supplier("t@x.org", "");
    long after = System.currentTimeMillis();
    long created = Long.parseLong(db.value("SELECT created_at FROM suppliers"));
    assertThat(created).isAtLeast(before - 1);
    assertThat(created).isAtMost(after + 1);
    String supplier = db.value("SELECT quote(id) FROM suppliers");
    db.run("INSERT INTO ingredients (supplier_id, name, unit, price, \"order\", weight, density, delivered_at,"
        + " counted_at, shelf_life) VALUES (" + supplier + ", 'salt', 'GRAM', '1.00', 1, 1.0, 2.0, '08:30:00.000',"
        + " '2024-01-02T03:04:05.678', 86400000)");
    assertThat(refused("UPDATE ingredients SET delivered_at = '8:30'")).contains("CHECK constraint failed");
    assertThat(refused("UPDATE ingredients SET delivered_at = '08:30:00'")).contains("CHECK constraint failed");
    assertThat(refused("UPDATE ingredients SET counted_at = '2024-01-02 03:04:05'")).contains("CHECK constraint failed");
    assertThat(refused("UPDATE suppliers SET created_at = '2024-01-02'")).contains("cannot store TEXT value in INTEGER");
  }

  // ------------------------------------------------------------------ constraints

  @Test
  void uniqueAmongLiveRows_andOnAnExpression() throws Exception {
    supplier("a@x.org", "");
    assertThat(refused("INSERT INTO suppliers (email, name, organic, since, terms, regions) VALUES ('a@x.org', 'b',"
        + " 0, '2020-01-01', '{}', '[]')")).contains("UNIQUE constraint failed"); // either unique index
    assertThat(refused("INSERT INTO suppliers (email, name, organic, since, terms, regions) VALUES ('A@X.org', 'b',"
        + " 0, '2020-01-01', '{}', '[]')")).contains("UNIQUE constraint failed: index 'idx_suppliers_lower_email'");
    db.run("UPDATE suppliers SET deleted_at = 1");
    supplier("a@x.org", ""); // the first one is closed
    assertThat(db.value("SELECT count(*) FROM suppliers")).isEqualTo("2");
  }

  @Test
  void foreignKeys_restrictAndCascade_onAConnectionThatTurnedThemOn() throws Exception {
    supplier("f@x.org", "");
    String supplier = db.value("SELECT quote(id) FROM suppliers");
    db.run("INSERT INTO ingredients (supplier_id, name, unit, price, \"order\", weight, density) VALUES (" + supplier
        + ", 'flour', 'GRAM', '2.00', 1, 1.0, 0.5); INSERT INTO purchases (ingredient_id, line, quantity) VALUES"
        + " (1, 1, '5.000'), (1, 2, '7.250')");
    assertThat(db.value("SELECT status FROM purchases WHERE line = 1")).isEqualTo("OPEN");
    assertThat(refused("UPDATE purchases SET status = 'LOST'")).contains("CHECK constraint failed");
    assertThat(refused("INSERT INTO purchases (ingredient_id, line, quantity) VALUES (9, 1, '1.000')"))
        .contains("FOREIGN KEY constraint failed");
    assertThat(refused("DELETE FROM suppliers")).contains("FOREIGN KEY constraint failed");
    db.run("DELETE FROM ingredients");
    assertThat(db.value("SELECT count(*) FROM purchases")).isEqualTo("0");
  }

  @Test
  void identityKey_neverHandsOutAValueTwice_andStockKeepsItsChecks() throws Exception {
    supplier("i@x.org", "");
    String supplier = db.value("SELECT quote(id) FROM suppliers");
    String insert = "INSERT INTO ingredients (supplier_id, name, unit, price, \"order\", weight, density) VALUES ("
        + supplier + ", '%s', 'GRAM', '1.00', 1, 1.0, 1.0)";
    db.run(String.format(insert, "a") + ";" + String.format(insert, "b") + ";" + String.format(insert, "c"));
    db.run("DELETE FROM ingredients WHERE name = 'c'");
    db.run(String.format(insert, "d"));
    assertThat(db.value("SELECT id FROM ingredients WHERE name = 'd'")).isEqualTo("4");
    assertThat(db.value("SELECT stock FROM ingredients WHERE name = 'd'")).isEqualTo("0");
    assertThat(refused("UPDATE ingredients SET stock = -1")).contains("CHECK constraint failed: ingredients_stock_check");
    assertThat(refused("UPDATE ingredients SET \"order\" = 3000000000")).contains("CHECK constraint failed");
  }

  @Test
  void updatedAt_followsEveryUpdate_andTheTriggerCannotRecurse() throws Exception {
    supplier("u@x.org", "");
    db.run("UPDATE suppliers SET updated_at = 0");
    long now = System.currentTimeMillis();
    db.run("UPDATE suppliers SET name = 'Other farm'");
    assertThat(Long.parseLong(db.value("SELECT updated_at FROM suppliers"))).isAtLeast(now - 1);
    db.run("PRAGMA recursive_triggers = ON");
    db.run("UPDATE suppliers SET updated_at = 0");
    assertThat(Long.parseLong(db.value("SELECT updated_at FROM suppliers"))).isAtLeast(now - 1); // set by the trigger
    for (int i = 0; i < 50; i++) { // within the same millisecond or not, never deeper than one nested update
      db.run("UPDATE suppliers SET organic = 1 - organic");
    }
  }

  @Test
  void integerKeyTheApplicationGives_refusesAMissingKey(@TempDir Path other) throws Exception {
    SchemacCompiler.Result r = SchemacCompiler.compile(other, List.of(SqliteMigrations.type("Code",
        "@Table public record Code(@Id long code, String label) {}")), SqliteMigrations.SQLITE);
    String sql = r.fileInDir("sqlite/schema.sql").orElseThrow();
    assertThat(sql).contains("code  int  NOT NULL");
    try (SqliteDatabase codes = SqliteDatabase.create(other.resolve("codes.db"))) {
      codes.run(sql);
      assertThat(codes.failure("INSERT INTO codes (label) VALUES ('x')")).contains("NOT NULL constraint failed");
    }
  }

  /**
   * A comparison that ends the CHECK, written for PostgreSQL (the first target): read with its
   * grammar and written for SQLite (the reader crashed the processor with a NullPointerException at
   * the end of the expression, found by the portable sample).
   */
  @Test
  void checksWrittenForPostgresql_endingInAComparison_runOnSqlite(@TempDir Path other) throws Exception {
    SchemacCompiler.Result r = SchemacCompiler.compile(other, List.of(SqliteMigrations.type("Line",
        "@Table public record Line(@Id long id, @Check(\"quantity > 0\") int quantity,"
            + " @Column(precision = 10, scale = 2) @Check(\"price >= 0\") BigDecimal price) {}")),
        "-Aschemac.targets=postgresql,sqlite");
    assertThat(r.compilation().errors()).isEmpty();
    String sql = r.fileInDir("sqlite/schema.sql").orElseThrow();
    assertThat(sql).contains("CHECK (CAST(price AS REAL) >= 0)");
    try (SqliteDatabase lines = SqliteDatabase.create(other.resolve("lines.db"))) {
      lines.run(sql);
      lines.run("INSERT INTO lines (id, quantity, price) VALUES (1, 1, '0.50')");
      assertThat(lines.failure("INSERT INTO lines (id, quantity, price) VALUES (2, 0, '0.50')"))
          .contains("lines_quantity_check");
      assertThat(lines.failure("INSERT INTO lines (id, quantity, price) VALUES (3, 1, '-0.50')"))
          .contains("lines_price_check");
    }
  }

  @Test
  void aHostileComment_staysAComment() throws Exception {
    SchemacCompiler.Result r = SchemacCompiler.compile(dbDir.resolve("hostile"), List.of(SqliteMigrations.type("Note",
        "/**\n * Notes. ; DROP TABLE canary; --\n * second line */\n@Table public record Note(@Id long id) {}")),
        SqliteMigrations.SQLITE);
    String sql = r.fileInDir("sqlite/schema.sql").orElseThrow();
    db.run("CREATE TABLE canary (x INTEGER)");
    db.run(sql);
    assertThat(db.value("SELECT count(*) FROM sqlite_schema WHERE name = 'canary'")).isEqualTo("1");
    assertThat(sql).contains("-- notes: Notes. ; DROP TABLE canary; -- second line\n");
  }
}
