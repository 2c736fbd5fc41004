package dev.schemac.processor.targets.mariadb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.Server;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of change, from version 1 to version 2, for the {@code mariadb} target, applied to a
 * real MariaDB 11.4.5 and to 10.11.5: V1, rows, V2, the rows survived, V2 again (a rerun changes
 * nothing), U2 (the catalog is the one before V2, through information_schema), V2 once more; and
 * the migrated catalog is the one {@code schema.sql} of version 2 gives an empty database.
 *
 * <p>The {@code mysql} target's files of the same versions go through the same round trip on the
 * same MariaDB, where MariaDB accepts them (docs/targets/mysql.md): MySQL's rerunnable statements
 * (prepared from information_schema), INPLACE algorithms and BINARY(16) UUIDs run here as
 * written; only the collation is read as MariaDB's equivalent ({@link MySqlOnMariaDb}). A scenario
 * with a functional index, which MariaDB has not, is MariaDB's alone; its MySQL files are golden
 * files ({@code MySqlGoldenTest}).
 */
class MariaDbMigrationTest {
  static final String PACKAGE = "com.example.mig";
  static final String TARGET = "-Aschemac.targets=mariadb,mysql";

  @TempDir Path dir;

  static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn(PACKAGE, name, body);
  }

  static List<JavaFileObject> version(String schemaArguments, JavaFileObject... types) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(SchemacCompiler.source(PACKAGE + ".package-info", "@Schema(" + (schemaArguments.matches("\\d+")
        ? "version = " + schemaArguments : schemaArguments) + ")", "package " + PACKAGE + ";", "",
        "import dev.schemac.annotations.*;"));
    sources.addAll(List.of(types));
    return sources;
  }

  interface Check {
    void check(TestDatabase db) throws Exception;
  }

  /** V1 and V2 of one change, rows to seed after V1, what must hold after V2 and after U2. */
  final class Scenario {
    List<JavaFileObject> v1;
    List<JavaFileObject> v2;
    final List<String> seed = new ArrayList<>();
    Check afterUp = db -> { };
    Check afterDown = db -> { };
    List<String> mayDiffer = List.of();
    boolean mySqlToo = true;
    String up;
    String down;
    String mySqlUp;

    Scenario v1(JavaFileObject... types) {
      v1 = version("1", types);
      return this;
    }

    Scenario v2(String schemaArguments, JavaFileObject... types) {
      v2 = version(schemaArguments, types);
      return this;
    }

    Scenario v2(JavaFileObject... types) {
      return v2("2", types);
    }

    Scenario seed(String... statements) {
      seed.addAll(List.of(statements));
      return this;
    }

    Scenario afterUp(Check check) {
      afterUp = check;
      return this;
    }

    /** Top-level keys of the catalog the down may leave different (documented: a dropped column comes back nullable). */
    Scenario catalogMayDifferIn(String... keys) {
      mayDiffer = List.of(keys);
      return this;
    }

    /** A scenario with what MariaDB cannot run of the mysql target's files (a functional index). */
    Scenario mariaDbOnly() {
      mySqlToo = false;
      return this;
    }

    Scenario afterDown(Check check) {
      afterDown = check;
      return this;
    }

    Scenario run() throws Exception {
      compileOk(v1);
      compileOk(v2);
      up = read("mariadb/migration", "V2__");
      down = read("mariadb/undo", "U2__");
      for (Server server : Server.values()) {
        roundTrip(server, "mariadb", up, down);
      }
      if (mySqlToo) {
        mySqlUp = read("mysql/migration", "V2__");
        roundTrip(Server.MARIADB_11_4, "mysql", MySqlOnMariaDb.script(mySqlUp),
            MySqlOnMariaDb.script(read("mysql/undo", "U2__")));
      }
      return this;
    }

    private void roundTrip(Server server, String files, String up, String down) throws Exception {
      java.util.function.UnaryOperator<String> asRun = files.equals("mysql") ? MySqlOnMariaDb::script : x -> x;
      String target = files + " on MariaDB " + server.version();
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        apply(db, asRun.apply(read(files + "/migration", "V1__")));
        for (String s : seed) {
          db.execute(s);
        }
        TreeMap<String, Object> before = db.catalog();
        apply(db, up);
        afterUp.check(db);
        TreeMap<String, Object> migrated = db.catalog();
        apply(db, up); // a rerun finds everything done
        assertWithMessage("%s: a rerun of V2 changed the catalog", target).that(db.catalog()).isEqualTo(migrated);
        apply(db, down);
        assertWithMessage("%s: U2 did not restore the catalog of version 1\n--- V2:\n%s\n--- U2:\n%s", target, up, down)
            .that(without(db.catalog(), mayDiffer)).isEqualTo(without(before, mayDiffer));
        afterDown.check(db);
        TreeMap<String, Object> restored = db.catalog();
        apply(db, down); // the down reruns too
        assertThat(db.catalog()).isEqualTo(restored);
        apply(db, up);
        assertWithMessage("%s: V2 after U2 differs from the first V2", target).that(db.catalog()).isEqualTo(migrated);
        try (TestDatabase fresh = EmbeddedMariaDb.freshDatabase(server)) {
          apply(fresh, asRun.apply(read(files, "schema.sql")));
          assertWithMessage("%s: the migrated catalog differs from schema.sql's\n--- V2:\n%s", target, up)
              .that(normalized(db.catalog(), db.name())).isEqualTo(normalized(fresh.catalog(), fresh.name()));
        }
      }
    }
  }

  private static Map<String, Object> normalized(TreeMap<String, Object> catalog, String database) {
    return catalog;
  }

  private static Map<String, Object> without(TreeMap<String, Object> catalog, List<String> keys) {
    TreeMap<String, Object> copy = new TreeMap<>(catalog);
    keys.forEach(copy::remove);
    return copy;
  }

  void compileOk(List<JavaFileObject> sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, TARGET);
    assertWithMessage("%s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
  }

  String read(String folder, String prefix) {
    return read(dir, folder, prefix);
  }

  /** The first file of {@code folder} under {@code dir} whose name starts with {@code prefix}. */
  static String read(Path dir, String folder, String prefix) {
    try (Stream<Path> files = Files.list(dir.resolve(folder))) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + prefix + "* in " + folder));
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void apply(TestDatabase db, String script) throws SQLException {
    try {
      db.executeScript(script);
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage() + "\n--- the whole file:\n" + script, e);
    }
  }

  // ================================================================== the changes

  static final JavaFileObject PARENT = type("Parent", "@Table public record Parent(@Id long id, String name) {}");

  /**
   * The version's time limits, as MariaDB takes them: the lock waits in whole seconds (rounded up), the statement
   * limit from the non-transactional one; the session that ran the file has them. MySQL's file sets only the lock
   * waits and says why.
   */
  @Test
  void timeLimitsOfTheVersion_areTheSessionsLimits() throws Exception {
    new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id) {}"))
        .v2("version = 2, lockTimeout = \"1500ms\", statementTimeout = \"1min\","
                + " nonTransactionalStatementTimeout = \"90s\"",
            type("Item", "@Table public record Item(@Id long id, @Nullable String note) {}"))
        .afterUp(db -> assertThat(db.rows("SELECT CONCAT(@@session.lock_wait_timeout, ' ',"
            + " @@session.innodb_lock_wait_timeout, ' ', @@session.max_statement_time)"))
            .containsExactly("2 2 90.000000"))
        .mariaDbOnly() // its check reads MariaDB's limits; MySQL's file is read below
        .run();
    String mySqlUp = read("mysql/migration", "V2__");
    assertThat(mySqlUp).contains("SET SESSION lock_wait_timeout = 2;\nSET SESSION innodb_lock_wait_timeout = 2;\n"
        + "-- MySQL has no time limit for DDL statements");
    assertThat(mySqlUp).doesNotContain("max_statement_time");
    // version 1 has the defaults: 5 s for locks, no statement limit
    assertThat(read("mariadb/migration", "V1__")).contains("SET SESSION lock_wait_timeout = 5;\n"
        + "SET SESSION innodb_lock_wait_timeout = 5;\nSET SESSION max_statement_time = 0;\n");
  }

  @Test
  void columnsAddedDroppedAndRenamed_keepTheRows() throws Exception {
    new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name, @Nullable String note) {}"))
        .v2("version = 2, drops = @Drop(table = \"items\", column = \"note\")",
            type("Item", "@Table public record Item(@Id long id, @RenamedFrom(\"name\") String title,"
                + " @Nullable Integer stock, @Default(\"0\") int sold) {}"))
        .seed("INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue')")
        .afterUp(db -> assertThat(db.rows("SELECT title, stock, sold FROM items")).containsExactly("pen|null|0"))
        .afterDown(db -> assertThat(db.rows("SELECT name, note FROM items")).containsExactly("pen|null"))
        .run();
  }

  /**
   * A dropped UNIQUE column with a DEFAULT: the down must not fill every row with the default, which
   * the UNIQUE added back refuses on the second row (found on PostgreSQL by the randomized suite).
   */
  @Test
  void droppedUniqueColumnWithADefault_comesBackEmpty_andTheKeyHolds() throws Exception {
    new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Unique @Default(\"9\") long tag) {}"))
        .v2("version = 2, drops = @Drop(table = \"items\", column = \"tag\")",
            type("Item", "@Table public record Item(@Id long id) {}"))
        .seed("INSERT INTO items (id, tag) VALUES (1, 1), (2, 2)")
        .catalogMayDifferIn("columns") // tag comes back nullable (docs/migrations.md)
        .afterDown(db -> {
          assertThat(db.rows("SELECT coalesce(tag, 'null') FROM items ORDER BY id")).containsExactly("null", "null");
          db.execute("INSERT INTO items (id) VALUES (3)");
          assertThat(db.rows("SELECT tag FROM items WHERE id = 3")).containsExactly("9");
        })
        .run();
  }

  /**
   * unique-column-with-default holds on MariaDB too: with the rule suppressed, the up of a UNIQUE
   * column with one default for every row fails on a table of two rows (MariaDB fills them with the
   * default); the rule's fix, the column nullable without a default, runs up, down and up with rows.
   */
  @Test
  void uniqueColumnAddedWithAConstantDefault_failsOnRows_andTheRulesFixRoundTrips() throws Exception {
    Path suppressed = dir.resolve("suppressed");
    for (List<JavaFileObject> v : List.of(
        version("1", type("Item", "@Table public record Item(@Id long id, String name) {}")),
        version("2", type("Item", "@Table public record Item(@Id long id, String name,"
            + " @SuppressWarnings(\"schemac:unique-column-with-default\") @Unique @Default(\"9\") long tag) {}")))) {
      assertThat(SchemacCompiler.compile(suppressed, v, TARGET).compilation().status())
          .isEqualTo(Compilation.Status.SUCCESS);
    }
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase(Server.MARIADB_11_4)) {
      apply(db, read(suppressed, "mariadb/migration", "V1__"));
      db.execute("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");
      AssertionError failed = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> apply(db, read(suppressed, "mariadb/migration", "V2__")));
      assertThat(failed.getMessage()).contains("Duplicate entry '9'");
    }
    new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name, @Unique @Nullable Long tag) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')")
        .afterUp(db -> assertThat(db.rows("SELECT coalesce(tag, 'null') FROM items ORDER BY id"))
            .containsExactly("null", "null").inOrder())
        .run();
  }

  /**
   * NULL / NOT NULL rebuilds the table, which InnoDB refuses to do with LOCK=NONE while a virtual
   * column is indexed (here the live_row of a soft-delete UNIQUE): nullable in place with
   * LOCK=SHARED, NOT NULL (the down) only by a copy.
   */
  @Test
  void nullabilityChangedOnATableWithAnIndexedVirtualColumn_blocksWrites() throws Exception {
    Scenario s = new Scenario()
        .v1(type("Member", "@Table @SoftDelete public record Member(@Id long id, @Column(length = 50) @Unique String"
            + " email, @Column(length = 20) String phone, @Nullable Instant deletedAt) {}"))
        .v2(type("Member", "@Table @SoftDelete public record Member(@Id long id, @Column(length = 50) @Unique String"
            + " email, @Column(length = 20) @Nullable String phone, @Nullable Instant deletedAt) {}"))
        .seed("INSERT INTO members (id, email, phone) VALUES (1, 'a@example.com', '1')")
        .afterUp(db -> {
          db.execute("INSERT INTO members (id, email) VALUES (2, 'b@example.com')");
          db.execute("DELETE FROM members WHERE id = 2"); // a NULL phone would fail the down's NOT NULL
        })
        .afterDown(db -> assertThat(db.rows("SELECT count(*) FROM members")).containsExactly("1"))
        .run();
    assertThat(s.up).contains("MODIFY COLUMN IF EXISTS phone varchar(20), ALGORITHM=INPLACE, LOCK=SHARED");
    assertThat(s.down).contains("NOT NULL, ALGORITHM=COPY, LOCK=SHARED");
    assertThat(s.mySqlUp).contains("ALGORITHM=INPLACE, LOCK=SHARED");
  }

  @Test
  void tableRenamed_keepsRowsKeysAndIndexes_underTheirNewNames() throws Exception {
    Scenario s = new Scenario()
        .v1(PARENT, type("Child", "@Table public record Child(@Id long id, @References(Parent.class) @Indexed long"
            + " parentId, @Check(\"qty > 0\") int qty) {}"))
        .v2(PARENT, type("Kid", "@Table @RenamedFrom(\"children\") public record Kid(@Id long id,"
            + " @References(Parent.class) @Indexed long parentId, @Check(\"qty > 0\") int qty) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1, 2)")
        .afterUp(db -> {
          assertThat(db.rows("SELECT id, parent_id FROM kids")).containsExactly("1|1");
          assertThat(db.failure("INSERT INTO kids VALUES (2, 9, 1)")).contains("kids_parent_id_fkey");
          assertThat(db.failure("INSERT INTO kids VALUES (2, 1, 0)")).contains("kids_qty_check");
        })
        .run();
    assertThat(s.up).contains("RENAME TABLE IF EXISTS children TO kids;");
    assertThat(s.up).contains("RENAME INDEX IF EXISTS idx_children_parent_id TO idx_kids_parent_id");
  }

  /** The subtlety of the issue: InnoDB's own index of a foreign key, dropped when another comes, and back. */
  @Test
  void indexAddedOnAForeignKeyThatHadNone_upAndDownWork() throws Exception {
    Scenario s = new Scenario()
        .v1(PARENT, type("Child", "@Table public record Child(@Id long id,"
            + " @SuppressWarnings(\"schemac:unindexed-foreign-key\") @References(Parent.class) long parentId) {}"))
        .v2(PARENT, type("Child", "@Table public record Child(@Id long id, @References(Parent.class) @Indexed long"
            + " parentId) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1)")
        .afterUp(db -> assertThat(db.rows("SELECT index_name FROM information_schema.statistics WHERE table_schema ="
            + " DATABASE() AND table_name = 'children' ORDER BY 1")).containsExactly("idx_children_parent_id", "PRIMARY"))
        .afterDown(db -> assertThat(db.rows("SELECT index_name FROM information_schema.statistics WHERE table_schema ="
            + " DATABASE() AND table_name = 'children' ORDER BY 1")).containsExactly("children_parent_id_fkey", "PRIMARY"))
        .run();
    assertThat(s.up).contains("DROP INDEX IF EXISTS children_parent_id_fkey");
  }

  @Test
  void indexRemovedFromAForeignKey_itsOwnIndexComesBackFirst() throws Exception {
    new Scenario()
        .v1(PARENT, type("Child", "@Table public record Child(@Id long id, @References(Parent.class) @Indexed long"
            + " parentId) {}"))
        .v2(PARENT, type("Child", "@Table public record Child(@Id long id,"
            + " @SuppressWarnings(\"schemac:unindexed-foreign-key\") @References(Parent.class) long parentId) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1)")
        .run();
  }

  @Test
  void indexOfAForeignKeyRedefined_theKeyStaysServed() throws Exception {
    new Scenario()
        .v1(PARENT, type("Child", "@Table @Index(columns = \"parent_id\", name = \"idx_child_parent\")"
            + " public record Child(@Id long id, @References(Parent.class) long parentId, int n) {}"))
        .v2(PARENT, type("Child", "@Table @Index(columns = {\"parent_id\", \"n\"}, name = \"idx_child_parent\")"
            + " public record Child(@Id long id, @References(Parent.class) long parentId, int n) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1, 1)")
        .run();
  }

  @Test
  void foreignKeyAddedAndDropped() throws Exception {
    new Scenario()
        .v1(PARENT, type("Child", "@Table public record Child(@Id long id, @SuppressWarnings(\"schemac:missing-foreign-key\") long parentId,"
            + " @References(Parent.class) @Indexed long ownerId) {}"))
        .v2(PARENT, type("Child", "@Table public record Child(@Id long id, @References(Parent.class) @Indexed long"
            + " parentId, @SuppressWarnings(\"schemac:missing-foreign-key\") long ownerId) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1, 1)")
        .afterUp(db -> assertThat(db.failure("INSERT INTO children VALUES (2, 7, 1)")).contains("children_parent_id_fkey"))
        .run();
  }

  @Test
  void checksAndUniquesAddedAndDropped() throws Exception {
    new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Column(length = 20) @Unique String code,"
            + " @Check(\"qty >= 0\") int qty, int price) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Column(length = 20) String code, int qty,"
            + " @Check(\"price > 0\") @Unique int price) {}"))
        .seed("INSERT INTO items VALUES (1, 'a', 1, 10)")
        .afterUp(db -> assertThat(db.failure("INSERT INTO items VALUES (2, 'a', 1, 0)")).contains("items_price_check"))
        .run();
  }

  @Test
  void columnTypesNullabilityDefaultsAndComments() throws Exception {
    new Scenario()
        .v1(type("State", "public enum State { NEW, DONE }"),
            type("Item", "/** Items. */ @Table public record Item(@Id long id, @Column(length = 20) String code,"
                + " State state, @Nullable Integer qty, int total, @Default(\"1\") int size) {}"))
        .v2(type("State", "public enum State { NEW, DONE, LATE }"),
            type("Item", "/** Items we sell.\n @param code the code on the label */ @Table public record Item(@Id long"
                + " id, @Column(length = 200) String code, State state, @Default(\"0\") int qty, long total,"
                + " @Default(\"2\") int size) {}"))
        .seed("INSERT INTO items VALUES (1, 'a', 'DONE', 3, 4, 1)")
        .afterUp(db -> {
          db.execute("INSERT INTO items (id, code, state, total) VALUES (2, 'b', 'LATE', 5)");
          assertThat(db.rows("SELECT qty, size FROM items WHERE id = 2")).containsExactly("0|2");
          db.execute("DELETE FROM items WHERE id = 2"); // the down cannot take LATE away from a row that holds it
        })
        .afterDown(db -> assertThat(db.rows("SELECT code, state, qty FROM items")).containsExactly("a|DONE|3"))
        .run();
  }

  /**
   * utf8mb4: varchar(40) holds up to 160 bytes, varchar(80) 320. A value of 128 to 255 bytes has a
   * one-byte length in the first and needs two in the second: MariaDB refuses INSTANT, the table
   * is copied. From varchar(20) (80 bytes, every length below 128: one byte either way) the growth
   * stays INSTANT (the next test).
   */
  @Test
  void varcharLengthenedPast255Bytes_fromOver127Bytes_copiesTheTable() throws Exception {
    Scenario copied = new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Column(length = 40) String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Column(length = 80) String name) {}"))
        .seed("INSERT INTO items VALUES (1, '" + "é".repeat(40) + "')")
        .afterUp(db -> assertThat(db.rows("SELECT char_length(name) FROM items")).containsExactly("40"))
        .run();
    assertThat(copied.up).contains("varchar(80) NOT NULL, ALGORITHM=COPY, LOCK=SHARED");
  }

  @Test
  void varcharLengthenedPast255Bytes_fromBelow128Bytes_isInstant() throws Exception {
    Scenario instant = new Scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Column(length = 20) String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Column(length = 80) String name) {}"))
        .seed("INSERT INTO items VALUES (1, 'a')")
        .run();
    assertThat(instant.up).contains("varchar(80) NOT NULL, ALGORITHM=INSTANT");
  }

  @Test
  void enumValueInsertedInTheMiddle_copiesTheTable() throws Exception {
    Scenario s = new Scenario()
        .v1(type("State", "public enum State { NEW, DONE }"), type("Item", "@Table public record Item(@Id long id, State state) {}"))
        .v2(type("State", "public enum State { NEW, BUSY, DONE }"), type("Item", "@Table public record Item(@Id long id, State state) {}"))
        .seed("INSERT INTO items VALUES (1, 'DONE')")
        .afterUp(db -> assertThat(db.rows("SELECT state FROM items")).containsExactly("DONE"))
        .run();
    assertThat(s.up).contains("ALGORITHM=COPY, LOCK=SHARED");
  }

  /**
   * Atlas MY113: up to 255 values an ENUM takes one byte a row, from the 256th two, so appending
   * it rewrites every row: MariaDB refuses INSTANT there (and takes it for the 255th), schemac copies.
   */
  @Test
  void enumGrowingPast255Values_copiesTheTable() throws Exception {
    String values = java.util.stream.IntStream.rangeClosed(1, 255).mapToObj(i -> "V" + i)
        .collect(java.util.stream.Collectors.joining(", "));
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, State state) {}");
    Scenario s = new Scenario()
        .v1(type("State", "public enum State { " + values + " }"), item)
        .v2(type("State", "public enum State { " + values + ", V256 }"), item)
        .seed("INSERT INTO items VALUES (1, 'V255')")
        .afterUp(db -> {
          db.execute("INSERT INTO items VALUES (2, 'V256')");
          assertThat(db.rows("SELECT state FROM items ORDER BY id")).containsExactly("V255", "V256");
          db.execute("DELETE FROM items WHERE id = 2"); // the down cannot take V256 away from a row that holds it
        })
        .run();
    assertThat(s.up).contains("ALGORITHM=COPY, LOCK=SHARED");
  }

  @Test
  void updatedAtAndSoftDeleteAdded() throws Exception {
    new Scenario()
        .v1(type("Account", "@Table public record Account(@Id long id, @Column(length = 50) @Unique String login,"
            + " Instant changedAt) {}"))
        .v2(type("Account", "@Table @SoftDelete public record Account(@Id long id, @Column(length = 50) @Unique String"
            + " login, @UpdatedAt Instant changedAt) {}"))
        .seed("INSERT INTO accounts VALUES (1, 'ann', '2026-01-01')")
        .afterUp(db -> {
          db.execute("UPDATE accounts SET deleted_at = NOW(6) WHERE id = 1");
          db.execute("INSERT INTO accounts (id, login, changed_at) VALUES (2, 'ann', NOW(6))");
          assertThat(db.failure("INSERT INTO accounts (id, login, changed_at) VALUES (3, 'ann', NOW(6))"))
              .contains("accounts_login_key");
          db.execute("DELETE FROM accounts WHERE id = 2");
          db.execute("UPDATE accounts SET deleted_at = NULL WHERE id = 1");
        })
        .run();
  }

  @Test
  void expressionIndexAddedOnASoftDeleteTable() throws Exception {
    new Scenario()
        .v1(type("Account", "@Table @SoftDelete public record Account(@Id long id, @Column(length = 50) String login) {}"))
        .v2(type("Account", "@Table @SoftDelete @Index(expression = \"lower(login)\", unique = true)"
            + " public record Account(@Id long id, @Column(length = 50) String login) {}"))
        .seed("INSERT INTO accounts (id, login) VALUES (1, 'Ann')")
        .afterUp(db -> assertThat(db.failure("INSERT INTO accounts (id, login) VALUES (2, 'ANN')")).contains("Duplicate"))
        .mariaDbOnly() // MySQL's is a functional index: MySqlGoldenTest
        .run();
  }

  @Test
  void tableDropped_referencedByAnother_downRestoresTheKeyUnchecked() throws Exception {
    new Scenario()
        .v1(PARENT, type("Child", "@Table public record Child(@Id long id, @References(Parent.class) @Indexed long parentId) {}"))
        .v2("version = 2, drops = {@Drop(table = \"parents\"), @Drop(table = \"children\", column = \"parent_id\")}",
            type("Child", "@Table public record Child(@Id long id) {}"))
        .seed("INSERT INTO parents VALUES (1, 'p')", "INSERT INTO children VALUES (1, 1)")
        .catalogMayDifferIn("columns") // children.parent_id comes back nullable (docs/targets/mariadb.md)
        .afterDown(db -> assertThat(db.rows("SELECT is_nullable FROM information_schema.columns WHERE table_schema ="
            + " DATABASE() AND table_name = 'children' AND column_name = 'parent_id'")).containsExactly("YES"))
        .run();
  }

  @Test
  void newTablesReferencingEachOther() throws Exception {
    new Scenario()
        .v1(PARENT)
        .v2(PARENT, type("Team", "@Table public record Team(@Id long id, @Nullable @References(Member.class) @Indexed Long"
            + " captainId) {}"), type("Member", "@Table public record Member(@Id long id, @References(Team.class)"
            + " @Indexed long teamId) {}"))
        .run();
  }

  @Test
  void primaryKeyChanged() throws Exception {
    new Scenario()
        .v1(type("Pair", "@Table public record Pair(@Id long a, long b) {}"))
        .v2(type("Pair", "@Table @SuppressWarnings(\"schemac:missing-primary-key\") public record Pair(@Id long a, @Id long b) {}"))
        .seed("INSERT INTO pairs VALUES (1, 2)")
        .run();
  }

  // ================================================================== generated columns

  static JavaFileObject shouting(String expression) {
    return type("Item", "@Table public record Item(@Id long id, String name" + (expression == null ? ""
        : ", @Nullable @GeneratedColumn(\"" + expression + "\") @Column(length = 40) @Indexed String shout") + ") {}");
  }

  /** Added by a copy of the table that computes it for every row; its index with it; the down drops both. */
  @Test
  void generatedColumnAdded_isComputedForTheRowsThere() throws Exception {
    Scenario s = new Scenario().v1(shouting(null)).v2(shouting("upper(name)"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(db.rows("SELECT shout FROM items")).containsExactly("PEN");
          assertThat(db.rows("SELECT concat(extra, ' ', generation_expression) FROM information_schema.columns"
              + " WHERE table_schema = DATABASE() AND table_name = 'items' AND column_name = 'shout'"))
              .containsExactly("STORED GENERATED ucase(`name`)"); // MariaDB deparses upper as ucase
        })
        .run();
    assertThat(s.up).contains("AS (upper(name)) STORED");
    assertThat(s.up).contains("ALGORITHM=COPY");
  }

  /** Dropped without @Drop (its values are computed), and computed again by the down. */
  @Test
  void generatedColumnDropped_needsNoAcknowledgment_andComesBackComputed() throws Exception {
    new Scenario().v1(shouting("upper(name)")).v2(shouting(null))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterDown(db -> assertThat(db.rows("SELECT shout FROM items")).containsExactly("PEN"))
        .run();
  }

  /** A new expression: the column and its index are dropped and added again, computed anew, both ways. */
  @Test
  void generatedColumnsExpressionChanged_recomputesTheColumnAndItsIndex() throws Exception {
    new Scenario().v1(shouting("upper(name)")).v2(shouting("lower(name)"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'Pen')")
        .afterUp(db -> assertThat(db.rows("SELECT shout FROM items WHERE shout = 'pen'")).containsExactly("pen"))
        .afterDown(db -> assertThat(db.rows("SELECT shout FROM items")).containsExactly("PEN"))
        .run();
  }

  // ================================================================== JPA table names with capitals

  static final String TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
      + " ORDER BY BINARY table_name";

  static JavaFileObject account(String table) {
    return type("Account", "@jakarta.persistence.Entity" + (table == null ? "" : " @jakarta.persistence.Table(name = \""
        + table + "\")") + " public class Account { @jakarta.persistence.Id Long id; String name; }");
  }

  static final JavaFileObject TAG = type("Tag", "@jakarta.persistence.Entity @jakarta.persistence.Table(indexes ="
      + " @jakarta.persistence.Index(columnList = \"account_id\")) public class Tag { @jakarta.persistence.Id Long id;"
      + " @jakarta.persistence.ManyToOne @jakarta.persistence.JoinColumn(name = \"account_id\") Account account; }");

  /**
   * JPA's default naming keeps an entity's name as its table's: {@code Account}, which MariaDB and
   * MySQL on Linux keep apart from {@code account}. A version that only changes the case of a table
   * name (here {@code @Table(name = "account")} removed) changes nothing on PostgreSQL and renames
   * the table on these engines, first thing in the file, rows and the foreign key that references it
   * kept; the down renames it back. Every statement names the other table ({@code Tag}) and the
   * referenced one as written.
   */
  @Test
  void tableNameThatChangesOnlyInCase_isRenamed_rowsAndReferencesKept() throws Exception {
    Scenario scenario = new Scenario()
        .v1(account("account"), TAG)
        .v2(account(null), TAG)
        .seed("INSERT INTO account (id, name) VALUES (1, 'a')", "INSERT INTO Tag (id, account_id) VALUES (7, 1)")
        .afterUp(db -> {
          assertThat(db.rows(TABLES)).containsExactly("Account", "Tag").inOrder();
          assertThat(db.rows("SELECT CONCAT(t.id, ' ', a.name) FROM Tag t JOIN Account a ON a.id = t.account_id"))
              .containsExactly("7 a");
          assertThat(db.rows("SELECT referenced_table_name FROM information_schema.referential_constraints"
              + " WHERE constraint_schema = DATABASE()")).containsExactly("Account");
        })
        .afterDown(db -> assertThat(db.rows(TABLES)).containsExactly("Tag", "account").inOrder())
        .run();
    assertThat(scenario.up).contains("RENAME TABLE account TO Account");
    assertThat(read("mariadb", "schema.sql")).contains("CREATE TABLE Account (");
    assertThat(read("mariadb", "schema.sql")).contains("REFERENCES Account (id)");
    assertThat(read("mysql", "schema.sql")).contains("CREATE TABLE Account (");
    // the snapshot keeps the name as written beside the model's name; PostgreSQL's files are as they were
    assertThat(read("snapshots", "v2")).contains("\"name\": \"account\",\n      \"writtenName\": \"Account\"");
    // with PostgreSQL too: its V2 changes nothing (it folds both names to account)
    Path both = dir.resolve("with-postgresql");
    for (List<JavaFileObject> version : List.of(scenario.v1, scenario.v2)) {
      SchemacCompiler.Result result = SchemacCompiler.compile(both, version, "-Aschemac.targets=postgresql,mariadb");
      assertWithMessage("%s", result.compilation().diagnostics())
          .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    }
    assertThat(read(both, "migration", "V2__")).doesNotContain("TABLE");
    assertThat(read(both, "mariadb/migration", "V2__")).contains("RENAME TABLE account TO Account");
  }

  static JavaFileObject invoice(String sequenceName) {
    return type("Invoice", "@jakarta.persistence.Entity public class Invoice { @jakarta.persistence.Id"
        + " @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.SEQUENCE, generator ="
        + " \"inv\") @jakarta.persistence.SequenceGenerator(name = \"inv\", sequenceName = \"" + sequenceName
        + "\") Long id; }");
  }

  /** A sequence is a table on MariaDB: one whose name changes only in case is renamed too, and back. */
  @Test
  void sequenceNameThatChangesOnlyInCase_isRenamed() throws Exception {
    String mariadb = "-Aschemac.targets=mariadb"; // MySQL has no sequences
    for (List<JavaFileObject> version : List.of(version("1", invoice("invoice_seq")), version("2", invoice("Invoice_SEQ")))) {
      SchemacCompiler.Result result = SchemacCompiler.compile(dir, version, mariadb);
      assertWithMessage("%s", result.compilation().diagnostics())
          .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    }
    String sequences = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
        + " AND table_type = 'SEQUENCE'";
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      apply(db, read("mariadb/migration", "V1__"));
      db.execute("SELECT NEXTVAL(invoice_seq)");
      String up = read("mariadb/migration", "V2__");
      apply(db, up);
      assertThat(db.rows(sequences)).containsExactly("Invoice_SEQ");
      // the sequence kept its state: MariaDB drops its cache (1000 values) when it renames it, as at a restart,
      // so the next value comes after those, never one drawn before
      assertThat(db.rows("SELECT NEXTVAL(Invoice_SEQ)")).containsExactly("50001");
      apply(db, up);
      assertThat(db.rows(sequences)).containsExactly("Invoice_SEQ");
      String down = read("mariadb/undo", "U2__");
      apply(db, down);
      apply(db, down);
      assertThat(db.rows(sequences)).containsExactly("invoice_seq");
    }
    assertThat(read("mariadb", "schema.sql")).contains("CREATE SEQUENCE IF NOT EXISTS Invoice_SEQ ");
  }
}
