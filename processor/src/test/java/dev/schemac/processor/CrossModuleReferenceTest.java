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
}
