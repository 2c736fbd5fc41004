package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.execute;
import static dev.schemac.processor.migrate.MigrationScenarioTest.file;
import static dev.schemac.processor.migrate.MigrationScenarioTest.read;
import static dev.schemac.processor.migrate.MigrationScenarioTest.rows;
import static dev.schemac.processor.migrate.MigrationScenarioTest.snapshot;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, items 6 to 12: the migration defects a randomized run found, each applied to
 * PostgreSQL (Flyway where the file order matters): new enum values committed before the version
 * that uses them, their exact removal on the way down, downs that run on databases with rows,
 * derived names that follow a renamed table, time limits that can be set and do not cap the long
 * steps, headers that say how to run each file.
 */
class MigrationDefectsTest {
  @TempDir Path dir;

  private Flyway flyway(TestDatabase db) {
    return Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "")
        .locations("filesystem:" + dir.resolve("migration"))
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
  }

  private static final String ORDER_V1 = """
      @Table
      public record Ticket(@Id long id, @NativeEnum State state) {
        public enum State { OPEN, CLOSED }
      }
      """;

  private static final String ORDER_V2 = """
      @Table
      public record Ticket(@Id long id, @NativeEnum @Default("'PENDING'") State state) {
        public enum State { OPEN, CLOSED, PENDING }
      }
      """;

  /** Item 6: a value added to a native enum and used in the same version (a DEFAULT) runs under Flyway. */
  @Test
  void enumValueAddedAndUsedInOneVersion_isCommittedInAStepBeforeIt_andFlywayRunsIt() throws Exception {
    compileOk(dir, version(1, type("Ticket", ORDER_V1)));
    compileOk(dir, version(2, type("Ticket", ORDER_V2)));

    assertThat(read(file(dir, "migration", "V1.9__").orElseThrow()))
        .contains("ALTER TYPE state ADD VALUE IF NOT EXISTS 'PENDING';");
    assertThat(read(file(dir, "migration", "V2__").orElseThrow())).doesNotContain("ADD VALUE");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      flyway(db).migrate();
      assertThat(rows(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "1.9", "2").inOrder();
      execute(db, "INSERT INTO tickets (id) VALUES (1)");
      assertThat(rows(db, "SELECT state FROM tickets")).containsExactly("PENDING");
    }
  }

  /**
   * A value added between two others is added there (ADD VALUE ... BEFORE/AFTER), not last: a
   * migrated database sorts the enum as a fresh schema.sql does, and the down gives the old order.
   */
  @Test
  void enumValuesAddedFirstAndInTheMiddle_takeTheirPlace_asInAFreshSchema() throws Exception {
    compileOk(dir, version(1, type("Ticket", ORDER_V1)));
    SchemacCompiler.Result second = compileOk(dir, version(2, type("Ticket", """
        @Table
        public record Ticket(@Id long id, @NativeEnum State state) {
          public enum State { NEW, OPEN, HELD, CLOSED }
        }
        """)));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase(); TestDatabase fresh = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      Map<String, Object> v1 = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      fresh.executeScript(second.schemaSqlInDir());
      assertThat(db.catalog().enumTypes().get("state")).containsExactly("NEW", "OPEN", "HELD", "CLOSED").inOrder();
      assertThat(snapshot(db)).containsExactlyEntriesIn(snapshot(fresh));
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
    }
  }

  /** Item 9: the down removes the value again (the type is rebuilt), exactly; with a row holding it, it refuses. */
  @Test
  void downOfAnAddedEnumValue_rebuildsTheType_exactly_andRefusesWhileARowHoldsIt() throws Exception {
    compileOk(dir, version(1, type("Ticket", ORDER_V1)));
    compileOk(dir, version(2, type("Ticket", ORDER_V2)));
    assertThat(read(file(dir, "undo", "U1.9__").orElseThrow())).contains("ACCESS EXCLUSIVE");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO tickets (id, state) VALUES (1, 'OPEN')");
      Map<String, Object> v1 = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      Map<String, Object> v2 = snapshot(db);
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v2);

      execute(db, "INSERT INTO tickets (id) VALUES (2)"); // PENDING
      MigrationScenarioTest.apply(db, file(dir, "undo", "U2__").orElseThrow(), true);
      AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> MigrationScenarioTest.apply(db, file(dir, "undo", "U1.9__").orElseThrow(), true));
      assertThat(refused).hasMessageThat().contains("22P02"); // invalid input value for enum
    }
  }

  /**
   * A value removed from a native enum: refused until each column of the type is acknowledged; then the up makes
   * the type again without it, after the data step that moved its rows, and the down makes it again with it.
   * A migrated database equals a fresh schema.sql, and the down restores version 1 exactly.
   */
  @Test
  void removedNativeEnumValue_isAcknowledgedPerColumn_andRebuildsTheTypeBothWays() throws Exception {
    String v1 = """
        @Table
        @Index(columns = "id", where = "state = 'OPEN'")
        public record Ticket(@Id long id, @NativeEnum @Default("'OPEN'") State state) {
          public enum State { OPEN, LEGACY, CLOSED }
        }""";
    String v2 = v1.replace("OPEN, LEGACY, CLOSED", "OPEN, CLOSED");
    compileOk(dir, version(1, type("Ticket", v1)));
    Compilation refused = SchemacCompiler.compile(dir, version(2, type("Ticket", v2))).compilation();
    assertThat(refused).hadErrorContaining("schemac:destructive-change");
    assertThat(refused).hadErrorContainingMatch(Diagnostics.tagged("destructive-change",
            "drops = {@Drop(table = \"tickets\", column = \"state\")}"));

    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__retire_legacy.sql"),
        "UPDATE tickets SET state = 'CLOSED' WHERE state = 'LEGACY';\n");
    SchemacCompiler.Result second = compileOk(dir,
        version("version = 2, drops = {@Drop(table = \"tickets\", column = \"state\")}", type("Ticket", v2)));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase(); TestDatabase fresh = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO tickets VALUES (1, 'OPEN'), (2, 'LEGACY'), (3, 'CLOSED')");
      Map<String, Object> before = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      fresh.executeScript(second.schemaSqlInDir());
      Map<String, Object> after = snapshot(fresh);
      assertThat(snapshot(db)).containsExactlyEntriesIn(after);
      assertThat(rows(db, "SELECT id || ' ' || state FROM tickets ORDER BY id")).containsExactly("1 OPEN", "2 CLOSED",
          "3 CLOSED").inOrder();
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(before);
      execute(db, "INSERT INTO tickets VALUES (4, 'LEGACY')"); // the value is back
      execute(db, "DELETE FROM tickets WHERE id = 4");
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(after);
    }
  }

  /**
   * Found by the randomized suite (seed 2): an index replaced by another of the same name (a new method here)
   * was created in V2.1 and then dropped by the same file, which drops replaced indexes last; the migrated
   * database had no index where a fresh schema.sql has one. Now the new one replaces it in one step, and the
   * down puts the old one back.
   */
  @Test
  void indexReplacedByOneOfTheSameName_existsAfterTheUp_andTheOldOneAfterTheDown() throws Exception {
    String item = "@Table @Index(name = \"idx_items_code\", columns = \"code\"%s)"
        + " public record Item(@Id long id, long code) {}";
    compileOk(dir, version(1, type("Item", item.formatted(""))));
    SchemacCompiler.Result second = compileOk(dir, version(2, type("Item",
        item.formatted(", method = IndexMethod.BRIN"))));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase(); TestDatabase fresh = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO items VALUES (1, 7)");
      Map<String, Object> v1 = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      fresh.executeScript(second.schemaSqlInDir());
      Map<String, Object> v2 = snapshot(fresh);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v2);
      assertThat(rows(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_items_code'")).containsExactly(
          "CREATE INDEX idx_items_code ON public.items USING brin (code)");
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v2);
    }
  }

  /**
   * Found by the randomized suite (seed 4): two tables dropped in one version, one referencing the other. The
   * referenced one was dropped while the other's key still named it, and PostgreSQL refused (2BP01). Now every
   * key of the dropped tables goes first, and the down adds them back once both tables are there again.
   */
  @Test
  void twoDroppedTablesOneReferencingTheOther_dropAndComeBack() throws Exception {
    JavaFileObject shelf = type("Shelf", "@Table public record Shelf(@Id long id) {}");
    JavaFileObject book = type("Book", "@Table public record Book(@Id long id, @References(Shelf.class) @Indexed long"
        + " shelfId) {}");
    JavaFileObject note = type("Note", "@Table public record Note(@Id long id) {}");
    compileOk(dir, version(1, shelf, book, note));
    compileOk(dir, version("version = 2, drops = {@Drop(table = \"shelves\"), @Drop(table = \"books\")}", note));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO shelves VALUES (1); INSERT INTO books VALUES (1, 1)");
      Map<String, Object> v1 = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
          .containsExactly("notes");
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
      MigrationScenarioTest.up(db, dir, 2);
    }
  }

  /** Item 7: a down that recreates a dropped table adds the keys that referenced it NOT VALID: rows do not stop it. */
  @Test
  void downOfADroppedReferencedTable_runsOnADatabaseWithRows() throws Exception {
    String shelf = "@Table public record Shelf(@Id long id, String label) {}";
    compileOk(dir, version(1, type("Shelf", shelf),
        type("Book", "@Table public record Book(@Id long id, @References(Shelf.class) @Indexed long shelfId) {}")));
    compileOk(dir, version("version = 2, drops = @Drop(table = \"shelves\")",
        type("Book", "@Table public record Book(@Id long id, @Indexed long shelfId) {}")));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO shelves VALUES (1, 'top'); INSERT INTO books VALUES (1, 1)");
      MigrationScenarioTest.up(db, dir, 2);
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(rows(db, "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE contype = 'f'"))
          .containsExactly("books_shelf_id_fkey false");
      assertThat(read(file(dir, "undo", "U2__").orElseThrow())).contains("comes back NOT VALID");
      MigrationScenarioTest.up(db, dir, 2);
    }
  }

  /** Item 8: the sequence of an identity key follows the table it belongs to, as a fresh schema.sql names it. */
  @Test
  void renamedTableWithAnIdentityKey_renamesItsSequenceToo() throws Exception {
    // every derived name: the key, the identity sequence, an index, a UNIQUE, a CHECK, a foreign key to itself,
    // the updated_at trigger
    String components = "(@Id(generated = Id.Generated.IDENTITY) long id, %s @Check(\"%s > 0\") long %s,"
        + " @Unique @Column(length = 9) String code, @Nullable @References(Item.class) @Indexed Long parentId,"
        + " @UpdatedAt java.time.Instant updatedAt) {}";
    compileOk(dir, version(1, type("Item",
        "@Table(name = \"items\") public record Item" + components.formatted("", "qty", "qty"))));
    SchemacCompiler.Result second = compileOk(dir, version(2, type("Item", "@Table(name = \"goods\")"
        + " @RenamedFrom(\"items\") public record Item" + components.formatted("@RenamedFrom(\"qty\")", "amount",
            "amount"))));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase(); TestDatabase fresh = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      Map<String, Object> v1 = snapshot(db);
      MigrationScenarioTest.up(db, dir, 2);
      fresh.executeScript(second.schemaSqlInDir());
      assertThat(snapshot(db)).containsExactlyEntriesIn(snapshot(fresh));
      assertThat(rows(db, "SELECT pg_get_serial_sequence('goods', 'id')")).containsExactly("public.goods_id_seq");
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
    }
  }

  /**
   * Item 8, long names: when {@code <table>_<column>_seq} is longer than 63 bytes PostgreSQL shortens it (the longer
   * name first, the table's or the column's); the rename follows it there.
   */
  @Test
  void renamedTableWithALongName_renamesItsShortenedIdentitySequence() throws Exception {
    String[][] renames = {
        {"ledger_entries_for_the_quarterly_reconciliation_of_accounts_a",
            "ledger_entries_for_the_quarterly_reconciliation_of_accounts_b", "identifier_of_the_entry"},
        {"inventory_movements_between_warehouses", "stock_movements_between_warehouses",
            "sequence_number_of_the_movement_in_the_ledger"}};
    for (String[] rename : renames) {
      Path history = dir.resolve(rename[1]);
      String column = rename[2];
      compileOk(history, version(1, type("Entry",
          "@Table(name = \"" + rename[0] + "\") public record Entry(@Id(generated = Id.Generated.IDENTITY) long "
              + RandomSchemas.camel(column) + ") {}")));
      SchemacCompiler.Result second = compileOk(history, version(2, type("Entry", "@Table(name = \"" + rename[1]
          + "\") @RenamedFrom(\"" + rename[0] + "\") public record Entry(@Id(generated = Id.Generated.IDENTITY) long "
          + RandomSchemas.camel(column) + ") {}")));
      try (TestDatabase db = EmbeddedPostgresServer.freshDatabase();
          TestDatabase fresh = EmbeddedPostgresServer.freshDatabase()) {
        MigrationScenarioTest.up(db, history, 1);
        Map<String, Object> v1 = snapshot(db);
        MigrationScenarioTest.up(db, history, 2);
        fresh.executeScript(second.schemaSqlInDir());
        String serial = "SELECT pg_get_serial_sequence(quote_ident('" + rename[1] + "'), '" + column + "')";
        assertWithMessage(rename[1]).that(rows(db, serial)).isEqualTo(rows(fresh, serial));
        assertThat(snapshot(db)).containsExactlyEntriesIn(snapshot(fresh));
        MigrationScenarioTest.down(db, history, 2);
        assertThat(snapshot(db)).containsExactlyEntriesIn(v1);
      }
    }
  }

  /** Item 11: a dropped NOT NULL column with a DEFAULT comes back NOT NULL with its default; without one, nullable. */
  @Test
  void droppedColumnWithADefault_comesBackExactly_withoutOneNullable() throws Exception {
    compileOk(dir, version(1, type("Item",
        "@Table public record Item(@Id long id, @Default(\"7\") int qty, @Column(length = 9) String code) {}")));
    compileOk(dir, version("version = 2, drops = {@Drop(table = \"items\", column = \"qty\"),"
        + " @Drop(table = \"items\", column = \"code\")}", type("Item", "@Table public record Item(@Id long id) {}")));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO items VALUES (1, 3, 'x')");
      MigrationScenarioTest.up(db, dir, 2);
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(db.catalog().column("items", "qty").notNull()).isTrue();
      assertThat(db.catalog().column("items", "qty").defaultExpression()).isEqualTo("7");
      assertThat(db.catalog().column("items", "code").notNull()).isFalse();
      assertThat(rows(db, "SELECT qty || '|' || coalesce(code, 'null') FROM items")).containsExactly("7|null");
    }
  }

  /**
   * Found by the randomized suite (seed 6): a dropped UNIQUE column with a DEFAULT came back filled
   * with its default in every row, and the UNIQUE added back after it failed on the second row
   * (23505). A column of a unique key now comes back nullable and empty, with its default for new
   * rows, and the key holds.
   */
  @Test
  void droppedUniqueColumnWithADefault_comesBackEmpty_soTheKeyHoldsOnRows() throws Exception {
    compileOk(dir, version(1, type("Item",
        "@Table public record Item(@Id long id, @Unique @Default(\"9\") long tag, @Default(\"7\") int qty) {}")));
    compileOk(dir, version("version = 2, drops = {@Drop(table = \"items\", column = \"tag\"),"
        + " @Drop(table = \"items\", column = \"qty\")}", type("Item", "@Table public record Item(@Id long id) {}")));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO items VALUES (1, 8, 3), (2, 9, 3)");
      MigrationScenarioTest.up(db, dir, 2);
      MigrationScenarioTest.down(db, dir, 2);
      assertThat(db.catalog().column("items", "tag").notNull()).isFalse();
      assertThat(db.catalog().column("items", "tag").defaultExpression()).isEqualTo("9");
      assertThat(db.catalog().column("items", "qty").notNull()).isTrue(); // no key: filled by its default
      assertThat(rows(db, "SELECT coalesce(tag::text, 'null') || '|' || qty FROM items ORDER BY id"))
          .containsExactly("null|7", "null|7").inOrder();
      execute(db, "INSERT INTO items (id) VALUES (3)");
      assertThat(rows(db, "SELECT tag::text FROM items WHERE id = 3")).containsExactly("9");
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(db.catalog().columns("items")).hasSize(1);
    }
  }

  /**
   * unique-column-with-default: a UNIQUE column added to a table with rows, with the same default for
   * every row, fails the up on PostgreSQL (shown here with the rule suppressed); the rule's fix, the
   * column @Nullable without a default, applies on the same rows.
   */
  @Test
  void uniqueColumnAddedWithAConstantDefault_isAnError_becausePostgresqlFailsTheUpOnTwoRows() throws Exception {
    compileOk(dir, version(1, type("Item", "@Table public record Item(@Id long id, String name) {}")));
    JavaFileObject item = type("Item",
        "@Table public record Item(@Id long id, String name,\n    @Unique @Default(\"9\") long tag) {}");
    SchemacCompiler.Result refused = SchemacCompiler.compile(dir, version(2, item));
    assertThat(refused.compilation()).hadErrorContainingMatch(Diagnostics.tagged("unique-column-with-default",
        "column items.tag is added to a table that already exists")).inFile(item).onLineContaining("long tag");
    assertThat(file(dir, "migration", "V2__")).isEmpty();

    Path suppressedDir = dir.resolve("suppressed");
    Files.createDirectories(suppressedDir);
    compileOk(suppressedDir, version(1, type("Item", "@Table public record Item(@Id long id, String name) {}")));
    compileOk(suppressedDir, version(2, type("Item", "@Table public record Item(@Id long id, String name,"
        + " @SuppressWarnings(\"schemac:unique-column-with-default\") @Unique @Default(\"9\") long tag) {}")));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, suppressedDir, 1);
      execute(db, "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
      AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> MigrationScenarioTest.up(db, suppressedDir, 2));
      assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
      assertThat(((java.sql.SQLException) e.getCause()).getSQLState()).isEqualTo("23505"); // unique_violation
    }

    compileOk(dir, version(2, type("Item",
        "@Table public record Item(@Id long id, String name, @Unique @Nullable Long tag) {}")));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      MigrationScenarioTest.up(db, dir, 1);
      execute(db, "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
      MigrationScenarioTest.up(db, dir, 2);
      MigrationScenarioTest.down(db, dir, 2);
      MigrationScenarioTest.up(db, dir, 2);
      assertThat(rows(db, "SELECT coalesce(tag::text, 'null') FROM items ORDER BY id")).containsExactly("null", "null");
    }
  }

  /** Items 10 and 12: the long steps are not capped by default; limits can be set; each file says how to run it. */
  @Test
  void timeoutsAndHeaders() throws Exception {
    compileOk(dir, version(1, type("Item", "@Table public record Item(@Id long id, @Column(length = 9) String code) {}")));
    compileOk(dir, version(2, type("Item",
        "@Table public record Item(@Id long id, @Indexed @Column(length = 9) String code) {}")));
    String v2 = read(file(dir, "migration", "V2__").orElseThrow());
    String v21 = read(file(dir, "migration", "V2.1__").orElseThrow());
    String u21 = read(file(dir, "undo", "U2.1__").orElseThrow());
    assertThat(v2).contains("SET lock_timeout = '5s';\nSET statement_timeout = '5min';");
    assertThat(v21).contains("SET lock_timeout = '5s';\nSET statement_timeout = '0';");
    assertThat(v2).contains("psql -v ON_ERROR_STOP=1 --single-transaction -f");
    assertThat(u21).contains("Runs outside a transaction");
    assertThat(u21).contains("without --single-transaction, before U2.");

    compileOk(dir, version("version = 2, lockTimeout = \"2s\", nonTransactionalStatementTimeout = \"2h\"", type("Item",
        "@Table public record Item(@Id long id, @Indexed @Column(length = 9) String code) {}")),
        "-Aschemac.statementTimeout=15min");
    assertThat(read(file(dir, "migration", "V2__").orElseThrow()))
        .contains("SET lock_timeout = '2s';\nSET statement_timeout = '15min';");
    assertThat(read(file(dir, "migration", "V2.1__").orElseThrow())).contains("SET statement_timeout = '2h';");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      flyway(db).migrate();
    }

    Compilation wrong = SchemacCompiler.compile(dir, version("version = 2, lockTimeout = \"soon\"", type("Item",
        "@Table public record Item(@Id long id, @Indexed @Column(length = 9) String code) {}"))).compilation();
    assertThat(wrong).failed();
    assertThat(wrong).hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
            "@Schema(lockTimeout = \"soon\") is not a time limit"));
    assertWithMessage("nothing rewritten after the error").that(read(file(dir, "migration", "V2__").orElseThrow()))
        .contains("'2s'");
  }
}
