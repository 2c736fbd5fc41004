package dev.schemac.processor.targets.sqlite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.compileOk;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.file;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.read;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.rows;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.type;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.version;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.targets.sqlite.SqliteMigrations.Scenario;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written data steps ({@code sqlite/data/V{N}__x.sql}, {@code U{N}__x.sql}) on a real
 * SQLite, with rows in a parent and in a child that references it with ON DELETE CASCADE: the step
 * runs inside the file's one transaction, after what the version adds and before what it removes
 * or tightens (here a rebuild), and the down runs the step's down in the mirror place.
 */
class SqliteDataStepTest {
  @TempDir Path dir;

  private static final JavaFileObject CHILD = type("Child", "@Table public record Child(@Id(generated ="
      + " Id.Generated.IDENTITY) long id, @References(value = Parent.class, onDelete = ReferentialAction.CASCADE)"
      + " @Indexed long parentId, String label) {}");

  private static JavaFileObject parentV1() {
    return type("Parent", "@Table public record Parent(@Id(generated = Id.Generated.IDENTITY) long id,"
        + " @Column(length = 20) String name, @Nullable String note) {}");
  }

  /** {@code note} goes; {@code label}, NOT NULL without a default, comes: the step fills it from {@code note}. */
  private static JavaFileObject parentV2() {
    return type("Parent", "@Table public record Parent(@Id(generated = Id.Generated.IDENTITY) long id,"
        + " @Column(length = 20) String name, String label) {}");
  }

  private Scenario scenario() {
    return new Scenario(dir).v1(parentV1(), CHILD).seed(
        "INSERT INTO parents (name, note) VALUES ('ada', 'first'), ('bob', NULL), ('cy', 'third');",
        "INSERT INTO children (parent_id, label) VALUES (1, 'a1'), (1, 'a2'), (2, 'b1'), (3, 'c1');");
  }

  @Test
  void backfillOfANotNullColumn_fromTheColumnThatGoes_andItsDown_keepEveryRow() throws Exception {
    Scenario s = scenario()
        .v2("drops = @Drop(table = \"parents\", column = \"note\")", parentV2(), CHILD)
        .data("V2__label_from_note.sql", "-- a label for every parent: its note, or its name\n"
            + "UPDATE parents SET label = coalesce(note, name) WHERE label IS NULL;\n")
        .data("U2__note_from_label.sql", "UPDATE parents SET note = nullif(label, name);\n")
        .afterUp(db -> {
          assertThat(db.rows("SELECT name, label FROM parents ORDER BY id"))
              .containsExactly("ada|first", "bob|bob", "cy|third").inOrder();
          assertThat(db.value("SELECT count(*) FROM children")).isEqualTo("4");
          assertThat(db.failure("INSERT INTO parents (name) VALUES ('dee')")).contains("NOT NULL");
        })
        .afterDown(db -> assertThat(db.rows("SELECT name, note FROM parents ORDER BY id"))
            .containsExactly("ada|first", "bob|null", "cy|third").inOrder())
        .run();
    String up = s.up();
    int add = up.indexOf("ALTER TABLE parents ADD COLUMN label text");
    int step = up.indexOf("-- Data step, hand-written: sqlite/data/V2__label_from_note.sql\n");
    int rebuild = up.indexOf("-- parents is rebuilt");
    assertThat(add).isGreaterThan(up.indexOf("SAVEPOINT schemac_migration;"));
    assertThat(step).isGreaterThan(add);
    assertThat(rebuild).isGreaterThan(step);
    assertThat(up.indexOf("RELEASE schemac_migration;")).isGreaterThan(rebuild);
    assertThat(up).containsMatch("(?s)label +text +NOT NULL.*RELEASE");
    String down = s.down();
    assertThat(down.indexOf("-- Data step, hand-written: sqlite/data/U2__note_from_label.sql\n"))
        .isGreaterThan(down.indexOf("ALTER TABLE parents ADD COLUMN note text"));
    assertThat(down.indexOf("ALTER TABLE parents DROP COLUMN label;"))
        .isGreaterThan(down.indexOf("-- Data step, hand-written: sqlite/data/U2__note_from_label.sql\n"));
  }

  /** A step that leaves a row NULL fails the NOT NULL after it: the whole file rolls back, rows and all. */
  @Test
  void aStepThatLeavesARowEmpty_failsTheFile_andNothingIsCommitted() throws Exception {
    compileOk(dir, version("1", parentV1(), CHILD));
    Files.createDirectories(dir.resolve("sqlite/data"));
    Files.writeString(dir.resolve("sqlite/data/V2__label_from_note.sql"),
        "UPDATE parents SET label = note WHERE label IS NULL;\n");
    compileOk(dir, version("version = 2, drops = @Drop(table = \"parents\", column = \"note\")", parentV2(), CHILD));
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("db.sqlite"))) {
      db.apply(file(dir, "sqlite/migration", "V1__"));
      db.run("INSERT INTO parents (name, note) VALUES ('ada', 'first'), ('bob', NULL);"
          + " INSERT INTO children (parent_id, label) VALUES (1, 'a1'), (2, 'b1');");
      Map<String, Object> catalog = db.catalog();
      Map<String, List<String>> rows = rows(db);

      assertThat(db.failure(read(file(dir, "sqlite/migration", "V2__")))).contains("NOT NULL");
      db.run("PRAGMA foreign_keys = ON;"); // what the file's last line would have done

      assertThat(db.catalog()).isEqualTo(catalog);
      assertThat(rows(db)).isEqualTo(rows);
    }
  }

  /** A step that deletes parents whose children stay breaks a foreign key: PRAGMA foreign_key_check fails the file. */
  @Test
  void aStepThatBreaksAForeignKey_failsTheFile_beforeTheCommit() throws Exception {
    compileOk(dir, version("1", parentV1(), CHILD));
    Files.createDirectories(dir.resolve("sqlite/data"));
    Files.writeString(dir.resolve("sqlite/data/V2__drop_bob.sql"), "UPDATE parents SET label = name;\n"
        + "DELETE FROM parents WHERE name = 'bob';\n");
    compileOk(dir, version("version = 2, drops = @Drop(table = \"parents\", column = \"note\")", parentV2(), CHILD));
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("db.sqlite"))) {
      db.apply(file(dir, "sqlite/migration", "V1__"));
      db.run("INSERT INTO parents (name) VALUES ('ada'), ('bob'); INSERT INTO children (parent_id, label) VALUES"
          + " (1, 'a1'), (2, 'b1');");
      Map<String, List<String>> rows = rows(db);

      assertThat(db.failure(read(file(dir, "sqlite/migration", "V2__")))).contains("foreign keys broken");
      db.run("PRAGMA foreign_keys = ON;");

      assertThat(rows(db)).isEqualTo(rows);
    }
  }

  @Test
  void aStepThatCommits_isAnInvalidDataStep() throws Exception {
    Compilation c = compileWithStep("UPDATE parents SET label = name;\nCOMMIT;\n");

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-data-step",
        "data step sqlite/data/V2__label.sql runs inside the migration file's own transaction"));
    assertThat(Files.exists(dir.resolve("sqlite/migration/V2__drop_parents_note.sql"))).isFalse();
  }

  @Test
  void aStepThatTurnsForeignKeysOn_isAnInvalidDataStep() throws Exception {
    Compilation c = compileWithStep("pragma Foreign_Keys = on;\nUPDATE parents SET label = name;\n");

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-data-step", "cannot run pragma Foreign_Keys"));
  }

  /** Version 1 compiled, then version 2 with {@code step} as its data step. */
  private Compilation compileWithStep(String step) throws Exception {
    compileOk(dir, version("1", parentV1(), CHILD));
    Files.createDirectories(dir.resolve("sqlite/data"));
    Files.writeString(dir.resolve("sqlite/data/V2__label.sql"), step);
    return SchemacCompiler.compile(dir, version("version = 2, drops = @Drop(table = \"parents\", column ="
        + " \"note\")", parentV2(), CHILD), SqliteMigrations.SQLITE).compilation();
  }
}
