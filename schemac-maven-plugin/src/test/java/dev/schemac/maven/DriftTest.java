package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Drift of a live PostgreSQL database from the sample app's committed history. */
class DriftTest {

  private static Drift.Report drift(String url, Path db) throws Exception {
    String scratch = TestPostgres.newDatabase("scratch");
    try (Connection live = TestPostgres.connect(url); Connection expected = TestPostgres.connect(scratch)) {
      return Drift.check(live, new FlywayHistory(live, null, "flyway_schema_history"), CommittedFiles.of(db), expected);
    }
  }

  private static void execute(String url, String... statements) throws Exception {
    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Test
  void aMigratedDatabase_hasNoDrift() throws Exception {
    String url = TestPostgres.newDatabase("drift_none");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).load().migrate();

    Drift.Report report = drift(url, TestPostgres.SAMPLE_DB);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences()).isEmpty();
    assertThat(report.expectedFrom()).isEqualTo("the committed migrations V1, V2, V2.1, V3, V3.1 (the database is at"
        + " version 3)");
    // version 3 is current in the sources and applied here: the trap is near, and said
    assertThat(report.warnings()).hasSize(1);
    assertThat(report.warnings().get(0)).startsWith(PluginErrorId.CURRENT_VERSION_APPLIED.message("version 3 is applied to"
        + " this database and still current"));
  }

  @Test
  void handMadeDrift_isReportedObjectByObject() throws Exception {
    String url = TestPostgres.newDatabase("drift_by_hand");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).load().migrate();
    execute(url,
        "ALTER TABLE orders ALTER COLUMN note TYPE text",
        "ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL",
        "ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'USD'",
        "DROP INDEX idx_posts_title",
        "ALTER TABLE products DROP CONSTRAINT products_stock_quantity_check",
        "ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price > 0)",
        "COMMENT ON TABLE tags IS 'edited in production'",
        "ALTER TABLE users DISABLE TRIGGER users_set_updated_at",
        "CREATE TABLE import_scratch (id int PRIMARY KEY, payload text)",
        "CREATE INDEX idx_users_by_hand ON users (created_at)");

    Drift.Report report = drift(url, TestPostgres.SAMPLE_DB);

    assertThat(report.differences().stream().map(CatalogDiff.Difference::line).toList()).containsExactly(
        "[schemac:drift-changed] column public.orders.currency: default is ''USD'::character varying' in the database,"
            + " ''EUR'::character varying' in the committed schema",
        "[schemac:drift-changed] column public.orders.note: type is 'text' in the database, 'character varying(500)' in the committed schema",
        "[schemac:drift-changed] column public.users.display_name: nullable is 'yes' in the database, 'no' in the committed schema",
        "[schemac:drift-extra] constraint public.products.products_price_positive: only in the database, not in the committed schema"
            + " (CHECK ((price > (0)::numeric)))",
        "[schemac:drift-missing] constraint public.products.products_stock_quantity_check: missing from the database"
            + " (CHECK ((stock_quantity >= 0)))",
        "[schemac:drift-missing] index public.idx_posts_title: missing from the database"
            + " (CREATE INDEX idx_posts_title ON public.posts USING gin (title gin_trgm_ops))",
        "[schemac:drift-extra] index public.idx_users_by_hand: only in the database, not in the committed schema"
            + " (CREATE INDEX idx_users_by_hand ON public.users USING btree (created_at))",
        "[schemac:drift-extra] table public.import_scratch: only in the database, not in the committed schema",
        "[schemac:drift-changed] table public.tags: comment is 'edited in production' in the database, 'A label for blog posts.' in the"
            + " committed schema",
        "[schemac:drift-changed] trigger public.users.users_set_updated_at: enabled is 'no (DISABLED)' in the database, 'yes' in the"
            + " committed schema").inOrder();
  }

  @Test
  void aDatabaseBehind_isComparedWithTheVersionItIsAt() throws Exception {
    String url = TestPostgres.newDatabase("drift_behind");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).target("2.1").load().migrate();

    Drift.Report report = drift(url, TestPostgres.SAMPLE_DB);

    assertThat(report.clean()).isTrue();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.expectedFrom()).isEqualTo("the committed migrations V1, V2, V2.1 (the database is at version 2,"
        + " the sources at 3)");
  }

  @Test
  void theCurrentVersionTrap_aCurrentVersionRewrittenAfterADatabaseRanIt_isAnError() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    String url = TestPostgres.newDatabase("drift_trap");
    TestPostgres.flyway(url, db).load().migrate();
    // what a compile does to the current version's up when a record changes
    Path v3 = db.resolve("migration/V3__drop_posts_excerpt_and_more.sql");
    Files.writeString(v3, Files.readString(v3, UTF_8) + "\nALTER TABLE posts ADD COLUMN subtitle text;\n");

    Drift.Report report = drift(url, db);

    assertThat(report.clean()).isFalse();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(0)).startsWith(PluginErrorId.CURRENT_VERSION_TRAP.tag() + "the current-version trap:"
        + " version 3 is still current in the"
        + " sources, so V3__drop_posts_excerpt_and_more.sql was rewritten after this database ran it (Flyway checksum");
    assertThat(report.differences().stream().map(CatalogDiff.Difference::object).toList())
        .containsExactly("column public.posts.subtitle");
  }

  @Test
  void aReleasedMigrationChangedAfterItWasApplied_isAnError() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    String url = TestPostgres.newDatabase("drift_released");
    TestPostgres.flyway(url, db).load().migrate();
    Path v1 = db.resolve("migration/V1__initial_schema.sql");
    Files.writeString(v1, Files.readString(v1, UTF_8) + "\n-- edited\n");

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(0)).startsWith(PluginErrorId.CHANGED_MIGRATION.message("this database ran"
        + " V1__initial_schema.sql, but the committed V1__initial_schema.sql has another Flyway checksum"));
  }

  @Test
  void withoutAHistoryTable_theDatabaseIsComparedWithSchemaSql() throws Exception {
    String url = TestPostgres.newDatabase("drift_schema_sql");
    execute(url, Files.readString(TestPostgres.SAMPLE_DB.resolve("schema.sql"), UTF_8));
    execute(url, "ALTER TABLE tags DROP COLUMN name");

    Drift.Report report = drift(url, TestPostgres.SAMPLE_DB);

    assertThat(report.expectedFrom()).startsWith("the committed schema.sql (version 3;");
    assertThat(report.differences().stream().map(CatalogDiff.Difference::object).toList())
        .contains("column public.tags.name");
  }
}
