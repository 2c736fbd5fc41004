package dev.schemac.maven;

import static dev.schemac.maven.PluginMessages.tagged;
import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo on a real SQLite 3.54 (sqlite-jdbc), with the shop's committed SQLite files and Flyway
 * keeping the history, on connections that enforce foreign keys: U2 rebuilds the parent table
 * {@code customers}, whose child {@code purchases} says ON DELETE CASCADE.
 */
class SqliteUndoTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String HISTORY = "flyway_schema_history";
  private static final String U2 = "U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql";
  private static final String U3 = "U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql";

  @TempDir Path dir;

  private static List<String> versions(Connection c) throws Exception {
    return new FlywayHistory(Engine.SQLITE, c, null, HISTORY).rows().stream().map(FlywayHistory.Row::version).toList();
  }

  private static Undo undo(Connection c, Path db, List<String> log) throws Exception {
    return new Undo(c, new FlywayHistory(Engine.SQLITE, c, null, HISTORY), CommittedFiles.of(db, "sqlite"), log::add);
  }

  private static Map<String, CatalogItem> catalog(Connection c) throws Exception {
    return SqliteCatalog.read(c, HISTORY);
  }

  private static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private String migrated(String name, Path db, String target) {
    String url = TestSqlite.url(dir.resolve(name + ".db"));
    TestSqlite.flyway(url, db).target(target).load().migrate();
    return url;
  }

  private static void seed(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob');"
          + " INSERT INTO purchases (customer_id, total, quantity) VALUES (1, '12.50', 1), (1, '3.00', 2), (2, '7.25', 1)");
    }
  }

  @Test
  void undoToOne_leavesVersionOnesCatalogAndEveryChildRow_andFlywayMigrateAppliesTheUpsAgain() throws Exception {
    Path db = ShopFixture.copy();
    String reference = migrated("reference", db, "1");
    String url = migrated("live", db, "latest");
    try (Connection c = TestSqlite.connect(url); Connection ref = TestSqlite.connect(reference)) {
      seed(c);
      var latest = catalog(c);
      List<String> log = new ArrayList<>();

      List<String> run = undo(c, db, log).to("1", WAIT);

      assertThat(run).containsExactly(U3, U2).inOrder();
      assertThat(versions(c)).containsExactly("1");
      assertThat(CatalogDiff.compare(catalog(ref), catalog(c))).isEmpty();
      assertThat(log).contains(U2 + ": the down and the 1 history row of version 2, in one transaction");
      // the rebuild of customers deleted no purchase through ON DELETE CASCADE
      assertThat(rows(c, "SELECT c.name || ' ' || p.total FROM purchases p JOIN customers c ON c.id = p.customer_id"
          + " ORDER BY p.id")).containsExactly("Ada 12.50", "Ada 3.00", "Bob 7.25").inOrder();
      assertThat(rows(c, "PRAGMA foreign_keys")).containsExactly("1");

      MigrateResult again = TestSqlite.flyway(url, db).load().migrate();
      assertThat(again.migrationsExecuted).isEqualTo(2);
      assertThat(versions(c)).containsExactly("1", "2", "3").inOrder();
      assertThat(CatalogDiff.compare(latest, catalog(c))).isEmpty();
      assertThat(rows(c, "SELECT count(*) FROM purchases")).containsExactly("3");
    }
  }

  /** The down and its history edit are one transaction: a failure leaves both as they were. */
  @Test
  void aFailingDown_rollsBackWithItsHistoryEdit_andRunsOnceFixed() throws Exception {
    Path db = ShopFixture.copy();
    Path u2 = db.resolve("sqlite/undo/" + U2);
    String committed = Files.readString(u2, UTF_8);
    String atTwo = migrated("reference_two", db, "2");
    String atOne = migrated("reference_one", db, "1");
    String url = migrated("failing", db, "latest");
    Files.writeString(u2, committed.replace("DROP TABLE tags;", "DROP TABLE tags;\nSELECT no_such_function();"), UTF_8);
    try (Connection c = TestSqlite.connect(url); Connection two = TestSqlite.connect(atTwo);
        Connection one = TestSqlite.connect(atOne)) {
      seed(c);
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("1", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNDO_FAILED.message(U2 + " failed: "));
      assertThat(e).hasMessageThat().contains("no such function: no_such_function");
      assertThat(e).hasMessageThat().endsWith("It was rolled back with its history edit: the database is at version 2.");
      // U3 ran and committed with its row; U2's rebuild and row are rolled back
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
      assertThat(CatalogDiff.compare(catalog(two), catalog(c))).isEmpty();
      assertThat(rows(c, "PRAGMA foreign_keys")).containsExactly("1");
      assertThat(rows(c, "SELECT count(*) FROM purchases")).containsExactly("3");

      Files.writeString(u2, committed, UTF_8);
      assertThat(undo(c, db, new ArrayList<>()).to("1", WAIT)).containsExactly(U2);
      assertThat(versions(c)).containsExactly("1");
      assertThat(CatalogDiff.compare(catalog(one), catalog(c))).isEmpty();
      assertThat(rows(c, "SELECT count(*) FROM purchases")).containsExactly("3");
    }
  }

  @Test
  void aHistoryTableOfAnotherName_isFoundByIt() throws Exception {
    Path db = ShopFixture.copy();
    String url = TestSqlite.url(dir.resolve("named.db"));
    TestSqlite.flyway(url, db).table("schema_versions").target("2").load().migrate();
    try (Connection c = TestSqlite.connect(url)) {
      FlywayHistory history = new FlywayHistory(Engine.SQLITE, c, null, "schema_versions");
      assertThat(history.qualifiedName()).isEqualTo("\"main\".\"schema_versions\"");
      assertThat(new Undo(c, history, CommittedFiles.of(db, "sqlite"), s -> { }).to("1", WAIT)).containsExactly(U2);
      assertThat(history.rows().stream().map(FlywayHistory.Row::version).toList()).containsExactly("1");
      assertThat(catalog(c)).doesNotContainKey("table tags");
      assertThat(new FlywayHistory(Engine.SQLITE, c, null, HISTORY).exists()).isFalse();
    }
  }

  /** Each refusal comes before anything runs, under its own id. */
  @Test
  void refusals_haveTheirIds_andNothingRuns() throws Exception {
    Path db = ShopFixture.copy();
    String url = migrated("refusals", db, "3");
    try (Connection c = TestSqlite.connect(url)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("2.1", WAIT));
      assertThat(e.id()).isEqualTo(PluginErrorId.UNDO_INVALID_VERSION);
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNDO_INVALID_VERSION.message("-Dschemac.to=2.1 is not a"
          + " version"));

      Files.delete(db.resolve("sqlite/undo/" + U3));
      e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("1", WAIT));
      assertThat(e.id()).isEqualTo(PluginErrorId.UNDO_REFUSED);
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.UNDO_REFUSED.message("cannot undo to version 1, nothing"
          + " was undone: "));
      assertThat(e).hasMessageThat().containsMatch(tagged(PluginErrorId.MISSING_DOWN, "undo/U3__*.sql is not among the"
          + " committed files"));
      assertThat(versions(c)).containsExactly("1", "2", "3").inOrder();
    }
    String empty = TestSqlite.url(dir.resolve("no_history.db"));
    try (Connection c = TestSqlite.connect(empty)) {
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("1", WAIT));
      assertThat(e).hasMessageThat().startsWith(PluginErrorId.NO_HISTORY.message("there is no Flyway history table"
          + " \"main\".\"flyway_schema_history\" in this database"));
    }
  }

  /** Flyway's baseline has no down: a version the history holds as BASELINE is refused, and nothing runs. */
  @Test
  void aBaselineVersion_isRefused() throws Exception {
    Path db = ShopFixture.copy();
    String url = migrated("baseline", db, "1");
    try (Connection c = TestSqlite.connect(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (2, '2', '<< Flyway Baseline >>', 'BASELINE',"
          + " '<< Flyway Baseline >>', NULL, 'me', 0, 1)");
      Undo.UndoException e = assertThrows(Undo.UndoException.class, () -> undo(c, db, new ArrayList<>()).to("1", WAIT));
      assertThat(e.id()).isEqualTo(PluginErrorId.UNDO_REFUSED);
      assertThat(e).hasMessageThat().containsMatch(tagged(PluginErrorId.BASELINE_VERSION, "version 2 is Flyway's"
          + " baseline here"));
      assertThat(versions(c)).containsExactly("1", "2").inOrder();
    }
  }
}
