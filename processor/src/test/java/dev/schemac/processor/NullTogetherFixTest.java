package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix nullable-key-column gives for an optional composite reference, a CHECK that keeps its
 * columns NULL together, is SQL every SQL target reads: taken from the warning as written, it
 * compiles for postgresql, mariadb and sqlite at once, and each real engine then takes a row with
 * both columns NULL or both set, and refuses one with a single NULL.
 */
class NullTogetherFixTest {
  private static final String BIN = """
      @Table
      @References(value = Shelf.class, columns = {"shelf_aisle", "shelf_position"})
      @Index(columns = {"shelf_aisle", "shelf_position"})
      %s
      public record Bin(@Id long id, @Nullable Integer shelfAisle, @Nullable Integer shelfPosition) {}
      """;
  private static final String SHELF = """
      @Table
      public record Shelf(@Id int aisle, @Id int position) {}
      """;

  @TempDir Path dir;

  private static JavaFileObject bin(String check) {
    return SchemacCompiler.typeIn("com.example", "Bin", BIN.formatted(check));
  }

  private static JavaFileObject shelf() {
    return SchemacCompiler.typeIn("com.example", "Shelf", SHELF);
  }

  @Test
  void theSuggestedCheck_compilesForEveryTarget_andEachEngineHoldsTheColumnsNullTogether() throws Exception {
    Compilation warned = SchemacCompiler.compile(dir.resolve("before"), bin(""), shelf()).compilation();
    assertThat(warned).succeeded();
    assertThat(warned).hadWarningContainingMatch(Diagnostics.tagged("nullable-key-column", "MATCH SIMPLE"));
    String message = warned.warnings().stream().map(d -> d.getMessage(null))
        .filter(m -> m.contains("nullable-key-column") && m.contains("@Check(")).findFirst().orElseThrow();
    String fix = HostileTextTest.fixAnnotation(message, "@Check(");
    assertThat(fix).isEqualTo("@Check(\"(shelf_aisle IS NULL) = (shelf_position IS NULL)\")");

    SchemacCompiler.Result fixed = SchemacCompiler.compile(dir.resolve("after"), List.of(bin(fix), shelf()),
        "-Aschemac.targets=postgresql,mariadb,sqlite");
    assertWithMessage("%s", fixed.compilation().diagnostics()).that(fixed.compilation().status())
        .isEqualTo(Compilation.Status.SUCCESS);
    for (Diagnostic<? extends JavaFileObject> d : fixed.compilation().warnings()) {
      assertThat(d.getMessage(null)).doesNotContain("nullable-key-column");
    }

    try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(fixed.fileInDir("schema.sql").orElseThrow());
      holdsNullTogether(db::executeScript);
    }
    try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      db.executeScript(fixed.fileInDir("mariadb/schema.sql").orElseThrow());
      holdsNullTogether(db::execute);
    }
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("bins.db"))) {
      db.run(fixed.fileInDir("sqlite/schema.sql").orElseThrow());
      holdsNullTogether(db::run);
    }
  }

  private interface Sql {
    void execute(String sql) throws SQLException;
  }

  private static void holdsNullTogether(Sql db) throws SQLException {
    db.execute("INSERT INTO shelves (aisle, position) VALUES (3, 4)");
    db.execute("INSERT INTO bins (id, shelf_aisle, shelf_position) VALUES (1, 3, 4)");
    db.execute("INSERT INTO bins (id, shelf_aisle, shelf_position) VALUES (2, NULL, NULL)");
    boolean refused = false;
    try {
      db.execute("INSERT INTO bins (id, shelf_aisle, shelf_position) VALUES (3, 99, NULL)");
    } catch (SQLException e) {
      refused = true;
    }
    assertWithMessage("a row with one NULL of the reference").that(refused).isTrue();
  }
}
