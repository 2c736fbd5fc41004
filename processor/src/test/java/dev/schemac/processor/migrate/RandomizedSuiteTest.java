package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.migrate.RandomSchemas.Col;
import dev.schemac.processor.migrate.RandomSchemas.Model;
import dev.schemac.processor.migrate.RandomSchemas.Tab;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.rules.RuleRegistry;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The randomized suite (issue 12, item 16): seeded and deterministic, each case from its own seed.
 *
 * <ul>
 *   <li><b>model</b>: a random valid model compiles; schema.sql applies and takes rows that satisfy
 *       it; V1 builds the same catalog as schema.sql; U1 leaves the database as it found it;</li>
 *   <li><b>evolution</b>: a random model and a random next version; V1, rows, V2: the migrated
 *       catalog equals a fresh schema.sql's; rows of the new version; U2 restores the first catalog
 *       (except what docs/migrations.md says a down cannot: a dropped NOT NULL column comes back
 *       nullable); V2 again gives the second;</li>
 *   <li><b>hostile</b>: a random model with one hostile text (quotes, semicolons, comments, NUL,
 *       control characters, unicode, reserved words, injection attempts) in a doc comment, a
 *       CHECK, a DEFAULT, an index or a name: nothing is thrown into javac; after an error every
 *       error is located in the source and nothing is written; after success schema.sql applies.</li>
 * </ul>
 *
 * In every case a canary table must survive: no statement other than the intended ones runs.
 *
 * <p>CI runs a fixed sample; {@code mvn -pl processor -am test -Dtest=RandomizedSuiteTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dschemac.random.seed=S -Dschemac.random.cases=N
 * [-Dschemac.random.first=K]} runs cases K..K+N-1 of seed S (docs/randomized.md), and
 * {@code -Dschemac.random.case=C[,C...]} the cases of the case seeds a report names.
 */
class RandomizedSuiteTest {
  static final long CI_SEED = 20261204L;
  static final int CI_CASES = 36;

  @TempDir Path root;

  /**
   * Every rule at most a warning, but those that say the SQL itself is wrong (the cases are about the SQL: a
   * hostile predicate naming no column must be refused, not applied) and destructive-change (the generator
   * acknowledges its drops).
   */
  private static final Set<String> KEPT_AS_ERRORS = Set.of("destructive-change", "unknown-column-in-expression");
  private static final String RULES = "-Aschemac.rules=" + String.join(",", RuleRegistry.all().stream().map(Rule::id)
      .filter(id -> !KEPT_AS_ERRORS.contains(id)).map(id -> id + ":warning").toList());

  @Test
  void randomCases() throws IOException {
    long seed = Long.getLong("schemac.random.seed", CI_SEED);
    int cases = Integer.getInteger("schemac.random.cases", CI_CASES);
    long first = Long.getLong("schemac.random.first", 0L);
    String only = System.getProperty("schemac.random.case");
    List<Long> caseSeeds = new ArrayList<>();
    if (only != null) {
      for (String one : only.split(",")) {
        caseSeeds.add(Long.parseLong(one.trim()));
      }
    } else {
      for (long i = first; i < first + cases; i++) {
        caseSeeds.add(caseSeed(seed, i));
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (long caseSeed : caseSeeds) {
      String kind = switch ((int) Math.floorMod(caseSeed, 3L)) {
        case 0 -> "model";
        case 1 -> "evolution";
        default -> "hostile";
      };
      Path dir = Files.createDirectories(root.resolve("case-" + Long.toUnsignedString(caseSeed)));
      Case c = new Case(caseSeed, dir);
      try {
        String outcome = switch (kind) {
          case "model" -> c.model();
          case "evolution" -> c.evolution();
          default -> c.hostile();
        };
        counts.merge(kind + " " + outcome, 1, Integer::sum);
      } catch (Throwable t) {
        counts.merge(kind + " FAILED", 1, Integer::sum);
        failures.add("case " + caseSeed + " (" + kind + "; rerun with -Dschemac.random.case=" + caseSeed + "): "
            + t + "\n" + c.log);
      } finally {
        deleteTree(dir);
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String report = "seed " + seed + ", cases " + first + ".." + (first + caseSeeds.size() - 1) + " ("
        + caseSeeds.size() + "), " + seconds + " s\n" + counts + "\n" + String.join("\n\n", failures) + "\n";
    Path reports = Files.createDirectories(Path.of("target", "randomized"));
    Files.writeString(reports.resolve("report-" + seed + "-" + first + ".txt"), report, StandardCharsets.UTF_8);
    System.out.println("[randomized] " + report.lines().limit(2).reduce((a, b) -> a + " " + b).orElse(""));
    assertWithMessage("%s failing cases; report: %s", failures.size(), report).that(failures).isEmpty();
  }

  /** The seed of case {@code index} of {@code seed}: independent streams, so that runs split by seed or index. */
  static long caseSeed(long seed, long index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).nextLong();
  }

  /** One case: its generator, its folder, and what it did (for the report). */
  private final class Case {
    final long seed;
    final Path dir;
    final RandomSchemas gen;
    final StringBuilder log = new StringBuilder();

    Case(long seed, Path dir) {
      this.seed = seed;
      this.dir = dir;
      this.gen = new RandomSchemas(seed);
    }

    // -------------------------------------------------------------- model

    String model() throws Exception {
      Model m = gen.model();
      SchemacCompiler.Result result = compileOk(m, 1);
      try (TestDatabase fresh = canaryDatabase(); TestDatabase migrated = canaryDatabase()) {
        fresh.executeScript(result.schemaSqlInDir());
        insert(fresh, gen.rows(m, 2, 1));
        Map<String, Object> expected = MigrationScenarioTest.snapshot(fresh);
        Map<String, Object> empty = MigrationScenarioTest.snapshot(migrated);
        MigrationScenarioTest.up(migrated, dir, 1);
        same("V1 against schema.sql", expected, MigrationScenarioTest.snapshot(migrated));
        insert(migrated, gen.rows(m, 2, 1));
        MigrationScenarioTest.down(migrated, dir, 1);
        same("U1 against the empty database", empty, MigrationScenarioTest.snapshot(migrated));
        MigrationScenarioTest.up(migrated, dir, 1);
        same("V1 again", expected, MigrationScenarioTest.snapshot(migrated));
        canary(fresh);
        canary(migrated);
      }
      return "ok";
    }

    // -------------------------------------------------------------- evolution

    String evolution() throws Exception {
      Model v1 = gen.model();
      compileOk(v1, 1);
      Model v2 = gen.evolve(v1);
      log.append("changes: ").append(v2.changes).append('\n');
      SchemacCompiler.Result second = compileOk(v2, 2);
      try (TestDatabase db = canaryDatabase(); TestDatabase fresh = canaryDatabase()) {
        MigrationScenarioTest.up(db, dir, 1);
        insert(db, gen.rows(v1, 2, 1));
        Map<String, Object> before = MigrationScenarioTest.snapshot(db);
        MigrationScenarioTest.up(db, dir, 2);
        Map<String, Object> after = MigrationScenarioTest.snapshot(db);
        fresh.executeScript(second.schemaSqlInDir());
        same("the migrated catalog against a fresh schema.sql", MigrationScenarioTest.snapshot(fresh), after);
        insert(db, gen.rows(v2, 1, 2));
        retireNewEnumValues(db, v1, v2);
        MigrationScenarioTest.down(db, dir, 2);
        same("U2 against version 1's catalog", restorable(before, v1, v2), MigrationScenarioTest.snapshot(db));
        MigrationScenarioTest.up(db, dir, 2);
        same("V2 again", after, MigrationScenarioTest.snapshot(db));
        canary(db);
        canary(fresh);
      }
      return "ok";
    }

    /**
     * What docs/migrations.md#what-a-down-restores asks of a user before a down that takes enum values
     * away: rows holding a value version 2 added are moved to one version 1 has (the down's CHECK or
     * type rebuild would refuse them, in a transaction that changes nothing).
     */
    private void retireNewEnumValues(TestDatabase db, Model v1, Model v2) throws SQLException {
      for (Tab t : v2.tabs) {
        Tab old = v1.tab(t.renamedFrom != null ? t.renamedFrom : t.table);
        if (old == null) {
          continue;
        }
        for (Col c : t.cols) {
          Col was = old.col(c.renamedFrom != null ? c.renamedFrom : c.sql());
          if (was == null || c.constants.isEmpty()) {
            continue;
          }
          List<String> added = c.constants.stream().filter(v -> !was.constants.contains(v)).toList();
          if (!added.isEmpty()) {
            String kept = was.constants.get(0);
            MigrationScenarioTest.execute(db, "UPDATE " + t.table + " SET " + c.sql() + " = '" + kept + "' WHERE "
                + c.sql() + "::text IN ('" + String.join("', '", added) + "')");
          }
        }
      }
    }

    /** The table of version 1 that an acknowledgment of version 2 names (by its new name when it was renamed). */
    private static Tab tableOfVersion1(String acknowledged, Model v1, Model v2) {
      Tab renamed = v2.tab(acknowledged);
      return v1.tab(renamed != null && renamed.renamedFrom != null ? renamed.renamedFrom : acknowledged);
    }

    /**
     * Version 1's catalog as a down can restore it (docs/migrations.md): a column that version 2
     * dropped comes back without its data, so a NOT NULL one without a default, or with one but in
     * a unique key, comes back nullable; a foreign key to a table that version 2 dropped comes back NOT VALID, since the
     * table comes back empty.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> restorable(Map<String, Object> before, Model v1, Model v2) {
      Map<String, Object> out = new TreeMap<>(before);
      for (String drop : v2.drops) {
        java.util.regex.Matcher column = java.util.regex.Pattern
            .compile("table = \"(\\w+)\", column = \"(\\w+)\"").matcher(drop);
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("table = \"(\\w+)\"\\)").matcher(drop);
        if (column.find()) {
          Tab owner = tableOfVersion1(column.group(1), v1, v2);
          if (owner == null) {
            continue; // a column of a table the same evolution added: version 1 had neither
          }
          Col dropped = owner.col(column.group(2));
          if (dropped == null) {
            continue; // added and dropped by the same evolution: version 1 never had it (found with seed 5)
          }
          // filled by its default, unless a unique key holds it: then it comes back empty (found with seed 6)
          if (dropped.nullable || dropped.defaultSql != null && !dropped.unique || dropped.identity) {
            continue;
          }
          String key = "table " + owner.table;
          Map<String, Object> t = new TreeMap<>((Map<String, Object>) out.get(key));
          List<Catalog.Column> columns = new ArrayList<>();
          for (Catalog.Column c : (List<Catalog.Column>) t.get("columns")) {
            columns.add(c.name().equals(column.group(2))
                ? new Catalog.Column(c.name(), c.type(), false, c.defaultExpression(), c.identity()) : c);
          }
          t.put("columns", columns);
          out.put(key, t);
        } else if (table.find()) {
          String name = table.group(1);
          List<String> constraints = new ArrayList<>();
          for (String line : (List<String>) out.get("constraints")) {
            // a key of a table that version 2 dropped too comes back with its table, empty, and so checked
            boolean fromDropped = v2.drops.contains("@Drop(table = \"" + line.substring(0, line.indexOf('.')) + "\")");
            constraints.add(!fromDropped && line.contains("REFERENCES " + name + "(")
                && !line.endsWith("[not validated]") ? line + " [not validated]" : line);
          }
          out.put("constraints", constraints);
        }
      }
      return out;
    }

    // -------------------------------------------------------------- hostile

    private static final String[] HOSTILE = {"'", "''", "\\'", ";", "; DROP TABLE canary; --",
        "') ; DROP TABLE canary; --", "' || (SELECT 1) || '", "/* x */", "*/", "--", "$$", "$1", "$t$ x $t$",
        "\0", "\u0007", "\u001b[31m", "\u0085", "\u2028", "\u202e", "U&'\\0041'", "E'\\x41'", "select", "user",
        "order", "pg_class", "\"quoted\"", "a\\b", "\\", "\ud83d\ude00", "\u00e9\u00e8", "\t", "\r\n", "NULL",
        "true AND", "1; DELETE FROM canary", "x".repeat(70), "\u0000; DROP TABLE canary; --"};

    String hostile() throws Exception {
      Model m = gen.model();
      SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
      String text = HOSTILE[r.nextInt(HOSTILE.length)];
      Tab t = m.tabs.get(r.nextInt(m.tabs.size()));
      Col c = t.cols.get(t.cols.size() - 1);
      int site = r.nextInt(7);
      String where = switch (site) {
        case 0 -> {
          t.doc = "Doc " + text + " end.";
          yield "table doc";
        }
        case 1 -> {
          c.doc = "about " + text;
          yield "@param";
        }
        case 2 -> {
          c.check = r.nextBoolean() ? text : c.sql() + " IS DISTINCT FROM '" + text + "'";
          yield "@Check";
        }
        case 3 -> {
          c.defaultSql = r.nextBoolean() ? text : "'" + text + "'";
          c.nullable = true;
          yield "@Default";
        }
        case 4 -> {
          t.indexes.add("columns = \"" + t.keys().get(0).sql() + "\", where = \"" + RandomSchemas.javaString(text) + "\"");
          yield "@Index(where)";
        }
        case 5 -> {
          t.indexes.add("expression = \"" + RandomSchemas.javaString(text) + "\"");
          yield "@Index(expression)";
        }
        default -> {
          t.table = text;
          yield "@Table(name)";
        }
      };
      log.append("hostile ").append(printable(text)).append(" in ").append(where).append(" of ").append(t.record)
          .append('\n');
      SchemacCompiler.Result result = compile(m, 1);
      Compilation compilation = result.compilation();
      for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        String message = d.getMessage(Locale.ROOT);
        assertWithMessage("no internal error: %s", message).that(message).doesNotContain("internal error");
        if (d.getKind() == Diagnostic.Kind.ERROR && message.contains("[schemac")) {
          assertWithMessage("the error is located in the source: %s", message).that(d.getSource()).isNotNull();
          assertWithMessage("the error has a line: %s", message).that(d.getLineNumber()).isGreaterThan(0L);
        }
      }
      if (compilation.status() != Compilation.Status.SUCCESS) {
        assertWithMessage("schema.sql after an error").that(result.fileInDir("schema.sql")).isEmpty();
        assertWithMessage("migration/ after an error").that(Files.exists(dir.resolve("migration"))).isFalse();
        return "refused";
      }
      boolean undecided = compilation.warnings().stream()
          .anyMatch(w -> w.getMessage(Locale.ROOT).contains("[schemac:unchecked-sql]"));
      try (TestDatabase db = canaryDatabase()) {
        try {
          db.executeScript(result.schemaSqlInDir());
        } catch (SQLException e) {
          if (!undecided) {
            throw new AssertionError("schema.sql of a successful compile did not apply: " + e.getMessage(), e);
          }
          canary(db);
          return "undecided, refused by PostgreSQL";
        }
        canary(db);
      }
      return undecided ? "undecided, applied" : "applied";
    }

    // -------------------------------------------------------------- helpers

    private SchemacCompiler.Result compile(Model m, int version) {
      Map<String, String> sources = RandomSchemas.sources(m, version);
      log.append("--- version ").append(version).append('\n');
      sources.forEach((name, body) -> log.append("// ").append(name).append('\n').append(body));
      List<JavaFileObject> files = new ArrayList<>();
      sources.forEach((name, body) -> files.add(name.equals("package-info")
          ? SchemacCompiler.source(RandomSchemas.PACKAGE + ".package-info", body)
          : SchemacCompiler.typeIn(RandomSchemas.PACKAGE, name, body)));
      return SchemacCompiler.compile(dir, files, RULES);
    }

    private SchemacCompiler.Result compileOk(Model m, int version) {
      SchemacCompiler.Result result = compile(m, version);
      assertWithMessage("version %s compiles: %s", version, result.compilation().errors())
          .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
      return result;
    }

    private void insert(TestDatabase db, List<String> inserts) throws SQLException {
      for (String insert : inserts) {
        log.append(insert).append('\n');
        MigrationScenarioTest.execute(db, insert);
      }
    }

    private void same(String what, Map<String, Object> expected, Map<String, Object> actual) {
      assertWithMessage(what).that(actual).containsExactlyEntriesIn(expected);
    }
  }

  private static TestDatabase canaryDatabase() throws SQLException {
    TestDatabase db = EmbeddedPostgresServer.freshDatabase();
    db.executeScript("CREATE SCHEMA canary_home; CREATE TABLE canary_home.canary (id int);"
        + " INSERT INTO canary_home.canary VALUES (1)");
    return db;
  }

  /** The canary lives in a schema of its own (so that catalog snapshots of public leave it out), with its one row. */
  private static void canary(TestDatabase db) throws SQLException {
    assertWithMessage("the canary table and its row").that(MigrationScenarioTest.rows(db,
        "SELECT count(*) FROM canary_home.canary")).containsExactly("1");
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> out.append(cp < 0x20 || cp >= 0x7f ? String.format(Locale.ROOT, "\\u%04x", cp)
        : Character.toString(cp)));
    return out.toString();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
