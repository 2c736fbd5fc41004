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
      assertThat(e.getSQLState()).isEqualTo("23503");
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
      assertThat(e.getSQLState()).isEqualTo("23503");
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
      assertThat(e.getSQLState()).isEqualTo("23503");
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

  // --- JPA keys across modules: @MapsId and @EmbeddedId

  private static final JavaFileObject ACCOUNT = SchemacCompiler.source("com.example.customers.Account",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "@Entity @Table(name = \"accounts\") public class Account {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false) String email;",
      "}");
  private static final JavaFileObject CONTRACT_ID = SchemacCompiler.source("com.example.customers.ContractId",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "@Embeddable public class ContractId implements java.io.Serializable {",
      "  @Column(length = 2) String region;",
      "  @Column(name = \"contract_no\") int number;",
      "}");
  private static final JavaFileObject CONTRACT = SchemacCompiler.source("com.example.customers.Contract",
      "package com.example.customers;",
      "import jakarta.persistence.*;",
      "@Entity @Table(name = \"contracts\") public class Contract {",
      "  @EmbeddedId ContractId id;",
      "  @Column(nullable = false) String title;",
      "}");

  private static File keysModule(Path root) throws Exception {
    SchemacCompiler.Result customers = SchemacCompiler.compile(Files.createDirectories(root.resolve("customers-db")),
        List.of(ACCOUNT, CONTRACT_ID, CONTRACT));
    assertThat(customers.compilation()).succeeded();
    return SchemacCompiler.writeClasses(customers.compilation(), root.resolve("customers-classes"));
  }

  /** {@code @MapsId} on a one-to-one to another module's entity: the key of this table is that entity's key. */
  @Test
  void aMapsIdOneToOneToAnotherModulesEntity_sharesItsKey_asAForeignKeyToItsTable() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = keysModule(root);
    JavaFileObject profile = SchemacCompiler.source("com.example.orders.Profile",
        "package com.example.orders;",
        "import com.example.customers.Account;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"profiles\") public class Profile {",
        "  @Id Long id;",
        "  @MapsId @OneToOne(optional = false) Account account;",
        "  @Column(nullable = false) String bio;",
        "}");

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(profile));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    assertThat(schema).containsMatch("account_id +bigint +NOT NULL");
    assertThat(schema).contains("CONSTRAINT profiles_pkey PRIMARY KEY (account_id)");
    assertThat(schema).contains("CONSTRAINT profiles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id)");
    assertThat(schema).doesNotContain("CREATE TABLE accounts");
    assertSameAsInOneModule(root, schema, profile, "profiles");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(Files.readString(root.resolve("customers-db/schema.sql")));
      db.executeScript(schema);
      db.executeScript("INSERT INTO accounts (email) VALUES ('ada@example.com');"
          + " INSERT INTO profiles (account_id, bio) SELECT id, 'Countess' FROM accounts");
      assertRefused(db, "23503", "INSERT INTO profiles (account_id, bio) VALUES (4242, 'nobody')");
      // the key is the account's: one profile each
      assertRefused(db, "23505", "INSERT INTO profiles (account_id, bio) SELECT id, 'twice' FROM accounts");
    }
  }

  /** A reference to another module's entity keyed by an {@code @EmbeddedId}: a composite foreign key to its key. */
  @Test
  void aManyToOneToAnotherModulesEntityWithAnEmbeddedId_isACompositeForeignKey() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = keysModule(root);
    JavaFileObject invoice = SchemacCompiler.source("com.example.orders.Invoice",
        "package com.example.orders;",
        "import com.example.customers.Contract;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"invoices\", indexes = {@Index(columnList = \"contract_region, contract_no\"),",
        "    @Index(columnList = \"renewal_region, renewal_contract_no\")})",
        "public class Invoice {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @ManyToOne(optional = false)",
        "  @JoinColumns({@JoinColumn(name = \"contract_region\", referencedColumnName = \"region\"),",
        "      @JoinColumn(name = \"contract_no\", referencedColumnName = \"contract_no\")})",
        "  Contract contract;",
        "  @ManyToOne Contract renewal;", // JPA's default join columns: <attribute>_<key column>
        "}");

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(invoice));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    assertThat(schema).containsMatch("contract_region +varchar\\(2\\) +NOT NULL");
    assertThat(schema).containsMatch("contract_no +integer +NOT NULL");
    assertThat(schema).contains("CONSTRAINT invoices_contract_region_contract_no_fkey FOREIGN KEY (contract_region,"
        + " contract_no) REFERENCES contracts (region, contract_no)");
    assertThat(schema).containsMatch("renewal_region +varchar\\(2\\),");
    assertThat(schema).contains("CONSTRAINT invoices_renewal_region_renewal_contract_no_fkey FOREIGN KEY (renewal_region,"
        + " renewal_contract_no) REFERENCES contracts (region, contract_no)");
    assertThat(schema).doesNotContain("CREATE TABLE contracts");
    assertSameAsInOneModule(root, schema, invoice, "invoices");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(Files.readString(root.resolve("customers-db/schema.sql")));
      db.executeScript(schema);
      db.executeScript("INSERT INTO contracts (region, contract_no, title) VALUES ('EU', 1, 'Supply');"
          + " INSERT INTO invoices (contract_region, contract_no) VALUES ('EU', 1)");
      assertRefused(db, "23503", "INSERT INTO invoices (contract_region, contract_no) VALUES ('EU', 2)");
      assertRefused(db, "23503", "INSERT INTO invoices (contract_region, contract_no) VALUES ('US', 1)");
      assertRefused(db, "23503", "INSERT INTO invoices (contract_region, contract_no, renewal_region, renewal_contract_no)"
          + " VALUES ('EU', 1, 'EU', 9)");
    }
  }

  /**
   * {@code @MapsId} into this module's {@code @EmbeddedId}: one part of the key is another module's
   * entity's key ({@code @MapsId("accountId")}); and a one-to-one that shares the whole composite
   * key of another module's entity, whose {@code @Embeddable} is that module's class too.
   */
  @Test
  void mapsIdIntoAnEmbeddedId_andASharedCompositeKey_ofAnotherModulesEntities() throws Exception {
    Path root = Files.createTempDirectory("schemac-modules-");
    File customers = keysModule(root);
    JavaFileObject visitId = SchemacCompiler.source("com.example.orders.VisitId",
        "package com.example.orders;",
        "import jakarta.persistence.*;",
        "@Embeddable public class VisitId implements java.io.Serializable { Long accountId; int visitNo; }");
    JavaFileObject visit = SchemacCompiler.source("com.example.orders.Visit",
        "package com.example.orders;",
        "import com.example.customers.Account;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"visits\") public class Visit {",
        "  @EmbeddedId VisitId id;",
        "  @MapsId(\"accountId\") @ManyToOne(optional = false) Account account;",
        "}");
    JavaFileObject terms = SchemacCompiler.source("com.example.orders.ContractTerms",
        "package com.example.orders;",
        "import com.example.customers.*;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"contract_terms\") public class ContractTerms {",
        "  @EmbeddedId ContractId id;",
        "  @MapsId @OneToOne(optional = false) Contract contract;",
        "  @Column(nullable = false) String text;",
        "}");

    SchemacCompiler.Result orders = SchemacCompiler.compile(Files.createDirectories(root.resolve("orders-db")),
        List.of(customers), List.of(visitId, visit, terms));

    assertThat(orders.compilation()).succeeded();
    String schema = orders.schemaSqlInDir();
    // JPA's default names: the embedded id's visitNo is visitno; the shared key's columns <attribute>_<key column>
    assertThat(schema).contains("CONSTRAINT visits_pkey PRIMARY KEY (account_id, visitno)");
    assertThat(schema).contains("CONSTRAINT visits_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id)");
    assertThat(schema).containsMatch("account_id +bigint +NOT NULL");
    assertThat(schema).contains("CONSTRAINT contract_terms_pkey PRIMARY KEY (contract_region, contract_contract_no)");
    assertThat(schema).contains("CONSTRAINT contract_terms_contract_region_contract_contract_no_fkey FOREIGN KEY"
        + " (contract_region, contract_contract_no) REFERENCES contracts (region, contract_no)");
    assertSameAsInOneModule(root, schema, visitId, "visits", visit, terms);
    assertSameAsInOneModule(root, schema, visitId, "contract_terms", visit, terms);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(Files.readString(root.resolve("customers-db/schema.sql")));
      db.executeScript(schema);
      db.executeScript("INSERT INTO accounts (email) VALUES ('ada@example.com');"
          + " INSERT INTO visits (account_id, visitno) SELECT id, 1 FROM accounts;"
          + " INSERT INTO contracts (region, contract_no, title) VALUES ('EU', 1, 'Supply');"
          + " INSERT INTO contract_terms (contract_region, contract_contract_no, text) VALUES ('EU', 1, 'Net 30')");
      assertRefused(db, "23503", "INSERT INTO visits (account_id, visitno) VALUES (4242, 1)");
      assertRefused(db, "23503", "INSERT INTO contract_terms (contract_region, contract_contract_no, text)"
          + " VALUES ('EU', 2, 'Net 60')");
    }
  }

  /** The {@code CREATE TABLE} statement of {@code table} in {@code schema}. */
  private static String createTable(String schema, String table) {
    int start = schema.indexOf("CREATE TABLE " + table + " (");
    assertThat(start).isAtLeast(0);
    return schema.substring(start, schema.indexOf("\n);", start));
  }

  /**
   * Read from the other module's class files, its entities give {@code table} what they give read
   * from their sources: the keys module and {@code sources} compiled as one module.
   */
  private static void assertSameAsInOneModule(Path root, String schema, JavaFileObject source, String table,
      JavaFileObject... more) throws Exception {
    List<JavaFileObject> sources = new java.util.ArrayList<>(List.of(ACCOUNT, CONTRACT_ID, CONTRACT, source));
    sources.addAll(List.of(more));
    SchemacCompiler.Result oneModule = SchemacCompiler.compile(Files.createTempDirectory(root, "one-module-"), sources);
    assertThat(oneModule.compilation()).succeeded();
    assertThat(createTable(schema, table)).isEqualTo(createTable(oneModule.schemaSqlInDir(), table));
  }

  /** {@code sql} fails with SQLSTATE {@code state} (23503: foreign_key_violation, 23505: unique_violation). */
  private static void assertRefused(TestDatabase db, String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> db.executeScript(sql));
    assertThat(e.getSQLState()).isEqualTo(state);
  }
}
