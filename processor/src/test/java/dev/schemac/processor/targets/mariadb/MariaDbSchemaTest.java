package dev.schemac.processor.targets.mariadb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mariadb} target's schema.sql, applied to a real MariaDB 11.4 and checked through
 * information_schema and by what the engine then accepts and refuses.
 */
class MariaDbSchemaTest {
  static final String PACKAGE = "com.example.mdb";

  @TempDir Path dir;

  static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn(PACKAGE, name, body);
  }

  /** A small shop with every feature the target writes: keys, indexes, soft delete, enum, JSON, comments. */
  static List<JavaFileObject> shop() {
    return List.of(
        type("Status", "public enum Status { ACTIVE, BLOCKED }"),
        type("Customer", """
            /**
             * People who buy.
             * @param email where receipts go, it's unique among live customers
             */
            @Table
            @SoftDelete
            @Index(expression = "lower(email)", unique = true, name = "idx_customers_email_ci")
            public record Customer(
                @Id UUID id,
                @Column(length = 320) @Unique String email,
                Status status,
                @Json Map<String, Object> settings,
                @Nullable @Check("char_length(bio) <= 500") String bio,
                @CreatedAt Instant createdAt,
                @UpdatedAt Instant updatedAt) {}
            """),
        type("Purchase", """
            /** A customer's order. */
            @Table
            @Index(columns = {"customer_id", "placed_at DESC"})
            public record Purchase(
                @Id(generated = Id.Generated.IDENTITY) long id,
                @References(Customer.class) UUID customerId,
                @Column(precision = 12, scale = 2) @Check("total >= 0") BigDecimal total,
                Instant placedAt,
                byte @Nullable [] receipt) {}
            """),
        type("Note", """
            /** A note on a purchase; its foreign key has no index of its own, on purpose. */
            @Table
            public record Note(
                @Id(generated = Id.Generated.IDENTITY) long id,
                @SuppressWarnings("schemac:unindexed-foreign-key") @References(Purchase.class) long purchaseId,
                String text) {}
            """));
  }

  static SchemacCompiler.Result compile(Path dir, List<JavaFileObject> sources, String... options) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, options);
    assertWithMessage("%s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    return result;
  }

  @Test
  void schemaSql_appliesToMariaDb_andTheCatalogHoldsWhatTheRecordsSay() throws Exception {
    SchemacCompiler.Result result = compile(dir, shop(), "-Aschemac.targets=mariadb");
    String sql = result.fileInDir("mariadb/schema.sql").orElseThrow();
    assertThat(result.fileInDir("schema.sql")).isEmpty();
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      db.executeScript(sql);
      var catalog = db.catalog();
      assertThat(catalog.get("tables").toString()).contains("customers|BASE TABLE|InnoDB|utf8mb4_nopad_bin|People who buy.");
      List<String> columns = db.rows("SELECT table_name, column_name, column_type, is_nullable, extra"
          + " FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY 1, 2");
      assertThat(columns).containsAtLeast(
          "customers|id|uuid|NO|",
          "customers|email|varchar(320)|NO|",
          "customers|status|enum('ACTIVE','BLOCKED')|NO|",
          "customers|settings|longtext|NO|",
          "customers|updated_at|datetime(6)|NO|on update current_timestamp(6)",
          "customers|live_row|tinyint(4)|YES|VIRTUAL GENERATED, INVISIBLE",
          "customers|idx_customers_email_ci|varchar(320)|YES|VIRTUAL GENERATED, INVISIBLE",
          "purchases|id|bigint(20)|NO|auto_increment",
          "purchases|total|decimal(12,2)|NO|",
          "purchases|receipt|longblob|YES|");
      List<String> indexes = db.rows("SELECT table_name, index_name, GROUP_CONCAT(column_name, '/', collation"
          + " ORDER BY seq_in_index), non_unique FROM information_schema.statistics WHERE table_schema = DATABASE()"
          + " GROUP BY 1, 2, 4 ORDER BY 1, 2");
      assertThat(indexes).containsExactly(
          "customers|customers_email_key|email/A,live_row/A|0",
          "customers|idx_customers_email_ci|idx_customers_email_ci/A,live_row/A|0",
          "customers|PRIMARY|id/A|0",
          "notes|notes_purchase_id_fkey|purchase_id/A|1",
          "notes|PRIMARY|id/A|0",
          "purchases|idx_purchases_customer_id_placed_at|customer_id/A,placed_at/D|1",
          "purchases|PRIMARY|id/A|0");
      assertThat(db.rows("SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE()"
          + " AND table_name = 'customers' AND column_name = 'email'"))
          .containsExactly("where receipts go, it's unique among live customers");

      // what the engine now accepts and refuses
      db.execute("INSERT INTO customers (email, status, settings) VALUES ('a@example.com', 'ACTIVE', '{}')");
      assertThat(db.rows("SELECT COUNT(*) FROM customers WHERE id IS NOT NULL")).containsExactly("1");
      assertThat(db.failure("INSERT INTO customers (email, status, settings) VALUES ('A@example.com', 'ACTIVE', '{}')"))
          .contains("idx_customers_email_ci");
      db.execute("UPDATE customers SET deleted_at = '2026-01-01' WHERE email = 'a@example.com'");
      db.execute("INSERT INTO customers (email, status, settings) VALUES ('a@example.com', 'ACTIVE', '{}')");
      assertThat(db.failure("INSERT INTO customers (email, status, settings) VALUES ('a@example.com', 'ACTIVE', '{}')"))
          .contains("customers_email_key");
      assertThat(db.failure("INSERT INTO customers (email, status, settings) VALUES ('b@example.com', 'GONE', '{}')"))
          .contains("status");
      assertThat(db.failure("INSERT INTO customers (email, status, settings) VALUES ('c@example.com', 'ACTIVE', 'no')"))
          .contains("settings");
      assertThat(db.failure("INSERT INTO customers (email, status, settings, bio) VALUES ('d@example.com', 'ACTIVE',"
          + " '{}', REPEAT('x', 501))")).contains("customers_bio_check");
      String id = db.rows("SELECT id FROM customers WHERE deleted_at IS NULL").get(0);
      db.execute("INSERT INTO purchases (customer_id, total, placed_at) VALUES ('" + id + "', 10, NOW(6))");
      assertThat(db.failure("INSERT INTO purchases (customer_id, total, placed_at) VALUES ('" + id + "', -1, NOW(6))"))
          .contains("purchases_total_check");
      assertThat(db.failure("INSERT INTO notes (purchase_id, text) VALUES (99, 'x')")).contains("notes_purchase_id_fkey");
      String before = db.rows("SELECT updated_at FROM customers WHERE deleted_at IS NULL").get(0);
      Thread.sleep(5);
      db.execute("UPDATE customers SET status = 'BLOCKED' WHERE deleted_at IS NULL");
      String after = db.rows("SELECT updated_at FROM customers WHERE deleted_at IS NULL").get(0);
      assertThat(after).isGreaterThan(before);
    }
  }
}
