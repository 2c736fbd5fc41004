package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.schemac.processor.migrate.MigrationScenarioTest.down;
import static dev.schemac.processor.migrate.MigrationScenarioTest.execute;
import static dev.schemac.processor.migrate.MigrationScenarioTest.file;
import static dev.schemac.processor.migrate.MigrationScenarioTest.read;
import static dev.schemac.processor.migrate.MigrationScenarioTest.rows;
import static dev.schemac.processor.migrate.MigrationScenarioTest.up;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.withMarkers;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.rules.RuleEngine;
import dev.schemac.processor.rules.RuleSettings;
import dev.schemac.processor.targets.RuleCatalog;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences and tables in named schemas through versioned migrations, from models built directly
 * (no reader involved), each version written like the processor writes it and applied to the
 * embedded PostgreSQL: V1, rows, V2 (+ V2.1), U2.1 + U2 restores the catalog of every schema
 * exactly, V2 again.
 */
class NamespaceMigrationTest {
  private static final RuleEngine RULES = new RuleEngine(RuleCatalog.schemaRules(), RuleCatalog.migrationRules());

  @TempDir Path dir;

  // ================================================================== the harness

  /** Builds {@code version} of {@code schema} into {@link #dir} as the processor does; the problems it reports. */
  List<Problem> build(int version, Schema schema, DropAcknowledgment... drops) throws IOException {
    VersionedMigrations.Result result = VersionedMigrations.build(dir, version, null, List.of(drops), false, schema,
        Origin.NONE, List.of(new PostgresTarget()), RULES, RuleSettings.defaults(), dev.schemac.processor.model.Timeouts.DEFAULT);
    if (!result.hasErrors()) {
      for (Map.Entry<String, String> f : result.files().entrySet()) {
        Path path = dir.resolve(f.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
      }
      for (String stale : result.staleFiles()) {
        Files.delete(dir.resolve(stale));
      }
    }
    return result.problems();
  }

  void buildOk(int version, Schema schema, DropAcknowledgment... drops) throws IOException {
    List<Problem> problems = build(version, schema, drops);
    assertWithMessage("problems of version %s", version).that(problems).isEmpty();
  }

  String v2Up() {
    return read(file(dir, "migration", "V2__").orElseThrow());
  }

  String v2Down() {
    return read(file(dir, "undo", "U2__").orElseThrow());
  }

  /** Everything of every schema that is not PostgreSQL's own: what a down must restore. */
  static Map<String, Object> catalog(TestDatabase db) throws SQLException {
    Map<String, Object> all = new TreeMap<>(MigrationScenarioTest.snapshot(db));
    Catalog catalog = db.catalog();
    all.put("schemas", catalog.schemas());
    for (String schema : catalog.schemas()) {
      Catalog in = catalog.inSchema(schema);
      for (String table : in.tables()) {
        Map<String, Object> t = new TreeMap<>(in.describe(table));
        t.put("columns", in.columns(table).stream().sorted(Comparator.comparing(Catalog.Column::name)).toList());
        all.put("table " + schema + "." + table, t);
      }
      all.put("sequences of " + schema, in.sequences());
      all.put("constraints of " + schema, rows(db, "SELECT cl.relname || '.' || con.conname || ' '"
          + " || pg_get_constraintdef(con.oid, true) || CASE WHEN con.convalidated THEN '' ELSE ' [not validated]' END"
          + " FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid"
          + " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = '" + schema + "' ORDER BY 1"));
      all.put("indexes of " + schema, rows(db, "SELECT ic.relname || ' ' || pg_get_indexdef(i.indexrelid)"
          + " || CASE WHEN i.indisvalid THEN '' ELSE ' [INVALID]' END"
          + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
          + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE n.nspname = '" + schema + "' ORDER BY 1"));
      all.put("triggers of " + schema, in.triggers());
      all.put("enum types of " + schema, in.enumTypes());
    }
    return all;
  }

  interface DbCheck {
    void check(TestDatabase db) throws Exception;
  }

  /** Version 1 and 2 built and applied: V1, seed, V2, check, U2, catalog as before, check, V2, check. */
  void cycle(Schema v1, Schema v2, List<String> seed, DbCheck afterUp, DbCheck afterDown,
      DropAcknowledgment... drops) throws Exception {
    buildOk(1, v1);
    buildOk(2, v2, drops);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      up(db, dir, 1);
      for (String s : seed) {
        execute(db, s);
      }
      Map<String, Object> before = catalog(db);
      up(db, dir, 2);
      afterUp.check(db);
      down(db, dir, 2);
      assertWithMessage("catalog after U2 differs from the catalog before V2;\nV2:\n%s\nU2:\n%s", v2Up(), v2Down())
          .that(catalog(db)).containsExactlyEntriesIn(before);
      afterDown.check(db);
      up(db, dir, 2);
      afterUp.check(db);
    }
  }

  static Schema schema(List<Sequence> sequences, Table... tables) {
    List<Table> sorted = new ArrayList<>(List.of(tables));
    sorted.sort(Comparator.comparing(Table::qualifiedName));
    return new Schema(sorted, List.of(), sequences, sorted.stream().map(Table::sourceType).sorted().toList());
  }

  static Sequence sequence(String schema, String name, long start, long increment) {
    return new Sequence(schema, name, start, increment, Origin.NONE);
  }

  static Table customers() {
    return builder("customers", of("id", Kind.INT64), of("email", Kind.STRING)).primaryKey("id").unique("email").build();
  }

  static Table invoices(String schema) {
    return inSchema(schema, builder("invoices", of("id", Kind.INT64), of("customer_id", Kind.INT64),
            of("number", Kind.STRING))
        .primaryKey("id").foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.RESTRICT)
        .unique("number").index("customer_id").build());
  }

  static Table withTrigger(Table t) {
    List<Column> columns = new ArrayList<>(t.columns());
    Column at = withMarkers(of("updated_at", Kind.INSTANT), Column.Marker.UPDATED_AT);
    columns.add(new Column(at.name(), at.javaName(), null, at.type(), false, ColumnDefault.NOW, Column.Identity.NONE, at.markers(),
        "when it last changed", null, List.of(), Origin.NONE));
    return t.withColumns(columns).withComment("A table.")
        .withTriggers(List.of(new Trigger(t.name() + "_set_updated_at", Trigger.Kind.SET_UPDATED_AT, "updated_at")));
  }

  // ================================================================== version 1 alone

  @Test
  void version1_createsSchemasAndSequences_theDownRemovesThemAll() throws Exception {
    Schema v1 = schema(List.of(sequence(null, "customer_seq", 1, 50), sequence("billing", "invoice_seq", 1, 50),
        sequence("audit", "event_seq", 10, 5)), customers(), withTrigger(invoices("billing")));
    buildOk(1, v1);
    String up = read(file(dir, "migration", "V1__").orElseThrow());
    assertThat(up).contains("CREATE SCHEMA IF NOT EXISTS audit;\n\nCREATE SCHEMA IF NOT EXISTS billing;");
    assertThat(up).contains("CREATE SEQUENCE audit.event_seq START WITH 10 INCREMENT BY 5;");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      Map<String, Object> empty = catalog(db);
      up(db, dir, 1);
      assertThat(db.catalog().schemas()).containsExactly("audit", "billing", "public");
      assertThat(db.catalog().inSchema("billing").tables()).containsExactly("invoices");
      assertThat(db.catalog().inSchema("audit").sequences().keySet()).containsExactly("event_seq");
      execute(db, "INSERT INTO customers (id, email) SELECT nextval('customer_seq'), 'a@example.com'");
      execute(db, "INSERT INTO billing.invoices (id, customer_id, number) SELECT nextval('billing.invoice_seq'), id,"
          + " 'INV-1' FROM customers");
      down(db, dir, 1);
      assertThat(catalog(db)).containsExactlyEntriesIn(empty);
      assertThat(db.catalog().schemas()).containsExactly("public");
      up(db, dir, 1);
      assertThat(db.catalog().inSchema("billing").tables()).containsExactly("invoices");
    }
  }

  // ================================================================== sequences

  @Test
  void sequenceAdded() throws Exception {
    cycle(schema(List.of(), customers()), schema(List.of(sequence(null, "customer_seq", 1, 50)), customers()),
        List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')"),
        db -> assertThat(db.catalog().sequences().get("customer_seq"))
            .isEqualTo(new Catalog.Sequence("customer_seq", 1, 50, null)),
        db -> assertThat(db.catalog().sequences()).isEmpty());
    assertThat(v2Up()).contains("CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;");
    assertThat(v2Down()).contains("DROP SEQUENCE customer_seq;");
    assertThat(file(dir, "migration", "V2__create_sequence_customer_seq.sql")).isPresent();
  }

  @Test
  void sequenceDropped_isADestructiveChange_unlessAcknowledged() throws Exception {
    Schema v1 = schema(List.of(sequence("billing", "invoice_seq", 1, 50)), customers(), invoices("billing"));
    Schema v2 = schema(List.of(sequence("billing", "invoice_number_seq", 1, 50)), customers(), invoices("billing"));
    buildOk(1, v1);

    List<Problem> problems = build(2, v2);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(problems.get(0).message()).isEqualTo("sequence billing.invoice_seq is gone from the sources, and"
        + " dropping it loses its position: a sequence of that name created again starts over at 1, below the keys it"
        + " already handed out, and inserts then fail on duplicate keys. If a new sequence"
        + " (billing.invoice_number_seq) replaces it, it starts at its own START value, below those keys too: keep"
        + " the old sequence name instead. Fix: to drop it, acknowledge it with @Schema(version = ..., drops ="
        + " @Drop(table = \"billing.invoice_seq\")). [schemac:destructive-change; see"
        + " docs/rules.md#destructive-change]");
    assertThat(file(dir, "migration", "V2__")).isEmpty();

    cycle(v1, v2, List.of("SELECT nextval('billing.invoice_seq')"),
        db -> assertThat(db.catalog().inSchema("billing").sequences().keySet()).containsExactly("invoice_number_seq"),
        db -> assertThat(db.catalog().inSchema("billing").sequences().keySet()).containsExactly("invoice_seq"),
        new DropAcknowledgment("billing.invoice_seq", null));
    assertThat(v2Up()).contains("DROP SEQUENCE billing.invoice_seq;");
    assertThat(v2Down()).contains("-- billing.invoice_seq is created again at its start value: the position it had"
        + " reached is not restored (setval it above the keys in use).\n\n"
        + "CREATE SEQUENCE billing.invoice_seq START WITH 1 INCREMENT BY 50;");
  }

  @Test
  void sequenceIncrementAndStartChanged_isAlteredInPlace_keepingItsPosition() throws Exception {
    cycle(schema(List.of(sequence(null, "customer_seq", 1, 50)), customers()),
        schema(List.of(sequence(null, "customer_seq", 1000, 10)), customers()),
        List.of("SELECT nextval('customer_seq')", "SELECT nextval('customer_seq')"), // position 51
        db -> {
          assertThat(db.catalog().sequences().get("customer_seq"))
              .isEqualTo(new Catalog.Sequence("customer_seq", 1000, 10, null));
          assertThat(rows(db, "SELECT last_value FROM customer_seq")).containsExactly("51");
        },
        db -> assertThat(rows(db, "SELECT last_value FROM customer_seq")).containsExactly("51"));
    assertThat(v2Up()).contains("ALTER SEQUENCE customer_seq START WITH 1000 INCREMENT BY 10;");
    assertThat(v2Down()).contains("ALTER SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;");
  }

  @Test
  void sequenceMovedToAnotherSchema_keepsItsPosition() throws Exception {
    cycle(schema(List.of(sequence(null, "invoice_seq", 1, 50)), customers()),
        schema(List.of(sequence("billing", "invoice_seq", 1, 50)), customers()),
        List.of("SELECT nextval('invoice_seq')", "SELECT nextval('invoice_seq')"),
        db -> assertThat(rows(db, "SELECT last_value FROM billing.invoice_seq")).containsExactly("51"),
        db -> assertThat(db.catalog().sequences().keySet()).containsExactly("invoice_seq"));
    assertThat(v2Up()).contains("CREATE SCHEMA IF NOT EXISTS billing;\n\nALTER SEQUENCE invoice_seq SET SCHEMA billing;");
    assertThat(v2Down()).contains("DO $$\nBEGIN\n    EXECUTE format('ALTER SEQUENCE billing.invoice_seq SET SCHEMA %I',"
        + " current_schema());\nEND\n$$;\n\nDROP SCHEMA billing;");
  }

  // ================================================================== schemas

  @Test
  void firstTableOfANewSchema_createsTheSchema_theDownDropsIt() throws Exception {
    cycle(schema(List.of(), customers()), schema(List.of(), customers(), invoices("billing")),
        List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')"),
        db -> {
          execute(db, "INSERT INTO billing.invoices (id, customer_id, number) VALUES (1, 1, 'INV-1')"
              + " ON CONFLICT DO NOTHING");
          assertThat(db.catalog().inSchema("billing").foreignKeys("invoices").get("invoices_customer_id_fkey")
              .referencedTable()).isEqualTo("public.customers");
        },
        db -> assertThat(db.catalog().schemas()).containsExactly("public"));
    assertThat(v2Up()).contains("CREATE SCHEMA IF NOT EXISTS billing;\n\nCREATE TABLE billing.invoices (");
    assertThat(v2Up()).contains("CREATE INDEX idx_invoices_customer_id ON billing.invoices (customer_id);");
    assertThat(v2Down()).contains("DROP TABLE billing.invoices;\n\nDROP SCHEMA billing;");
    assertThat(file(dir, "migration", "V2__create_schema_billing_and_create_billing_invoices.sql")).isPresent();
  }

  @Test
  void lastTableOfASchemaDropped_dropsTheSchema_withTheTablesAcknowledgment() throws Exception {
    Schema v1 = schema(List.of(), customers(), invoices("billing"));
    Schema v2 = schema(List.of(), customers());
    buildOk(1, v1);
    List<Problem> problems = build(2, v2);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).contains("table billing.invoices is gone from the sources");
    assertThat(problems.get(0).message()).contains("@Drop(table = \"billing.invoices\")");

    cycle(v1, v2, List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')",
            "INSERT INTO billing.invoices (id, customer_id, number) VALUES (1, 1, 'INV-1')"),
        db -> assertThat(db.catalog().schemas()).containsExactly("public"),
        db -> assertThat(db.catalog().inSchema("billing").tables()).containsExactly("invoices"),
        new DropAcknowledgment("billing.invoices", null));
    assertThat(v2Up()).contains("DROP TABLE billing.invoices;\n\nDROP SCHEMA billing;");
    assertThat(v2Down()).contains("CREATE SCHEMA IF NOT EXISTS billing;\n\n-- billing.invoices is created again empty");
  }

  @Test
  void schemaWithObjectsThatAreNotSchemacs_isNeverDroppedWithThem() throws Exception {
    buildOk(1, schema(List.of(), customers(), invoices("billing")));
    buildOk(2, schema(List.of(), customers()), new DropAcknowledgment("billing.invoices", null));
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      up(db, dir, 1);
      execute(db, "CREATE TABLE billing.hand_made (id int)");
      AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> up(db, dir, 2));
      assertThat(failure).hasMessageThat().contains("DROP SCHEMA billing");
      assertThat(db.catalog().inSchema("billing").tables()).containsExactly("hand_made", "invoices"); // rolled back
    }
  }

  @Test
  void tableMovedToAnotherSchema_keepsItsRows_andTheKeysThatReferenceIt() throws Exception {
    Table payments = builder("payments", of("id", Kind.INT64), of("invoice_id", Kind.INT64)).primaryKey("id")
        .foreignKey(List.of("invoice_id"), "invoices", List.of("id"), ForeignKey.Action.CASCADE).index("invoice_id")
        .build();
    Table paymentsLater = builder("payments", of("id", Kind.INT64), of("invoice_id", Kind.INT64)).primaryKey("id")
        .foreignKey(List.of("invoice_id"), "billing.invoices", List.of("id"), ForeignKey.Action.CASCADE)
        .index("invoice_id").build();
    cycle(schema(List.of(), customers(), withTrigger(invoices(null)), payments),
        schema(List.of(), customers(), withTrigger(invoices("billing")), paymentsLater),
        List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')",
            "INSERT INTO invoices (id, customer_id, number) VALUES (7, 1, 'INV-7')",
            "INSERT INTO payments (id, invoice_id) VALUES (1, 7)"),
        db -> {
          assertThat(rows(db, "SELECT number FROM billing.invoices")).containsExactly("INV-7");
          assertThat(db.catalog().foreignKeys("payments").get("payments_invoice_id_fkey").referencedTable())
              .isEqualTo("billing.invoices");
          assertThat(db.catalog().inSchema("billing").triggers("invoices")).hasSize(1);
        },
        db -> assertThat(rows(db, "SELECT number FROM invoices")).containsExactly("INV-7"));
    assertThat(v2Up()).contains("CREATE SCHEMA IF NOT EXISTS billing;\n\nALTER TABLE invoices SET SCHEMA billing;");
    assertThat(v2Up()).doesNotContain("DROP CONSTRAINT"); // the key of payments follows the table
    assertThat(v2Up()).doesNotContain("DROP TABLE");
    assertThat(v2Down()).contains("EXECUTE format('ALTER TABLE billing.invoices SET SCHEMA %I', current_schema());");
    assertThat(file(dir, "migration", "V2__create_schema_billing_and_move_invoices_to_billing.sql")).isPresent();
  }

  @Test
  void tableMovedBetweenTwoNamedSchemas_andBackToTheDefault() throws Exception {
    cycle(schema(List.of(), customers(), invoices("sales")), schema(List.of(), customers(), invoices("billing")),
        List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')",
            "INSERT INTO sales.invoices (id, customer_id, number) VALUES (7, 1, 'INV-7')"),
        db -> assertThat(db.catalog().schemas()).containsExactly("billing", "public"),
        db -> assertThat(db.catalog().schemas()).containsExactly("public", "sales"));
    assertThat(v2Up()).contains("ALTER TABLE sales.invoices SET SCHEMA billing;");
    assertThat(v2Up()).contains("DROP SCHEMA sales;");
    assertThat(v2Down()).contains("ALTER TABLE billing.invoices SET SCHEMA sales;");
  }

  @Test
  void aTableOfAnotherSourceWithTheSameName_inAnotherSchema_isNotAMove() throws Exception {
    Table other = new Table("billing", "invoices", "fixtures.BillingInvoice", invoices(null).columns(),
        invoices(null).primaryKey(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(),
        Origin.NONE);
    buildOk(1, schema(List.of(), customers(), invoices(null)));
    List<Problem> problems = build(2, schema(List.of(), customers(), other));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).contains("table invoices is gone from the sources");
    assertThat(problems.get(0).message()).contains("It looks renamed to billing.invoices");
  }

  @Test
  void tableRenamedInANamedSchema_keepsItsRows_andRenamesItsIndexesInThatSchema() throws Exception {
    Table bills = builder("bills", of("id", Kind.INT64), of("customer_id", Kind.INT64), of("number", Kind.STRING))
        .primaryKey("id").foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.RESTRICT)
        .unique("number").index("customer_id").build();
    Table renamed = new Table("billing", "bills", bills.sourceType(), bills.columns(), bills.primaryKey(),
        bills.foreignKeys(), bills.uniques(), bills.checks(), bills.indexes(), bills.triggers(), null, null, "invoices",
        List.of(), Origin.NONE);
    cycle(schema(List.of(), customers(), invoices("billing")), schema(List.of(), customers(), renamed),
        List.of("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')",
            "INSERT INTO billing.invoices (id, customer_id, number) VALUES (7, 1, 'INV-7')"),
        db -> {
          Catalog billing = db.catalog().inSchema("billing");
          assertThat(billing.tables()).containsExactly("bills");
          assertThat(billing.indexes("bills").keySet()).containsExactly("bills_number_key", "bills_pkey",
              "idx_bills_customer_id");
          assertThat(rows(db, "SELECT number FROM billing.bills")).containsExactly("INV-7");
        },
        db -> assertThat(db.catalog().inSchema("billing").tables()).containsExactly("invoices"));
    assertThat(v2Up()).contains("ALTER TABLE billing.invoices RENAME TO bills;");
    assertThat(v2Up()).contains("ALTER INDEX billing.idx_invoices_customer_id RENAME TO idx_bills_customer_id;");
    assertThat(v2Up()).doesNotContain("CREATE SCHEMA");
  }

  @Test
  void changesToATableOfANamedSchema_useQualifiedNamesEverywhere() throws Exception {
    Table v1 = inSchema("billing", builder("invoices", of("id", Kind.INT64), of("number", Kind.STRING),
            nullable(of("note", Kind.STRING)), of("total", Kind.INT32))
        .primaryKey("id").index("total").build());
    Table v2 = inSchema("billing", builder("invoices", of("id", Kind.INT64), of("number", Kind.STRING),
            of("note", Kind.STRING), of("total", Kind.INT32), nullable(of("paid_at", Kind.INSTANT)))
        .primaryKey("id").unique("number").index("number").check("total >= 0").build());
    cycle(schema(List.of(), v1), schema(List.of(), v2),
        List.of("INSERT INTO billing.invoices (id, number, note, total) VALUES (1, 'INV-1', 'x', 5)"),
        db -> {
          Catalog billing = db.catalog().inSchema("billing");
          assertThat(billing.uniqueConstraints("invoices")).containsKey("invoices_number_key");
          assertThat(billing.column("invoices", "note").notNull()).isTrue();
          assertThat(billing.standaloneIndexes("invoices").keySet()).containsExactly("idx_invoices_number");
        },
        db -> assertThat(db.catalog().inSchema("billing").standaloneIndexes("invoices").keySet())
            .containsExactly("idx_invoices_total"));
    String upNext = read(file(dir, "migration", "V2.1__").orElseThrow());
    assertThat(upNext).contains("DROP INDEX CONCURRENTLY IF EXISTS billing.idx_invoices_number;\n\n"
        + "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_number ON billing.invoices (number);");
    assertThat(upNext).contains("WHERE c.relname = 'invoices_number_key' AND c.relnamespace = 'billing'::regnamespace");
    assertThat(upNext).contains("conrelid = 'billing.invoices'::regclass");
    assertThat(upNext).contains("DROP INDEX CONCURRENTLY IF EXISTS billing.idx_invoices_total;");
    assertThat(upNext).contains("ALTER TABLE billing.invoices ALTER COLUMN note SET NOT NULL;");
  }

  @Test
  void aReservedWordSchema_isQuotedInEveryStatement() throws Exception {
    Table v1 = inSchema("user", builder("order", of("id", Kind.INT64), of("code", Kind.STRING)).primaryKey("id")
        .index("code").build());
    Table v2 = inSchema("user", builder("order", of("id", Kind.INT64), of("code", Kind.STRING),
        nullable(of("note", Kind.STRING))).primaryKey("id").build());
    cycle(schema(List.of(sequence("user", "order_seq", 1, 50)), v1),
        schema(List.of(sequence("user", "order_seq", 1, 20)), v2),
        List.of("INSERT INTO \"user\".\"order\" (id, code) VALUES (1, 'a')"),
        db -> assertThat(db.catalog().inSchema("user").columnNames("order")).containsExactly("id", "code", "note"),
        db -> { });
    assertThat(v2Up()).contains("ALTER TABLE \"user\".\"order\" ADD COLUMN note text;");
    assertThat(v2Up()).contains("ALTER SEQUENCE \"user\".order_seq INCREMENT BY 20;");
  }

  // ================================================================== snapshots

  @Test
  void snapshot_carriesSchemasAndSequences_andReadsBackTheSameModel() throws Exception {
    Schema v1 = schema(List.of(new Sequence("billing", "invoice_seq", 5, 7, "fixtures.Invoice", List.of(),
        Origin.NONE)), customers(), invoices("billing"));
    buildOk(1, v1);
    String json = Files.readString(dir.resolve("snapshots/v1.json"), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\n  \"format\": 3,");
    assertThat(json).contains("\"sequences\": [\n    {\n      \"schema\": \"billing\",\n      \"name\": \"invoice_seq\","
        + "\n      \"start\": 5,\n      \"increment\": 7,\n      \"source\": \"fixtures.Invoice\"\n    }\n  ],");
    assertThat(json).contains("{\n      \"schema\": \"billing\",\n      \"name\": \"invoices\",");

    Schema read = SnapshotJson.read(json).schema();
    assertThat(read.sequences()).hasSize(1);
    Sequence s = read.sequences().get(0);
    assertThat(List.of(s.schema(), s.name(), s.start(), s.increment(), s.sourceType()))
        .containsExactly("billing", "invoice_seq", 5L, 7L, "fixtures.Invoice").inOrder();
    assertThat(read.table("billing.invoices")).isPresent();
    assertThat(read.table("customers")).isPresent();
    // written again from what was read: the same bytes
    Snapshot again = SnapshotJson.read(json);
    assertThat(SnapshotJson.write(again)).isEqualTo(json);
  }

  @Test
  void snapshotWithoutSchemasOrSequences_isWrittenWithoutTheirFields() throws Exception {
    buildOk(1, schema(List.of(), customers()));
    String json = Files.readString(dir.resolve("snapshots/v1.json"), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\n  \"format\": 3,");
    assertThat(json).doesNotContain("\"sequences\"");
    assertThat(json).doesNotContain("\"schema\"");
    assertThat(SnapshotJson.read(json).schema().sequences()).isEmpty();
  }

  @Test
  void snapshotWithATableInANamedSchema_andNoSequences_hasTheSchemaAndNoSequences() throws Exception {
    buildOk(1, schema(List.of(), customers(), invoices("billing")));
    String json = Files.readString(dir.resolve("snapshots/v1.json"), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\n  \"format\": 3,");
    assertThat(json).contains("\"schema\": \"billing\"");
    assertThat(json).doesNotContain("\"sequences\"");
    assertThat(SnapshotJson.read(json).schema().table("billing.invoices")).isPresent();
  }

  @Test
  void snapshotWithAnInvalidSchemaName_isRefused() {
    String json = "{\"format\": 2, \"version\": 1, \"tables\": [{\"schema\": \"x; DROP\", \"name\": \"t\","
        + " \"source\": \"a.T\"}]}";
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SnapshotJson.read(json)).getMessage()).contains("x; DROP");
    String sequence = "{\"format\": 2, \"version\": 1, \"sequences\": [{\"schema\": \"x; DROP\", \"name\": \"s\","
        + " \"start\": 1, \"increment\": 1}]}";
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SnapshotJson.read(sequence)).getMessage()).contains("x; DROP");
  }

  @Test
  void sameModels_sameFiles() throws Exception {
    Schema v1 = schema(List.of(), customers(), invoices(null));
    Schema v2 = schema(List.of(sequence("billing", "invoice_seq", 1, 50)), customers(), withTrigger(invoices("billing")));
    buildOk(1, v1);
    buildOk(2, v2);
    Map<String, String> first = files();
    buildOk(2, v2);
    assertThat(files()).isEqualTo(first);
  }

  private Map<String, String> files() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

}
