package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.maven.PluginMessages.tagged;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Undo on the sample app's committed history (three versions, two non-transactional steps), on PostgreSQL. */
class UndoTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static List<String> versions(Connection c) throws Exception {
    return new FlywayHistory(c, null, "flyway_schema_history").rows().stream().map(FlywayHistory.Row::version).toList();
  }

  private static Undo undo(Connection c, Path db, List<String> log) throws Exception {
    return new Undo(c, new FlywayHistory(c, null, "flyway_schema_history"), CommittedFiles.of(db), log::add);
  }

  @Test
  void undoToOne_leavesVersionOnesCatalog_andFlywayMigrateAppliesTheUpsAgain() throws Exception {
    String reference = TestPostgres.newDatabase("undo_reference");
    TestPostgres.flyway(reference, TestPostgres.SAMPLE_DB).target("1").load().migrate();
    String url = TestPostgres.newDatabase("undo");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).load().migrate();
    try (Connection c = TestPostgres.connect(url); Connection ref = TestPostgres.connect(reference)) {
      var latest = PostgresCatalog.read(c, "public", "flyway_schema_history");
      List<String> log = new ArrayList<>();

      List<String> run = undo(c, TestPostgres.SAMPLE_DB, log).to("1", WAIT);

      assertThat(run).containsExactly("U3.1__drop_posts_excerpt_and_more.sql", "U3__drop_posts_excerpt_and_more.sql",
          "U2.1__create_audit_events_and_add_orders_note_and_more.sql",
          "U2__create_audit_events_and_add_orders_note_and_more.sql").inOrder();
      assertThat(versions(c)).containsExactly("1");
      assertThat(CatalogDiff.compare(PostgresCatalog.read(ref, "public", "flyway_schema_history"),
          PostgresCatalog.read(c, "public", "flyway_schema_history"))).isEmpty();
      assertThat(log).contains("U3__drop_posts_excerpt_and_more.sql: 7 statements and the 1 history row of version 3,"
          + " in one transaction");

      MigrateResult again = TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).load().migrate();
      assertThat(again.migrationsExecuted).isEqualTo(4);
      assertThat(versions(c)).containsExactly("1", "2", "2.1", "3", "3.1").inOrder();
      assertThat(CatalogDiff.compare(latest, PostgresCatalog.read(c, "public", "flyway_schema_history"))).isEmpty();
    }
  }

  @Test
  void aVersionTheHistoryDoesNotHave_isRefused_andNothingRuns() throws Exception {
    String url = TestPostgres.newDatabase("undo_unknown");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).target("2").load().migrate();
    try (Connection c = TestPostgres.connect(url)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class,
          () -> undo(c, TestPostgres.SAMPLE_DB, new ArrayList<>()).to("3", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNKNOWN_VERSION.message("the history"
          + " \"public\".\"flyway_schema_history\" does not contain version 3 (applied: 1, 2); nothing was undone."));
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
    }
  }

  @Test
  void anAppliedUpThatIsNotTheCommittedOne_isRefused_beforeAnythingRuns() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    String url = TestPostgres.newDatabase("undo_changed");
    TestPostgres.flyway(url, db).load().migrate();
    Path v3 = db.resolve("migration/V3__drop_posts_excerpt_and_more.sql");
    Files.writeString(v3, Files.readString(v3, UTF_8) + "\n-- changed after it was applied\n");
    try (Connection c = TestPostgres.connect(url)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("2", WAIT));
      assertThat(e.id()).isEqualTo(PluginErrorId.UNDO_REFUSED);
      assertThat(e).hasMessageThat().containsMatch(tagged(PluginErrorId.CHANGED_MIGRATION, "this database ran another"
          + " V3__drop_posts_excerpt_and_more.sql than the committed one"));
      assertThat(versions(c)).containsExactly("1", "2", "2.1", "3", "3.1").inOrder();
    }
  }

  @Test
  void aFailingDown_rollsBackWithItsHistoryEdit() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    Path u3 = db.resolve("undo/U3__drop_posts_excerpt_and_more.sql");
    Files.writeString(u3, Files.readString(u3, UTF_8) + "\nSELECT 1 / 0;\n");
    String url = TestPostgres.newDatabase("undo_failing");
    TestPostgres.flyway(url, db).load().migrate();
    try (Connection c = TestPostgres.connect(url)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("2", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNDO_FAILED.message("U3__drop_posts_excerpt_and_more.sql failed"
          + " at statement 8 of 8 (SELECT 1 / 0): "));
      assertThat(e).hasMessageThat().endsWith("It was rolled back with its history edit: the database is at version 3.");
      // U3.1 ran (outside a transaction) and its row went; U3's work and row are rolled back
      assertThat(versions(c)).containsExactly("1", "2", "2.1", "3").inOrder();
      var columns = PostgresCatalog.read(c, "public", "flyway_schema_history");
      assertThat(columns).doesNotContainKey("column public.posts.excerpt");
      assertThat(columns).containsKey("column public.products.stock_quantity");
    }
  }

  @Test
  void aHistoryTableElsewhere_isFoundByItsConfiguredNameAndSchema() throws Exception {
    String url = TestPostgres.newDatabase("undo_history_schema");
    try (Connection c = TestPostgres.connect(url)) {
      c.createStatement().execute("CREATE SCHEMA ops");
    }
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).schemas("ops").defaultSchema("ops").table("schema_versions")
        .createSchemas(false).target("2").load().migrate();
    try (Connection c = TestPostgres.connect(url)) {
      FlywayHistory history = new FlywayHistory(c, "ops", "schema_versions");
      List<String> run = new Undo(c, history, CommittedFiles.of(TestPostgres.SAMPLE_DB), s -> { }).to("1", WAIT);
      assertThat(run).containsExactly("U2__create_audit_events_and_add_orders_note_and_more.sql");
      assertThat(PostgresCatalog.read(c, "ops", "schema_versions")).doesNotContainKey("table ops.audit_events");
      assertThat(PostgresCatalog.read(c, "ops", "schema_versions")).containsKey("table ops.users");
      assertThat(history.rows().stream().map(FlywayHistory.Row::version).toList()).containsExactly("1");
      assertThat(new FlywayHistory(c, null, "flyway_schema_history").exists()).isFalse();
    }
  }

  /**
   * A version that added a native enum value has a step before it, {@code V1.9} (docs/migrations.md):
   * undo runs {@code U2}, then {@code U1.9}, each with its history row, and Flyway migrates again.
   */
  @Test
  void aStepBeforeTheVersion_isUndoneAfterIt_withItsHistoryRow() throws Exception {
    Path db = Files.createTempDirectory("schemac-db-");
    Files.createDirectories(db.resolve("migration"));
    Files.createDirectories(db.resolve("undo"));
    Files.writeString(db.resolve("migration/V1__initial_schema.sql"),
        "CREATE TYPE state AS ENUM ('OPEN', 'CLOSED');\nCREATE TABLE tickets (id bigint PRIMARY KEY, state state);\n");
    Files.writeString(db.resolve("migration/V1.9__add_state_pending.sql"),
        "ALTER TYPE state ADD VALUE IF NOT EXISTS 'PENDING';\n");
    Files.writeString(db.resolve("migration/V2__add_state_pending.sql"),
        "ALTER TABLE tickets ALTER COLUMN state SET DEFAULT 'PENDING';\n");
    Files.writeString(db.resolve("undo/U1__initial_schema.sql"), "DROP TABLE tickets;\nDROP TYPE state;\n");
    Files.writeString(db.resolve("undo/U2__add_state_pending.sql"),
        "ALTER TABLE tickets ALTER COLUMN state DROP DEFAULT;\n");
    Files.writeString(db.resolve("undo/U1.9__add_state_pending.sql"), "ALTER TYPE state RENAME TO state_old;\n"
        + "CREATE TYPE state AS ENUM ('OPEN', 'CLOSED');\n"
        + "ALTER TABLE tickets ALTER COLUMN state TYPE state USING state::text::state;\nDROP TYPE state_old;\n");
    String url = TestPostgres.newDatabase("undo_before_step");
    TestPostgres.flyway(url, db).load().migrate();
    try (Connection c = TestPostgres.connect(url)) {
      assertThat(versions(c)).containsExactly("1", "1.9", "2").inOrder();

      List<String> run = undo(c, db, new ArrayList<>()).to("1", WAIT);

      assertThat(run).containsExactly("U2__add_state_pending.sql", "U1.9__add_state_pending.sql").inOrder();
      assertThat(versions(c)).containsExactly("1");
      try (var rs = c.createStatement().executeQuery("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)"
          + " FROM pg_enum WHERE enumtypid = 'state'::regtype")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("OPEN,CLOSED");
      }
      assertThat(TestPostgres.flyway(url, db).load().migrate().migrationsExecuted).isEqualTo(2);
      assertThat(versions(c)).containsExactly("1", "1.9", "2").inOrder();
    }
  }
}
