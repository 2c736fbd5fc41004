package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored generated columns (issue 16): schemac's {@code @GeneratedColumn} on a record and
 * Hibernate's on an entity become a column computed from its row, which each SQL target writes in
 * its own clause and its engine computes (PostgreSQL, MariaDB, SQLite, checked through their
 * catalogs); MongoDB refuses it, located; and what a generated column cannot also be is a located
 * error.
 */
class GeneratedColumnsTest {
  static final String PKG = "com.example.gen";

  @TempDir Path dir;

  static JavaFileObject record(String name, String body) {
    return SchemacCompiler.typeIn(PKG, name, body);
  }

  static JavaFileObject entity(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", "import jakarta.persistence.*;",
        "", String.join("\n", body));
  }

  static final JavaFileObject LINE = record("OrderLine", """
      @Table
      public record OrderLine(
          @Id long id,
          int quantity,
          long priceCents,
          String email,
          @GeneratedColumn("quantity * price_cents") long totalCents,
          @Nullable @GeneratedColumn("lower(email)") @Indexed String emailKey) {}
      """);

  static final JavaFileObject ITEM = entity("Item",
      "@Entity",
      "public class Item {",
      "  @Id Long id;",
      "  int qty;",
      "  long price;",
      "  @org.hibernate.annotations.GeneratedColumn(\"qty * price\") Long total;",
      "}");

  SchemacCompiler.Result compile(String targets, JavaFileObject... sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(sources), "-Aschemac.targets=" + targets);
    assertWithMessage("%s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    return result;
  }

  @Test
  void postgresql_writesGeneratedAlwaysAsStored_andTheEngineComputesIt() throws Exception {
    SchemacCompiler.Result result = compile("postgresql", LINE, ITEM);
    assertThat(result.fileInDir("schema.md").orElseThrow())
        .contains("| total_cents | bigint | no | `generated as (quantity * price_cents)` |");
    String sql = result.schemaSql();
    assertThat(sql).containsMatch("total_cents +bigint +GENERATED ALWAYS AS \\(quantity \\* price_cents\\) STORED NOT NULL");
    assertThat(sql).containsMatch("total +bigint +GENERATED ALWAYS AS \\(qty \\* price\\) STORED");
    try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(sql);
      try (var statement = db.connection().createStatement()) {
        statement.execute("INSERT INTO order_lines (id, quantity, price_cents, email) VALUES (1, 3, 250, 'A@B.org')");
        statement.execute("INSERT INTO item (id, qty, price) VALUES (1, 2, 7)");
        var rows = statement.executeQuery("SELECT total_cents || ' ' || email_key FROM order_lines");
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("750 a@b.org");
        rows = statement.executeQuery("SELECT a.attname || ' ' || a.attgenerated::text || ' ' || pg_get_expr(d.adbin, d.adrelid)"
            + " FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = 'item'::regclass");
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("total s (qty * price)");
      }
    }
  }

  @Test
  void mariadb_writesAsStored_andTheEngineComputesIt() throws Exception {
    String sql = compile("mariadb", LINE, ITEM).fileInDir("mariadb/schema.sql").orElseThrow();
    try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      db.executeScript(sql);
      db.execute("INSERT INTO order_lines (id, quantity, price_cents, email) VALUES (1, 3, 250, 'A@B.org')");
      assertThat(db.rows("SELECT concat(total_cents, ' ', email_key) FROM order_lines")).containsExactly("750 a@b.org");
      assertThat(db.rows("SELECT concat(COLUMN_NAME, ' ', EXTRA, ' ', GENERATION_EXPRESSION) FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Item' AND IS_GENERATED = 'ALWAYS'"))
          .containsExactly("total STORED GENERATED `qty` * `price`"); // the entity's table: JPA's default naming keeps Item
    }
  }

  @Test
  void sqlite_writesGeneratedAlwaysAsStored_andTheEngineComputesIt() throws Exception {
    String sql = compile("sqlite", LINE, ITEM).fileInDir("sqlite/schema.sql").orElseThrow();
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("gen.db"))) {
      db.run(sql);
      db.run("INSERT INTO order_lines (id, quantity, price_cents, email) VALUES (1, 3, 250, 'A@B.org')");
      assertThat(db.rows("SELECT total_cents || ' ' || email_key FROM order_lines")).containsExactly("750 a@b.org");
      // hidden 3: a stored generated column
      assertThat(db.rows("SELECT name || ' ' || hidden FROM pragma_table_xinfo('item') WHERE hidden <> 0"))
          .containsExactly("total 3");
    }
  }

  @Test
  void mongodb_refusesAGeneratedColumn_onTheComponent() {
    Compilation failed = SchemacCompiler.compile(dir, List.of(LINE), "-Aschemac.targets=mongodb").compilation();
    assertThat(failed).hadErrorContaining("[schemac:unsupported-by-target]").inFile(LINE)
        .onLineContaining("long totalCents");
    assertThat(failed).hadErrorContaining("(target mongodb)");
  }

  @Test
  void aGeneratedColumnWithADefault_isAConflict() {
    JavaFileObject bad = record("Bad", """
        @Table
        public record Bad(@Id long id, int a, @Default("0") @GeneratedColumn("a + 1") int b) {}
        """);
    Compilation failed = SchemacCompiler.compile(dir, List.of(bad)).compilation();
    assertThat(failed).hadErrorContaining("[schemac:conflicting-annotations]").inFile(bad)
        .onLineContaining("int b)");
  }

  @Test
  void aGeneratedColumnThatIsAStatement_isInvalidSql() {
    JavaFileObject bad = record("Bad", """
        @Table
        public record Bad(@Id long id, int a, @GeneratedColumn("a; DROP TABLE x") int b) {}
        """);
    Compilation failed = SchemacCompiler.compile(dir, List.of(bad)).compilation();
    assertThat(failed).hadErrorContaining("[schemac:invalid-sql]").inFile(bad).onLineContaining("int b)");
  }

  /** MySQL refuses to rename a column a generated column uses (MariaDB rewrites it): a located error with the fix. */
  @Test
  void renamingAColumnAGeneratedColumnUses_isAnErrorOnMysql() {
    JavaFileObject v1 = SchemacCompiler.source(PKG + ".package-info", "@dev.schemac.annotations.Schema(version = 1)",
        "package " + PKG + ";");
    JavaFileObject v2 = SchemacCompiler.source(PKG + ".package-info", "@dev.schemac.annotations.Schema(version = 2)",
        "package " + PKG + ";");
    compile("mariadb,mysql", v1, record("Tag", """
        @Table
        public record Tag(@Id long id, String name, @GeneratedColumn("upper(name)") @Column(length = 40) String shout) {}
        """));
    JavaFileObject renamed = record("Tag", """
        @Table
        public record Tag(@Id long id, @RenamedFrom("name") String title,
            @GeneratedColumn("upper(title)") @Column(length = 40) String shout) {}
        """);
    Compilation failed = SchemacCompiler.compile(dir, List.of(v2, renamed), "-Aschemac.targets=mariadb,mysql")
        .compilation();
    assertThat(failed).hadErrorContaining("generated column shout uses it");
    assertThat(failed).hadErrorContaining("(target mysql)");
  }
}
