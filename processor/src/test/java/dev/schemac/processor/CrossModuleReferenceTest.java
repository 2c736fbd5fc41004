package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Two modules: {@code customers} compiles the {@code Customer} record, {@code orders} compiles
 * {@code Order}, which references it and finds it on the class path, read from its class file.
 */
class CrossModuleReferenceTest {
  private static final JavaFileObject CUSTOMER = SchemacCompiler.typeIn("com.example.customers", "Customer",
      "@Table(name = \"clients\") public record Customer(@Id UUID id, String name) {}");
  private static final JavaFileObject ORDER = SchemacCompiler.source("com.example.orders.Order",
      "package com.example.orders;",
      "import dev.schemac.annotations.*;",
      "import com.example.customers.Customer;",
      "import java.util.UUID;",
      "@Table public record Order(@Id UUID id, @References(Customer.class) @Indexed UUID customerId) {}");

  private static File customersModule(Path root) throws Exception {
    SchemacCompiler.Result customers = SchemacCompiler.compile(Files.createDirectories(root.resolve("customers-db")),
        List.of(CUSTOMER));
    assertThat(customers.compilation()).succeeded();
    return SchemacCompiler.writeClasses(customers.compilation(), root.resolve("customers-classes"));
  }

  @Test
  void aReferenceToAnotherModulesRecord_isAForeignKeyToItsTable_whichStaysThatModules() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = customersModule(root);

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(ORDER));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    assertThat(schema).contains("CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES clients (id)");
    assertThat(schema).doesNotContain("CREATE TABLE clients");

    // the customers module's schema first (its migrations run first), then this one's
    String customersSchema = Files.readString(root.resolve("customers-db/schema.sql"));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(customersSchema);
      db.executeScript(schema);
      db.executeScript("INSERT INTO clients (id, name) VALUES ('6f1c1d6e-0000-4000-8000-000000000001', 'Ada');"
          + " INSERT INTO orders (id, customer_id) VALUES (gen_random_uuid(), '6f1c1d6e-0000-4000-8000-000000000001')");
      SQLException e = assertThrows(SQLException.class, () -> db.executeScript(
          "INSERT INTO orders (id, customer_id) VALUES (gen_random_uuid(), gen_random_uuid())"));
      assertThat(e.getSQLState()).isEqualTo("23503"); // foreign_key_violation
    }
  }

  @Test
  void twoModulesWithVersions_eachOwnsItsHistory_inAFlywayLocationAndHistoryTableOfItsOwn() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    JavaFileObject customersVersion = SchemacCompiler.source("com.example.customers.package-info",
        "@dev.schemac.annotations.Schema(version = 1)", "package com.example.customers;");
    JavaFileObject ordersVersion = SchemacCompiler.source("com.example.orders.package-info",
        "@dev.schemac.annotations.Schema(version = 1)", "package com.example.orders;");
    SchemacCompiler.Result customers = SchemacCompiler.compile(Files.createDirectories(root.resolve("customers-db")),
        List.of(CUSTOMER, customersVersion));
    assertThat(customers.compilation()).succeeded();
    File customerClasses = SchemacCompiler.writeClasses(customers.compilation(), root.resolve("customers-classes"));

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customerClasses), List.of(ORDER, ordersVersion), "-Aschemac.location=db/orders");

    assertThat(orders.compilation()).succeeded();
    assertThat(orders.compilation()).generatedFile(StandardLocation.CLASS_OUTPUT, "db/orders/migration/V1__initial_schema.sql");
    assertThat(orders.compilation().generatedFiles().stream().map(f -> f.toUri().getPath())
        .filter(p -> p.contains("/db/migration/")).toList()).isEmpty();
    // one database, two Flyway runs: the customers module's history first, then the orders module's
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      for (String module : List.of("customers", "orders")) {
        Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "")
            .locations("filesystem:" + root.resolve(module + "-db/migration"))
            .table(module.equals("customers") ? "flyway_schema_history" : "flyway_schema_history_orders")
            .baselineOnMigrate(module.equals("orders")).baselineVersion("0")
            .load().migrate();
      }
      assertThat(db.catalog().tables()).containsAtLeast("clients", "orders");
    }
  }

  @Test
  void aSecondHistoryInTheSameLocation_isAnError_thatNamesTheOption() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    SchemacCompiler.Result customers = SchemacCompiler.compile(Files.createDirectories(root.resolve("customers-db")),
        List.of(CUSTOMER, SchemacCompiler.source("com.example.customers.package-info",
            "@dev.schemac.annotations.Schema(version = 1)", "package com.example.customers;")));
    assertThat(customers.compilation()).succeeded();
    // the customers module's jar: its classes, and its committed files under db/ as Maven's resources copy them
    File classes = SchemacCompiler.writeClasses(customers.compilation(), root.resolve("customers-classes"));
    copyTree(root.resolve("customers-db"), root.resolve("customers-classes/db"));
    JavaFileObject ordersVersion = SchemacCompiler.source("com.example.orders.package-info",
        "@dev.schemac.annotations.Schema(version = 1)", "package com.example.orders;");

    Compilation sameLocation = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(classes), List.of(ORDER, ordersVersion)).compilation();

    assertThat(sameLocation).failed();
    assertThat(sameLocation).hadErrorContaining("[schemac:other-module-history] another module's version history is already on the class"
        + " path at db/");
    assertThat(sameLocation).hadErrorContainingMatch(Diagnostics.tagged("other-module-history",
            "the tables of com.example.customers.Customer"));
    assertThat(sameLocation).hadErrorContainingMatch(Diagnostics.tagged("other-module-history",
            "-Aschemac.location=db/<module>"));
    assertThat(Files.exists(root.resolve("orders-db/migration"))).isFalse();

    Compilation ownLocation = SchemacCompiler.compile(root.resolve("orders-db"), List.of(classes),
        List.of(ORDER, ordersVersion), "-Aschemac.location=db/orders").compilation();
    assertThat(ownLocation).succeeded();
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  @Test
  void aLocationThatIsNotAClassPathFolder_isAnError() throws Exception {
    Compilation c = SchemacCompiler.compile(Files.createTempDirectory("schemac-"), List.of(CUSTOMER),
        "-Aschemac.location=../db").compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
            "-Aschemac.location=../db is not a class-path folder"));
  }

  @Test
  void aReferenceToARecordWithoutTable_onTheClassPath_isStillAnError() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    SchemacCompiler.Result plain = SchemacCompiler.compile(Files.createDirectories(root.resolve("plain-db")),
        List.of(SchemacCompiler.typeIn("com.example.customers", "Customer",
            "public record Customer(UUID id, String name) {}")));
    File classes = SchemacCompiler.writeClasses(plain.compilation(), root.resolve("plain-classes"));

    Compilation orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")), List.of(classes),
        List.of(ORDER)).compilation();

    assertThat(orders).failed();
    assertThat(orders).hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key",
            "@References(Customer.class) must name a @Table record (of this"
        + " compilation, or compiled before it and on the class path), and com.example.customers.Customer is not one"));
  }

  // --- JPA: a relationship to another module's @Entity

  private static final JavaFileObject PARTY = SchemacCompiler.source("com.example.customers.Party",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "@Entity @Table(name = \"parties\") @Inheritance(strategy = InheritanceType.JOINED)",
      "public class Party { @Id @GeneratedValue Long id; String name; }");
  private static final JavaFileObject CLIENT = SchemacCompiler.source("com.example.customers.Client",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "@Entity @Table(name = \"clients\") public class Client extends Party { String vat; }");
  private static final JavaFileObject SUPPLIER = SchemacCompiler.source("com.example.customers.Supplier",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "import java.util.UUID;",
      "@Entity @Table(name = \"suppliers\", schema = \"purchasing\") public class Supplier { @Id UUID code; String name; }");

  private static File jpaCustomersModule(Path root) throws Exception {
    SchemacCompiler.Result customers = SchemacCompiler.compile(Files.createDirectories(root.resolve("customers-db")),
        List.of(PARTY, CLIENT, SUPPLIER));
    assertThat(customers.compilation()).succeeded();
    return SchemacCompiler.writeClasses(customers.compilation(), root.resolve("customers-classes"));
  }

  private static JavaFileObject purchaseOrder(String indexes) {
    return SchemacCompiler.source("com.example.orders.PurchaseOrder",
        "package com.example.orders;",
        "import com.example.customers.*;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"purchase_orders\"" + indexes + ")",
        "public class PurchaseOrder {",
        "  @Id @GeneratedValue Long id;",
        "  @ManyToOne(optional = false) @JoinColumn(name = \"client_id\") Client client;",
        "  @ManyToOne Supplier supplier;",
        "}");
  }

  @Test
  void aManyToOneToAnotherModulesEntity_isAForeignKeyTypedLikeItsKey_andTheTableStaysThatModules() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = jpaCustomersModule(root);
    // a record of the orders module may reference the other module's entity too
    JavaFileObject delivery = SchemacCompiler.source("com.example.orders.Delivery",
        "package com.example.orders;",
        "import com.example.customers.Supplier;",
        "import dev.schemac.annotations.*;",
        "import java.util.UUID;",
        "@Table public record Delivery(@Id UUID id, @References(Supplier.class) @Indexed UUID supplierCode) {}");

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(purchaseOrder(", indexes = {@Index(columnList = \"client_id\"),"
            + " @Index(columnList = \"supplier_code\")}"), delivery));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    // the joined subclass's key is its parent's (bigint, generated there), the supplier's a uuid
    assertThat(schema).containsMatch("client_id +bigint +NOT NULL");
    assertThat(schema).containsMatch("supplier_code +uuid,");
    assertThat(schema).contains("CONSTRAINT purchase_orders_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id)");
    assertThat(schema).contains("CONSTRAINT purchase_orders_supplier_code_fkey FOREIGN KEY (supplier_code) REFERENCES"
        + " purchasing.suppliers (code)");
    assertThat(schema).contains("CONSTRAINT deliveries_supplier_code_fkey FOREIGN KEY (supplier_code) REFERENCES"
        + " purchasing.suppliers (code)");
    for (String table : List.of("parties", "clients", "purchasing.suppliers")) {
      assertThat(schema).doesNotContain("CREATE TABLE " + table);
    }

    String customersSchema = Files.readString(root.resolve("customers-db/schema.sql"));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(customersSchema);
      db.executeScript(schema);
      db.executeScript("INSERT INTO parties (id, name) VALUES (7, 'Ada'); INSERT INTO clients (id, vat)"
          + " VALUES (7, 'GB1'); INSERT INTO purchase_orders (id, client_id) VALUES (1, 7)");
      SQLException e = assertThrows(SQLException.class, () -> db.executeScript(
          "INSERT INTO purchase_orders (id, client_id) VALUES (2, 8)"));
      assertThat(e.getSQLState()).isEqualTo("23503"); // foreign_key_violation
      assertThat(db.catalog().tables()).containsAtLeast("clients", "purchase_orders", "deliveries");
    }
  }

  /** A join table of this module between its entity and another module's: its keys reference both tables. */
  @Test
  void aManyToManyToAnotherModulesEntity_isAJoinTableOfThisModule() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = jpaCustomersModule(root);
    JavaFileObject campaign = SchemacCompiler.source("com.example.orders.Campaign",
        "package com.example.orders;",
        "import com.example.customers.*;",
        "import jakarta.persistence.*;",
        "import java.util.Set;",
        "@Entity @Table(name = \"campaigns\") public class Campaign {",
        "  @Id Long id;",
        "  @ManyToMany @JoinTable(name = \"campaign_suppliers\", indexes = @Index(columnList = \"suppliers_code\"))",
        "  Set<Supplier> suppliers;",
        "  @OneToMany @JoinTable(name = \"campaign_clients\", indexes = @Index(columnList = \"campaign_id\"))",
        "  Set<Client> clients;",
        "}");

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(campaign));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    assertThat(schema).contains("CREATE TABLE campaign_suppliers");
    assertThat(schema).contains("CONSTRAINT campaign_suppliers_suppliers_code_fkey FOREIGN KEY (suppliers_code)"
        + " REFERENCES purchasing.suppliers (code)");
    assertThat(schema).contains("CONSTRAINT campaign_clients_clients_id_fkey FOREIGN KEY (clients_id) REFERENCES"
        + " clients (id)");
    assertThat(schema).doesNotContain("CREATE TABLE purchasing.suppliers");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(Files.readString(root.resolve("customers-db/schema.sql")));
      db.executeScript(schema);
      db.executeScript("INSERT INTO campaigns (id) VALUES (1)");
      SQLException e = assertThrows(SQLException.class, () -> db.executeScript(
          "INSERT INTO campaign_suppliers (campaign_id, suppliers_code) VALUES (1, gen_random_uuid())"));
      assertThat(e.getSQLState()).isEqualTo("23503"); // foreign_key_violation
      e = assertThrows(SQLException.class, () -> db.executeScript(
          "INSERT INTO campaign_clients (campaign_id, clients_id) VALUES (1, 42)"));
      assertThat(e.getSQLState()).isEqualTo("23503");
    }
  }

  /** The foreign key is this module's: the rules on it (here, its index) run here, on this module's table. */
  @Test
  void aManyToOneToAnotherModulesEntity_withoutAnIndex_isUnindexedForeignKey() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = jpaCustomersModule(root);

    Compilation orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")), List.of(customers),
        List.of(purchaseOrder(", indexes = @Index(columnList = \"supplier_code\")"))).compilation();

    assertThat(orders).failed();
    assertThat(orders).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key", "client_id"));
    assertThat(orders).hadErrorCount(1);
  }

  @Test
  void aManyToOneToAClassOnTheClassPathThatIsNoEntity_isStillAnError() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    SchemacCompiler.Result plain = SchemacCompiler.compile(Files.createDirectories(root.resolve("plain-db")),
        List.of(SchemacCompiler.source("com.example.customers.Client", "package com.example.customers;",
            "public class Client { Long id; }"), SchemacCompiler.source("com.example.customers.Supplier",
            "package com.example.customers;", "public class Supplier { java.util.UUID code; }")));
    File classes = SchemacCompiler.writeClasses(plain.compilation(), root.resolve("plain-classes"));

    Compilation orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")), List.of(classes),
        List.of(purchaseOrder(""))).compilation();

    assertThat(orders).failed();
    assertThat(orders).hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key",
        "com.example.customers.Client is not an @Entity of this compilation or of one on its class path"));
  }

  /** The join column of a @OneToMany goes into the other side's table: another module's, which this one never alters. */
  @Test
  void aOneToManyWithAJoinColumnIntoAnotherModulesTable_isAnError() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = jpaCustomersModule(root);
    JavaFileObject campaign = SchemacCompiler.source("com.example.orders.Campaign",
        "package com.example.orders;",
        "import com.example.customers.Client;",
        "import jakarta.persistence.*;",
        "import java.util.Set;",
        "@Entity @Table(name = \"campaigns\") public class Campaign {",
        "  @Id Long id;",
        "  @OneToMany @JoinColumn(name = \"campaign_id\") Set<Client> clients;",
        "}");

    Compilation orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")), List.of(customers),
        List.of(campaign)).compilation();

    assertThat(orders).failed();
    assertThat(orders).hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key", "@OneToMany on clients"))
        .inFile(campaign).onLineContaining("Set<Client> clients;");
  }
}
