package dev.schemac.processor.read;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.HibernateParity;
import dev.schemac.processor.testing.HibernateParity.Compiled;
import dev.schemac.processor.testing.HibernateParity.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column types schemac writes for MariaDB are the ones Hibernate expects there (issue 16):
 * each JPA model of the parity suite is compiled with {@code -Aschemac.targets=mariadb}, its
 * {@code mariadb/schema.sql} applied to the real MariaDB 11.4, and Hibernate ORM 7 validates that
 * database at start-up as an application does ({@code hibernate.hbm2ddl.auto=validate}, its
 * MariaDB dialect chosen from the connection): every table, column and column type it maps must
 * be there as it would have created them. The catalog-by-catalog comparison stays PostgreSQL's
 * (HibernateParityTest); this is Hibernate's own check on the other engine.
 *
 * <p>Two outcomes other than a pass are known and documented (docs/jpa.md, "On MariaDB and
 * MySQL"), and asserted as exactly that, so that any other difference fails: a model schemac
 * refuses for MariaDB with located {@code unsupported-by-target} errors (a named schema, an array,
 * a VARCHAR longer than MariaDB's, a BigDecimal without precision, an IP address), and a model
 * whose JPA default naming keeps capitals in table names ({@code Account}): schemac writes names in
 * lower case on every target, which MariaDB on Linux (lower_case_table_names=0) keeps apart from
 * the {@code Account} Hibernate looks for.
 */
class HibernateMariaDbValidationTest {
  private static final Pattern MISSING_TABLE = Pattern.compile("missing table \\[([^\\]]+)]");
  private static final List<String> OUTCOMES = new ArrayList<>();

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> hibernateValidatesSchemacsMariaDbSchema() {
    List<Model> models = HibernateParity.models(HibernateParity.PARITY);
    assertTrue(!models.isEmpty(), "no model in the test resources' parity/ folder");
    Stream<DynamicTest> each = models.stream().map(model -> DynamicTest.dynamicTest(model.toString(), () -> {
      Path dir = Files.createDirectories(work.resolve(model.name()));
      Compiled compiled = HibernateParity.compile(model, dir, true, List.of("-Aschemac.targets=mariadb"));
      if (!compiled.success()) {
        for (String d : compiled.diagnostics()) {
          if (d.startsWith("ERROR")) {
            assertTrue(d.matches("(?s)ERROR \\w+\\.java:\\d+: \\[schemac:unsupported-by-target].*"),
                model + ": a refusal for mariadb is a located unsupported-by-target error, not " + d);
          }
        }
        OUTCOMES.add(model.name() + ": refused");
        return;
      }
      String schema = Files.readString(compiled.schemacDir().resolve("mariadb").resolve("schema.sql"));
      try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
        db.executeScript(schema);
        String rejection = HibernateParity.hibernateValidation(model, compiled.classes(), db.jdbcUrl(), "root");
        if (rejection == null) {
          OUTCOMES.add(model.name() + ": valid");
          return;
        }
        Matcher missing = MISSING_TABLE.matcher(rejection);
        if (missing.find() && !missing.group(1).equals(missing.group(1).toLowerCase(Locale.ROOT))
            && schema.contains("CREATE TABLE " + missing.group(1).toLowerCase(Locale.ROOT) + " (")) {
          OUTCOMES.add(model.name() + ": capitals in table names");
          return;
        }
        fail("Hibernate rejects schemac's MariaDB schema of " + model + ": " + rejection + "\n" + schema);
      }
    }));
    DynamicTest enough = DynamicTest.dynamicTest("most models pass", () -> assertTrue(
        OUTCOMES.stream().filter(o -> o.endsWith(": valid")).count() >= 8, "models Hibernate validates: " + OUTCOMES));
    return Stream.concat(each, Stream.of(enough));
  }
}
