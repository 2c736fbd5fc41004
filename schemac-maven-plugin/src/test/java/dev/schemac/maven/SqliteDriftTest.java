package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift of a real SQLite 3.54 database (sqlite-jdbc) from the shop's committed SQLite files. */
class SqliteDriftTest {
  private static final String HISTORY = "flyway_schema_history";

  @TempDir Path dir;

  private Drift.Report drift(String url, Path db) throws Exception {
    try (Connection live = TestSqlite.connect(url);
        Connection expected = TestSqlite.connect(TestSqlite.url(dir.resolve("scratch.db")))) {
      return Drift.check(live, new FlywayHistory(Engine.SQLITE, live, null, HISTORY), CommittedFiles.of(db, "sqlite"),
          expected);
    }
  }

  private static void execute(String url, String script) throws Exception {
    try (Connection c = TestSqlite.connect(url); Statement s = c.createStatement()) {
      s.executeUpdate(script);
    }
  }

  @Test
  void aMigratedDatabase_hasNoDrift() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("none.db"));
    TestSqlite.flyway(url, db).load().migrate();

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences()).isEmpty();
    assertThat(report.expectedFrom()).isEqualTo("the committed migrations V1, V2, V3 (the database is at version 3)");
  }

  @Test
  void handMadeDrift_isReportedObjectByObject() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("by_hand.db"));
    TestSqlite.flyway(url, db).load().migrate();
    execute(url, """
        ALTER TABLE customers ADD COLUMN nickname text;
        DROP INDEX idx_customers_name_created_at;
        CREATE INDEX idx_purchases_by_hand ON purchases (total DESC) WHERE quantity > 1;
        CREATE TABLE import_scratch (id integer PRIMARY KEY, payload text);
        PRAGMA foreign_keys = OFF;
        BEGIN;
        CREATE TABLE tags_new (id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
            label text NOT NULL CHECK (length(label) <= 60));
        INSERT INTO tags_new SELECT * FROM tags;
        DROP TABLE tags;
        ALTER TABLE tags_new RENAME TO tags;
        CREATE UNIQUE INDEX tags_label_key ON tags (label);
        COMMIT;
        CREATE TRIGGER tags_lower AFTER INSERT ON tags BEGIN UPDATE tags SET label = lower(label) WHERE id = new.id; END;
        """);

    Drift.Report report = drift(url, db);

    assertThat(report.errors()).isEmpty();
    assertThat(report.differences().stream().map(CatalogDiff.Difference::line).toList()).containsExactly(
        "[schemac:drift-missing] check tags.length(label) <= 50: missing from the database (length(label) <= 50)",
        "[schemac:drift-extra] check tags.length(label) <= 60: only in the database, not in the committed schema (length(label) <= 60)",
        "[schemac:drift-extra] column customers.nickname: only in the database, not in the committed schema (TEXT)",
        "[schemac:drift-missing] index idx_customers_name_created_at: missing from the database (CREATE INDEX idx_customers_name_created_at"
            + " ON customers(name, created_at DESC))",
        "[schemac:drift-extra] index idx_purchases_by_hand: only in the database, not in the committed schema (CREATE INDEX"
            + " idx_purchases_by_hand ON purchases(total DESC) WHERE quantity > 1)",
        "[schemac:drift-extra] table import_scratch: only in the database, not in the committed schema",
        "[schemac:drift-changed] table tags: strict is 'no' in the database, 'yes' in the committed schema",
        "[schemac:drift-extra] trigger tags.tags_lower: only in the database, not in the committed schema (CREATE TRIGGER tags_lower AFTER"
            + " INSERT ON tags BEGIN UPDATE tags SET label = lower(label) WHERE id = new.id; END)").inOrder();
  }

  @Test
  void withoutAHistoryTable_theDatabaseIsComparedWithSchemaSql() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("schema_sql.db"));
    execute(url, java.nio.file.Files.readString(db.resolve("sqlite/schema.sql")));

    Drift.Report report = drift(url, db);

    assertThat(report.expectedFrom()).startsWith("the committed schema.sql (version 3;");
    assertThat(report.differences()).isEmpty();
  }

  /** What the history says that no catalog shows: a failed migration, a database ahead of the sources. */
  @Test
  void historyProblems_haveTheirIds() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("history.db"));
    TestSqlite.flyway(url, db).target("2").load().migrate();
    execute(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (3, '3', 'x', 'SQL', 'V3__x.sql', 0, 'me', 0, 0)");

    Drift.Report failed = drift(url, db);

    assertThat(failed.errors()).containsExactly(PluginErrorId.FAILED_MIGRATION.message("the history has a failed"
        + " migration: V3__x.sql (version 3); fix it, then flyway repair and migrate"));

    execute(url, "UPDATE flyway_schema_history SET version = '9', success = 1 WHERE installed_rank = 3");
    Drift.Report ahead = drift(url, db);

    assertThat(ahead.errors()).contains(PluginErrorId.DATABASE_AHEAD.message("the database is at version 9, and the"
        + " committed files stop at version 3: it was migrated from other sources (a newer branch?). Nothing was"
        + " compared"));
    assertThat(ahead.expectedFrom()).isEqualTo("nothing");
  }

  @Test
  void neitherAHistoryNorASchemaSql_isNothingToCompare() throws Exception {
    Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty-db"));
    Drift.Report report = drift(TestSqlite.url(dir.resolve("bare.db")), empty);
    assertThat(report.clean()).isFalse();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(0)).startsWith(PluginErrorId.NOTHING_TO_COMPARE.message("there is neither a Flyway"
        + " history table"));
  }

  /** A committed up the engine refuses fails the replay in the scratch database, under its own id. */
  @Test
  void aCommittedUpThatDoesNotRun_isReplayFailed() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("replay.db"));
    TestSqlite.flyway(url, db).target("1").load().migrate();
    Path v1 = db.resolve("sqlite/migration/V1__initial_schema.sql");
    java.nio.file.Files.writeString(v1, java.nio.file.Files.readString(v1).replace("CREATE TABLE", "CREATE TABEL"));

    java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
        () -> drift(url, db));
    assertThat(e.getMessage()).startsWith(PluginErrorId.REPLAY_FAILED.message("replaying the committed"
        + " V1__initial_schema.sql in the scratch database failed: "));
  }
}
