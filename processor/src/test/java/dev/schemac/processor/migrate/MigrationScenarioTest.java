package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.PostgresScripts;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change kind of the diff, from version 1 to version 2, applied to a real PostgreSQL: V1
 * (+ V1.1), rows, V2 + V2.1, the rows survived, U2.1 + U2, the catalog is the one before V2,
 * then V2 + V2.1 again.
 */
class MigrationScenarioTest {

  static final String PACKAGE = "com.example.mig";

  @TempDir Path dir;

  private String testName = "test";

  @BeforeEach
  void rememberName(TestInfo info) {
    testName = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
  }

  /**
   * With {@code -Dschemac.test.exportMigrations=/some/folder}, each scenario copies the files it
   * generated to {@code /some/folder/<test name>/}, for linting them (Squawk) by hand.
   */
  void export() throws IOException {
    String target = System.getProperty("schemac.test.exportMigrations");
    if (target == null || target.isBlank()) {
      return;
    }
    Path out = Path.of(target, testName);
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path copy = out.resolve(dir.relativize(p).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  // ================================================================== the harness

  /** A top-level type of package {@value #PACKAGE}; {@code body} is its declaration. */
  static JavaFileObject type(String simpleName, String body) {
    return SchemacCompiler.typeIn(PACKAGE, simpleName, body);
  }

  /** {@code package-info.java} with {@code @Schema(<schemaArguments>)}. */
  static JavaFileObject schema(String schemaArguments) {
    return SchemacCompiler.source(PACKAGE + ".package-info",
        "@Schema(" + schemaArguments + ")", "package " + PACKAGE + ";", "", "import dev.schemac.annotations.*;");
  }

  static List<JavaFileObject> version(int version, JavaFileObject... types) {
    return version(String.valueOf(version), types);
  }

  /** {@code schemaArguments} may be a bare number ("2") or full arguments ("version = 2, drops = ..."). */
  static List<JavaFileObject> version(String schemaArguments, JavaFileObject... types) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(schema(schemaArguments.matches("\\d+") ? "version = " + schemaArguments : schemaArguments));
    sources.addAll(List.of(types));
    return sources;
  }

  static SchemacCompiler.Result compileOk(Path dir, List<JavaFileObject> sources, String... options) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, options);
    assertWithMessage("compilation failed: %s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    return result;
  }

  /** The one file under {@code dir/folder} whose name starts with {@code prefix} (e.g. "V2.1__"), if any. */
  static Optional<Path> file(Path dir, String folder, String prefix) {
    Path f = dir.resolve(folder);
    if (!Files.isDirectory(f)) {
      return Optional.empty();
    }
    try (Stream<Path> list = Files.list(f)) {
      List<Path> found = list.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".sql")).sorted().toList();
      assertWithMessage("more than one %s* in %s: %s", prefix, f, found).that(found.size()).isAtMost(1);
      return found.stream().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** V{N-1}.9 (when present), V{N}, then V{N}.1 (when present): Flyway's order. */
  static void up(TestDatabase db, Path dir, int version) throws SQLException {
    Optional<Path> before = file(dir, "migration", "V" + (version - 1) + ".9__");
    if (before.isPresent()) {
      apply(db, before.get(), true);
    }
    apply(db, file(dir, "migration", "V" + version + "__").orElseThrow(
        () -> new AssertionError("no V" + version + "__*.sql in " + dir)), true);
    Optional<Path> next = file(dir, "migration", "V" + version + ".1__");
    if (next.isPresent()) {
      assertWithMessage("%s has no .conf next to it", next.get())
          .that(Files.isRegularFile(Path.of(next.get() + ".conf"))).isTrue();
      apply(db, next.get(), false);
    }
  }

  /** U{N}.1 (when present), U{N}, then U{N-1}.9 (when present): a version's whole down. */
  static void down(TestDatabase db, Path dir, int version) throws SQLException {
    Optional<Path> first = file(dir, "undo", "U" + version + ".1__");
    if (first.isPresent()) {
      apply(db, first.get(), false);
    }
    apply(db, file(dir, "undo", "U" + version + "__").orElseThrow(
        () -> new AssertionError("no U" + version + "__*.sql in " + dir)), true);
    Optional<Path> last = file(dir, "undo", "U" + (version - 1) + ".9__");
    if (last.isPresent()) {
      apply(db, last.get(), true);
    }
  }

  /**
   * Runs a migration file the way Flyway does: in one transaction, or (for the {@code .1} steps)
   * statement by statement in autocommit mode, since CREATE INDEX CONCURRENTLY refuses both a
   * transaction block and a multi-statement batch.
   */
  static void apply(TestDatabase db, Path file, boolean transactional) throws SQLException {
    String script = read(file);
    Connection c = db.connection();
    String current = null;
    try {
      c.setAutoCommit(!transactional);
      for (String statement : PostgresScripts.split(script)) {
        current = statement;
        try (Statement s = c.createStatement()) {
          s.execute(statement);
        }
      }
      if (transactional) {
        c.commit();
      }
    } catch (SQLException e) {
      if (transactional) {
        c.rollback();
      }
      throw new AssertionError("applying " + file.getFileName() + " failed on\n  " + current + "\nwith "
          + e.getSQLState() + ": " + e.getMessage() + "\n--- the whole file:\n" + script, e);
    } finally {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("RESET lock_timeout; RESET statement_timeout");
      }
    }
  }

  /**
   * Everything a migration can change, by name: per table its columns (sorted by name, so column
   * position does not matter) with type, nullability, default and identity, constraints with
   * their definitions and validity, indexes with definitions and validity, triggers, comments;
   * then enum types, functions and sequences of the public schema. Extensions are left out: a
   * down keeps them on purpose.
   */
  static Map<String, Object> snapshot(TestDatabase db) throws SQLException {
    Catalog catalog = db.catalog();
    Map<String, Object> all = new TreeMap<>();
    for (String table : catalog.tables()) {
      Map<String, Object> t = new TreeMap<>(catalog.describe(table));
      t.put("columns", catalog.columns(table).stream()
          .sorted(java.util.Comparator.comparing(Catalog.Column::name)).toList());
      all.put("table " + table, t);
    }
    all.put("constraints", rows(db, "SELECT cl.relname || '.' || con.conname || ' ' || con.contype::text || ' '"
        + " || pg_get_constraintdef(con.oid, true) || CASE WHEN con.convalidated THEN '' ELSE ' [not validated]' END"
        + " FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid"
        + " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public' ORDER BY 1"));
    all.put("indexes", rows(db, "SELECT ic.relname || ' ' || pg_get_indexdef(i.indexrelid)"
        + " || CASE WHEN i.indisvalid THEN '' ELSE ' [INVALID]' END"
        + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
        + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE n.nspname = 'public' ORDER BY 1"));
    all.put("enumTypes", catalog.enumTypes());
    all.put("functions", catalog.functions());
    all.put("triggers", catalog.triggers());
    all.put("types", rows(db, "SELECT t.typname || ' ' || t.typtype::text FROM pg_type t"
        + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'"
        + " AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)"
        + " ORDER BY 1"));
    all.put("sequences", rows(db, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1"));
    return all;
  }

  /** Each row as its columns joined by "|" (NULL as "null"). */
  static List<String> rows(TestDatabase db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = db.connection().prepareStatement(sql); ResultSet r = q.executeQuery()) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          cells.add(String.valueOf(r.getString(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  static void execute(TestDatabase db, String sql) throws SQLException {
    try (Statement s = db.connection().createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs {@code sql} and returns the SQLSTATE it failed with (fails when it succeeds). */
  static String failure(TestDatabase db, String sql) {
    try (Statement s = db.connection().createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("expected to fail: " + sql);
  }

  interface DbCheck {
    void check(TestDatabase db) throws Exception;
  }

  /** One change kind: version 1 and version 2 sources, rows, what must hold after up and after down. */
  final class Scenario {
    private List<JavaFileObject> v1 = List.of();
    private List<JavaFileObject> v2 = List.of();
    private final List<String> seed = new ArrayList<>();
    private DbCheck afterUp = db -> { };
    private DbCheck afterDown = db -> { };
    private List<String> catalogIgnored = List.of();
    SchemacCompiler.Result first;
    SchemacCompiler.Result second;

    Scenario v1(JavaFileObject... types) {
      v1 = version(1, types);
      return this;
    }

    Scenario v2(JavaFileObject... types) {
      v2 = version(2, types);
      return this;
    }

    Scenario v2(String schemaArguments, JavaFileObject... types) {
      v2 = version(schemaArguments, types);
      return this;
    }

    Scenario seed(String... statements) {
      seed.addAll(List.of(statements));
      return this;
    }

    Scenario afterUp(DbCheck check) {
      afterUp = check;
      return this;
    }

    Scenario afterDown(DbCheck check) {
      afterDown = check;
      return this;
    }

    /** Top-level keys of {@link #snapshot} that may differ after the down (documented exceptions). */
    Scenario catalogMayDifferIn(String... keys) {
      catalogIgnored = List.of(keys);
      return this;
    }

    String v2Up() {
      return read(file(dir, "migration", "V2__").orElseThrow());
    }

    Optional<String> v2UpNext() {
      return file(dir, "migration", "V2.1__").map(MigrationScenarioTest::read);
    }

    String v2Down() {
      return read(file(dir, "undo", "U2__").orElseThrow());
    }

    /** Compiles both versions into {@code dir} and runs the up, down, up cycle. */
    Scenario run() throws Exception {
      first = compileOk(dir, v1);
      assertThat(first.fileInDir("snapshots/v1.json")).isPresent();
      second = compileOk(dir, v2);
      assertThat(second.fileInDir("snapshots/v2.json")).isPresent();
      export();
      try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
        up(db, dir, 1);
        for (String s : seed) {
          execute(db, s);
        }
        Map<String, Object> before = snapshot(db);
        up(db, dir, 2);
        afterUp.check(db);
        down(db, dir, 2);
        Map<String, Object> after = snapshot(db);
        for (String key : catalogIgnored) {
          before.remove(key);
          after.remove(key);
        }
        assertWithMessage("catalog after U2.1 + U2 differs from the catalog before V2;\nV2:\n%s\nV2.1:\n%s\nU2:\n%s",
            v2Up(), v2UpNext().orElse("(none)"), v2Down())
            .that(after).containsExactlyEntriesIn(before);
        afterDown.check(db);
        up(db, dir, 2);
        afterUp.check(db);
      }
      return this;
    }
  }

  Scenario scenario() {
    return new Scenario();
  }

  // ================================================================== version 1 alone

  @Test
  void version1_upCreatesEverything_downRemovesIt_upAgainWorks() throws Exception {
    List<JavaFileObject> v1 = version(1,
        type("Status", "public enum Status { NEW, PAID }"),
        type("Kind", "public enum Kind { SMALL, LARGE }"),
        type("Customer", """
            /** People who buy. @param email where we write to */
            @Table
            @Index(expression = "lower(email)", unique = true)
            public record Customer(@Id UUID id, @Column(length = 255) String email, @UpdatedAt Instant updatedAt) {}
            """),
        type("Order", """
            @Table
            public record Order(
                @Id(generated = Id.Generated.IDENTITY) long id,
                @References(Customer.class) @Indexed UUID customerId,
                Status status,
                @NativeEnum Kind kind,
                @Check("total >= 0") @Column(precision = 12, scale = 2) BigDecimal total,
                @UpdatedAt Instant updatedAt) {}
            """));
    compileOk(dir, v1);
    export();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      Map<String, Object> empty = snapshot(db);
      up(db, dir, 1);
      Catalog catalog = db.catalog();
      assertThat(catalog.tables()).containsExactly("customers", "orders");
      assertThat(catalog.enumTypes()).containsKey("kind");
      assertThat(catalog.functions()).isNotEmpty();
      assertThat(catalog.triggers()).hasSize(2);
      execute(db, "INSERT INTO customers (email) VALUES ('a@example.com')");
      execute(db, "INSERT INTO orders (customer_id, status, kind, total)"
          + " SELECT id, 'NEW', 'SMALL', 1.50 FROM customers");
      down(db, dir, 1);
      assertThat(snapshot(db)).containsExactlyEntriesIn(empty);
      assertThat(db.catalog().tables()).isEmpty();
      assertThat(db.catalog().functions()).isEmpty();
      assertThat(db.catalog().enumTypes()).isEmpty();
      up(db, dir, 1);
      assertThat(db.catalog().tables()).containsExactly("customers", "orders");
    }
  }

  // ================================================================== tables

  @Test
  void tableAdded() throws Exception {
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, String name) {}");
    scenario()
        .v1(item)
        .v2(item, type("Tag", "@Table public record Tag(@Id long id, String label) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen'), (2, 'ink')")
        .afterUp(db -> {
          assertThat(rows(db, "SELECT id, name FROM items ORDER BY id")).containsExactly("1|pen", "2|ink").inOrder();
          execute(db, "INSERT INTO tags (id, label) VALUES (1, 'red') ON CONFLICT DO NOTHING");
        })
        .afterDown(db -> assertThat(db.catalog().tables()).containsExactly("items"))
        .run();
  }

  @Test
  void tableDropped_withDrop() throws Exception {
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, String name) {}");
    Scenario s = scenario()
        .v1(item, type("Note", "@Table public record Note(@Id long id, String text) {}"))
        .v2("version = 2, drops = @Drop(table = \"notes\")", item)
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')", "INSERT INTO notes (id, text) VALUES (1, 'hello')")
        .afterUp(db -> {
          assertThat(db.catalog().tables()).containsExactly("items");
          assertThat(rows(db, "SELECT name FROM items")).containsExactly("pen");
        })
        .afterDown(db -> assertThat(rows(db, "SELECT count(*) FROM notes")).containsExactly("0"))
        .run();
    assertThat(s.v2Down()).contains("not restored");
  }

  @Test
  void tableRenamed_withRenamedFrom_keepsRows() throws Exception {
    Scenario s = scenario()
        .v1(type("Client", "@Table public record Client(@Id long id, @Unique String name) {}"))
        .v2(type("Customer", "@Table @RenamedFrom(\"clients\") public record Customer(@Id long id, @Unique String name) {}"))
        .seed("INSERT INTO clients (id, name) VALUES (1, 'Ada'), (2, 'Bob')")
        .afterUp(db -> {
          assertThat(db.catalog().tables()).containsExactly("customers");
          assertThat(rows(db, "SELECT id, name FROM customers ORDER BY id")).containsExactly("1|Ada", "2|Bob").inOrder();
        })
        .afterDown(db -> assertThat(rows(db, "SELECT name FROM clients ORDER BY id")).containsExactly("Ada", "Bob"))
        .run();
    assertThat(s.v2Up()).contains("RENAME TO customers");
    assertThat(s.v2Up()).doesNotContain("DROP TABLE");
  }

  /**
   * A rename must not rebuild what it renames: dropping and re-adding the primary key (and the
   * UNIQUE constraints and indexes whose names derive from the table name) builds their indexes
   * again under an ACCESS EXCLUSIVE lock in the transactional step, the opposite of the live-safe
   * promise; ALTER TABLE ... RENAME CONSTRAINT / ALTER INDEX ... RENAME keep them.
   */
  @Test
  void tableRenamed_renamesItsKeysAndIndexes_insteadOfRebuildingThem() throws Exception {
    Scenario s = scenario()
        .v1(type("Client", "@Table public record Client(@Id long id, @Unique String name, @Indexed String city) {}"))
        .v2(type("Customer", """
            @Table @RenamedFrom("clients")
            public record Customer(@Id long id, @Unique String name, @Indexed String city) {}
            """))
        .seed("INSERT INTO clients (id, name, city) VALUES (1, 'Ada', 'Oslo')")
        .afterUp(db -> assertThat(db.catalog().primaryKey("customers").name()).isEqualTo("customers_pkey"))
        .run();
    assertThat(s.v2Up()).doesNotContain("DROP CONSTRAINT");
    assertThat(s.v2Up()).doesNotContain("PRIMARY KEY");
    assertThat(s.v2Up()).doesNotContain("DROP INDEX");
  }

  @Test
  void tableRenamed_whileAnotherTableReferencesIt() throws Exception {
    Scenario s = scenario()
        .v1(type("Client", "@Table public record Client(@Id long id, String name) {}"),
            type("Invoice", "@Table public record Invoice(@Id long id, @References(Client.class) @Indexed long clientId) {}"))
        .v2(type("Customer", "@Table @RenamedFrom(\"clients\") public record Customer(@Id long id, String name) {}"),
            type("Invoice", "@Table public record Invoice(@Id long id, @References(Customer.class) @Indexed long clientId) {}"))
        .seed("INSERT INTO clients (id, name) VALUES (1, 'Ada')", "INSERT INTO invoices (id, client_id) VALUES (10, 1)")
        .afterUp(db -> {
          assertThat(rows(db, "SELECT c.name FROM invoices i JOIN customers c ON c.id = i.client_id"))
              .containsExactly("Ada");
          assertThat(failure(db, "INSERT INTO invoices (id, client_id) VALUES (11, 99)")).isEqualTo("23503");
        })
        .run();
    assertThat(s.v2Up()).contains("RENAME TO customers");
  }

  // ================================================================== columns

  @Test
  void columnAdded_nullable() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name, @Nullable String note) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> assertThat(rows(db, "SELECT name, note FROM items")).containsExactly("pen|null"))
        .afterDown(db -> assertThat(db.catalog().columnNames("items")).containsExactly("id", "name"))
        .run();
  }

  @Test
  void columnAdded_notNullWithDefault() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name, @Default(\"0\") int stock) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(rows(db, "SELECT name, stock FROM items")).containsExactly("pen|0");
          assertThat(db.catalog().column("items", "stock").notNull()).isTrue();
        })
        .run();
  }

  @Test
  void columnDropped_withDrop() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name, String legacyCode) {}"))
        .v2("version = 2, drops = @Drop(table = \"items\", column = \"legacy_code\")",
            type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .seed("INSERT INTO items (id, name, legacy_code) VALUES (1, 'pen', 'X1')")
        .afterUp(db -> {
          assertThat(db.catalog().columnNames("items")).containsExactly("id", "name");
          assertThat(rows(db, "SELECT name FROM items")).containsExactly("pen");
        })
        // the down brings the column back nullable (its values are gone): the catalog differs there only
        .catalogMayDifferIn("table items")
        .afterDown(db -> {
          assertThat(db.catalog().column("items", "legacy_code").nullable()).isTrue();
          assertThat(rows(db, "SELECT legacy_code FROM items")).containsExactly("null");
        })
        .run();
    assertThat(s.v2Down()).contains("not restored");
  }

  @Test
  void columnRenamed_withRenamedFrom_keepsValues() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @RenamedFrom(\"name\") String title) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen'), (2, 'ink')")
        .afterUp(db -> assertThat(rows(db, "SELECT title FROM items ORDER BY id")).containsExactly("pen", "ink").inOrder())
        .afterDown(db -> assertThat(rows(db, "SELECT name FROM items ORDER BY id")).containsExactly("pen", "ink").inOrder())
        .run();
    assertThat(s.v2Up()).contains("RENAME COLUMN name TO title");
  }

  @Test
  void columnRetyped_varcharWidened_andIntToLong() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Column(length = 50) String name, int stock) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Column(length = 100) String name, long stock) {}"))
        .seed("INSERT INTO items (id, name, stock) VALUES (1, 'pen', 7)")
        .afterUp(db -> {
          assertThat(db.catalog().column("items", "name").type()).isEqualTo("character varying(100)");
          assertThat(db.catalog().column("items", "stock").type()).isEqualTo("bigint");
          assertThat(rows(db, "SELECT name, stock FROM items")).containsExactly("pen|7");
        })
        .afterDown(db -> {
          assertThat(db.catalog().column("items", "name").type()).isEqualTo("character varying(50)");
          assertThat(db.catalog().column("items", "stock").type()).isEqualTo("integer");
          assertThat(rows(db, "SELECT name, stock FROM items")).containsExactly("pen|7");
        })
        .run();
  }

  @Test
  void nullableToNotNull_throughValidatedCheck() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Nullable String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(db.catalog().column("items", "name").notNull()).isTrue();
          assertThat(db.catalog().checks("items")).isEmpty(); // the helper CHECK is gone
          assertThat(failure(db, "INSERT INTO items (id) VALUES (2)")).isEqualTo("23502");
        })
        .afterDown(db -> {
          execute(db, "INSERT INTO items (id) VALUES (3)");
          execute(db, "DELETE FROM items WHERE id = 3");
        })
        .run();
    assertThat(s.v2Up()).contains("NOT VALID");
    assertThat(s.v2UpNext().orElseThrow()).contains("VALIDATE CONSTRAINT");
    assertThat(s.v2UpNext().orElseThrow()).contains("SET NOT NULL");
  }

  @Test
  void notNullToNullable() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Nullable String name) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          execute(db, "INSERT INTO items (id) VALUES (2) ON CONFLICT DO NOTHING");
          // the down's SET NOT NULL would fail on that row: remove it before the down
          execute(db, "DELETE FROM items WHERE id = 2");
          assertThat(rows(db, "SELECT name FROM items")).containsExactly("pen");
        })
        .run();
  }

  @Test
  void defaultChanged() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Default(\"'draft'\") String state) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Default(\"'new'\") String state) {}"))
        .seed("INSERT INTO items (id) VALUES (1)")
        .afterUp(db -> {
          execute(db, "INSERT INTO items (id) VALUES (2) ON CONFLICT DO NOTHING");
          assertThat(rows(db, "SELECT state FROM items ORDER BY id")).containsExactly("draft", "new").inOrder();
          execute(db, "DELETE FROM items WHERE id = 2");
        })
        .afterDown(db -> assertThat(db.catalog().column("items", "state").defaultExpression()).contains("draft"))
        .run();
  }

  @Test
  void primaryKeyChanged() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String code) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Id String code) {}"))
        .seed("INSERT INTO items (id, code) VALUES (1, 'a')")
        .afterUp(db -> {
          assertThat(db.catalog().primaryKey("items").columns()).containsExactly("id", "code").inOrder();
          assertThat(rows(db, "SELECT id, code FROM items")).containsExactly("1|a");
        })
        .afterDown(db -> assertThat(db.catalog().primaryKey("items").columns()).containsExactly("id"))
        .run();
  }

  // ================================================================== constraints and indexes

  @Test
  void foreignKeyAdded_toExistingTable_notValidThenValidated() throws Exception {
    JavaFileObject customer = type("Customer", "@Table public record Customer(@Id long id, String name) {}");
    Scenario s = scenario()
        .v1(customer, type("Invoice", """
            @Table
            @SuppressWarnings("schemac:missing-foreign-key")
            public record Invoice(@Id long id, @Indexed long customerId) {}
            """))
        .v2(customer, type("Invoice", """
            @Table
            public record Invoice(@Id long id, @References(Customer.class) @Indexed long customerId) {}
            """))
        .seed("INSERT INTO customers (id, name) VALUES (1, 'Ada')", "INSERT INTO invoices (id, customer_id) VALUES (10, 1)")
        .afterUp(db -> {
          assertThat(db.catalog().foreignKeys("invoices")).hasSize(1);
          assertThat(failure(db, "INSERT INTO invoices (id, customer_id) VALUES (11, 99)")).isEqualTo("23503");
        })
        .afterDown(db -> assertThat(db.catalog().foreignKeys("invoices")).isEmpty())
        .run();
    assertThat(s.v2Up()).contains("NOT VALID");
    assertThat(s.v2UpNext().orElseThrow()).contains("VALIDATE CONSTRAINT");
  }

  @Test
  void uniqueAdded_concurrentlyThenAttached() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String code) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Unique String code) {}"))
        .seed("INSERT INTO items (id, code) VALUES (1, 'a'), (2, 'b')")
        .afterUp(db -> {
          assertThat(db.catalog().uniqueConstraints("items")).hasSize(1);
          assertThat(failure(db, "INSERT INTO items (id, code) VALUES (3, 'a')")).isEqualTo("23505");
        })
        .afterDown(db -> assertThat(db.catalog().uniqueConstraints("items")).isEmpty())
        .run();
    assertThat(s.v2UpNext().orElseThrow()).contains("CREATE UNIQUE INDEX CONCURRENTLY");
  }

  @Test
  void checkAdded_notValidThenValidated() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, int stock) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Check(\"stock >= 0\") int stock) {}"))
        .seed("INSERT INTO items (id, stock) VALUES (1, 5)")
        .afterUp(db -> {
          assertThat(db.catalog().checks("items")).hasSize(1);
          assertThat(failure(db, "INSERT INTO items (id, stock) VALUES (2, -1)")).isEqualTo("23514");
        })
        .afterDown(db -> {
          execute(db, "INSERT INTO items (id, stock) VALUES (2, -1)");
          execute(db, "DELETE FROM items WHERE id = 2");
        })
        .run();
    assertThat(s.v2Up()).contains("NOT VALID");
    assertThat(s.v2UpNext().orElseThrow()).contains("VALIDATE CONSTRAINT");
  }

  @Test
  void indexAdded_onExistingTable_isConcurrentInTheSecondStep() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(db.catalog().standaloneIndexes("items")).hasSize(1);
          assertThat(rows(db, "SELECT bool_and(i.indisvalid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
              + " WHERE c.relname = 'idx_items_name'")).containsExactly("t");
        })
        .afterDown(db -> assertThat(db.catalog().standaloneIndexes("items")).isEmpty())
        .run();
    assertThat(s.v2Up()).doesNotContain("CREATE INDEX");
    String next = s.v2UpNext().orElseThrow();
    assertThat(next).contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_name ON items (name);");
    assertThat(next).contains("DROP INDEX CONCURRENTLY IF EXISTS idx_items_name;");
    // the drop removes an INVALID leftover of a failed build first, so IF NOT EXISTS never keeps one
    assertThat(next.indexOf("DROP INDEX CONCURRENTLY IF EXISTS idx_items_name;"))
        .isLessThan(next.indexOf("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_name"));
    assertThat(read(Path.of(file(dir, "migration", "V2.1__").orElseThrow() + ".conf")))
        .isEqualTo("executeInTransaction=false\n");
  }

  @Test
  void indexDropped() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> assertThat(db.catalog().standaloneIndexes("items")).isEmpty())
        .afterDown(db -> assertThat(db.catalog().standaloneIndexes("items")).containsKey("idx_items_name"))
        .run();
  }

  // ================================================================== enums, triggers, comments

  @Test
  void enumValueAdded_textWithCheck() throws Exception {
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, Status status) {}");
    scenario()
        .v1(item, type("Status", "public enum Status { NEW, PAID }"))
        .v2(item, type("Status", "public enum Status { NEW, PAID, SHIPPED }"))
        .seed("INSERT INTO items (id, status) VALUES (1, 'PAID')")
        .afterUp(db -> {
          execute(db, "INSERT INTO items (id, status) VALUES (2, 'SHIPPED')");
          assertThat(rows(db, "SELECT status FROM items ORDER BY id")).containsExactly("PAID", "SHIPPED").inOrder();
          execute(db, "DELETE FROM items WHERE id = 2");
        })
        .afterDown(db -> assertThat(failure(db, "INSERT INTO items (id, status) VALUES (3, 'SHIPPED')"))
            .isEqualTo("23514"))
        .run();
  }

  @Test
  void nativeEnumValueAdded() throws Exception {
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, @NativeEnum Status status) {}");
    Scenario s = scenario()
        .v1(item, type("Status", "public enum Status { NEW, PAID }"))
        .v2(item, type("Status", "public enum Status { NEW, PAID, SHIPPED }"))
        .seed("INSERT INTO items (id, status) VALUES (1, 'PAID')")
        .afterUp(db -> {
          execute(db, "INSERT INTO items (id, status) VALUES (2, 'SHIPPED')");
          assertThat(db.catalog().enumTypes().get("status")).containsExactly("NEW", "PAID", "SHIPPED").inOrder();
          execute(db, "DELETE FROM items WHERE id = 2");
        })
        // the value is added in V1.9, committed before V2; the down after U2, U1.9, makes the type again
        .afterDown(db -> assertThat(db.catalog().enumTypes().get("status")).containsExactly("NEW", "PAID").inOrder())
        .run();
    assertThat(s.v2Up()).doesNotContain("ADD VALUE");
    assertThat(read(file(dir, "migration", "V1.9__").orElseThrow())).contains("ADD VALUE IF NOT EXISTS 'SHIPPED'");
    assertThat(read(file(dir, "undo", "U1.9__").orElseThrow())).contains("CREATE TYPE status AS ENUM ('NEW', 'PAID');");
  }

  @Test
  void updatedAtAdded_createsTheTriggerAndItsFunction() throws Exception {
    scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, String name) {}"))
        .v2(type("Item", "@Table public record Item(@Id long id, String name, @UpdatedAt Instant updatedAt) {}"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(db.catalog().triggers("items")).hasSize(1);
          execute(db, "UPDATE items SET updated_at = '2000-01-01T00:00:00Z', name = 'pencil'");
          assertThat(rows(db, "SELECT updated_at > '2020-01-01'::timestamptz FROM items")).containsExactly("t");
          execute(db, "UPDATE items SET name = 'pen'");
        })
        .afterDown(db -> {
          assertThat(db.catalog().triggers()).isEmpty();
          assertThat(db.catalog().functions()).isEmpty();
        })
        .run();
  }

  @Test
  void javadocCommentChanged() throws Exception {
    scenario()
        .v1(type("Item", """
            /**
             * Things for sale.
             * @param name what the shop calls it
             */
            @Table public record Item(@Id long id, String name) {}
            """))
        .v2(type("Item", """
            /**
             * Goods we sell.
             * @param name the label on the shelf
             */
            @Table public record Item(@Id long id, String name) {}
            """))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(db.catalog().tableComment("items")).isEqualTo("Goods we sell.");
          assertThat(db.catalog().columnComments("items")).containsExactly("name", "the label on the shelf");
        })
        .afterDown(db -> {
          assertThat(db.catalog().tableComment("items")).isEqualTo("Things for sale.");
          assertThat(db.catalog().columnComments("items")).containsExactly("name", "what the shop calls it");
        })
        .run();
  }

  // ================================================================== combinations

  @Test
  void tableDropped_withItsTriggerAndNativeEnum_downRecreatesThem() throws Exception {
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, String name) {}");
    scenario()
        .v1(item, type("Mood", "public enum Mood { HAPPY, SAD }"), type("Note", """
            @Table public record Note(@Id long id, @NativeEnum Mood mood, @UpdatedAt Instant updatedAt) {}
            """))
        .v2("version = 2, drops = @Drop(table = \"notes\")", item)
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')", "INSERT INTO notes (id, mood) VALUES (1, 'SAD')")
        .afterUp(db -> {
          assertThat(db.catalog().tables()).containsExactly("items");
          assertThat(db.catalog().enumTypes()).isEmpty();
          assertThat(db.catalog().functions()).isEmpty();
        })
        .afterDown(db -> {
          execute(db, "INSERT INTO notes (id, mood) VALUES (2, 'HAPPY')");
          execute(db, "UPDATE notes SET mood = 'SAD'");
          execute(db, "DELETE FROM notes");
        })
        .run();
  }

  @Test
  void columnAdded_withForeignKeyAndIndex() throws Exception {
    JavaFileObject customer = type("Customer", "@Table public record Customer(@Id long id, String name) {}");
    scenario()
        .v1(customer, type("Invoice", "@Table public record Invoice(@Id long id, String number) {}"))
        .v2(customer, type("Invoice", """
            @Table
            public record Invoice(@Id long id, String number, @Nullable @References(Customer.class) @Indexed Long customerId) {}
            """))
        .seed("INSERT INTO customers (id, name) VALUES (1, 'Ada')", "INSERT INTO invoices (id, number) VALUES (1, 'A-1')")
        .afterUp(db -> {
          execute(db, "UPDATE invoices SET customer_id = 1");
          assertThat(failure(db, "UPDATE invoices SET customer_id = 2")).isEqualTo("23503");
          execute(db, "UPDATE invoices SET customer_id = NULL");
        })
        .run();
  }

  @Test
  void softDeleteAdded_turnsUniqueIntoPartialUniqueIndex() throws Exception {
    scenario()
        .v1(type("Account", "@Table public record Account(@Id long id, @Unique String email) {}"))
        .v2(type("Account", "@Table @SoftDelete public record Account(@Id long id, @Unique String email, @Nullable Instant deletedAt) {}"))
        .seed("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com')")
        .afterUp(db -> {
          execute(db, "UPDATE accounts SET deleted_at = now() WHERE id = 1");
          execute(db, "INSERT INTO accounts (id, email) VALUES (2, 'a@example.com')");
          assertThat(failure(db, "INSERT INTO accounts (id, email) VALUES (3, 'a@example.com')")).isEqualTo("23505");
          execute(db, "DELETE FROM accounts WHERE id = 2");
          execute(db, "UPDATE accounts SET deleted_at = NULL");
        })
        .afterDown(db -> assertThat(db.catalog().uniqueConstraints("accounts")).containsKey("accounts_email_key"))
        .run();
  }

  /** Same as for tables: renaming a column must rename its index and UNIQUE, not rebuild them. */
  @Test
  void columnRenamed_renamesItsIndexAndUnique_insteadOfRebuildingThem() throws Exception {
    Scenario s = scenario()
        .v1(type("Item", "@Table public record Item(@Id long id, @Unique String code, @Indexed String name) {}"))
        .v2(type("Item", """
            @Table
            public record Item(@Id long id, @RenamedFrom("code") @Unique String sku, @RenamedFrom("name") @Indexed String title) {}
            """))
        .seed("INSERT INTO items (id, code, name) VALUES (1, 'X', 'pen')")
        .afterUp(db -> assertThat(rows(db, "SELECT sku, title FROM items")).containsExactly("X|pen"))
        .run();
    assertThat(s.v2Up()).doesNotContain("DROP CONSTRAINT");
    assertThat(s.v2Up()).doesNotContain("DROP INDEX");
    assertThat(s.v2UpNext()).isEmpty();
  }

  // ================================================================== the second step is idempotent

  /**
   * V2.1 runs outside a transaction, so when one of its statements fails the earlier ones stay
   * done, and the fix is to run the file again (Flyway records no failed row on PostgreSQL). The
   * issue promises idempotent statements there. Here the unique index build fails on duplicate
   * rows after the NOT NULL steps are done; the rows are fixed and V2.1 runs again.
   */
  @Test
  void secondStep_runsAgainAfterFailingPartWay() throws Exception {
    compileOk(dir, version(1, type("Item", "@Table public record Item(@Id long id, @Nullable String name, String code) {}")));
    compileOk(dir, version(2, type("Item", "@Table public record Item(@Id long id, String name, @Unique String code) {}")));
    export();
    Path next = file(dir, "migration", "V2.1__").orElseThrow();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      up(db, dir, 1);
      execute(db, "INSERT INTO items (id, name, code) VALUES (1, 'pen', 'X'), (2, 'ink', 'X')");
      apply(db, file(dir, "migration", "V2__").orElseThrow(), true);
      AssertionError failed = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> apply(db, next, false));
      assertThat(failed).hasMessageThat().contains("23505");
      execute(db, "UPDATE items SET code = 'Y' WHERE id = 2");

      apply(db, next, false);

      assertThat(db.catalog().column("items", "name").notNull()).isTrue();
      assertThat(db.catalog().uniqueConstraints("items")).containsKey("items_code_key");
    }
  }

  /** Running a completed V2.1 again must change nothing and fail on nothing. */
  @Test
  void secondStep_runsTwice_uniqueCheckForeignKeyIndex() throws Exception {
    JavaFileObject customer = type("Customer", "@Table public record Customer(@Id long id, String name) {}");
    compileOk(dir, version(1, customer, type("Invoice", """
        @Table
        @SuppressWarnings("schemac:missing-foreign-key")
        public record Invoice(@Id long id, long customerId, String number, int total) {}
        """)));
    compileOk(dir, version(2, customer, type("Invoice", """
        @Table
        public record Invoice(@Id long id, @References(Customer.class) @Indexed long customerId, @Unique String number,
            @Check("total >= 0") int total) {}
        """)));
    export();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      up(db, dir, 1);
      execute(db, "INSERT INTO customers (id, name) VALUES (1, 'Ada')");
      execute(db, "INSERT INTO invoices (id, customer_id, number, total) VALUES (1, 1, 'A-1', 5)");
      up(db, dir, 2);
      Map<String, Object> once = snapshot(db);

      apply(db, file(dir, "migration", "V2.1__").orElseThrow(), false);

      assertThat(snapshot(db)).containsExactlyEntriesIn(once);
    }
  }

  @Test
  void sqlStatements_splitHonoursDollarQuotesStringsAndComments() throws SQLException {
    assertThat(PostgresScripts.split("-- a; b\nSELECT 'x;y'; CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
        + "/* c; */ CREATE INDEX CONCURRENTLY i ON t (\"a;b\");\n-- the end\n"))
        .containsExactly("-- a; b\nSELECT 'x;y'", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
            "/* c; */ CREATE INDEX CONCURRENTLY i ON t (\"a;b\")", "-- the end").inOrder();
  }

  // ================================================================== generated columns

  static JavaFileObject shouting(String expression) {
    return type("Item", "@Table public record Item(@Id long id, String name" + (expression == null ? ""
        : ", @GeneratedColumn(\"" + expression + "\") @Indexed String shout") + ") {}");
  }

  /** ADD COLUMN ... GENERATED ALWAYS AS (...) STORED computes it for the rows there (pg_attribute.attgenerated 's'). */
  @Test
  void generatedColumnAdded_isComputedForTheRowsThere() throws Exception {
    Scenario s = scenario().v1(shouting(null)).v2(shouting("upper(name)"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterUp(db -> {
          assertThat(rows(db, "SELECT shout FROM items")).containsExactly("PEN");
          Catalog.Column shout = db.catalog().column("items", "shout");
          assertThat(shout.generated()).isTrue();
          assertThat(shout.defaultExpression()).isEqualTo("upper(name)");
          assertThat(shout.notNull()).isTrue();
        })
        .run();
    assertThat(s.v2Up()).contains("ALTER TABLE items ADD COLUMN shout text GENERATED ALWAYS AS (upper(name)) STORED"
        + " NOT NULL;");
  }

  /** Dropped without @Drop (its values are computed); the down adds it back computed, NOT NULL as it was. */
  @Test
  void generatedColumnDropped_needsNoAcknowledgment_andComesBackComputed() throws Exception {
    Scenario s = scenario().v1(shouting("upper(name)")).v2(shouting(null))
        .seed("INSERT INTO items (id, name) VALUES (1, 'pen')")
        .afterDown(db -> assertThat(rows(db, "SELECT shout FROM items")).containsExactly("PEN"))
        .run();
    assertThat(s.v2Down()).contains("comes back computed from its row");
  }

  /** A new expression: the column and its index are dropped and added again, computed anew, both ways. */
  @Test
  void generatedColumnsExpressionChanged_recomputesTheColumnAndItsIndex() throws Exception {
    Scenario s = scenario().v1(shouting("upper(name)")).v2(shouting("lower(name)"))
        .seed("INSERT INTO items (id, name) VALUES (1, 'Pen')")
        .afterUp(db -> {
          assertThat(rows(db, "SELECT shout FROM items WHERE shout = 'pen'")).containsExactly("pen");
          assertThat(db.catalog().column("items", "shout").defaultExpression()).isEqualTo("lower(name)");
        })
        .afterDown(db -> assertThat(rows(db, "SELECT shout FROM items")).containsExactly("PEN"))
        .run();
    assertThat(s.v2Up()).contains("DROP INDEX IF EXISTS idx_items_shout;\n\nALTER TABLE items DROP COLUMN shout;\n\n"
        + "ALTER TABLE items ADD COLUMN shout text GENERATED ALWAYS AS (lower(name)) STORED NOT NULL;");
    assertThat(s.v2UpNext().orElseThrow()).contains("CREATE INDEX CONCURRENTLY"); // the table has rows: online
  }

  /** A column that becomes generated loses the values it holds: that needs the acknowledgment a drop needs. */
  @Test
  void plainColumnBecomingGenerated_withoutDrop_isDestructive() {
    compileOk(dir, version(1, type("Item", "@Table public record Item(@Id long id, String name, String shout) {}")));
    Compilation second = SchemacCompiler.compile(dir, version(2, shouting("upper(name)"))).compilation();
    com.google.testing.compile.CompilationSubject.assertThat(second).hadErrorContaining("becomes a generated column");
    com.google.testing.compile.CompilationSubject.assertThat(second).hadErrorContaining("schemac:destructive-change");
  }
}
