package dev.schemac.processor.targets.sqlite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The harness of the SQLite migration tests: sources of two versions compiled for target
 * {@code sqlite}, their files applied to a real SQLite whose connection enforces foreign keys (as
 * an application's does), with rows in every table between the versions: up, down, up again, the
 * catalog compared each time.
 */
final class SqliteMigrations {
  static final String PACKAGE = "com.example.lite";
  static final String SQLITE = "-Aschemac.targets=sqlite";

  private SqliteMigrations() {}

  static JavaFileObject type(String simpleName, String body) {
    return SchemacCompiler.typeIn(PACKAGE, simpleName, body);
  }

  /** {@code schemaArguments}: a bare number ("2") or the arguments of {@code @Schema}. */
  static List<JavaFileObject> version(String schemaArguments, JavaFileObject... types) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(SchemacCompiler.source(PACKAGE + ".package-info",
        "@Schema(" + (schemaArguments.matches("\\d+") ? "version = " + schemaArguments : schemaArguments) + ")",
        "package " + PACKAGE + ";", "", "import dev.schemac.annotations.*;"));
    sources.addAll(List.of(types));
    return sources;
  }

  static SchemacCompiler.Result compileOk(Path dir, List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    if (all.stream().noneMatch(o -> o.startsWith("-Aschemac.targets="))) {
      all.add(SQLITE);
    }
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, all.toArray(String[]::new));
    assertWithMessage("compilation failed: %s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    return result;
  }

  /** The one file of {@code folder} (under {@code dir}) whose name starts with {@code prefix} and ends with .sql. */
  static Path file(Path dir, String folder, String prefix) {
    try (Stream<Path> list = Files.list(dir.resolve(folder))) {
      List<Path> found = list.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".sql")).sorted().toList();
      assertWithMessage("one %s*.sql in %s", prefix, folder).that(found).hasSize(1);
      return found.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of every table of the database, by table, each row as text, sorted. */
  static Map<String, List<String>> rows(SqliteDatabase db) throws SQLException {
    Map<String, List<String>> all = new TreeMap<>();
    for (String table : db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        + " ORDER BY name")) {
      List<String> rows = new ArrayList<>(db.rows("SELECT * FROM \"" + table + "\""));
      rows.sort(null);
      all.put(table, rows);
    }
    return all;
  }

  /** What a scenario checks on the database at a point of its run. */
  interface Check {
    void check(SqliteDatabase db) throws Exception;
  }

  /**
   * One change: version 1 and version 2 sources, the rows put in after version 1, what must hold
   * after the up. {@link #run} applies V1, the rows, V2 (checks), U2 (the catalog and the rows of
   * version 1 are back, except what the down cannot restore), V2 again (the catalog of the first
   * up, which is also that of a new database made from version 2's schema.sql).
   */
  static final class Scenario {
    private final Path dir;
    private List<JavaFileObject> v1 = List.of();
    private List<JavaFileObject> v2 = List.of();
    private final List<String> seed = new ArrayList<>();
    private final Map<String, String> dataSteps = new TreeMap<>();
    private Check afterUp = db -> { };
    private Check afterDown = db -> { };
    private boolean rowsComeBack = true;
    private final List<String> emptiedByDown = new ArrayList<>();
    private String upFile;
    private String downFile;

    Scenario(Path dir) {
      this.dir = dir;
    }

    Scenario v1(JavaFileObject... types) {
      v1 = version("1", types);
      return this;
    }

    Scenario v2(String schemaArguments, JavaFileObject... types) {
      v2 = version(schemaArguments.matches("\\d+") ? schemaArguments : "version = 2, " + schemaArguments, types);
      return this;
    }

    Scenario v2(JavaFileObject... types) {
      return v2("2", types);
    }

    /** A hand-written data step of version 2: {@code sqlite/data/<name>} ({@code V2__x.sql}, {@code U2__x.sql}). */
    Scenario data(String name, String sql) {
      dataSteps.put(name, sql);
      return this;
    }

    Scenario seed(String... statements) {
      seed.addAll(List.of(statements));
      return this;
    }

    Scenario afterUp(Check check) {
      afterUp = check;
      return this;
    }

    Scenario afterDown(Check check) {
      afterDown = check;
      return this;
    }

    /** The down cannot give back every value (a dropped column comes back empty): only the catalog is compared. */
    Scenario valuesLostOnDown() {
      rowsComeBack = false;
      return this;
    }

    /** Tables the down creates again empty (the up dropped them). */
    Scenario emptiedByDown(String... tables) {
      emptiedByDown.addAll(List.of(tables));
      return valuesLostOnDown();
    }

    String up() {
      return upFile;
    }

    String down() {
      return downFile;
    }

    Scenario run() throws Exception {
      compileOk(dir, v1);
      for (Map.Entry<String, String> step : dataSteps.entrySet()) {
        Files.createDirectories(dir.resolve("sqlite/data"));
        Files.writeString(dir.resolve("sqlite/data/" + step.getKey()), step.getValue(), StandardCharsets.UTF_8);
      }
      compileOk(dir, v2);
      Path up1 = file(dir, "sqlite/migration", "V1__");
      Path up2 = file(dir, "sqlite/migration", "V2__");
      Path down2 = file(dir, "sqlite/undo", "U2__");
      upFile = read(up2);
      downFile = read(down2);
      assertThat(Files.isRegularFile(Path.of(up2 + ".conf"))).isTrue();
      assertThat(Files.isRegularFile(Path.of(down2 + ".conf"))).isTrue();
      Map<String, Object> fresh;
      try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("fresh.db"))) {
        db.run(read(dir.resolve("sqlite/schema.sql")));
        fresh = db.catalog();
      }
      try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("migrated.db"))) {
        db.apply(up1);
        for (String statement : seed) {
          db.run(statement);
        }
        Map<String, Object> atVersion1 = db.catalog();
        Map<String, List<String>> rowsAtVersion1 = rows(db);
        db.apply(up2);
        Map<String, Object> atVersion2 = db.catalog();
        assertWithMessage("the migrated catalog is a new database's").that(atVersion2).isEqualTo(fresh);
        afterUp.check(db);
        db.apply(down2);
        assertWithMessage("the down restores version 1's catalog").that(db.catalog()).isEqualTo(atVersion1);
        if (rowsComeBack) {
          assertWithMessage("the down keeps every row").that(rows(db)).isEqualTo(rowsAtVersion1);
        } else {
          Map<String, List<String>> counts = new TreeMap<>();
          Map<String, List<String>> before = new TreeMap<>();
          rows(db).forEach((t, r) -> counts.put(t, List.of(String.valueOf(r.size()))));
          rowsAtVersion1.forEach((t, r) -> before.put(t, List.of(String.valueOf(emptiedByDown.contains(t) ? 0
              : r.size()))));
          assertWithMessage("the down keeps every row").that(counts).isEqualTo(before);
        }
        afterDown.check(db);
        db.apply(up2);
        assertWithMessage("up again").that(db.catalog()).isEqualTo(atVersion2);
        afterUp.check(db);
      }
      return this;
    }
  }
}
