package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.Server;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CAST to a type the engine's CAST has not, in SQL written for {@code mariadb} or {@code mysql}
 * itself: a located {@code invalid-sql} error with the fix, where it used to compile and fail when
 * the file ran ({@code CAST(amount AS REAL)}). MariaDB's list is held against the real 11.4.5 and
 * 10.11.5: every spelling below is judged as the engine judges it.
 */
class CastTypesTest {
  @TempDir Path dir;

  private static final Engine MARIADB = new MariaDbTarget().dialect().engine();
  private static final Engine MYSQL = new MySqlTarget().dialect().engine();

  /** Spellings PostgreSQL users write, and MariaDB's own forms. */
  private static final List<String> SPELLINGS = List.of("REAL", "DOUBLE", "DOUBLE PRECISION", "DOUBLE(10,2)",
      "DOUBLE(10)", "FLOAT", "FLOAT(10)", "FLOAT(10,2)", "DECIMAL", "DECIMAL(10)", "DECIMAL(10,2)", "NUMERIC",
      "NUMERIC(10,2)", "INTEGER", "INT", "BIGINT", "SMALLINT", "INT8", "SIGNED", "SIGNED INTEGER", "SIGNED INT",
      "UNSIGNED", "UNSIGNED INTEGER", "CHAR", "CHAR(3)", "CHAR CHARACTER SET utf8mb4", "NCHAR", "NCHAR(3)",
      "VARCHAR", "VARCHAR(10)", "TEXT", "BINARY", "BINARY(4)", "DATE", "DATETIME", "DATETIME(6)", "TIMESTAMP",
      "TIME", "TIME(3)", "JSON", "BOOLEAN", "BOOL", "YEAR", "UUID", "INET4", "INET6", "INTERVAL");

  @Test
  void mariaDbsCastTypes_areJudgedAsMariaDbJudgesThem_on114And1011() throws SQLException {
    for (Server server : Server.values()) {
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        for (String type : SPELLINGS) {
          for (String sql : List.of("CAST(NULL AS " + type + ")", "CONVERT(NULL, " + type + ")")) {
            boolean engine = accepts(db, "SELECT " + sql);
            assertWithMessage("%s on MariaDB %s: the engine %s it, CastTypes says %s", sql, server.version(),
                engine ? "takes" : "refuses", CastTypes.problem(sql, MARIADB))
                .that(CastTypes.problem(sql, MARIADB) == null).isEqualTo(engine);
          }
        }
      }
    }
  }

  private static boolean accepts(TestDatabase db, String sql) {
    try {
      db.execute(sql);
      return true;
    } catch (SQLException e) {
      // refused for its type, not for anything else
      assertThat(e.getMessage()).containsMatch("error in your SQL syntax|Unknown data type");
      return false;
    }
  }

  @Test
  void mySqlsList_isItsManuals() {
    for (String ok : List.of("REAL", "DOUBLE", "FLOAT(10)", "JSON", "YEAR", "SIGNED INTEGER", "CHAR(3)", "DECIMAL(10,2)")) {
      assertWithMessage(ok).that(CastTypes.problem("CAST(x AS " + ok + ")", MYSQL)).isNull();
    }
    for (String refused : List.of("INTEGER", "INT", "BIGINT", "VARCHAR(10)", "TEXT", "UUID", "TIMESTAMP", "BOOLEAN")) {
      assertWithMessage(refused).that(CastTypes.problem("CAST(x AS " + refused + ")", MYSQL)).isNotNull();
    }
    assertThat(CastTypes.problem("CAST(x AS INT)", MYSQL).fix()).isEqualTo("CAST(... AS SIGNED)");
  }

  @Test
  void readsNestedCastsAndSkipsStringsAndConvertUsing() {
    assertThat(CastTypes.problem("coalesce(CAST(a AS DOUBLE), CAST(b AS REAL)) > 0", MARIADB).why())
        .contains("no type REAL");
    assertThat(CastTypes.problem("cast(cast(a as char) as real) > 0", MARIADB)).isNotNull();
    assertThat(CastTypes.problem("label <> 'CAST(x AS REAL)'", MARIADB)).isNull();
    assertThat(CastTypes.problem("CONVERT(label USING utf8mb4) <> ''", MARIADB)).isNull();
    assertThat(CastTypes.problem("`cast` > 0", MARIADB)).isNull();
  }

  private static JavaFileObject payment(String check) {
    return SchemacCompiler.typeIn("com.example.cast", "Payment", """
        @Table
        public record Payment(
            @Id long id,
            @Check("%s") @Column(precision = 10, scale = 2) BigDecimal amount) {}
        """.formatted(check));
  }

  /** The case the bench found: it compiled; now it is an error on the @Check, and its fix applies to MariaDB. */
  @Test
  void castAsReal_isALocatedError_andItsFixRunsOnMariaDb() throws SQLException {
    JavaFileObject bad = payment("CAST(amount AS REAL) >= 0");
    Compilation c = SchemacCompiler.compile(dir.resolve("bad"), List.of(bad), "-Aschemac.targets=mariadb")
        .compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-sql", "CHECK payments_amount_check on payments"
        + " (CAST(amount AS REAL) >= 0) is not valid MariaDB: MariaDB's CAST has no type REAL")).inFile(bad)
        .onLineContaining("@Check");
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-sql", "Fix: CAST(... AS DOUBLE)"));
    Compilation mysql = SchemacCompiler.compile(dir.resolve("mysql"), List.of(payment("CAST(amount AS SIGNED) >= 0")),
        "-Aschemac.targets=mysql").compilation();
    assertThat(mysql).succeeded();

    SchemacCompiler.Result fixed = SchemacCompiler.compile(dir.resolve("good"),
        List.of(payment("CAST(amount AS DOUBLE) >= 0")), "-Aschemac.targets=mariadb");
    assertThat(fixed.compilation()).succeeded();
    for (Server server : Server.values()) {
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        db.executeScript(fixed.fileInDir("mariadb/schema.sql").orElseThrow());
        db.execute("INSERT INTO payments VALUES (1, 2.50)");
        assertThat(db.failure("INSERT INTO payments VALUES (2, -1)")).contains("payments_amount_check");
      }
    }
  }
}
