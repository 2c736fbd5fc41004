package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.SqlType.Kind;
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
      parent("users", Kind.UUID), parent("customers", Kind.UUID), parent("orders", Kind.BIGINT),
      parent("order_items", Kind.BIGINT), parent("categories", Kind.INTEGER), parent("comments", Kind.BIGINT),
      parent("people", Kind.BIGINT), parent("addresses", Kind.BIGINT), parent("statuses", Kind.SMALLINT),
      parent("boxes", Kind.BIGINT), parent("batches", Kind.BIGINT), parent("analyses", Kind.BIGINT),
      parent("tenants", Kind.UUID), parent("sessions", Kind.UUID), parent("products", Kind.BIGINT),
      parent("invoices", Kind.UUID), parent("warehouses", Kind.INTEGER), parent("accounts", Kind.BIGINT),
      parent("children", Kind.BIGINT), parent("media", Kind.UUID), parent("audit", Kind.BIGINT),
      Models.table("countries", Models.column("id", SqlType.varchar(2))),
      Models.table("currencies", Models.column("code", SqlType.custom("char(3)"))),
      Models.builder("shipments", Models.of("order_id", Kind.BIGINT), Models.of("line", Kind.INTEGER))
          .primaryKey("order_id", "line")
          .foreignKey(List.of("order_id"), "orders", List.of("id"), ForeignKey.Action.CASCADE).build(),
      Models.builder("devices", Models.of("id", Kind.BIGINT)).noPrimaryKey().build());

  private static Table parent(String name, Kind keyKind) {
    return Models.table(name, Models.of("id", keyKind));
  }

  private static List<Finding> check(Table... tables) {
    List<Table> all = new ArrayList<>(PARENTS);
    all.addAll(List.of(tables));
    return new MissingForeignKey().check(new Schema(all, List.of(), List.of()), RuleSettings.defaults());
  }

  private static List<Finding> checkColumn(String name, Kind kind) {
    return check(Models.table("things", Models.of("id", Kind.BIGINT), Models.of(name, kind)));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "user_id, UUID, users", "customer_id, UUID, customers", "billing_customer_id, UUID, customers",
      "author_user_id, UUID, users", "manager_user_id, UUID, users", "order_id, BIGINT, orders",
      "order_id, INTEGER, orders", "previous_order_id, BIGINT, orders", "order_item_id, BIGINT, order_items",
      "category_id, INTEGER, categories", "parent_category_id, INTEGER, categories",
      "comment_id, BIGINT, comments", "parent_comment_id, BIGINT, comments", "person_id, BIGINT, people",
      "contact_person_id, BIGINT, people", "address_id, BIGINT, addresses",
      "shipping_address_id, BIGINT, addresses", "billing_address_id, BIGINT, addresses",
      "status_id, SMALLINT, statuses", "box_id, BIGINT, boxes", "batch_id, BIGINT, batches",
      "analysis_id, BIGINT, analyses", "tenant_id, UUID, tenants", "session_id, UUID, sessions",
      "product_id, BIGINT, products", "invoice_id, UUID, invoices", "warehouse_id, INTEGER, warehouses",
      "source_warehouse_id, INTEGER, warehouses", "destination_warehouse_id, INTEGER, warehouses",
      "account_id, BIGINT, accounts", "from_account_id, BIGINT, accounts", "to_account_id, BIGINT, accounts",
      "child_id, BIGINT, children", "medium_id, UUID, media", "audit_id, BIGINT, audit",
      "country_id, TEXT, countries"})
  void referenceNamedColumnWithoutForeignKey_fires(String name, Kind kind, String target) {
    List<Finding> findings = checkColumn(name, kind);
    assertWithMessage(name).that(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("a reference to " + target + ".");
  }

  @Test
  void compositeKeyColumns_withoutForeignKeys_fireEach() {
    Table orderProducts = Models.builder("order_products", Models.of("order_id", Kind.BIGINT),
        Models.of("product_id", Kind.BIGINT)).primaryKey("order_id", "product_id").build();
    assertThat(check(orderProducts).stream().map(Finding::column).toList())
        .containsExactly("order_id", "product_id");
  }

  @Test
  void selfReference_fires() {
    Table comments = Models.table("threads", Models.of("id", Kind.BIGINT), Models.of("parent_thread_id", Kind.BIGINT));
    assertThat(check(comments)).hasSize(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      // no such table
      "request_id, UUID", "trace_id, UUID", "correlation_id, UUID", "transaction_id, BIGINT",
      "tracking_id, BIGINT", "external_id, UUID", "parent_id, BIGINT", "device_token_id, BIGINT",
      // another system's id, by its words
      "external_order_id, BIGINT", "remote_order_id, BIGINT", "legacy_customer_id, UUID",
      "google_user_id, UUID", "provider_user_id, UUID", "vendor_product_id, BIGINT",
      "partner_order_id, BIGINT", "stripe_customer_id, UUID", "salesforce_account_id, BIGINT",
      // another system's id, by its type
      "stripe_customer_id, TEXT", "customer_id, BIGINT", "order_id, UUID", "order_id, TEXT",
      "user_id, BIGINT", "country_id, INTEGER", "currency_id, INTEGER",
      // the target has a composite key, or none
      "shipment_id, BIGINT", "device_id, BIGINT",
      // not <x>_id
      "id, BIGINT", "userid, UUID", "user_identifier, UUID", "user_idx, UUID", "order_id_hash, BIGINT",
      "orders_count, BIGINT", "user_ids, UUID",
      // whole words only
      "superuser_id, UUID", "android_id, BIGINT", "valid_id, BIGINT", "grid_id, BIGINT", "pinned_id, BIGINT",
      "spinner_id, BIGINT"})
  void otherColumns_doNotFire(String name, Kind kind) {
    assertWithMessage(name + " " + kind).that(checkColumn(name, kind)).isEmpty();
  }

  @Test
  void columnsWithAForeignKey_doNotFire() {
    Table single = Models.builder("posts", Models.of("id", Kind.UUID), Models.of("author_user_id", Kind.UUID))
        .primaryKey("id").foreignKey(List.of("author_user_id"), "users", List.of("id"), ForeignKey.Action.CASCADE)
        .build();
    Table composite = Models.builder("shipment_lines", Models.of("id", Kind.BIGINT), Models.of("order_id", Kind.BIGINT),
            Models.of("line", Kind.INTEGER))
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
    Table t = Models.table("things", Models.of("id", Kind.BIGINT), Models.column("user_id", SqlType.of(Kind.UUID).asArray()));
    assertThat(check(t)).isEmpty();
  }

  @Test
  void fix_namesTheRecordAndAsksForAnIndexOnlyWhenThereIsNone() {
    Column customerId = new Column("customer_id", "customerId", "java.util.UUID", SqlType.of(Kind.UUID), false, null,
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
    Table billingCustomers = Models.inSchema("billing", Models.table("customers", Models.of("id", Kind.BIGINT)));
    Table invoices = Models.inSchema("billing", Models.table("bills", Models.of("id", Kind.BIGINT),
        Models.of("customer_id", Kind.BIGINT), Models.of("user_id", Kind.UUID)));

    List<Finding> findings = check(billingCustomers, invoices);

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).table()).isEqualTo("billing.bills");
    assertThat(findings.get(0).column()).isEqualTo("customer_id"); // billing.customers (bigint), not customers (uuid)
    assertThat(findings.get(1).column()).isEqualTo("user_id"); // users, of the default schema
  }
}
