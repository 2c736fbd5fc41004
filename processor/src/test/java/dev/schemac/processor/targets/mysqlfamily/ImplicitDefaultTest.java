package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.Server;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code implicit-default}: what the rule reports, and that it tells the truth on the real MariaDB
 * 11.4.5 and 10.11.5: the files schemac writes for a NOT NULL column added without a default fill
 * a table's rows with the implicit default (reported), and fail on a date or timestamp column
 * (not reported: it fails as on PostgreSQL).
 */
class ImplicitDefaultTest {
  private static final ImplicitDefault RULE = ImplicitDefault.INSTANCE;

  @TempDir Path dir;

  private static List<Finding> check(Schema before, Schema after, boolean dataStep, TargetFacts... targets) {
    return RULE.check(new MigrationContext(SchemaDiff.between(before, after), List.of(), false, Origin.NONE,
        List.of(targets), dataStep));
  }

  private static final Schema V1 = schema(table("items", of("id", Kind.INT64)));

  private static Schema v2(dev.schemac.processor.model.Column added) {
    return schema(table("items", of("id", Kind.INT64), added));
  }

  @Test
  void isMariaDbsAndMySqls() {
    assertThat(RULE.targets()).containsExactly(MariaDbTarget.ID, MySqlTarget.ID);
  }

  @Test
  void notNullColumnWithoutDefault_isReported_withTheValueRowsGet() {
    List<Finding> findings = check(V1, v2(of("qty", Kind.INT32)), false, new MariaDbTarget(), new MySqlTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("items");
    assertThat(findings.get(0).column()).isEqualTo("qty");
    assertThat(findings.get(0).message()).contains("MariaDB and MySQL do not fail there");
    assertThat(findings.get(0).message()).contains("every existing row 0");
    assertThat(check(V1, v2(column("state", LogicalType.enumOf(List.of("NEW", "DONE")))), false, new MariaDbTarget())
        .get(0).message()).contains("its first value 'NEW'");
    assertThat(check(V1, v2(text("name")), false, new MariaDbTarget()).get(0).message())
        .contains("the empty string ''");
    assertThat(check(V1, v2(text("name")), false, new MySqlTarget()).get(0).message())
        .contains("MySQL does not fail there as PostgreSQL does, it gives every existing row the empty string");
  }

  @Test
  void notReported_whereNothingIsFilledImplicitly() {
    // nullable, with a default, a date or timestamp (strict mode refuses the zero date), a data step
    assertThat(check(V1, v2(nullable(of("qty", Kind.INT32))), false, new MariaDbTarget())).isEmpty();
    assertThat(check(V1, v2(of("at", Kind.INSTANT)), false, new MariaDbTarget())).isEmpty();
    assertThat(check(V1, v2(of("on", Kind.DATE)), false, new MariaDbTarget())).isEmpty();
    assertThat(check(V1, v2(of("qty", Kind.INT32)), true, new MariaDbTarget())).isEmpty();
    // a new table has no rows
    assertThat(check(schema(), v2(of("qty", Kind.INT32)), false, new MariaDbTarget())).isEmpty();
    // and only these two targets' builds are judged
    assertThat(check(V1, v2(of("qty", Kind.INT32)), false, new PostgresTarget())).isEmpty();
  }

  // ------------------------------------------------------------------ on the real engines

  private static final String PACKAGE = "com.example.implicit";

  private static List<JavaFileObject> version(int version, String components) {
    return List.of(SchemacCompiler.source(PACKAGE + ".package-info", "@Schema(version = " + version + ")",
            "package " + PACKAGE + ";", "", "import dev.schemac.annotations.*;"),
        SchemacCompiler.typeIn(PACKAGE, "State", "public enum State { NEW, DONE }"),
        SchemacCompiler.typeIn(PACKAGE, "Item", "@Table public record Item(@Id long id" + components + ") {}"));
  }

  private static final String SUPPRESSED = "@SuppressWarnings(\"schemac:not-null-without-default\") ";

  /** The warning in the build, on the component, for both targets at once. */
  @Test
  void theBuildWarnsOnTheComponent() {
    SchemacCompiler.compile(dir, version(1, ""), "-Aschemac.targets=mariadb,mysql");
    List<JavaFileObject> v2 = version(2, ",\n    " + SUPPRESSED + "int qty");
    Compilation c = SchemacCompiler.compile(dir, v2, "-Aschemac.targets=mariadb,mysql").compilation();
    assertThat(c).succeeded();
    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged(ImplicitDefault.ID,
        "column items.qty is added NOT NULL without a default")).inFile(v2.get(2)).onLineContaining("int qty");
  }

  /**
   * V1, a row, then V2 as schemac writes it for {@code mariadb}: the new NOT NULL columns hold
   * what the rule says; a timestamp column fails on the row instead, and is added to an empty table.
   */
  @Test
  void onMariaDb_theRowsGetTheImplicitDefault_andATimestampFails() throws Exception {
    String both = "@SuppressWarnings({\"schemac:not-null-without-default\", \"schemac:implicit-default\"}) ";
    SchemacCompiler.compile(dir.resolve("fill"), version(1, ""), "-Aschemac.targets=mariadb");
    assertThat(SchemacCompiler.compile(dir.resolve("fill"), version(2, ", " + both + "int qty, " + both + "String name, "
        + both + "State state, " + both + "UUID ref"), "-Aschemac.targets=mariadb").compilation()).succeeded();
    SchemacCompiler.compile(dir.resolve("at"), version(1, ""), "-Aschemac.targets=mariadb");
    assertThat(SchemacCompiler.compile(dir.resolve("at"), version(2, ", " + SUPPRESSED + "Instant at"),
        "-Aschemac.targets=mariadb").compilation()).succeeded();
    for (Server server : Server.values()) {
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        db.executeScript(file(dir.resolve("fill"), "V1__"));
        db.execute("INSERT INTO items (id) VALUES (1)");
        db.executeScript(file(dir.resolve("fill"), "V2__"));
        assertThat(db.rows("SELECT qty, concat('[', name, ']'), state, ref FROM items"))
            .containsExactly("0|[]|NEW|00000000-0000-0000-0000-000000000000");
        // the mysql target's UUID column, BINARY(16), on the same engine: 16 zero bytes
        db.execute("ALTER TABLE items ADD COLUMN bin BINARY(16) NOT NULL, ALGORITHM=INSTANT");
        assertThat(db.rows("SELECT hex(bin) FROM items")).containsExactly("0".repeat(32));
        // and a JSON column (what @Json is here): an empty text, which is not JSON
        db.execute("ALTER TABLE items ADD COLUMN doc JSON NOT NULL, ALGORITHM=INSTANT");
        assertThat(db.rows("SELECT concat('[', doc, ']'), json_valid(doc) FROM items")).containsExactly("[]|0");
      }
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        db.executeScript(file(dir.resolve("at"), "V1__"));
        db.executeScript(file(dir.resolve("at"), "V2__")); // an empty table takes it
      }
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        db.executeScript(file(dir.resolve("at"), "V1__"));
        db.execute("INSERT INTO items (id) VALUES (1)");
        try {
          db.executeScript(file(dir.resolve("at"), "V2__"));
          throw new AssertionError("a DATETIME NOT NULL column without a default was added to a table with rows on "
              + server);
        } catch (java.sql.SQLException e) {
          assertThat(e.getMessage()).contains("ALGORITHM=INSTANT is not supported");
        }
        assertThat(db.rows("SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name = 'items' AND column_name = 'at'")).containsExactly("0");
      }
    }
  }

  private static String file(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("mariadb/migration"))) {
      return Files.readString(files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow());
    }
  }
}
