package dev.schemac.processor.targets.mariadb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.Server;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mariadb} target's schema.sql, applied to a real MariaDB 11.4 and a real MariaDB 10.11
 * (the two versions the target is for) and checked through information_schema and by what the
 * engine then accepts and refuses.
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

  @ParameterizedTest
  @EnumSource(Server.class)
  void schemaSql_appliesToMariaDb_andTheCatalogHoldsWhatTheRecordsSay(Server server) throws Exception {
    SchemacCompiler.Result result = compile(dir, shop(), "-Aschemac.targets=mariadb");
    String sql = result.fileInDir("mariadb/schema.sql").orElseThrow();
    assertThat(result.fileInDir("schema.sql")).isEmpty();
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
      assertThat(db.rows("SELECT VERSION()").get(0)).startsWith(server.version() + "-MariaDB");
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

  static JavaFileObject entity(String simpleName, String... body) {
    return SchemacCompiler.source(PACKAGE + "." + simpleName, "package " + PACKAGE + ";",
        "import jakarta.persistence.*;", "import java.math.BigDecimal;", "import java.time.Instant;",
        "import java.util.*;", "", String.join("\n", body));
  }

  /** JPA entities feed the target as records do: sequences, joined inheritance, a collection table, @Version. */
  @ParameterizedTest
  @EnumSource(Server.class)
  void jpaEntities_schemaSqlOfBothTargets_appliesToMariaDb(Server server) throws Exception {
    List<JavaFileObject> entities = List.of(
        entity("Kind", "public enum Kind { BOOK, MUSIC }"),
        entity("Product",
            "/** What the shop sells. */",
            "@Entity @Table(name = \"products\") @Inheritance(strategy = InheritanceType.JOINED)",
            "public class Product {",
            "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"product_seq\")",
            "  @SequenceGenerator(name = \"product_seq\", sequenceName = \"product_seq\") Long id;",
            "  @Column(nullable = false, length = 200, unique = true) String title;",
            "  @Enumerated(EnumType.STRING) @Column(nullable = false, length = 10) Kind kind;",
            "  @Column(nullable = false, precision = 12, scale = 2) BigDecimal price;",
            "  @Version long version;",
            "  @ElementCollection @CollectionTable(name = \"product_tags\") @Column(name = \"tag\", length = 40)",
            "  Set<String> tags;",
            "}"),
        entity("Book",
            "@Entity @Table(name = \"books\")",
            "public class Book extends Product {",
            "  @Column(length = 20) String isbn;",
            "}"),
        entity("Review",
            "@Entity @Table(name = \"reviews\", indexes = @jakarta.persistence.Index(columnList = \"product_id\"))",
            "public class Review {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  @ManyToOne(optional = false) Product product;",
            "  @Column(nullable = false) Instant writtenAt;",
            "  @Column(length = 4000) String body;",
            "}"));
    SchemacCompiler.Result result = compile(dir, entities, "-Aschemac.targets=mariadb");
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
      assertThat(db.rows("SELECT VERSION()").get(0)).startsWith(server.version() + "-MariaDB");
      db.executeScript(result.fileInDir("mariadb/schema.sql").orElseThrow());
      assertThat(db.rows("SELECT c.table_name, c.column_name, c.column_type, c.is_nullable FROM information_schema.columns c"
          + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
          + " WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' ORDER BY 1, 2")).containsExactly(
              "books|id|bigint(20)|NO",
              "books|isbn|varchar(20)|YES",
              "product_tags|product_id|bigint(20)|NO",
              "product_tags|tag|varchar(40)|NO",
              "products|id|bigint(20)|NO",
              "products|kind|enum('BOOK','MUSIC')|NO",
              "products|price|decimal(12,2)|NO",
              "products|title|varchar(200)|NO",
              "products|version|bigint(20)|NO",
              "reviews|body|varchar(4000)|YES",
              "reviews|id|bigint(20)|NO",
              "reviews|product_id|bigint(20)|NO",
              "reviews|writtenat|datetime(6)|NO");
      assertThat(db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
          + " AND table_type = 'SEQUENCE'")).containsExactly("product_seq");
      db.execute("INSERT INTO products (id, title, kind, price, version) VALUES (NEXT VALUE FOR product_seq, 'Dune',"
          + " 'BOOK', 9.50, 0)");
      assertThat(db.failure("INSERT INTO books (id, isbn) VALUES (99, 'x')")).contains("books_id_fkey");
      assertThat(db.failure("INSERT INTO products (id, title, kind, price, version) VALUES (7, 'Dune', 'BOOK', 1, 0)"))
          .contains("products_title_key");
    }
    // MySQL has no sequences: a located error on the generator's attribute, naming the target, and nothing written
    SchemacCompiler.Result mysql = SchemacCompiler.compile(dir.resolve("mysql"), entities, "-Aschemac.targets=mysql");
    assertThat(mysql.compilation().status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(mysql.compilation().errors()).hasSize(1);
    assertThat(mysql.compilation().errors().get(0).getMessage(null)).contains("sequence product_seq cannot be created:"
        + " MySQL has no sequences (target mysql)");
    assertThat(mysql.compilation().errors().get(0).getSource().toUri().getPath()).endsWith("Product.java");
    assertThat(mysql.fileInDir("mysql/schema.sql")).isEmpty();
  }
}
