package dev.schemac.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schemac.processor.testing.HibernateParity;
import dev.schemac.processor.testing.HibernateParity.Comparison;
import dev.schemac.processor.testing.HibernateParity.Model;
import dev.schemac.processor.testing.HibernateParity.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with Hibernate ORM: each model under {@code parity/} is compiled by schemac and exported
 * by Hibernate, both DDLs are applied to PostgreSQL, and the differences between the two catalogs
 * must be exactly those listed for the model in docs/jpa.md, "Differences from Hibernate" — an
 * undocumented difference fails, and so does a documented one that no longer occurs. The models
 * under {@code parity-pending/} wait for mappings schemac does not read yet: Hibernate's side of
 * each is checked (it compiles, its DDL applies), so that they are known-good when promoted.
 */
class HibernateParityTest {

  private static final Path DOCS = Path.of("..", "docs", "jpa.md");
  private static final String SECTION = "## Differences from Hibernate";
  /** A row of the table: {@code | `model` | `difference` | why |}. */
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> parity() throws IOException {
    Map<String, List<String>> documented = documented();
    List<Model> models = HibernateParity.models(HibernateParity.PARITY);
    assertFalse(models.isEmpty(), "no model in the test resources' parity/ folder");
    return models.stream().map(model -> DynamicTest.dynamicTest(
        model.toString(), () -> {
          Run run = HibernateParity.run(model, Files.createDirectories(work.resolve(model.name())));
          if (run.comparison().isEmpty()) {
            fail("schemac does not compile model " + model + " (a model in parity/ must; move it to"
                + " parity-pending/ with a 'waits for:' line if it needs a mapping schemac does not read yet):\n"
                + String.join("\n", run.schemac().diagnostics(Diagnostic.Kind.ERROR)));
          }
          Comparison comparison = run.comparison().get();
          assertCatalogHoldsScript(run);
          report(run);
          assertDocumented(model, comparison.differences(), documented.getOrDefault(model.name(), List.of()), run);
        }));
  }

  @TestFactory
  Stream<DynamicTest> pending() {
    return HibernateParity.models(HibernateParity.PENDING).stream().map(model -> DynamicTest.dynamicTest(
        model.toString(), () -> {
          assertTrue(model.waitsFor() != null && !model.waitsFor().isEmpty(),
              "parity-pending/" + model.name() + "/README.md needs a line 'waits for: <the mappings>'");
          // run() fails when the model does not compile with javac or Hibernate's DDL does not apply
          Run run = HibernateParity.run(model, Files.createDirectories(work.resolve(model.name())));
          assertTrue(run.hibernateSql().contains("create table"), "Hibernate created no table:\n" + run.hibernateSql());
          assertCatalogHoldsScript(run);
          report(run);
        }));
  }

  /** The catalog read back holds every table and sequence Hibernate's script creates. */
  private static void assertCatalogHoldsScript(Run run) {
    assertEquals(count(run.hibernateSql(), "create table "), run.hibernate().tables().size(),
        "tables read back " + run.hibernate().tables().keySet() + " from:\n" + run.hibernateSql());
    assertEquals(count(run.hibernateSql(), "create sequence "), run.hibernate().sequences().size(),
        "sequences read back " + run.hibernate().sequences().keySet() + " from:\n" + run.hibernateSql());
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /**
   * Hibernate draws keys from the generator tables schemac creates: it inserts each generator's
   * row itself the first time (its own DDL inserts it; schemac's schema has the table only), and
   * validates the schema at start-up.
   */
  @Test
  void tableGenerators_hibernateDrawsFromSchemacsTables() throws Exception {
    Model legacy = HibernateParity.models(HibernateParity.PARITY).stream().filter(m -> m.name().equals("legacy"))
        .findFirst().orElseThrow();
    HibernateParity.Compiled compiled = HibernateParity.compile(legacy, work, true);
    try (dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase db =
        dev.schemac.processor.testing.EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(compiled.schemaSql());
      List<Object> ids = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        HibernateParity.inTransaction(legacy, compiled.classes(), db.jdbcUrl(), (session, loader) -> {
          Object voucher = instance(loader, "com.example.legacy.Voucher", Map.of("code", "V1"));
          Object coupon = instance(loader, "com.example.legacy.Coupon", Map.of("percent", 10));
          Object entry = instance(loader, "com.example.legacy.LedgerEntry",
              Map.of("recordedAt", java.sql.Timestamp.valueOf("2026-01-01 10:00:00"), "kind", 'D'));
          for (Object o : List.of(voucher, coupon, entry)) {
            session.persist(o);
            session.flush();
            ids.add(session.getIdentifier(o));
          }
        });
      }
      // two application starts: each entity's second row got an id the first did not have
      for (int i = 0; i < 3; i++) {
        assertTrue(!ids.get(i).equals(ids.get(i + 3)), "ids drawn twice: " + ids);
      }
      try (java.sql.Statement s = db.connection().createStatement();
          java.sql.ResultSet rows = s.executeQuery("SELECT block FROM id_blocks UNION ALL"
              + " SELECT sequence_name FROM hibernate_sequences UNION ALL SELECT sequence_name FROM coupon_ids"
              + " ORDER BY 1")) {
        List<String> generators = new ArrayList<>();
        while (rows.next()) {
          generators.add(rows.getString(1));
        }
        assertEquals(List.of("Voucher", "coupons", "default"), generators); // a row per generator, by Hibernate
      }
    }
  }

  private static Object instance(ClassLoader loader, String type, Map<String, Object> fields) {
    try {
      Class<?> entity = Class.forName(type, true, loader);
      java.lang.reflect.Constructor<?> constructor = entity.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        java.lang.reflect.Field f = entity.getDeclaredField(field.getKey());
        f.setAccessible(true);
        f.set(instance, field.getValue());
      }
      return instance;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Every model named in the table exists in parity/: a row for a model that is gone is stale. */
  @Test
  void documentedDifferences_nameModelsThatExist() throws IOException {
    List<String> models = HibernateParity.models(HibernateParity.PARITY).stream().map(Model::name).toList();
    List<String> unknown = documented().keySet().stream().filter(m -> !models.contains(m)).toList();
    assertEquals(List.of(), unknown, "rows of '" + SECTION + "' in docs/jpa.md for models that are not in parity/");
  }

  /**
   * With {@code -Dparity.report=true}, prints what each model gave: schemac's errors, or its
   * differences (for a pending model, those a promotion would have to document), the indexes only
   * schemac creates, and schemac's warnings.
   */
  private static void report(Run run) {
    if (!Boolean.getBoolean("parity.report")) {
      return;
    }
    StringBuilder out = new StringBuilder("== parity: " + run.model()
        + (run.model().folder().getParent().getFileName().toString().equals(HibernateParity.PENDING)
            ? " (pending: " + run.model().waitsFor() + ")" : "") + "\n");
    if (run.comparison().isEmpty()) {
      out.append("schemac does not compile it:\n");
      run.schemac().diagnostics(Diagnostic.Kind.ERROR).forEach(d -> out.append("  ").append(d).append('\n'));
    } else {
      out.append("differences:\n");
      run.comparison().get().differences().forEach(d -> out.append("  ").append(d).append('\n'));
      out.append("indexes only schemac creates:\n");
      run.comparison().get().notes().forEach(d -> out.append("  ").append(d).append('\n'));
    }
    List<String> warnings = new ArrayList<>(run.schemac().diagnostics(Diagnostic.Kind.WARNING));
    warnings.addAll(run.schemac().diagnostics(Diagnostic.Kind.MANDATORY_WARNING));
    if (!warnings.isEmpty()) {
      out.append("schemac's warnings:\n");
      warnings.forEach(d -> out.append("  ").append(d).append('\n'));
    }
    System.out.print(out);
  }

  private static void assertDocumented(Model model, List<String> actual, List<String> documented, Run run) {
    List<String> undocumented = actual.stream().filter(d -> !documented.contains(d)).toList();
    List<String> stale = documented.stream().filter(d -> !actual.contains(d)).toList();
    if (undocumented.isEmpty() && stale.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("model " + model + ": the catalogs of Hibernate and schemac differ"
        + " from what docs/jpa.md (" + SECTION + ") lists.\n");
    if (!undocumented.isEmpty()) {
      message.append("\nUndocumented differences: fix schemac, or add these rows with the reason schemac differs:\n");
      undocumented.forEach(d -> message.append("| `").append(model.name()).append("` | `").append(d)
          .append("` | (why schemac differs) |\n"));
    }
    if (!stale.isEmpty()) {
      message.append("\nDocumented differences that no longer occur: remove these rows:\n");
      stale.forEach(d -> message.append("| `").append(model.name()).append("` | `").append(d).append("` |\n"));
    }
    message.append("\nHibernate's DDL:\n").append(run.hibernateSql());
    message.append("\nschemac's schema.sql:\n").append(run.schemacSql().orElse(""));
    fail(message.toString());
  }

  /** The rows of the table in docs/jpa.md's section: model to differences, in the file's order. */
  static Map<String, List<String>> documented() throws IOException {
    return documented(Files.readString(DOCS, StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> documented(String docs) {
    List<String> lines = docs.lines().toList();
    int start = lines.indexOf(SECTION);
    if (start < 0) {
      throw new AssertionError("docs/jpa.md has no section '" + SECTION + "'");
    }
    Map<String, List<String>> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        if (inTable && !line.startsWith("| ---") && !line.startsWith("|---")) {
          throw new AssertionError("docs/jpa.md, " + SECTION + ": not a row | `model` | `difference` | why |: " + line);
        }
        inTable = true; // the header and its rule
        continue;
      }
      String why = row.group(3).strip();
      if (why.isEmpty() || why.equals("(why schemac differs)")) {
        throw new AssertionError("docs/jpa.md, " + SECTION + ": give the reason for: " + line);
      }
      List<String> forModel = rows.computeIfAbsent(row.group(1), k -> new ArrayList<>());
      if (forModel.contains(row.group(2))) {
        throw new AssertionError("docs/jpa.md, " + SECTION + ": listed twice: " + line);
      }
      forModel.add(row.group(2));
    }
    return rows;
  }

  // ------------------------------------------------------------------ the harness itself

  private static HibernateParity.Shape shape(Map<String, HibernateParity.TableShape> tables, Map<String, Long> sequences) {
    return new HibernateParity.Shape(new TreeMap<>(tables), new TreeMap<>(sequences));
  }

  private static HibernateParity.TableShape table(Map<String, HibernateParity.ColumnShape> columns, List<String> key,
      List<String> foreignKeys, List<String> uniques, List<String> indexes) {
    return table(columns, key, foreignKeys, uniques, indexes, List.of(), null);
  }

  private static HibernateParity.TableShape table(Map<String, HibernateParity.ColumnShape> columns, List<String> key,
      List<String> foreignKeys, List<String> uniques, List<String> indexes, List<String> checks, String comment) {
    return new HibernateParity.TableShape(new TreeMap<>(columns), key, new TreeSet<>(foreignKeys),
        new TreeSet<>(uniques), new TreeSet<>(indexes), new TreeSet<>(checks), comment);
  }

  private static HibernateParity.ColumnShape column(String type, boolean notNull, String identity) {
    return new HibernateParity.ColumnShape(type, notNull, identity, null, null);
  }

  @Test
  void arraysSorted_ordersTheValuesOfAnInList() {
    assertEquals("CHECK (k = ANY (ARRAY['A'::text, 'B'::text]))",
        HibernateParity.arraysSorted("CHECK (k = ANY (ARRAY['B'::text, 'A'::text]))"));
  }

  @Test
  void conjunctsSorted_ordersTopLevelAndOnly() {
    assertEquals("CHECK (n <= 10 AND n >= 1)", HibernateParity.conjunctsSorted("CHECK (n >= 1 AND n <= 10)"));
    assertEquals("CHECK (a = 'x AND y' AND b > 0)", HibernateParity.conjunctsSorted("CHECK (b > 0 AND a = 'x AND y')"));
    assertEquals("CHECK ((b AND a) OR c)", HibernateParity.conjunctsSorted("CHECK ((b AND a) OR c)"));
    assertEquals("CHECK (k <> 1 OR b AND a)", HibernateParity.conjunctsSorted("CHECK (k <> 1 OR b AND a)"));
    assertEquals("CHECK (n > 0)", HibernateParity.conjunctsSorted("CHECK (n > 0)"));
  }

  @Test
  void compare_checksCommentsAndDefaults_onlyWhenTheModelAsks() {
    HibernateParity.Shape hibernate = shape(Map.of("t", table(Map.of(
            "id", new HibernateParity.ColumnShape("bigint", true, "", null, "the key"),
            "n", new HibernateParity.ColumnShape("integer", false, "", "42", null)),
        List.of("id"), List.of(), List.of(), List.of(), List.of("CHECK (n > 0)", "CHECK (n < 9)"), "a table")),
        Map.of());
    HibernateParity.Shape schemac = shape(Map.of("t", table(Map.of(
            "id", new HibernateParity.ColumnShape("bigint", true, "", null, null),
            "n", new HibernateParity.ColumnShape("integer", false, "", "0", null)),
        List.of("id"), List.of(), List.of(), List.of(), List.of("CHECK (n > 0)", "CHECK (n >= 0)"), null)),
        Map.of());
    assertEquals(List.of(), HibernateParity.compare(hibernate, schemac).differences());
    assertEquals(List.of(
        "t.id: comment 'the key' (Hibernate) vs none (schemac)",
        "t.n: default 42 (Hibernate) vs 0 (schemac)",
        "t: check CHECK (n < 9) only in Hibernate",
        "t: check CHECK (n >= 0) only in schemac",
        "t: comment 'a table' (Hibernate) vs none (schemac)"),
        HibernateParity.compare(hibernate, schemac, java.util.Set.of(HibernateParity.Aspect.values())).differences());
    assertEquals(List.of("t.n: default 42 (Hibernate) vs 0 (schemac)"),
        HibernateParity.compare(hibernate, schemac, java.util.Set.of(HibernateParity.Aspect.DEFAULTS)).differences());
  }

  @Test
  void compare_sameCatalogs_noDifferences() {
    HibernateParity.Shape shape = shape(Map.of("t", table(Map.of("id", column("bigint", true, "")), List.of("id"),
        List.of(), List.of(), List.of("(id)"))), Map.of("t_seq", 50L));
    assertEquals(new Comparison(List.of(), List.of()), HibernateParity.compare(shape, shape));
  }

  @Test
  void compare_reportsEveryKindOfDifference_andIndexesOnlySchemacCreatesAsNotes() {
    String identity = "generated by default as identity";
    HibernateParity.Shape hibernate = shape(Map.of(
        "orders", table(Map.of(
                "id", column("bigint", true, ""),
                "total", column("numeric(38,2)", false, ""),
                "status", column("character varying(255)", true, ""),
                "note", column("text", false, ""),
                "customer_id", column("uuid", true, "")),
            List.of("id", "customer_id"), List.of("(customer_id) -> customers (id)"), List.of("(status)"),
            List.of("(status)")),
        "customers", table(Map.of("id", column("uuid", true, "")), List.of("id"), List.of(), List.of(), List.of()),
        "gone", table(Map.of(), List.of(), List.of(), List.of(), List.of())),
        Map.of("orders_seq", 50L, "other_seq", 1L));
    HibernateParity.Shape schemac = shape(Map.of(
        "orders", table(Map.of(
                "id", column("bigint", true, identity),
                "total", column("numeric", false, ""),
                "status", column("character varying(255)", false, ""),
                "customer_id", column("uuid", true, ""),
                "extra", column("integer", true, "")),
            List.of("customer_id", "id"), List.of(), List.of("(customer_id, status)"),
            List.of("(customer_id)")),
        "customers", table(Map.of("id", column("uuid", true, "")), List.of("id"), List.of(), List.of(), List.of()),
        "added", table(Map.of(), List.of(), List.of(), List.of(), List.of())),
        Map.of("orders_seq", 1L));
    Comparison comparison = HibernateParity.compare(hibernate, schemac);
    assertEquals(List.of(
        "added: table only in schemac",
        "gone: table only in Hibernate",
        "orders.extra: column only in schemac (integer NOT NULL)",
        "orders.id: no identity (Hibernate) vs generated by default as identity (schemac)",
        "orders.note: column only in Hibernate (text)",
        "orders.status: NOT NULL (Hibernate) vs nullable (schemac)",
        "orders.total: type numeric(38,2) (Hibernate) vs numeric (schemac)",
        "orders: foreign key (customer_id) -> customers (id) only in Hibernate",
        "orders: index (status) only in Hibernate",
        "orders: primary key (id, customer_id) (Hibernate) vs (customer_id, id) (schemac)",
        "orders: unique (customer_id, status) only in schemac",
        "orders: unique (status) only in Hibernate",
        "sequence orders_seq: increment 50 (Hibernate) vs 1 (schemac)",
        "sequence other_seq: only in Hibernate (increment 1)"), comparison.differences());
    assertEquals(List.of("orders: index (customer_id) only in schemac"), comparison.notes());
  }

  @Test
  void documented_readsTheRowsOfTheSection_andStopsAtTheNextOne() {
    String docs = String.join("\n", "# JPA", "", "| `a` | `x` | not this table |", "",
        SECTION, "", "Intro.", "", "| model | difference | why |", "| --- | --- | --- |",
        "| `shop` | `t.c: type a (Hibernate) vs b (schemac)` | because |",
        "| `shop` | `t: table only in schemac` | because, with a [link](x.md) |",
        "| `blog` | `u.c: NOT NULL (Hibernate) vs nullable (schemac)` | because |", "", "## Next", "",
        "| `hr` | `v: table only in Hibernate` | elsewhere |", "");
    assertEquals(Map.of(
            "shop", List.of("t.c: type a (Hibernate) vs b (schemac)", "t: table only in schemac"),
            "blog", List.of("u.c: NOT NULL (Hibernate) vs nullable (schemac)")),
        documented(docs));
  }

  @Test
  void documented_rowWithoutReason_orListedTwice_orMalformed_fails() {
    String head = String.join("\n", SECTION, "", "| model | difference | why |", "| --- | --- | --- |", "");
    String row = "| `shop` | `t: table only in schemac` | because |\n";
    assertThrows(AssertionError.class, () -> documented(head + "| `shop` | `t: table only in schemac` |  |\n"));
    assertThrows(AssertionError.class,
        () -> documented(head + "| `shop` | `t: table only in schemac` | (why schemac differs) |\n"));
    assertThrows(AssertionError.class, () -> documented(head + row + row));
    assertThrows(AssertionError.class, () -> documented(head + row + "| shop | t: table only in schemac | because |\n"));
    assertThrows(AssertionError.class, () -> documented("# no such section\n"));
  }
}
