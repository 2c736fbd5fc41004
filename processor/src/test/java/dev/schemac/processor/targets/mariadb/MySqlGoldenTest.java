package dev.schemac.processor.targets.mariadb;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mysql} target's files for what MariaDB cannot run (MySQL itself cannot be obtained
 * where schemac is tested): functional indexes, BINARY(16) UUIDs with their default, MySQL's JSON
 * and collation, statements prepared from information_schema. Compared byte for byte with golden
 * files under {@code src/test/resources/golden/mysql/}, which a person read against the MySQL 8.4
 * manual (docs/targets/mysql.md). After a deliberate change, rewrite them with {@code
 * -Dschemac.updateGolden=true} and read the diff before committing it.
 */
class MySqlGoldenTest {
  static final String PACKAGE = "com.example.golden";
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "mysql");

  @TempDir Path dir;

  static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn(PACKAGE, name, body);
  }

  static JavaFileObject version(int n) {
    return SchemacCompiler.source(PACKAGE + ".package-info", "@Schema(version = " + n + ")", "package " + PACKAGE + ";",
        "", "import dev.schemac.annotations.*;");
  }

  static final JavaFileObject PLAN = type("Plan", "public enum Plan { FREE, PRO }");

  static List<JavaFileObject> v1() {
    return List.of(version(1), PLAN, type("Member", """
        /** Members of the club. */
        @Table
        @SoftDelete
        @Index(expression = "lower(email)", unique = true, name = "idx_members_email_ci")
        public record Member(
            @Id UUID id,
            @Column(length = 320) String email,
            Plan plan,
            @Json Map<String, Object> profile,
            @CreatedAt Instant createdAt,
            @UpdatedAt Instant updatedAt) {}
        """));
  }

  static List<JavaFileObject> v2() {
    return List.of(version(2), PLAN, type("Member", """
        /** Members of the club. */
        @Table
        @SoftDelete
        @Index(expression = "lower(email)", unique = true, name = "idx_members_email_ci")
        @Index(expression = "upper(nickname)", name = "idx_members_nickname_ci")
        public record Member(
            @Id UUID id,
            @Column(length = 320) String email,
            Plan plan,
            @Json Map<String, Object> profile,
            @RenamedFrom("created_at") Instant joinedAt,
            @UpdatedAt Instant updatedAt,
            @Nullable @Column(length = 40) @Check("char_length(nickname) >= 2") String nickname) {}
        """));
  }

  @Test
  void mySqlFiles_areTheGoldenFiles() throws IOException {
    compile(v1());
    compile(v2());
    golden(List.of("schema.sql", "V1.sql", "V2.sql", "U2.sql"), List.of(Files.readString(dir.resolve("mysql/schema.sql")),
        only("mysql/migration", "V1__"), only("mysql/migration", "V2__"), only("mysql/undo", "U2__")));
  }

  /**
   * A version with a hand-written data step (docs/migrations.md, "Data steps"): a NOT NULL column
   * filled from one that goes. V2 adds and runs the step, V2.1 tightens then drops; U2.1 undoes that
   * and runs the step's down, U2 removes what V2 added. MariaDbDataStepTest runs them on MariaDB.
   */
  @Test
  void mySqlFilesWithADataStep_areTheGoldenFiles() throws IOException {
    compile(List.of(version(1), type("Item", "@Table public record Item(@Id long id, @Column(length = 20) String name,"
        + " @Nullable @Column(length = 20) String note) {}")));
    Files.createDirectories(dir.resolve("mysql/data"));
    Files.writeString(dir.resolve("mysql/data/V2__label_from_note.sql"),
        "UPDATE items SET label = COALESCE(note, name) WHERE label IS NULL;\n");
    Files.writeString(dir.resolve("mysql/data/U2__note_from_label.sql"), "UPDATE items SET note = NULLIF(label, name);\n");
    compile(List.of(SchemacCompiler.source(PACKAGE + ".package-info", "@Schema(version = 2, drops = @Drop(table ="
        + " \"items\", column = \"note\"))", "package " + PACKAGE + ";", "", "import dev.schemac.annotations.*;"),
        type("Item", "@Table public record Item(@Id long id, @Column(length = 20) String name, @Column(length = 20)"
            + " String label) {}")));
    golden(List.of("data-V2.sql", "data-V2.1.sql", "data-U2.1.sql", "data-U2.sql"), List.of(
        only("mysql/migration", "V2__"), only("mysql/migration", "V2.1__"), only("mysql/undo", "U2.1__"),
        only("mysql/undo", "U2__")));
  }

  private void golden(List<String> names, List<String> actual) throws IOException {
    boolean update = Boolean.getBoolean("schemac.updateGolden");
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Path golden = GOLDEN.resolve(names.get(i));
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual.get(i), StandardCharsets.UTF_8);
      } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(actual.get(i))) {
        differ.add(names.get(i) + ":\n" + actual.get(i));
      }
    }
    assertWithMessage("the mysql files differ from src/test/resources/golden/mysql (read the diff, then"
        + " -Dschemac.updateGolden=true)").that(differ).isEmpty();
  }

  private void compile(List<JavaFileObject> sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, "-Aschemac.targets=mysql");
    assertWithMessage("%s", result.compilation().diagnostics()).that(result.compilation().status())
        .isEqualTo(Compilation.Status.SUCCESS);
  }

  private String only(String folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(folder))) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      return Files.readString(file);
    }
  }
}
