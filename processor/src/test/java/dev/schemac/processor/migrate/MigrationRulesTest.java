package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.PostgresScripts;
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
 * Each migration rule: it fires on the exact element with its id, the build's level and the
 * source's suppression apply, and what is written applies to PostgreSQL.
 */
class MigrationRulesTest {
  @TempDir Path dir;

  private static JavaFileObject version(int n, String extra) {
    return JavaFileObjects.forSourceString("shop.package-info",
        "@dev.schemac.annotations.Schema(version = " + n + extra + ")\npackage shop;\n");
  }

  private static JavaFileObject customer(String components) {
    return JavaFileObjects.forSourceString("shop.Customer", """
        package shop;

        import dev.schemac.annotations.*;
        import java.util.UUID;

        @Table
        public record Customer(
            @Id UUID id,
            %s) {}
        """.formatted(components));
  }

  private Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  private Compilation compile(List<JavaFileObject> sources, String... options) {
    return SchemacCompiler.compile(dir, sources, options).compilation();
  }

  private List<String> migrationFiles() throws IOException {
    List<String> out = new ArrayList<>();
    for (String folder : List.of("migration", "undo")) {
      try (Stream<Path> files = Files.list(dir.resolve(folder))) {
        files.map(f -> folder + "/" + f.getFileName()).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** "migration/V2.1__x.sql" -> "00002.00001", comparable as text. */
  private static String versionOf(String file) {
    String v = file.substring(file.indexOf("/V") + 2, file.indexOf("__"));
    StringBuilder key = new StringBuilder();
    for (String part : v.split("\\.")) {
      key.append(String.format("%05d.", Integer.parseInt(part)));
    }
    return key.toString();
  }

  /** Applies V1.., inserting {@code row} after V1, so later ups meet a table with data. */
  private void applyAll(String row) throws Exception {
    try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      List<String> ups = migrationFiles().stream()
          .filter(f -> f.startsWith("migration/") && f.endsWith(".sql"))
          .sorted(java.util.Comparator.comparing(MigrationRulesTest::versionOf)) // as Flyway orders: 2 < 2.1 < 10
          .toList();
      for (String up : ups) {
        String script = Files.readString(dir.resolve(up), StandardCharsets.UTF_8);
        if (up.contains(".1__")) {
          // outside a transaction, one statement at a time, as Flyway runs it (executeInTransaction=false)
          for (String statement : PostgresScripts.split(script)) {
            db.executeScript(statement);
          }
        } else {
          db.executeScript(script);
        }
        if (up.startsWith("migration/V1__")) {
          db.executeScript(row);
        }
      }
    }
  }

  @Test
  void notNullWithoutDefault_failsOnTheComponent_andLevelsAndSuppressionApply() throws Exception {
    assertThat(compile(version(1, ""), customer("String name"))).succeededWithoutWarnings();
    JavaFileObject v2 = customer("String name,\n    String country");
    Compilation c = compile(version(2, ""), v2);
    assertThat(c).hadErrorContaining("[schemac:not-null-without-default; see docs/rules.md#not-null-without-default]")
        .inFile(v2).onLineContaining("String country");
    assertThat(Files.exists(dir.resolve("snapshots/v2.json"))).isFalse();

    JavaFileObject suppressed = customer("String name,\n    @SuppressWarnings(\"schemac:not-null-without-default\") String country");
    assertThat(compile(version(2, ""), suppressed)).succeededWithoutWarnings();

    Compilation warned = compile(List.of(version(2, ""), v2), "-Aschemac.rules=not-null-without-default:warning");
    assertThat(warned).succeeded();
    assertThat(warned).hadWarningContaining("[schemac:not-null-without-default;").inFile(v2).onLineContaining("country");
  }

  @Test
  void renamedWithoutRenamedFrom_isAnAmbiguousRename_withBothFixesReadyToPaste() {
    assertThat(compile(version(1, ""), customer("String state"))).succeededWithoutWarnings();
    JavaFileObject v2 = customer("String status");
    Compilation c = compile(version(2, ""), v2);
    assertThat(c).hadErrorContaining("[schemac:ambiguous-rename;").inFile(v2).onLineContaining("String status");
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename", "@RenamedFrom(\"state\") on status"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename",
            "@Drop(table = \"customers\", column = \"state\")"));
  }

  @Test
  void droppedColumnWithoutAcknowledgment_isDestructive_reportedOnTheSchemaDeclaration() throws Exception {
    JavaFileObject v1 = JavaFileObjects.forSourceString("shop.Customer", """
        package shop;

        import dev.schemac.annotations.*;
        import java.util.UUID;

        /** @param legacyScore the old loyalty score */
        @Table
        public record Customer(@Id UUID id, String name, int legacyScore) {}
        """);
    assertThat(compile(version(1, ""), v1)).succeededWithoutWarnings();
    JavaFileObject v2Version = version(2, "");
    Compilation c = compile(v2Version, customer("String name"));
    assertThat(c).hadErrorContaining("[schemac:destructive-change;");
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("destructive-change",
            "column customers.legacy_score is gone from the sources"));

    Compilation acknowledged = compile(
        version(2, ", drops = @dev.schemac.annotations.Drop(table = \"customers\", column = \"legacy_score\")"),
        customer("String name"));
    assertThat(acknowledged).succeededWithoutWarnings();
    applyAll("INSERT INTO customers (name, legacy_score) VALUES ('Ada', 3)");
    String down = migrationFiles().stream().filter(f -> f.startsWith("undo/U2__")).findFirst()
        .map(f -> { try { return Files.readString(dir.resolve(f)); } catch (IOException e) { throw new AssertionError(e); } })
        .orElseThrow();
    assertThat(down).contains("ALTER TABLE customers ADD COLUMN legacy_score integer;");
    assertThat(down).contains("COMMENT ON COLUMN customers.legacy_score IS 'the old loyalty score';");
  }

  @Test
  void retypeThatRewrites_isATableRewriteWarning_andTheMigrationApplies() throws Exception {
    assertThat(compile(version(1, ""), customer("String name,\n    int visits"))).succeededWithoutWarnings();
    JavaFileObject v2 = customer("String name,\n    long visits");
    Compilation c = compile(version(2, ""), v2);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[schemac:table-rewrite;").inFile(v2).onLineContaining("long visits");
    applyAll("INSERT INTO customers (name, visits) VALUES ('Ada', 3)");
  }

  @Test
  void singleTransaction_writesOneFile_andWarnsForEachBlockingStep() throws Exception {
    assertThat(compile(version(1, ""), customer("String name,\n    int visits"))).succeededWithoutWarnings();
    JavaFileObject v2 = JavaFileObjects.forSourceString("shop.Customer", """
        package shop;

        import dev.schemac.annotations.*;
        import java.util.UUID;

        @Table
        @Index(columns = "visits")
        public record Customer(
            @Id UUID id,
            String name,
            @Check("visits >= 0") int visits) {}
        """);
    Compilation c = compile(version(2, ", singleTransaction = true"), v2);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[schemac:blocking-index-build;").inFile(v2).onLineContaining("@Index");
    assertThat(c).hadWarningContaining("[schemac:blocking-constraint-validation;").inFile(v2).onLineContaining("visits >= 0");
    assertThat(migrationFiles().stream().filter(f -> f.contains("V2.1")).toList()).isEmpty();
    applyAll("INSERT INTO customers (name, visits) VALUES ('Ada', 3)");

    Compilation safe = compile(version(2, ""), v2);
    assertThat(safe).succeededWithoutWarnings();
    assertThat(migrationFiles().stream().filter(f -> f.startsWith("migration/V2.1__") && f.endsWith(".sql")).count())
        .isEqualTo(1);
    assertThat(migrationFiles().stream().filter(f -> f.startsWith("migration/V2__")).count()).isEqualTo(1);
    applyAll("INSERT INTO customers (name, visits) VALUES ('Ada', 3)");
  }

  @Test
  void staleRenamedFrom_isAWarningOnTheComponent() {
    assertThat(compile(version(1, ""), customer("String name"))).succeededWithoutWarnings();
    JavaFileObject v2 = customer("@RenamedFrom(\"nickname\") String name");
    Compilation c = compile(version(2, ""), v2);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[schemac:stale-renamed-from;").inFile(v2).onLineContaining("String name");
  }

  /** The migration is the diff whatever the rules say: a suppressed or re-levelled finding still writes its change. */
  @Test
  void rulesOnlyJudge_aSuppressedOrWarnedChangeIsStillWritten() throws Exception {
    assertThat(compile(version(1, ""), customer("String name,\n    int legacyScore"))).succeededWithoutWarnings();
    JavaFileObject v2 = customer("String name,\n    @SuppressWarnings(\"schemac:not-null-without-default\") String country");
    Compilation c = compile(List.of(version(2, ""), v2), "-Aschemac.rules=destructive-change:warning");
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[schemac:destructive-change;");
    String up = Files.readString(dir.resolve(migrationFiles().stream().filter(f -> f.startsWith("migration/V2__"))
        .findFirst().orElseThrow()));
    assertThat(up).contains("ALTER TABLE customers DROP COLUMN legacy_score;");
    assertThat(up).contains("ALTER TABLE customers ADD COLUMN country text NOT NULL;");
    try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      for (String file : migrationFiles().stream().filter(f -> f.startsWith("migration/") && f.endsWith(".sql"))
          .sorted(java.util.Comparator.comparing(MigrationRulesTest::versionOf)).toList()) {
        db.executeScript(Files.readString(dir.resolve(file), StandardCharsets.UTF_8)); // an empty table: it applies
      }
      assertThat(db.catalog().column("customers", "country").notNull()).isTrue();
      assertThat(db.catalog().columns("customers").stream().map(col -> col.name()).toList())
          .doesNotContain("legacy_score");
    }
  }
}
