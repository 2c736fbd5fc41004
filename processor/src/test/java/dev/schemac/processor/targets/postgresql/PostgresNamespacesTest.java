package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.sequence;
import static dev.schemac.processor.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables and sequences identified by qualified name, and what {@link PostgresNamespaces#check} refuses
 * whatever built the model: two relations of one name in one schema, reserved schema names,
 * sequence bounds PostgreSQL rejects.
 */
class PostgresNamespacesTest {

  private static List<String> messages(Schema schema) {
    return PostgresNamespaces.check(schema).stream().map(Problem::message).toList();
  }

  private static Column identity(String name) {
    Column c = of(name, Kind.INT64);
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), false, null, Column.Identity.BY_DEFAULT,
        List.of(), null, null, List.of(), Origin.NONE);
  }

  @Test
  void qualifiedNames_areSchemaDotName_orTheBareNameInTheDefaultSchema() {
    assertThat(table("orders", of("id", Kind.INT64)).qualifiedName()).isEqualTo("orders");
    assertThat(inSchema("billing", table("invoices", of("id", Kind.INT64))).qualifiedName())
        .isEqualTo("billing.invoices");
    assertThat(inSchema("billing", table("invoices", of("id", Kind.INT64))).qualifiedIndexName("idx_x"))
        .isEqualTo("billing.idx_x");
    assertThat(sequence(null, "order_seq").qualifiedName()).isEqualTo("order_seq");
    assertThat(sequence("billing", "invoice_seq").qualifiedName()).isEqualTo("billing.invoice_seq");
    assertThat(Identifiers.schemaOf("billing.invoices")).isEqualTo("billing");
    assertThat(Identifiers.schemaOf("invoices")).isNull();
    assertThat(Identifiers.nameOf("billing.invoices")).isEqualTo("invoices");
    assertThat(Identifiers.nameOf("invoices")).isEqualTo("invoices");
  }

  @Test
  void twoTablesOrTwoSequencesOfOneQualifiedName_areAnError() {
    Table first = inSchema("billing", table("orders", of("id", Kind.INT64)));
    Table second = inSchema("billing", table("orders", of("id", Kind.INT64), of("total", Kind.INT64)));
    assertThat(messages(new Schema(List.of(first, second), List.of(), List.of(), List.of()))).contains(
        "there are two of table billing.orders: PostgreSQL keeps the tables, indexes and sequences of a schema in"
            + " one namespace, so the second CREATE would fail. Fix: give one of them another name");
    assertThat(messages(new Schema(List.of(), List.of(), List.of(sequence(null, "order_seq"),
        sequence(null, "order_seq")), List.of()))).contains("there are two of sequence order_seq: PostgreSQL keeps"
            + " the tables, indexes and sequences of a schema in one namespace, so the second CREATE would fail."
            + " Fix: give one of them another name");
  }

  @Test
  void schemaLooksTablesAndSequencesUpByQualifiedName_andSortsSequences() {
    Table orders = table("orders", of("id", Kind.INT64));
    Table invoices = inSchema("billing", table("orders", of("id", Kind.INT64)));
    Schema schema = new Schema(List.of(invoices, orders), List.of(), List.of(sequence("billing", "b_seq"),
        sequence(null, "z_seq"), sequence(null, "a_seq")), List.of());

    assertThat(schema.table("orders")).hasValue(orders);
    assertThat(schema.table("billing.orders")).hasValue(invoices);
    assertThat(schema.table("public.orders")).isEmpty();
    assertThat(schema.sequences().stream().map(Sequence::qualifiedName).toList())
        .containsExactly("a_seq", "billing.b_seq", "z_seq").inOrder();
    assertThat(schema.sequence("billing.b_seq")).isPresent();
    assertThat(schema.sequence("b_seq")).isEmpty();
    assertThat(schema.schemaNames()).containsExactly("billing");
    assertThat(new Schema(List.of(orders), List.of(), List.of()).sequences()).isEmpty();
  }

  @Test
  void invalidSchemaOrSequenceNames_cannotEnterTheModel() {
    assertThrows(IllegalArgumentException.class, () -> new Sequence(null, "seq; DROP TABLE x", 1, 1, Origin.NONE));
    assertThrows(IllegalArgumentException.class, () -> new Sequence("Billing", "seq", 1, 1, Origin.NONE));
    assertThrows(IllegalArgumentException.class, () -> new Sequence("a.b", "seq", 1, 1, Origin.NONE));
    assertThrows(IllegalArgumentException.class, () -> inSchema("bad schema", table("t", of("id", Kind.INT64))));
    assertThrows(IllegalArgumentException.class, () -> inSchema("", table("t", of("id", Kind.INT64))));
  }

  @Test
  void aValidModel_hasNoProblems() {
    Table customers = builder("customers", of("id", Kind.INT64), of("email", Kind.STRING)).primaryKey("id")
        .unique("email").index("email").build();
    Table invoices = inSchema("billing", builder("invoices", of("id", Kind.INT64), of("customer_id", Kind.INT64))
        .primaryKey("id").index("customer_id").build());
    // the same bare names in another schema are fine: each schema is its own namespace
    Table billingCustomers = inSchema("billing", builder("customers", of("id", Kind.INT64), of("email", Kind.STRING))
        .primaryKey("id").unique("email").index("email").build());
    Schema schema = new Schema(List.of(customers, billingCustomers, invoices), List.of(),
        List.of(sequence(null, "customer_seq"), sequence("billing", "customer_seq")), List.of());

    assertThat(PostgresNamespaces.check(schema)).isEmpty();
  }

  @Test
  void aSequenceNamedLikeATable_orAnIndex_inItsSchema_isAnError() {
    Table orders = builder("orders", of("id", Kind.INT64), of("code", Kind.STRING)).primaryKey("id").index("code").build();

    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence(null, "orders")), List.of())))
        .containsExactly("sequence orders has the name of table orders: PostgreSQL keeps the tables, indexes and"
            + " sequences of a schema in one namespace, so the second CREATE would fail. Fix: give one of them"
            + " another name");
    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence(null, "idx_orders_code")), List.of())))
        .hasSize(1);
    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence(null, "orders_pkey")), List.of())))
        .hasSize(1);
    // in another schema it is another namespace
    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence("billing", "orders")), List.of())))
        .isEmpty();
  }

  @Test
  void theDefaultSchemaAndPublic_areOneNamespace() {
    Table orders = table("orders", of("id", Kind.INT64));
    Table publicOrders = inSchema("public", table("orders", of("id", Kind.INT64)));

    assertThat(messages(new Schema(List.of(orders, publicOrders), List.of(), List.of())))
        .containsExactly("table public.orders has the name of table orders: PostgreSQL keeps the tables, indexes"
            + " and sequences of a schema in one namespace (and the default schema is public on the default"
            + " search_path), so the second CREATE would fail. Fix: give one of them another name",
            "the index of primary key orders_pkey of table public.orders has the name of the index of primary key"
            + " orders_pkey of table orders: PostgreSQL keeps the tables, indexes and sequences of a schema in one"
            + " namespace (and the default schema is public on the default search_path), so the second CREATE would"
            + " fail. Fix: give one of them another name");
    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence("public", "orders")), List.of())))
        .hasSize(1);
  }

  @Test
  void anIndexNamedLikeATableOfItsSchema_isAnError_onTheIndex() {
    Table orders = table("orders", of("id", Kind.INT64));
    Table items = builder("items", of("id", Kind.INT64), of("order_id", Kind.INT64)).primaryKey("id").build();
    Index clash = new Index("orders", List.of(new Index.Element("order_id", null, null, false, Index.Nulls.DEFAULT)),
        false, Index.Method.ORDERED, null, List.of(), new Origin() { });
    Table itemsWithClash = new Table(items.schema(), items.name(), items.sourceType(), items.columns(),
        items.primaryKey(), List.of(), List.of(), List.of(), List.of(clash), List.of(), null, null, null, List.of(),
        items.origin());

    List<Problem> problems = PostgresNamespaces.check(new Schema(List.of(orders, itemsWithClash), List.of(), List.of()));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(problems.get(0).origin()).isSameInstanceAs(clash.origin());
    assertThat(problems.get(0).message()).startsWith("index orders on table items has the name of table orders");
  }

  @Test
  void aSequenceNamedLikeAnIdentitySequence_isAnError() {
    Table orders = builder("orders", identity("id")).primaryKey("id").build();

    assertThat(messages(new Schema(List.of(orders), List.of(), List.of(sequence(null, "orders_id_seq")), List.of())))
        .containsExactly("sequence orders_id_seq has the name PostgreSQL gives the identity sequence of column"
            + " orders.id: a migration that adds one while the other exists fails. Fix: give the sequence another"
            + " name");
    assertThat(messages(new Schema(List.of(inSchema("billing", orders)), List.of(),
        List.of(sequence(null, "orders_id_seq")), List.of()))).isEmpty();
  }

  @Test
  void reservedSchemaNames_areErrors() {
    for (String name : List.of("pg_billing", "pg_catalog", "information_schema")) {
      assertThat(messages(schemaOf(inSchema(name, table("t", of("id", Kind.INT64)))))).hasSize(1);
    }
    assertThat(messages(new Schema(List.of(), List.of(), List.of(sequence("pg_x", "s")), List.of()))).hasSize(1);
    assertThat(messages(schemaOf(inSchema("pgbilling", table("t", of("id", Kind.INT64)))))).isEmpty();
    assertThat(messages(schemaOf(inSchema("public", table("t", of("id", Kind.INT64)))))).isEmpty();
  }

  @Test
  void sequenceBoundsPostgresRejects_areErrors() {
    assertThat(messages(withSequence(new Sequence(null, "s", 1, 0, Origin.NONE))).get(0)).contains("increment 0");
    assertThat(messages(withSequence(new Sequence(null, "s", 0, 50, Origin.NONE))).get(0)).contains("starts at 0");
    assertThat(messages(withSequence(new Sequence(null, "s", 1, -1, Origin.NONE))).get(0)).contains("counts down");
    assertThat(messages(withSequence(new Sequence(null, "s", -1, -1, Origin.NONE)))).isEmpty();
    assertThat(messages(withSequence(new Sequence(null, "s", Long.MAX_VALUE, 1, Origin.NONE)))).isEmpty();
  }

  @Test
  void anEnumTypeNamedLikeATable_isAnError() {
    Table status = table("status", column("id", LogicalType.of(Kind.INT64)));
    Schema schema = new Schema(List.of(status), List.of(new EnumType("status", List.of("A"))), List.of());
    assertThat(messages(schema).get(0)).startsWith("enum type status has the name of table status");
    // enum types live in the default schema: a table of that name elsewhere has its row type elsewhere
    assertThat(messages(new Schema(List.of(inSchema("billing", status)), List.of(new EnumType("status",
        List.of("A"))), List.of()))).isEmpty();
  }

  private static Schema schemaOf(Table table) {
    return new Schema(List.of(table), List.of(), List.of());
  }

  private static Schema withSequence(Sequence sequence) {
    return new Schema(List.of(), List.of(), List.of(sequence), List.of());
  }
}
