package dev.schemac.processor.read;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Catalog.Column;
import dev.schemac.processor.testing.Catalog.ForeignKey;
import dev.schemac.processor.testing.Catalog.Identity;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small JPA model (customers, orders, order lines; an enum by name and one by ordinal) compiled
 * by the processor with no schemac annotation but {@code @Indexed}, {@code @CreatedAt} and one
 * suppression, applied to PostgreSQL 17: the catalog is what docs/jpa.md promises.
 */
class EntityReaderTest {
  private static final String PKG = "com.example.jpa";
  private static final String IMPORTS = String.join("\n",
      "import jakarta.persistence.*;",
      "import dev.schemac.annotations.CreatedAt;",
      "import dev.schemac.annotations.Indexed;",
      "import java.math.BigDecimal;",
      "import java.time.Instant;",
      "import java.util.UUID;",
      "");

  private static JavaFileObject entity(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", IMPORTS, String.join("\n", body));
  }

  private static SchemacCompiler.Result compile(List<JavaFileObject> sources, String... options) {
    try {
      return SchemacCompiler.compile(java.nio.file.Files.createTempDirectory("schemac-"), sources, options);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final JavaFileObject CUSTOMER_STATUS = entity("CustomerStatus", "public enum CustomerStatus { ACTIVE, BLOCKED }");
  static final JavaFileObject PRIORITY = entity("Priority", "public enum Priority { LOW, NORMAL, HIGH }");

  static final JavaFileObject CUSTOMER = entity("Customer",
      "/** People who buy. */",
      "@Entity",
      "@Table(name = \"customers\",",
      "    uniqueConstraints = @UniqueConstraint(name = \"customers_email_key\", columnNames = \"email\"),",
      "    indexes = @Index(columnList = \"lastName, created_at DESC\"))",
      "public class Customer {",
      "  @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;",
      "  @Column(nullable = false, length = 320) String email;",
      "  @Column(name = \"last_name\", nullable = false) String lastName;",
      "  /** What the customer likes to be called. */",
      "  String nickname;",
      "  @Enumerated(EnumType.STRING) @Column(nullable = false) CustomerStatus status;",
      "  @Column(columnDefinition = \"text\") String notes;",
      "  byte[] avatar;",
      "  @CreatedAt @Column(name = \"created_at\", nullable = false) Instant createdAt;",
      "  @Version long version;",
      "  @Transient String displayName;",
      "  transient int cachedHash;",
      "  static int instances;",
      "  @OneToMany(mappedBy = \"customer\") java.util.List<Order> orders;",
      "}");

  static final JavaFileObject ORDER = entity("Order",
      "@Entity",
      "@Table(name = \"orders\", indexes = @Index(columnList = \"customer_id\"))",
      "public class Order {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @ManyToOne(optional = false, fetch = FetchType.LAZY) Customer customer;",
      "  @Column(precision = 12, scale = 2, nullable = false) BigDecimal total;",
      "  @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) Priority urgency;",
      "  @SuppressWarnings(\"schemac:enum-ordinal\") Priority priority;",
      "  @Column(unique = true) String reference;",
      "}");

  static final JavaFileObject ORDER_LINE = entity("OrderLine",
      "@Entity",
      "@Table(name = \"order_lines\")",
      "public class OrderLine {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;",
      "  @ManyToOne @JoinColumn(name = \"order_id\", nullable = false) @Indexed Order order;",
      "  @Column(nullable = false) int quantity;",
      "  @Column(name = \"unit_price\", precision = 12, scale = 2, nullable = false) BigDecimal unitPrice;",
      "}");

  static final List<JavaFileObject> MODEL = List.of(CUSTOMER_STATUS, PRIORITY, CUSTOMER, ORDER, ORDER_LINE);

  @TempDir static Path schemacDir;
  private static SchemacCompiler.Result result;
  private static TestDatabase database;

  @BeforeAll
  static void compileModel() throws SQLException {
    result = SchemacCompiler.compile(schemacDir, MODEL);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  private static Catalog catalog() throws SQLException {
    if (database == null) {
      assertThat(result.compilation()).succeededWithoutWarnings();
      database = EmbeddedPostgresServer.freshDatabase();
      try {
        database.executeScript(result.schemaSql());
      } catch (SQLException e) {
        throw new AssertionError("schema.sql does not apply: " + e.getMessage() + "\n" + result.schemaSql(), e);
      }
    }
    return database.catalog();
  }

  // ---------------------------------------------------------------- the model in PostgreSQL

  @Test
  void model_compilesWithoutWarnings_andAppliesToPostgres() throws SQLException {
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(catalog().tables()).containsExactly("customers", "order_lines", "orders");
  }

  @Test
  void customers_columnsFollowTheJpaDefaults() throws SQLException {
    assertThat(catalog().columns("customers")).containsExactly(
        new Column("id", "uuid", true, "gen_random_uuid()", Identity.NONE),
        new Column("email", "character varying(320)", true, null, Identity.NONE),
        new Column("last_name", "character varying(255)", true, null, Identity.NONE),
        new Column("nickname", "character varying(255)", false, null, Identity.NONE),
        new Column("status", "text", true, null, Identity.NONE),
        new Column("notes", "text", false, null, Identity.NONE),
        new Column("avatar", "bytea", false, null, Identity.NONE),
        new Column("created_at", "timestamp with time zone", true, "now()", Identity.NONE),
        new Column("version", "bigint", true, null, Identity.NONE)).inOrder();
    assertThat(catalog().primaryKey("customers").columns()).containsExactly("id");
    assertThat(catalog().uniqueConstraints("customers")).containsExactly("customers_email_key", List.of("email"));
    assertThat(catalog().checks("customers")).containsKey("customers_status_check");
    assertThat(catalog().standaloneIndexes("customers").get("idx_customers_last_name_created_at").definition())
        .contains("(last_name, created_at DESC)");
    assertThat(catalog().columnComments("customers")).containsEntry("nickname", "What the customer likes to be called.");
    assertThat(catalog().tableComment("customers")).isEqualTo("People who buy.");
  }

  @Test
  void orders_manyToOneIsAForeignKeyColumnTypedLikeTheReferencedKey() throws SQLException {
    assertThat(catalog().columns("orders")).containsExactly(
        new Column("id", "bigint", true, null, Identity.BY_DEFAULT),
        new Column("customer_id", "uuid", true, null, Identity.NONE),
        new Column("total", "numeric(12,2)", true, null, Identity.NONE),
        new Column("urgency", "character varying(20)", true, null, Identity.NONE), // the written length wins
        new Column("priority", "smallint", false, null, Identity.NONE),
        new Column("reference", "character varying(255)", false, null, Identity.NONE)).inOrder();
    assertThat(catalog().foreignKeys("orders")).containsExactly("orders_customer_id_fkey",
        new ForeignKey("orders_customer_id_fkey", List.of("customer_id"), "customers", List.of("id"), "NO ACTION",
            "NO ACTION"));
    assertThat(catalog().uniqueConstraints("orders")).containsExactly("orders_reference_key", List.of("reference"));
    assertThat(catalog().standaloneIndexes("orders")).containsKey("idx_orders_customer_id");
    // an enum by ordinal is a smallint limited to the ordinals of its constants, as Hibernate 6 makes it
    assertThat(catalog().checks("orders")).containsEntry("orders_priority_check",
        "CHECK (priority >= 0 AND priority <= 2)");
  }

  @Test
  void orderLines_joinColumnNameNullabilityAndSchemacIndexed() throws SQLException {
    assertThat(catalog().columns("order_lines")).containsExactly(
        new Column("id", "bigint", true, null, Identity.BY_DEFAULT),
        new Column("order_id", "bigint", true, null, Identity.NONE),
        new Column("quantity", "integer", true, null, Identity.NONE),
        new Column("unit_price", "numeric(12,2)", true, null, Identity.NONE)).inOrder();
    assertThat(catalog().foreignKeys("order_lines").get("order_lines_order_id_fkey").referencedTable()).isEqualTo("orders");
    assertThat(catalog().standaloneIndexes("order_lines")).containsKey("idx_order_lines_order_id");
  }

  @Test
  void sameSources_sameBytes() {
    SchemacCompiler.Result again = SchemacCompiler.compile(List.of(ORDER_LINE, ORDER, CUSTOMER, PRIORITY, CUSTOMER_STATUS));
    assertThat(again.schemaSql()).isEqualTo(result.schemaSql());
  }

  // ---------------------------------------------------------------- rules run on entities unchanged

  @Test
  void unindexedManyToOne_failsOnTheField() {
    JavaFileObject line = entity("OrderLine",
        "@Entity",
        "@Table(name = \"order_lines\")",
        "public class OrderLine {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;",
        "  @ManyToOne @JoinColumn(name = \"order_id\", nullable = false) Order order;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(CUSTOMER_STATUS, PRIORITY, CUSTOMER, ORDER, line)).compilation();
    assertThat(compilation).hadErrorContaining("[schemac:unindexed-foreign-key")
        .inFile(line).onLineContaining("Order order;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "foreign key order_lines_order_id_fkey (order_lines.order_id -> orders)"));
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "add @Indexed to order"));
  }

  @Test
  void enumWithoutEnumerated_isStoredByOrdinal_andTheEnumOrdinalRuleFires() {
    JavaFileObject ticket = entity("Ticket",
        "@Entity",
        "public class Ticket {",
        "  @Id UUID id;",
        "  @Column(nullable = false) Priority priority;",
        "  @Enumerated(EnumType.ORDINAL) Priority previous;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(PRIORITY, ticket)).compilation();
    assertThat(compilation).hadErrorContaining("[schemac:enum-ordinal").inFile(ticket).onLineContaining("Priority priority;");
    assertThat(compilation).hadErrorContaining("[schemac:enum-ordinal").inFile(ticket).onLineContaining("Priority previous;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("enum-ordinal", "@Enumerated(EnumType.STRING)"));
  }

  @Test
  void schemacColumnAnnotations_workOnJpaFields() throws SQLException {
    JavaFileObject account = entity("Account",
        "@Entity",
        "@Table(name = \"accounts\")",
        "public class Account {",
        "  @Id UUID id;",
        "  @dev.schemac.annotations.Unique @Column(nullable = false) String login;",
        "  @dev.schemac.annotations.Hashed @Column(name = \"password_hash\", nullable = false) String passwordHash;",
        "  @dev.schemac.annotations.Check(\"bio <> ''\") String bio;",
        "  @dev.schemac.annotations.UpdatedAt @Column(name = \"updated_at\", nullable = false) Instant updatedAt;",
        "}");
    SchemacCompiler.Result compiled = compile(List.of(account));
    assertThat(compiled.compilation()).succeededWithoutWarnings();
    String sql = compiled.schemaSql();
    assertThat(sql).contains("CONSTRAINT accounts_login_key UNIQUE (login)");
    assertThat(sql).contains("CONSTRAINT accounts_bio_check CHECK (bio <> '')");
    assertThat(sql).contains("updated_at    timestamptz  NOT NULL DEFAULT now()");
    assertThat(sql).contains("CREATE TRIGGER accounts_set_updated_at");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(sql);
      db.executeScript("INSERT INTO accounts (id, login, password_hash, bio) VALUES (gen_random_uuid(), 'ada', 'x', 'hi')");
      assertSqlState("23505", db, // @Unique
          "INSERT INTO accounts (id, login, password_hash) VALUES (gen_random_uuid(), 'ada', 'y')");
      assertSqlState("23514", db, // @Check
          "INSERT INTO accounts (id, login, password_hash, bio) VALUES (gen_random_uuid(), 'bob', 'y', '')");
      // @UpdatedAt: the trigger sets the column on every UPDATE (now() of a later transaction)
      db.executeScript("UPDATE accounts SET updated_at = '2000-01-01' WHERE login = 'ada'");
      db.executeScript("UPDATE accounts SET bio = 'hello' WHERE login = 'ada'");
      assertThat(db.catalog().triggers("accounts")).containsKey("accounts_set_updated_at");
      try (var s = db.connection().createStatement();
          var rs = s.executeQuery("SELECT updated_at > '2001-01-01' FROM accounts WHERE login = 'ada'")) {
        assertThat(rs.next() && rs.getBoolean(1)).isTrue();
      }
    }
  }

  private static void assertSqlState(String sqlState, TestDatabase db, String statement) {
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> db.executeScript(statement),
        statement);
    assertThat(e.getSQLState()).isEqualTo(sqlState);
  }

  @Test
  void plaintextSecretRule_firesOnAJpaField() {
    JavaFileObject account = entity("Account",
        "@Entity",
        "@Table(name = \"accounts\")",
        "public class Account {",
        "  @Id UUID id;",
        "  @Column(name = \"password\", nullable = false) String password;",
        "}");
    assertThat(compile(List.of(account)).compilation()).hadErrorContaining("[schemac:plaintext-secret")
        .inFile(account).onLineContaining("String password;");
  }

  // ---------------------------------------------------------------- naming

  private static final JavaFileObject PURCHASE_ORDER = entity("PurchaseOrder",
      "@Entity",
      "public class PurchaseOrder {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false) String customerName;",
      "}");
  private static final JavaFileObject ORDER_ITEM = entity("OrderItem",
      "@Entity",
      "@Table(indexes = @Index(columnList = \"purchaseOrder_id\"))",
      "public class OrderItem {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @ManyToOne(optional = false) PurchaseOrder purchaseOrder;",
      "  @Column(nullable = false) BigDecimal unitPrice;",
      "}");

  @Test
  void jpaNaming_isTheNameAsIs_foldedToLowercaseAsPostgresFoldsUnquotedNames() throws SQLException {
    SchemacCompiler.Result jpa = SchemacCompiler.compile(List.of(PURCHASE_ORDER, ORDER_ITEM));
    assertThat(jpa.compilation()).succeededWithoutWarnings();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(jpa.schemaSql());
      Catalog catalog = db.catalog();
      assertThat(catalog.tables()).containsExactly("orderitem", "purchaseorder");
      assertThat(catalog.columnNames("purchaseorder")).containsExactly("id", "customername").inOrder();
      assertThat(catalog.columnNames("orderitem")).containsExactly("id", "purchaseorder_id", "unitprice").inOrder();
      assertThat(catalog.foreignKeys("orderitem").get("orderitem_purchaseorder_id_fkey").referencedTable())
          .isEqualTo("purchaseorder");
    }
  }

  @Test
  void springNaming_isSnakeCaseWithoutPluralization_forTablesColumnsAndJoinColumns() throws SQLException {
    JavaFileObject item = entity("OrderItem",
        "@Entity",
        "@Table(indexes = @Index(columnList = \"purchaseOrder_id\"))",
        "public class OrderItem {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @ManyToOne(optional = false) PurchaseOrder purchaseOrder;",
        "  @Column(nullable = false) BigDecimal unitPrice;",
        "}");
    SchemacCompiler.Result spring = compile(List.of(PURCHASE_ORDER, item), "-Aschemac.naming=spring");
    assertThat(spring.compilation()).succeededWithoutWarnings();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(spring.schemaSql());
      Catalog catalog = db.catalog();
      assertThat(catalog.tables()).containsExactly("order_item", "purchase_order");
      assertThat(catalog.columnNames("purchase_order")).containsExactly("id", "customer_name").inOrder();
      assertThat(catalog.columnNames("order_item")).containsExactly("id", "purchase_order_id", "unit_price").inOrder();
      assertThat(catalog.foreignKeys("order_item").get("order_item_purchase_order_id_fkey").referencedTable())
          .isEqualTo("purchase_order");
    }
  }

  @Test
  void springNaming_appliesToReferencedColumnNames() throws SQLException {
    JavaFileObject order = entity("PurchaseOrder",
        "@Entity",
        "public class PurchaseOrder {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false, unique = true, length = 20) String orderNumber;",
        "}");
    JavaFileObject shipment = entity("Shipment",
        "@Entity",
        "@Table(indexes = @Index(columnList = \"orderRef\"))",
        "public class Shipment {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @ManyToOne(optional = false)",
        "  @JoinColumn(name = \"orderRef\", referencedColumnName = \"orderNumber\")",
        "  PurchaseOrder order;",
        "}");
    SchemacCompiler.Result spring = compile(List.of(order, shipment), "-Aschemac.naming=spring");
    assertThat(spring.compilation()).succeededWithoutWarnings();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(spring.schemaSql());
      assertThat(db.catalog().foreignKeys("shipment").values()).containsExactly(new ForeignKey(
          "shipment_order_ref_fkey", List.of("order_ref"), "purchase_order", List.of("order_number"), "NO ACTION",
          "NO ACTION"));
    }
  }

  @Test
  void springNamingRule_matchesCamelCaseToUnderscoresNamingStrategy() {
    assertThat(EntityNaming.SPRING.physical("OrderLine")).isEqualTo("order_line");
    assertThat(EntityNaming.SPRING.physical("userId")).isEqualTo("user_id");
    assertThat(EntityNaming.SPRING.physical("addressV2")).isEqualTo("address_v2"); // as Hibernate 7.4.6 gives it
    assertThat(EntityNaming.SPRING.physical("HTTPStatus")).isEqualTo("httpstatus");
    assertThat(EntityNaming.SPRING.physical("sha256Hash")).isEqualTo("sha256_hash");
    assertThat(EntityNaming.SPRING.physical("address.street")).isEqualTo("address_street");
    assertThat(EntityNaming.JPA.physical("OrderLine")).isEqualTo("orderline");
  }

  @Test
  void unknownNamingOption_isAnError() {
    Compilation compilation = compile(List.of(PURCHASE_ORDER), "-Aschemac.naming=snake").compilation();
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
            "-Aschemac.naming=snake is not a naming"));
  }

  // ---------------------------------------------------------------- keys

  @Test
  void uuidKeyWithAuto_getsGenRandomUuid_andARecordCanBeAnEntity() throws SQLException {
    JavaFileObject tag = entity("Tag",
        "@Entity",
        "@Table(name = \"tags\")",
        "public record Tag(@Id @GeneratedValue UUID id, @Column(nullable = false, unique = true, length = 50) String label) {}");
    SchemacCompiler.Result compiled = SchemacCompiler.compile(List.of(tag));
    assertThat(compiled.compilation()).succeededWithoutWarnings();
    assertThat(compiled.schemaSql()).contains("DEFAULT gen_random_uuid()");
    assertThat(compiled.schemaSql()).contains("varchar(50)");
    assertThat(compiled.schemaSql()).contains("CONSTRAINT tags_label_key UNIQUE (label)");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(compiled.schemaSql());
      db.executeScript("INSERT INTO tags (label) VALUES ('java')"); // the key from its DEFAULT
      assertSqlState("23505", db, "INSERT INTO tags (label) VALUES ('java')");
      assertSqlState("22001", db, "INSERT INTO tags (label) VALUES (repeat('x', 51))");
    }
  }

  @Test
  void identityOnAUuid_isAnErrorOnTheAnnotation() {
    JavaFileObject tag = entity("Tag",
        "@Entity",
        "public class Tag {",
        "  @Id",
        "  @GeneratedValue(strategy = GenerationType.IDENTITY)",
        "  UUID id;",
        "}");
    assertThat(SchemacCompiler.compile(List.of(tag)).compilation())
            .hadErrorContainingMatch(Diagnostics.tagged("wrong-java-type",
            "GenerationType.IDENTITY needs a number"))
        .inFile(tag).onLineContaining("GenerationType.IDENTITY");
  }

  // ---------------------------------------------------------------- structure

  @Test
  void entityWithSchemacTable_isAnError() {
    JavaFileObject both = entity("Both",
        "@Entity",
        "@dev.schemac.annotations.Table",
        "public class Both {",
        "  @Id UUID id;",
        "}");
    assertThat(SchemacCompiler.compile(List.of(both)).compilation())
        .hadErrorContainingMatch(Diagnostics.tagged("conflicting-annotations",
                "remove dev.schemac.annotations.Table"))
                .inFile(both).onLineContaining("@dev.schemac.annotations.Table");
  }

  @Test
  void unreadMappings_areErrorsOnTheElement_neverASilentGap() {
    JavaFileObject shop = entity("Shop",
        "@Entity",
        "@SecondaryTable(name = \"shop_details\")",
        "public class Shop {",
        "  @Id UUID id;",
        "}");
    JavaFileObject counter = entity("Counter",
        "@Entity",
        "public class Counter {",
        "  @Id Long id;",
        "  @org.hibernate.annotations.Collate(\"C\") String label;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(shop, counter)).compilation();
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unsupported-mapping",
            "@SecondaryTable is not read by schemac")).inFile(shop)
        .onLineContaining("@SecondaryTable");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unsupported-mapping",
            "Hibernate's @Collate sets a column's collation, which schemac does not"
        + " read")).inFile(counter).onLineContaining("String label;");
  }

  @Test
  void manyToOneToANonEntity_isAnError() {
    JavaFileObject note = entity("Note",
        "@Entity",
        "public class Note {",
        "  @Id UUID id;",
        "  @ManyToOne(optional = false) Plain plain;",
        "}");
    JavaFileObject plain = entity("Plain", "public class Plain { UUID id; }");
    assertThat(SchemacCompiler.compile(List.of(note, plain)).compilation())
        .hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key",
                "is not an @Entity of this compilation")).inFile(note).onLineContaining("Plain plain;");
  }

  @Test
  void javaxPersistence_isReadByName_evenJpa20WithoutIndexesAndForeignKey() {
    List<JavaFileObject> javax = new ArrayList<>();
    for (String annotation : List.of(
        "@Target(ElementType.TYPE) public @interface Entity { String name() default \"\"; }",
        "@Target({ElementType.FIELD, ElementType.METHOD}) public @interface Id {}",
        // JPA 2.0: no Table.indexes, no JoinColumn.foreignKey
        "@Target(ElementType.TYPE) public @interface Table { String name() default \"\"; String schema() default \"\";"
            + " String catalog() default \"\"; }",
        "@Target({ElementType.FIELD, ElementType.METHOD}) public @interface ManyToOne { boolean optional() default true; }",
        "@Target({ElementType.FIELD, ElementType.METHOD}) public @interface JoinColumn { String name() default \"\";"
            + " String referencedColumnName() default \"\"; boolean unique() default false;"
            + " boolean nullable() default true; }",
        "@Target({ElementType.FIELD, ElementType.METHOD}) public @interface Column { String name() default \"\";"
            + " boolean unique() default false; boolean nullable() default true; String columnDefinition() default \"\";"
            + " String table() default \"\"; int length() default 255; int precision() default 0; int scale() default 0; }")) {
      String simple = annotation.replaceAll(".*@interface (\\w+).*", "$1");
      javax.add(SchemacCompiler.source("javax.persistence." + simple, "package javax.persistence;",
          "import java.lang.annotation.*;", "@Retention(RetentionPolicy.RUNTIME)", annotation));
    }
    javax.add(SchemacCompiler.source("com.example.legacy.Account", "package com.example.legacy;",
        "import javax.persistence.*;",
        "@Entity(name = \"accounts\")",
        "public class Account {",
        "  @Id java.util.UUID id;",
        "  @Column(name = \"owner_name\", nullable = false, length = 80) String owner;",
        "}"));
    javax.add(SchemacCompiler.source("com.example.legacy.Entry", "package com.example.legacy;",
        "import javax.persistence.*;",
        "@Entity",
        "@Table(name = \"entries\")",
        "public class Entry {",
        "  @Id java.util.UUID id;",
        "  @ManyToOne(optional = false) @JoinColumn(name = \"account_id\", unique = true) Account account;",
        "}"));
    SchemacCompiler.Result compiled = SchemacCompiler.compile(javax);
    assertThat(compiled.compilation()).succeededWithoutWarnings();
    assertThat(compiled.schemaSql()).contains("CREATE TABLE accounts (");
    assertThat(compiled.schemaSql()).contains("owner_name varchar(80) NOT NULL");
    assertThat(compiled.schemaSql()).contains("CONSTRAINT entries_account_id_key UNIQUE (account_id)");
    assertThat(compiled.schemaSql()).contains("FOREIGN KEY (account_id) REFERENCES accounts (id)");
  }

  @Test
  void diagnosticsOfTheModel_areNone() {
    assertThat(result.compilation().diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList()).isEmpty();
  }

  @Test
  void lob_isALargeObjectAsHibernateStoresIt_withAWarningThatSaysHowToAvoidIt() throws SQLException {
    JavaFileObject document = entity("Document",
        "@Entity",
        "public class Document {",
        "  @Id UUID id;",
        "  @Lob @Column(nullable = false) String body;",
        "  @Lob byte[] scan;",
        "}");
    SchemacCompiler.Result lob = compile(List.of(document));
    assertThat(lob.compilation()).succeeded();
    assertThat(lob.compilation()).hadWarningContainingMatch(Diagnostics.tagged("lob",
            "Fix: remove @Lob; for a String add @Column(columnDefinition ="
        + " \"text\")")).inFile(document).onLineContaining("String body;");
    assertThat(lob.compilation()).hadWarningContainingMatch(Diagnostics.tagged("lob",
            "Fix: remove @Lob; for a byte[] Hibernate then writes bytea"))
        .inFile(document).onLineContaining("byte[] scan;");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(lob.schemaSql());
      assertThat(db.catalog().column("document", "body").type()).isEqualTo("oid");
      assertThat(db.catalog().column("document", "scan").type()).isEqualTo("oid");
    }
  }
}
