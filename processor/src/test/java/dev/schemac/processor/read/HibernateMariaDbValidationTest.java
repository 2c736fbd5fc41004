package dev.schemac.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.HibernateParity;
import dev.schemac.processor.testing.HibernateParity.Compiled;
import dev.schemac.processor.testing.HibernateParity.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables and column types schemac writes for MariaDB are the ones Hibernate expects there
 * (issue 16): each JPA model of the parity suite is compiled with {@code
 * -Aschemac.targets=mariadb}, its {@code mariadb/schema.sql} applied to the real MariaDB 11.4, and
 * Hibernate ORM 7 validates that database at start-up as an application does ({@code
 * hibernate.hbm2ddl.auto=validate}, its MariaDB dialect chosen from the connection): every table,
 * column and column type it maps must be there as it would have created them. Then Hibernate
 * creates its own schema of the model in a second database, and the names of the tables and
 * sequences of both, compared byte for byte (MariaDB on Linux keeps their case), must be the same:
 * under JPA's default naming an entity {@code Account} has the table {@code Account} there, its
 * join table {@code Account_Tag}, its sequence {@code Account_SEQ}. The catalog-by-catalog
 * comparison stays PostgreSQL's (HibernateParityTest); this is Hibernate's own check on the other
 * engine.
 *
 * <p>Two other outcomes are documented (docs/jpa.md, "Checked by Hibernate on MariaDB") and
 * asserted as exactly that: the models in {@link #REFUSED}, which schemac refuses for MariaDB with
 * located {@code unsupported-by-target} errors (a named schema, an array, an IP address), and those
 * in {@link #REJECTED}, with Hibernate's message. Every other model must validate.
 */
class HibernateMariaDbValidationTest {
  /** The models schemac refuses for MariaDB, each with the ids of its errors. */
  private static final Map<String, Set<String>> REFUSED = Map.of(
      "hibernate", Set.of("unsupported-by-target"), // an array, an IP address
      "payroll", Set.of("unsupported-by-target")); // named schemas
  /**
   * The models whose schema Hibernate rejects, with what it says: a {@code @Lob} with a {@code
   * @Column} and no length is a 255-byte TINYBLOB to Hibernate on MariaDB (the column's default
   * length), and schemac writes LONGBLOB (docs/jpa.md: a @Lob's length is not in the model yet).
   */
  private static final Map<String, String> REJECTED = Map.of(
      "documents", "wrong column type encountered in column [content] in table [StoredDocument]; found [longblob"
          + " (Types#LONGVARBINARY)], but expecting [tinyblob (Types#BLOB)]");
  private static final Map<String, String> OUTCOMES = new TreeMap<>();
  private static final String NAMES = "SELECT CONCAT(table_name, ' ', table_type) FROM information_schema.tables"
      + " WHERE table_schema = DATABASE()";

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> hibernateValidatesSchemacsMariaDbSchema() {
    List<Model> models = HibernateParity.models(HibernateParity.PARITY);
    assertTrue(!models.isEmpty(), "no model in the test resources' parity/ folder");
    Stream<DynamicTest> each = models.stream().map(model -> DynamicTest.dynamicTest(model.toString(), () -> {
      Path dir = Files.createDirectories(work.resolve(model.name()));
      Compiled compiled = HibernateParity.compile(model, dir, true, List.of("-Aschemac.targets=mariadb"));
      if (!compiled.success()) {
        Set<String> ids = new TreeSet<>();
        for (String d : compiled.diagnostics()) {
          if (d.startsWith("ERROR")) {
            assertTrue(d.matches("(?s)ERROR \\w+\\.java:\\d+: \\[schemac:[a-z-]+].*"),
                model + ": a refusal for mariadb is a located schemac error, not " + d);
            ids.add(d.replaceAll("(?s)^[^\\[]*\\[schemac:([a-z-]+)].*$", "$1"));
          }
        }
        OUTCOMES.put(model.name(), "refused " + ids);
        assertEquals(REFUSED.get(model.name()), ids, model + " is refused for mariadb: "
            + String.join("\n", compiled.diagnostics()));
        return;
      }
      OUTCOMES.put(model.name(), "compiled");
      assertNull(REFUSED.get(model.name()), model + " compiles for mariadb now: take it out of REFUSED");
      String schema = Files.readString(compiled.schemacDir().resolve("mariadb").resolve("schema.sql"));
      List<String> schemacNames;
      try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
        db.executeScript(schema);
        String rejection = HibernateParity.hibernateValidation(model, compiled.classes(), db.jdbcUrl(), "root");
        if (REJECTED.containsKey(model.name())) {
          assertEquals("Schema validation: " + REJECTED.get(model.name()), rejection, model.toString());
          OUTCOMES.put(model.name(), "rejected as known");
          return;
        }
        assertNull(rejection, "Hibernate rejects schemac's MariaDB schema of " + model + ":\n" + schema);
        schemacNames = db.rows(NAMES);
      }
      try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
        HibernateParity.hibernateCreate(model, compiled.classes(), db.jdbcUrl(), "root");
        assertEquals(new TreeSet<>(db.rows(NAMES)), new TreeSet<>(schemacNames),
            model + ": the tables and sequences Hibernate creates on MariaDB, and schemac's:\n" + schema);
      }
      OUTCOMES.put(model.name(), "valid");
    }));
    DynamicTest all = DynamicTest.dynamicTest("every other model validates", () -> {
      System.out.println("HibernateMariaDbValidationTest outcomes: " + OUTCOMES);
      assertEquals(models.size() - REFUSED.size() - REJECTED.size(), OUTCOMES.values().stream().filter("valid"::equals).count(),
          "models Hibernate validates: " + OUTCOMES);
    });
    return Stream.concat(each, Stream.of(all));
  }
}
