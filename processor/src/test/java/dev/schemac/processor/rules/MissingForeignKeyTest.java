package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MissingForeignKeyTest {
  /** Parent tables keyed on id, as Naming would name them. */
  private static final List<Table> PARENTS = List.of(
      parent("users", Kind.UUID), parent("customers", Kind.UUID), parent("orders", Kind.INT64),
      parent("order_items", Kind.INT64), parent("categories", Kind.INT32), parent("comments", Kind.INT64),
      parent("people", Kind.INT64), parent("addresses", Kind.INT64), parent("statuses", Kind.INT16),
      parent("boxes", Kind.INT64), parent("batches", Kind.INT64), parent("analyses", Kind.INT64),
      parent("tenants", Kind.UUID), parent("sessions", Kind.UUID), parent("products", Kind.INT64),
      parent("invoices", Kind.UUID), parent("warehouses", Kind.INT32), parent("accounts", Kind.INT64),
      parent("children", Kind.INT64), parent("media", Kind.UUID), parent("audit", Kind.INT64),
      Models.table("countries", Models.column("id", LogicalType.string(2))),
      Models.table("currencies", Models.column("code", Models.raw("char(3)"))),
      Models.builder("shipments", Models.of("order_id", Kind.INT64), Models.of("line", Kind.INT32))
          .primaryKey("order_id", "line")
          .foreignKey(List.of("order_id"), "orders", List.of("id"), ForeignKey.Action.CASCADE).build(),
      Models.builder("devices", Models.of("id", Kind.INT64)).noPrimaryKey().build());

  private static Table parent(String name, Kind keyKind) {
    return Models.table(name, Models.of("id", keyKind));
  }

  private static List<Finding> check(Table... tables) {
    List<Table> all = new ArrayList<>(PARENTS);
    all.addAll(List.of(tables));
    return new MissingForeignKey().check(new Schema(all, List.of(), List.of()), Models.context());
  }

  private static List<Finding> checkColumn(String name, Kind kind) {
    return check(Models.table("things", Models.of("id", Kind.INT64), Models.of(name, kind)));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "user_id, UUID, users", "customer_id, UUID, customers", "billing_customer_id, UUID, customers",
      "author_user_id, UUID, users", "manager_user_id, UUID, users", "order_id, INT64, orders",
      "order_id, INT32, orders", "previous_order_id, INT64, orders", "order_item_id, INT64, order_items",
      "category_id, INT32, categories", "parent_category_id, INT32, categories",
      "comment_id, INT64, comments", "parent_comment_id, INT64, comments", "person_id, INT64, people",
      "contact_person_id, INT64, people", "address_id, INT64, addresses",
      "shipping_address_id, INT64, addresses", "billing_address_id, INT64, addresses",
      "status_id, INT16, statuses", "box_id, INT64, boxes", "batch_id, INT64, batches",
      "analysis_id, INT64, analyses", "tenant_id, UUID, tenants", "session_id, UUID, sessions",
      "product_id, INT64, products", "invoice_id, UUID, invoices", "warehouse_id, INT32, warehouses",
      "source_warehouse_id, INT32, warehouses", "destination_warehouse_id, INT32, warehouses",
      "account_id, INT64, accounts", "from_account_id, INT64, accounts", "to_account_id, INT64, accounts",
      "child_id, INT64, children", "medium_id, UUID, media", "audit_id, INT64, audit",
      "country_id, STRING, countries"})
  void referenceNamedColumnWithoutForeignKey_fires(String name, Kind kind, String target) {
    List<Finding> findings = checkColumn(name, kind);
    assertWithMessage(name).that(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("a reference to " + target + ".");
  }

  @Test
  void compositeKeyColumns_withoutForeignKeys_fireEach() {
    Table orderProducts = Models.builder("order_products", Models.of("order_id", Kind.INT64),
        Models.of("product_id", Kind.INT64)).primaryKey("order_id", "product_id").build();
    assertThat(check(orderProducts).stream().map(Finding::column).toList())
        .containsExactly("order_id", "product_id");
  }

  @Test
  void selfReference_fires() {
    Table comments = Models.table("threads", Models.of("id", Kind.INT64), Models.of("parent_thread_id", Kind.INT64));
    assertThat(check(comments)).hasSize(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      // no such table
      "request_id, UUID", "trace_id, UUID", "correlation_id, UUID", "transaction_id, INT64",
      "tracking_id, INT64", "external_id, UUID", "parent_id, INT64", "device_token_id, INT64",
      // another system's id, by its words
      "external_order_id, INT64", "remote_order_id, INT64", "legacy_customer_id, UUID",
      "google_user_id, UUID", "provider_user_id, UUID", "vendor_product_id, INT64",
      "partner_order_id, INT64", "stripe_customer_id, UUID", "salesforce_account_id, INT64",
      // another system's id, by its type
      "stripe_customer_id, STRING", "customer_id, INT64", "order_id, UUID", "order_id, STRING",
      "user_id, INT64", "country_id, INT32", "currency_id, INT32",
      // the target has a composite key, or none
      "shipment_id, INT64", "device_id, INT64",
      // not <x>_id
      "id, INT64", "userid, UUID", "user_identifier, UUID", "user_idx, UUID", "order_id_hash, INT64",
      "orders_count, INT64", "user_ids, UUID",
      // whole words only
      "superuser_id, UUID", "android_id, INT64", "valid_id, INT64", "grid_id, INT64", "pinned_id, INT64",
      "spinner_id, INT64"})
  void otherColumns_doNotFire(String name, Kind kind) {
    assertWithMessage(name + " " + kind).that(checkColumn(name, kind)).isEmpty();
  }

  @Test
  void columnsWithAForeignKey_doNotFire() {
    Table single = Models.builder("posts", Models.of("id", Kind.UUID), Models.of("author_user_id", Kind.UUID))
        .primaryKey("id").foreignKey(List.of("author_user_id"), "users", List.of("id"), ForeignKey.Action.CASCADE)
        .build();
    Table composite = Models.builder("shipment_lines", Models.of("id", Kind.INT64), Models.of("order_id", Kind.INT64),
            Models.of("line", Kind.INT32))
        .primaryKey("id")
        .foreignKey(List.of("order_id", "line"), "shipments", List.of("order_id", "line"), ForeignKey.Action.CASCADE)
        .build();
    assertThat(check(single, composite)).isEmpty();
  }

  @Test
  void ownSingleColumnKey_doesNotFire() {
    Table profile = Models.table("user_profiles", Models.of("user_id", Kind.UUID), Models.text("bio"));
    assertThat(check(profile)).isEmpty();
  }

  @Test
  void arrayOfIds_doesNotFire() {
    Table t = Models.table("things", Models.of("id", Kind.INT64), Models.column("user_id", LogicalType.of(Kind.UUID).asArray()));
    assertThat(check(t)).isEmpty();
  }

  @Test
  void fix_namesTheRecordAndAsksForAnIndexOnlyWhenThereIsNone() {
    Column customerId = new Column("customer_id", "customerId", "java.util.UUID", LogicalType.of(Kind.UUID), false, null,
        Column.Identity.NONE, List.of(), null, null, List.of(), Origin.NONE);
    Table unindexed = Models.table("invoices_2", Models.of("id", Kind.UUID), customerId);
    Finding finding = check(unindexed).get(0);
    assertThat(finding.ruleId()).isEqualTo("missing-foreign-key");
    assertThat(finding.table()).isEqualTo("invoices_2");
    assertThat(finding.column()).isEqualTo("customer_id");
    assertThat(finding.message()).startsWith("invoices_2.customer_id is named like a reference to customers.id");
    assertThat(finding.fix()).startsWith("add `@References(customers.class)` to customerId (and @Indexed)");

    Table indexed = Models.builder("invoices_3", Models.of("id", Kind.UUID), customerId).primaryKey("id")
        .index("customer_id").build();
    assertThat(check(indexed).get(0).fix()).startsWith("add `@References(customers.class)` to customerId;");
  }

  @Test
  void tableNames_coverTheUsualPlurals() {
    assertThat(MissingForeignKey.tableNames("category")).contains("categories");
    assertThat(MissingForeignKey.tableNames("order_item")).contains("order_items");
    assertThat(MissingForeignKey.tableNames("status")).contains("statuses");
    assertThat(MissingForeignKey.tableNames("address")).contains("addresses");
    assertThat(MissingForeignKey.tableNames("box")).contains("boxes");
    assertThat(MissingForeignKey.tableNames("batch")).contains("batches");
    assertThat(MissingForeignKey.tableNames("analysis")).contains("analyses");
    assertThat(MissingForeignKey.tableNames("person")).contains("people");
    assertThat(MissingForeignKey.tableNames("day")).contains("days");
    assertThat(MissingForeignKey.tableNames("audit")).contains("audit");
  }

  @Test
  void inANamedSchema_aTableOfTheSameSchemaComesFirst_thenOneOfTheDefaultSchema() {
    Table billingCustomers = Models.inSchema("billing", Models.table("customers", Models.of("id", Kind.INT64)));
    Table invoices = Models.inSchema("billing", Models.table("bills", Models.of("id", Kind.INT64),
        Models.of("customer_id", Kind.INT64), Models.of("user_id", Kind.UUID)));

    List<Finding> findings = check(billingCustomers, invoices);

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).table()).isEqualTo("billing.bills");
    assertThat(findings.get(0).column()).isEqualTo("customer_id"); // billing.customers (bigint), not customers (uuid)
    assertThat(findings.get(1).column()).isEqualTo("user_id"); // users, of the default schema
  }
}
