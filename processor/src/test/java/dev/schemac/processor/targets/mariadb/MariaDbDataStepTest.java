package dev.schemac.processor.targets.mariadb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written data steps ({@code mariadb/data/V{N}__x.sql}, {@code mysql/data/...}) on the real
 * MariaDB 11.4 of the tests, with rows. {@code V2} adds (the NOT NULL column still nullable) and
 * runs the step; {@code V2.1} drops and tightens; {@code U2.1} undoes that and runs the step's
 * down; {@code U2} removes what {@code V2} added. Each file is run twice, as Flyway runs a file
 * again after it failed part-way: the second run changes nothing. The {@code mysql} target's
 * files go through the same on MariaDB ({@link MySqlOnMariaDb}); {@code MySqlGoldenTest} holds
 * them as read.
 */
class MariaDbDataStepTest {
  static final String PACKAGE = "com.example.data";

  @TempDir Path dir;

  static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn(PACKAGE, name, body);
  }

  static List<JavaFileObject> version(String schema, JavaFileObject... types) {
    List<JavaFileObject> sources = new java.util.ArrayList<>();
    sources.add(SchemacCompiler.source(PACKAGE + ".package-info", "@Schema(" + schema + ")", "package " + PACKAGE
        + ";", "", "import dev.schemac.annotations.*;"));
    sources.addAll(List.of(types));
    return sources;
  }

  static final JavaFileObject ITEM_V1 = type("Item", "@Table public record Item(@Id long id, @Column(length = 20)"
      + " String name, @Nullable @Column(length = 20) String note) {}");
  /** {@code note} goes; {@code label}, NOT NULL without a default, comes: the step fills it from {@code note}. */
  static final JavaFileObject ITEM_V2 = type("Item", "@Table public record Item(@Id long id, @Column(length = 20)"
      + " String name, @Column(length = 20) String label) {}");
  static final String V2 = "version = 2, drops = @Drop(table = \"items\", column = \"note\")";
  static final String UP_STEP = "-- a label for every item: its note, or its name\n"
      + "UPDATE items SET label = COALESCE(note, name) WHERE label IS NULL;\n";
  static final String DOWN_STEP = "UPDATE items SET note = NULLIF(label, name);\n";

  void compileOk(List<JavaFileObject> sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, "-Aschemac.targets=mariadb,mysql");
    assertWithMessage("%s", result.compilation().diagnostics()).that(result.compilation().status())
        .isEqualTo(Compilation.Status.SUCCESS);
  }

  void dataSteps(String up, String down) throws IOException {
    for (String target : List.of("mariadb", "mysql")) {
      Files.createDirectories(dir.resolve(target + "/data"));
      Files.writeString(dir.resolve(target + "/data/V2__label_from_note.sql"), up);
      if (down != null) {
        Files.writeString(dir.resolve(target + "/data/U2__note_from_label.sql"), down);
      }
    }
  }

  String read(String folder, String prefix) {
    return MariaDbMigrationTest.read(dir, folder, prefix);
  }

  @Test
  void backfillBeforeNotNull_andDataCopiedBeforeADrop_upDownUp_withReruns() throws Exception {
    compileOk(version("version = 1", ITEM_V1));
    dataSteps(UP_STEP, DOWN_STEP);
    compileOk(version(V2, ITEM_V2));

    String up = read("mariadb/migration", "V2__");
    assertThat(up.indexOf("-- Data step, hand-written: mariadb/data/V2__label_from_note.sql"))
        .isGreaterThan(up.indexOf("ADD COLUMN IF NOT EXISTS label varchar(20)"));
    assertThat(up).doesNotContain("DROP COLUMN");
    assertThat(up).contains("-- The hand-written data step mariadb/data/V2__label_from_note.sql runs below, under its name:");
    String upNext = read("mariadb/migration", "V2.1__");
    assertThat(upNext).contains("label varchar(20) NOT NULL");
    assertThat(upNext).contains("DROP COLUMN IF EXISTS note");
    String downFirst = read("mariadb/undo", "U2.1__");
    assertThat(downFirst.indexOf("-- Data step, hand-written: mariadb/data/U2__note_from_label.sql"))
        .isGreaterThan(downFirst.indexOf("ADD COLUMN IF NOT EXISTS note varchar(20)"));
    assertThat(read("mariadb/undo", "U2__")).contains("DROP COLUMN IF EXISTS label");

    roundTrip("mariadb", x -> x);
    roundTrip("mysql", MySqlOnMariaDb::script);
  }

  private void roundTrip(String target, UnaryOperator<String> asRun) throws Exception {
    String v1 = asRun.apply(read(target + "/migration", "V1__"));
    String v2 = asRun.apply(read(target + "/migration", "V2__"));
    String v21 = asRun.apply(read(target + "/migration", "V2.1__"));
    String u21 = asRun.apply(read(target + "/undo", "U2.1__"));
    String u2 = asRun.apply(read(target + "/undo", "U2__"));
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      apply(db, v1);
      db.execute("INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue'), (2, 'ink', NULL), (3, 'cap', 'red')");
      TreeMap<String, Object> atOne = db.catalog();
      List<String> rowsAtOne = db.rows("SELECT id, name, note FROM items ORDER BY id");

      for (String file : List.of(v2, v2, v21, v21)) {
        apply(db, file);
      }
      assertWithMessage(target).that(db.rows("SELECT id, name, label FROM items ORDER BY id"))
          .containsExactly("1|pen|blue", "2|ink|ink", "3|cap|red").inOrder();
      assertThat(db.failure("INSERT INTO items (id, name) VALUES (4, 'nib')")).startsWith("HY000");
      TreeMap<String, Object> atTwo = db.catalog();

      for (String file : List.of(u21, u21, u2, u2)) {
        apply(db, file);
      }
      assertWithMessage("%s: the down restores version 1's catalog", target).that(db.catalog()).isEqualTo(atOne);
      assertWithMessage("%s: the step's down restores the notes", target)
          .that(db.rows("SELECT id, name, note FROM items ORDER BY id")).isEqualTo(rowsAtOne);

      apply(db, v2);
      apply(db, v21);
      assertWithMessage("%s: up again", target).that(db.catalog()).isEqualTo(atTwo);
      try (TestDatabase fresh = EmbeddedMariaDb.freshDatabase()) {
        apply(fresh, asRun.apply(read(target, "schema.sql")));
        assertWithMessage("%s: the migrated catalog is schema.sql's", target).that(db.catalog())
            .isEqualTo(fresh.catalog());
      }
    }
  }

  /**
   * A step that leaves a row without a value: V2 succeeds, V2.1's NOT NULL fails and drops nothing.
   * Fixing the row and running V2.1 again finishes the version, without running the step again.
   */
  @Test
  void aStepThatLeavesARowEmpty_failsTheSecondFile_whichARerunFinishes() throws Exception {
    compileOk(version("version = 1", ITEM_V1));
    dataSteps("UPDATE items SET label = note WHERE label IS NULL;\n", null);
    compileOk(version(V2, ITEM_V2));
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      apply(db, read("mariadb/migration", "V1__"));
      db.execute("INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue'), (2, 'ink', NULL)");
      apply(db, read("mariadb/migration", "V2__"));

      try {
        db.executeScript(read("mariadb/migration", "V2.1__"));
        throw new AssertionError("V2.1 ran with a NULL label");
      } catch (SQLException e) {
        assertThat(e.getMessage()).contains("label");
      }
      assertThat(db.rows("SELECT note FROM items ORDER BY id")).containsExactly("blue", "null").inOrder();

      db.execute("UPDATE items SET label = name WHERE label IS NULL");
      apply(db, read("mariadb/migration", "V2.1__"));
      assertThat(db.rows("SELECT label FROM items ORDER BY id")).containsExactly("blue", "ink").inOrder();
    }
    assertThat(read("mariadb/undo", "U2.1__")).contains("-- mariadb/data/V2__label_from_note.sql has no down");
  }

  /** A version whose only change is a nullable column and a step: one file each way, no second step. */
  @Test
  void withNothingToDropOrTighten_theStepEndsTheOneFile() throws Exception {
    compileOk(version("version = 1", ITEM_V1));
    dataSteps("UPDATE items SET code = UPPER(name) WHERE code IS NULL;\n", "UPDATE items SET note = NULL;\n");
    compileOk(version("version = 2", type("Item", "@Table public record Item(@Id long id, @Column(length = 20)"
        + " String name, @Nullable @Column(length = 20) String note, @Nullable @Column(length = 20) String code) {}")));
    assertThat(Files.exists(dir.resolve("mariadb/migration/V2.1__add_items_code.sql"))).isFalse();
    try (TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      apply(db, read("mariadb/migration", "V1__"));
      db.execute("INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue')");
      apply(db, read("mariadb/migration", "V2__"));
      assertThat(db.rows("SELECT code FROM items")).containsExactly("PEN");
      apply(db, read("mariadb/undo", "U2__"));
      assertThat(db.rows("SELECT name, note FROM items")).containsExactly("pen|null");
    }
  }

  static void apply(TestDatabase db, String script) throws SQLException {
    MariaDbMigrationTest.apply(db, script);
  }
}
