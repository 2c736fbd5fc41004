package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.down;
import static dev.schemac.processor.migrate.MigrationScenarioTest.read;
import static dev.schemac.processor.migrate.MigrationScenarioTest.snapshot;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.up;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the files of several targets go (docs/migrations.md#several-targets): PostgreSQL's at the
 * root of {@code schemac.dir}, as before targets existed, every other target's under a folder of
 * its id, with its own schema.sql, migration/ and undo/; one snapshot per version for all. A
 * target added to a project with released versions starts its history at the version it was added,
 * with a V{N} that creates the whole schema, and never touches another target's released files.
 * The second target is the tests' {@code testsql}, which speaks PostgreSQL's SQL so that its files
 * run on the embedded engine.
 */
class TargetLayoutTest {
  private static final String BOTH = "-Aschemac.targets=postgresql,testsql";

  @TempDir Path dir;

  private static JavaFileObject item(String components) {
    return type("Item", "@Table public record Item(@Id long id, " + components + ") {}");
  }

  /** Every file under {@link #dir}, relative path -> bytes as text. */
  private Map<String, String> files() throws IOException {
    return files(dir);
  }

  /** Every file under {@code root}, relative path -> bytes as text. */
  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void withoutTheOption_everythingIsAtTheRoot() throws IOException {
    compileOk(dir, version(1, item("String name")));
    assertThat(files().keySet()).containsExactly("schema.sql", "schema.md", "snapshots/v1.json",
        "migration/V1__initial_schema.sql", "undo/U1__initial_schema.sql");
  }

  @Test
  void twoTargets_unversioned_eachHasItsSchemaSql_andOneSchemaMd() throws IOException {
    SchemacCompiler.Result result = compileOk(dir, List.of(item("String name")), BOTH);
    assertThat(files().keySet()).containsExactly("schema.sql", "schema.md", "testsql/schema.sql");
    assertThat(result.generatedResource("db/testsql/schema.sql")).hasValue(files().get("testsql/schema.sql"));
    assertThat(files().get("testsql/schema.sql")).contains("CREATE TABLE items");
  }

  @Test
  void twoTargets_versioned_eachHasItsMigrations_listedInTheOneSnapshot() throws IOException {
    compileOk(dir, version(1, item("String name")), BOTH);
    assertThat(files().keySet()).containsExactly("schema.sql", "schema.md", "snapshots/v1.json",
        "migration/V1__initial_schema.sql", "undo/U1__initial_schema.sql",
        "testsql/schema.sql", "testsql/migration/V1__initial_schema.sql", "testsql/undo/U1__initial_schema.sql");
    String snapshot = files().get("snapshots/v1.json");
    assertThat(snapshot).contains("\"testsql/migration/V1__initial_schema.sql\"");
    assertThat(snapshot).contains("\"migration/V1__initial_schema.sql\"");
  }

  @Test
  void theOrderOfTheTargets_movesNoFile() throws IOException {
    compileOk(dir, version(1, item("String name")), BOTH);
    Map<String, String> first = files();
    compileOk(dir, version(1, item("String name")), "-Aschemac.targets=testsql,postgresql");
    assertThat(files()).isEqualTo(first);
  }

  @Test
  void targetAddedAtVersion2_startsWithTheWholeSchema_andLeavesTheOtherTargetsFilesAlone() throws Exception {
    compileOk(dir, version(1, item("String name")));
    Map<String, String> released = files();
    compileOk(dir, version(2, item("String name, @Nullable String code")), BOTH);
    Map<String, String> now = files();
    released.forEach((file, text) -> {
      if (!file.equals("schema.sql") && !file.equals("schema.md")) {
        assertThat(now.get(file)).isEqualTo(text); // version 1's files and snapshot, byte for byte
      }
    });
    assertThat(now.keySet()).containsAtLeast("migration/V2__add_items_code.sql", "undo/U2__add_items_code.sql",
        "testsql/migration/V2__add_items_code.sql", "testsql/undo/U2__add_items_code.sql");
    assertThat(now.keySet().stream().filter(f -> f.startsWith("testsql/migration/")).toList())
        .containsExactly("testsql/migration/V2__add_items_code.sql");
    String pgUp = now.get("migration/V2__add_items_code.sql");
    String testUp = now.get("testsql/migration/V2__add_items_code.sql");
    assertThat(pgUp).contains("ALTER TABLE items ADD COLUMN code text;");
    assertThat(testUp).contains("V2: the whole schema of version 2, where the history of target testsql starts.");
    assertThat(testUp).contains("CREATE TABLE items (");
    assertThat(now.get("testsql/undo/U2__add_items_code.sql")).contains("DROP TABLE items;");
    assertThat(now.get("snapshots/v2.json")).contains("\"testsql/migration/V2__add_items_code.sql\"");

    // the new target's history runs on an empty database: V2, down, V2 again
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      Map<String, Object> empty = snapshot(db);
      Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "")
          .locations("filesystem:" + dir.resolve("testsql/migration")).validateMigrationNaming(true).load().migrate();
      assertThat(MigrationScenarioTest.rows(db, "SELECT version FROM flyway_schema_history")).containsExactly("2");
      MigrationScenarioTest.execute(db, "DROP TABLE flyway_schema_history");
      Map<String, Object> atVersion2 = snapshot(db);
      assertThat(db.catalog().column("items", "code")).isNotNull();
      down(db, dir.resolve("testsql"), 2);
      assertThat(snapshot(db)).isEqualTo(empty);
      up(db, dir.resolve("testsql"), 2);
      assertThat(snapshot(db)).isEqualTo(atVersion2);
    }

    // version 3: the added target now diffs from version 2 like the others
    compileOk(dir, version(3, item("String name, @Nullable String code, @Nullable String note")), BOTH);
    String next = files().get("testsql/migration/V3__add_items_note.sql");
    assertThat(next).contains("V3: up from version 2 to 3.");
    assertThat(next).contains("ALTER TABLE items ADD COLUMN note text;");
  }

  @Test
  void targetAddedWhileVersion1IsCurrent_startsAtVersion1() throws IOException {
    compileOk(dir, version(1, item("String name")));
    compileOk(dir, version(1, item("String name")), BOTH);
    assertThat(files().get("testsql/migration/V1__initial_schema.sql")).contains("V1: up from version 0 to 1.");
  }

  @Test
  void releasedFileOfTheAddedTarget_editedByHand_isAnError() throws IOException {
    compileOk(dir, version(1, item("String name")), BOTH);
    compileOk(dir, version(2, item("String name, @Nullable String code")), BOTH);
    Path released = dir.resolve("testsql/migration/V1__initial_schema.sql");
    Files.writeString(released, read(released) + "-- edited\n");
    Compilation c = SchemacCompiler.compile(dir, version(2, item("String name, @Nullable String code")), BOTH)
        .compilation();
    com.google.testing.compile.CompilationSubject.assertThat(c)
        .hadErrorContainingMatch(Diagnostics.tagged("released-file-changed",
                "testsql/migration/V1__initial_schema.sql (edited)"));
  }

  @Test
  void targetLeftOutAndChosenAgain_isAnError_notASecondWholeSchema() throws IOException {
    compileOk(dir, version(1, item("String name")), BOTH);
    compileOk(dir, version(2, item("String name, @Nullable String code")));
    Compilation c = SchemacCompiler.compile(dir,
        version(3, item("String name, @Nullable String code, @Nullable String note")), BOTH).compilation();
    com.google.testing.compile.CompilationSubject.assertThat(c)
            .hadErrorContainingMatch(Diagnostics.tagged("target-left-out",

        "target testsql was left out of -Aschemac.targets after it had released migrations"
            + " (testsql/migration/V1__initial_schema.sql)"));
    assertThat(files().keySet()).doesNotContain("snapshots/v3.json");
  }

  @Test
  void unknownTarget_isAnError_withTheClosestName_andNothingIsWritten() throws IOException {
    Compilation c = SchemacCompiler.compile(dir, List.of(item("String name")), "-Aschemac.targets=postgres")
        .compilation();
    com.google.testing.compile.CompilationSubject.assertThat(c)
        .hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
                "'postgres' is not a target (did you mean 'postgresql'?)"));
    assertThat(files()).isEmpty();
    Compilation twice = SchemacCompiler.compile(dir, List.of(item("String name")),
        "-Aschemac.targets=testsql,testsql").compilation();
    com.google.testing.compile.CompilationSubject.assertThat(twice)
            .hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
            "names testsql twice"));
    assertThat(files()).isEmpty();
  }

  @Test
  void whatATargetCannotExpress_isALocatedErrorNamingIt() {
    JavaFileObject tagged = type("Tagged", """
        @Table public record Tagged(
            @Id long id,
            @NativeEnum(name = "mood") Mood mood) {
          public enum Mood { HAPPY, SAD }
        }
        """);
    Compilation c = SchemacCompiler.compile(dir, List.of(tagged), BOTH).compilation();
    com.google.testing.compile.CompilationSubject.assertThat(c)
            .hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",

        "enum type mood (@NativeEnum) cannot be created: TestSQL has no named enum types (target testsql)"))
        .inFile(tagged).onLineContaining("Mood mood");
    com.google.testing.compile.CompilationSubject.assertThat(SchemacCompiler.compile(List.of(tagged)).compilation())
        .succeeded();
  }
}
