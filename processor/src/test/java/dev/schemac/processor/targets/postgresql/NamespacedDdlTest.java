package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.withMarkers;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.write.SchemaMarkdown;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * schema.sql for sequences and tables in named schemas, built from the model (no reader involved)
 * and applied to the embedded PostgreSQL: what the server made of it, and the bytes.
 */
class NamespacedDdlTest {
  private static final List<String> HEADER = List.of("test");

  private static String render(Schema schema) {
    return new PostgresSchemaScript(new PostgresDialect()).render(schema, HEADER);
  }

  private static Table withComments(Table t, String tableComment, String column, String columnComment) {
    List<Column> columns = t.columns().stream().map(c -> !c.name().equals(column) ? c : new Column(c.name(),
        c.javaName(), c.javaType(), c.type(), c.nullable(), c.defaultValue(), c.identity(), c.markers(), columnComment,
        null, List.of(), Origin.NONE)).toList();
    return t.withColumns(columns).withComment(tableComment);
  }

  private static Table withTrigger(Table t, String column) {
    return t.withTriggers(List.of(new Trigger(t.name() + "_set_" + column, Trigger.Kind.SET_UPDATED_AT, column)));
  }

  private static Table withChecks(Table t, CheckConstraint... checks) {
    return t.withChecks(List.of(checks));
  }

  private static Column updatedAt() {
    Column c = withMarkers(of("updated_at", Kind.INSTANT), Column.Marker.UPDATED_AT);
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), false, ColumnDefault.NOW, c.identity(), c.markers(), null,
        null, List.of(), Origin.NONE);
  }

  /**
   * A shop in three schemas: customers in the default one, billing (invoices with a soft-delete
   * unique, an index, a trigger, comments and a native enum of the default schema) and "user"
   * (a reserved word, quoted) whose table "order" references billing; invoices and orders
   * reference each other across schemas (a cycle closed with ALTER TABLE). Two sequences.
   */
  static Schema shop() {
    Table customers = builder("customers", of("id", Kind.INT64), of("email", Kind.STRING)).primaryKey("id")
        .unique("email").build();
    Table invoices = withChecks(withTrigger(withComments(inSchema("billing", builder("invoices",
            of("id", Kind.INT64), of("customer_id", Kind.INT64), of("number", Kind.STRING),
            column("state", LogicalType.namedEnum("invoice_state", List.of("OPEN", "PAID"))),
            nullable(of("last_order_id", Kind.INT64)), nullable(of("deleted_at", Kind.INSTANT)),
            updatedAt())
        .primaryKey("id")
        .foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.RESTRICT)
        .foreignKey(List.of("last_order_id"), "user.order", List.of("id"), ForeignKey.Action.SET_NULL)
        .unique("number").index("customer_id").index("last_order_id").softDelete("deleted_at").build()),
        "Bills.", "number", "As printed."), "updated_at"),
        new CheckConstraint("invoices_number_check", new Condition.Raw(Models.sql("char_length(number) > 2")), "number",
            Origin.NONE));
    Table orders = inSchema("user", builder("order", of("id", Kind.INT64), of("invoice_id", Kind.INT64))
        .primaryKey("id")
        .foreignKey(List.of("invoice_id"), "billing.invoices", List.of("id"), ForeignKey.Action.CASCADE)
        .index("invoice_id").build());
    return new Schema(List.of(invoices, customers, orders),
        List.of(new EnumType("invoice_state", List.of("OPEN", "PAID"))),
        List.of(new Sequence(null, "customer_seq", 1, 50, Origin.NONE),
            new Sequence("billing", "invoice_seq", 1000, 1, Origin.NONE),
            new Sequence(null, "order", 1, 50, Origin.NONE)), // named like a table of another schema, and reserved
        List.of("fixtures.Shop"));
  }

  @Test
  void smallSchema_isWrittenLikeThis() throws SQLException {
    Table customers = table("customers", of("id", Kind.INT64));
    Table invoices = inSchema("billing", builder("invoices", of("id", Kind.INT64), of("customer_id", Kind.INT64))
        .primaryKey("id").foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.NO_ACTION)
        .index("customer_id").build());
    Schema schema = new Schema(List.of(invoices, customers), List.of(),
        List.of(new Sequence("billing", "invoice_seq", 1, 50, Origin.NONE),
            new Sequence(null, "customer_seq", 1, 50, Origin.NONE)), List.of());

    assertThat(render(schema)).isEqualTo("""
        -- test

        CREATE SCHEMA IF NOT EXISTS billing;

        CREATE SEQUENCE billing.invoice_seq START WITH 1 INCREMENT BY 50;
        CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;

        CREATE TABLE customers (
            id bigint NOT NULL,
            CONSTRAINT customers_pkey PRIMARY KEY (id)
        );

        CREATE TABLE billing.invoices (
            id          bigint NOT NULL,
            customer_id bigint NOT NULL,
            CONSTRAINT invoices_pkey PRIMARY KEY (id),
            CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)
        );

        CREATE INDEX idx_invoices_customer_id ON billing.invoices (customer_id);
        """);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(render(schema));
      Catalog billing = db.catalog().inSchema("billing");
      assertThat(billing.tables()).containsExactly("invoices");
      assertThat(billing.foreignKeys("invoices").get("invoices_customer_id_fkey").referencedTable())
          .isEqualTo("public.customers");
      assertThat(billing.sequences()).containsKey("invoice_seq");
      assertThat(db.catalog().sequences()).containsKey("customer_seq");
    }
  }

  @Test
  void shop_appliesToPostgres_withEveryObjectInItsSchema() throws Exception {
    String sql = render(shop());
    assertThat(sql).contains("CREATE SCHEMA IF NOT EXISTS billing;\nCREATE SCHEMA IF NOT EXISTS \"user\";\n");
    assertThat(sql).contains("ALTER TABLE billing.invoices\n    ADD CONSTRAINT invoices_last_order_id_fkey FOREIGN KEY"
        + " (last_order_id) REFERENCES \"user\".\"order\" (id) ON DELETE SET NULL;");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(sql);
      Catalog pub = db.catalog();
      Catalog billing = pub.inSchema("billing");
      Catalog user = pub.inSchema("user");

      assertThat(pub.schemas()).containsExactly("billing", "public", "user");
      assertThat(pub.tables()).containsExactly("customers");
      assertThat(billing.tables()).containsExactly("invoices");
      assertThat(user.tables()).containsExactly("order");

      assertThat(pub.sequences().keySet()).containsExactly("customer_seq", "order");
      assertThat(pub.sequences().get("customer_seq")).isEqualTo(new Catalog.Sequence("customer_seq", 1, 50, null));
      assertThat(billing.sequences().get("invoice_seq")).isEqualTo(new Catalog.Sequence("invoice_seq", 1000, 1, null));
      assertThat(user.sequences()).isEmpty();

      assertThat(billing.foreignKeys("invoices").get("invoices_customer_id_fkey").referencedTable())
          .isEqualTo("public.customers");
      assertThat(billing.foreignKeys("invoices").get("invoices_last_order_id_fkey").referencedTable())
          .isEqualTo("user.order");
      assertThat(user.foreignKeys("order").get("order_invoice_id_fkey").referencedTable()).isEqualTo("billing.invoices");
      assertThat(billing.indexes("invoices").keySet()).containsExactly("idx_invoices_customer_id",
          "idx_invoices_last_order_id_1", "invoices_number_key", "invoices_pkey");
      assertThat(billing.uniqueIndexes("invoices").get("invoices_number_key").definition())
          .isEqualTo("CREATE UNIQUE INDEX invoices_number_key ON billing.invoices USING btree (number)"
              + " WHERE (deleted_at IS NULL)");
      assertThat(billing.checks("invoices")).containsKey("invoices_number_check");
      assertThat(billing.tableComment("invoices")).isEqualTo("Bills.");
      assertThat(billing.columnComments("invoices")).containsExactly("number", "As printed.");
      assertThat(billing.triggers("invoices").keySet()).containsExactly("invoices_set_updated_at");
      assertThat(pub.functions()).containsExactly("schemac_set_updated_at"); // stays in the default schema
      assertThat(pub.enumTypes()).containsKey("invoice_state");

      // the keys come from the sequences, drawn by the application as Hibernate does
      execute(db, "INSERT INTO customers (id, email) VALUES (nextval('customer_seq'), 'a@example.com')");
      assertThat(value(db, "SELECT nextval('customer_seq')")).isEqualTo("51");
      execute(db, "INSERT INTO billing.invoices (id, customer_id, number, state)"
          + " VALUES (nextval('billing.invoice_seq'), 1, 'INV-1', 'OPEN')");
      assertThat(value(db, "SELECT id FROM billing.invoices")).isEqualTo("1000");
      execute(db, "INSERT INTO \"user\".\"order\" (id, invoice_id) VALUES (nextval('\"order\"'), 1000)");
      execute(db, "UPDATE billing.invoices SET last_order_id = 1, updated_at = '2000-01-01'");
      assertThat(value(db, "SELECT updated_at > '2001-01-01' FROM billing.invoices")).isEqualTo("t"); // the trigger ran
      execute(db, "DELETE FROM billing.invoices");
      assertThat(value(db, "SELECT count(*) FROM \"user\".\"order\"")).isEqualTo("0"); // cascaded across schemas
    }
  }

  @Test
  void sameModel_sameBytes_whateverTheOrderOfTablesAndSequences() {
    Schema shop = shop();
    List<Table> tables = new ArrayList<>(shop.tables());
    Collections.reverse(tables);
    List<Sequence> sequences = new ArrayList<>(shop.sequences());
    Collections.reverse(sequences);
    Schema reordered = new Schema(tables, shop.enumTypes(), sequences, shop.sourceTypes());

    assertThat(render(shop)).isEqualTo(render(shop()));
    assertThat(render(reordered)).isEqualTo(render(shop));
  }

  @Test
  void twoRelationsOfOneName_areNeverRendered() {
    Table orders = table("orders", of("id", Kind.INT64));
    Schema clash = new Schema(List.of(orders), List.of(), List.of(new Sequence(null, "orders", 1, 1, Origin.NONE)),
        List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> render(clash));
    assertThat(e).hasMessageThat().contains("sequence orders has the name of table orders");
  }

  @Test
  void publicIsNeverCreated_itsTablesAreQualified() throws Exception {
    Schema schema = new Schema(List.of(inSchema("public", table("things", of("id", Kind.INT64)))), List.of(),
        List.of(new Sequence("public", "thing_seq", 1, 1, Origin.NONE)), List.of());
    String sql = render(schema);
    assertThat(sql).doesNotContain("CREATE SCHEMA");
    assertThat(sql).contains("CREATE TABLE public.things (");
    assertThat(sql).contains("CREATE SEQUENCE public.thing_seq START WITH 1 INCREMENT BY 1;");
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(sql);
      assertThat(db.catalog().tables()).containsExactly("things");
    }
  }

  @Test
  void schemaMd_quotesQualifiedNamesInTheDiagram_andListsTheSequences() {
    String md = new SchemaMarkdown(new PostgresTarget()).render(shop(), "Unversioned.");
    assertThat(md).contains("    \"billing.invoices\" {\n");
    assertThat(md).contains("    customers ||--o{ \"billing.invoices\" : \"customer_id\"\n");
    assertThat(md).contains("    \"user.order\" |o--o{ \"billing.invoices\" : \"last_order_id\"\n");
    assertThat(md).contains("\n## billing.invoices\n");
    assertThat(md).contains("\n## Sequences\n\n| sequence | start | increment |\n| --- | --- | --- |\n"
        + "| billing.invoice_seq | 1000 | 1 |\n| customer_seq | 1 | 50 |\n| order | 1 | 50 |\n");
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Statement s = db.connection().createStatement()) {
      s.execute(sql);
    }
  }

  private static String value(TestDatabase db, String sql) throws SQLException {
    try (Statement s = db.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

}
