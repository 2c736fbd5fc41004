package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityAttributeValueTest {
  private static final Table PRODUCTS = Models.table("products", Models.of("id", Kind.UUID), Models.text("name"));

  private static List<Finding> check(Table table) {
    return new EntityAttributeValue().check(Models.schema(PRODUCTS, table), Models.context());
  }

  /** A table keyed on a generated id, then the given columns. */
  private static Table keyed(String name, Column... columns) {
    Column[] all = new Column[columns.length + 1];
    all[0] = Models.of("id", Kind.INT64);
    System.arraycopy(columns, 0, all, 1, columns.length);
    return Models.table(name, all);
  }

  private static Column uuid(String name) {
    return Models.of(name, Kind.UUID);
  }

  private static Column bigint(String name) {
    return Models.of(name, Kind.INT64);
  }

  private static Column text(String name) {
    return Models.text(name);
  }

  private static Map<String, Table> eavTables() {
    return Map.ofEntries(
        Map.entry("entity, attribute, value", keyed("attribute_values", uuid("entity_id"), text("attribute"), text("value"))),
        Map.entry("attribute_name, attribute_value",
            keyed("entity_attributes", uuid("entity_id"), text("attribute_name"), text("attribute_value"))),
        Map.entry("wordpress postmeta", Models.table("postmeta", bigint("meta_id"), bigint("post_id"),
            Models.column("meta_key", LogicalType.string(255)), text("meta_value"))),
        Map.entry("user settings by key", keyed("user_settings", uuid("user_id"), text("key"), text("value"))),
        Map.entry("user settings by name", keyed("user_settings", uuid("user_id"), text("name"), text("value"))),
        Map.entry("object properties", keyed("object_properties", uuid("object_id"), text("property"), text("value"))),
        Map.entry("owner property_name", keyed("properties", uuid("owner_id"), text("property_name"), text("property_value"))),
        Map.entry("attr, val", keyed("attrs", uuid("entity_id"), text("attr"), text("val"))),
        Map.entry("form answers", keyed("form_answers", bigint("form_submission_id"), text("field"), text("value"))),
        Map.entry("field_name, field_value",
            keyed("submission_values", bigint("submission_id"), text("field_name"), text("field_value"))),
        Map.entry("attribute_key", keyed("customer_attributes", uuid("customer_id"), text("attribute_key"),
            text("attribute_value"))),
        Map.entry("job params", keyed("job_params", bigint("job_id"), text("param"), text("value"))),
        Map.entry("job parameters", keyed("job_parameters", bigint("job_id"), text("parameter_name"),
            text("parameter_value"))),
        Map.entry("setting_name", keyed("account_settings", bigint("account_id"), text("setting_name"),
            text("setting_value"))),
        Map.entry("setting_key", keyed("account_settings", bigint("account_id"), text("setting_key"),
            text("setting_value"))),
        Map.entry("product options", keyed("product_options", bigint("product_id"), text("option_name"),
            text("option_value"))),
        Map.entry("pref_key", keyed("user_prefs", uuid("user_id"), text("pref_key"), text("pref_value"))),
        Map.entry("preference_name", keyed("user_preferences", uuid("user_id"), text("preference_name"),
            text("preference_value"))),
        Map.entry("tenant config", keyed("tenant_config", uuid("tenant_id"), text("config_key"), text("config_value"))),
        Map.entry("custom fields", keyed("contact_custom_fields", uuid("contact_id"), text("custom_field"),
            text("custom_value"))),
        Map.entry("custom_field_name", keyed("ticket_fields", uuid("ticket_id"), text("custom_field_name"),
            text("value"))),
        Map.entry("characteristic", keyed("device_characteristics", uuid("device_id"), text("characteristic"),
            text("value"))),
        Map.entry("trait", keyed("product_traits", bigint("product_id"), text("trait"), text("value"))),
        Map.entry("magento attribute_id", Models.table("catalog_product_entity_varchar", bigint("value_id"),
            bigint("entity_id"), Models.of("attribute_id", Kind.INT32), Models.column("value", LogicalType.string(255)))),
        Map.entry("polymorphic entity", keyed("metadata_entries", uuid("entity_id"), text("entity_type"),
            text("attribute"), text("value"))),
        Map.entry("varchar value", keyed("item_props", uuid("item_id"), text("prop"),
            Models.column("value", LogicalType.string(1000)))),
        Map.entry("custom text value", keyed("node_attributes", uuid("node_id"), text("attribute"),
            Models.column("value", Models.raw("text")))),
        Map.entry("composite key", Models.builder("profile_fields", uuid("profile_id"), text("key"), text("value"))
            .primaryKey("profile_id", "key").build()),
        Map.entry("typed value columns", keyed("entity_values", uuid("entity_id"), text("key"), text("value_text"),
            bigint("value_int"))),
        Map.entry("text enum attribute", keyed("sensor_tags", uuid("sensor_id"),
            Models.column("attribute", LogicalType.enumOf(List.of("COLOR", "SIZE"))), text("value"))),
        Map.entry("string_value", keyed("profile_values", uuid("profile_id"), text("key"), text("string_value"))),
        Map.entry("entity by foreign key only", Models.builder("product_specs", bigint("id"), uuid("product"),
                text("attribute"), text("value"))
            .primaryKey("id").foreignKey(List.of("product"), "products", List.of("id"), ForeignKey.Action.CASCADE)
            .build()));
  }

  private static Map<String, Table> otherTables() {
    return Map.ofEntries(
        Map.entry("global settings: no entity", keyed("settings", text("key"), text("value"))),
        Map.entry("cache: no entity", Models.table("cache_entries", text("key"), text("value"),
            Models.of("expires_at", Kind.INSTANT))),
        Map.entry("translations: no entity", keyed("translations", text("locale"), text("key"), text("value"))),
        Map.entry("attribute definitions: no entity", keyed("attributes", text("attribute"), text("value"))),
        Map.entry("own key is no entity", Models.table("settings", bigint("setting_id"), text("key"), text("value"))),
        Map.entry("jsonb value", keyed("user_settings", uuid("user_id"), text("key"), Models.of("value", Kind.JSON))),
        Map.entry("json-marked value", keyed("user_settings", uuid("user_id"), text("key"),
            Models.withMarkers(Models.of("value", Kind.JSON), Column.Marker.JSON))),
        Map.entry("array value", keyed("user_settings", uuid("user_id"), text("key"),
            Models.column("value", LogicalType.of(Kind.STRING).asArray()))),
        Map.entry("enum value", keyed("feature_states", uuid("user_id"), text("name"),
            Models.column("value", LogicalType.enumOf(List.of("ON", "OFF"))))),
        Map.entry("numeric metric value", keyed("metrics", uuid("device_id"), text("name"),
            Models.of("value", Kind.FLOAT64))),
        Map.entry("metric value", keyed("readings", uuid("sensor_id"), text("metric"), Models.of("value", Kind.FLOAT64))),
        Map.entry("numeric value", keyed("product_specs", bigint("product_id"), text("attribute"),
            Models.column("value", LogicalType.decimal(12, 3)))),
        Map.entry("bytea value", keyed("blobs", bigint("product_id"), text("attribute"), Models.of("value", Kind.BINARY))),
        Map.entry("audit trail", keyed("audit_changes", uuid("entity_id"), text("field"), text("old_value"),
            text("new_value"))),
        Map.entry("field definitions", keyed("form_fields", bigint("form_id"), text("name"), text("default_value"))),
        Map.entry("filter ranges", keyed("filters", bigint("category_id"), text("attribute"), text("min_value"),
            text("max_value"))),
        Map.entry("form field specs", keyed("form_fields", bigint("form_id"), text("field_name"), text("field_type"),
            text("placeholder"))),
        Map.entry("no value", keyed("post_tags", uuid("post_id"), text("name"))),
        Map.entry("no attribute", keyed("scores", uuid("user_id"), text("value"))),
        Map.entry("value_cents", keyed("vouchers", uuid("user_id"), text("name"), bigint("value_cents"))),
        Map.entry("plural values", keyed("user_lists", uuid("user_id"), text("key"), text("values"))),
        Map.entry("plain entity", keyed("users", text("display_name"), text("email"))),
        Map.entry("products", keyed("items", Models.of("category_id", Kind.INT32), text("name"), text("description"))),
        Map.entry("api keys", keyed("api_keys", uuid("user_id"), text("api_key"), text("label"))),
        Map.entry("display_name is no attribute", keyed("loyalty_cards", uuid("owner_id"), text("display_name"),
            text("value"))),
        Map.entry("file_name is no attribute", keyed("documents", uuid("user_id"), text("file_name"), text("value"))),
        Map.entry("integer key", keyed("keymaps", uuid("user_id"), Models.of("key", Kind.INT32), text("value"))),
        Map.entry("answers", keyed("answers", bigint("question_id"), text("answer"), text("comment"))),
        Map.entry("variant_name", keyed("experiment_results", bigint("experiment_id"), text("variant_name"),
            text("outcome"))),
        Map.entry("whole words", keyed("keyboards", uuid("user_id"), text("keyboard"), text("valuation"))),
        Map.entry("monkey", keyed("zoo_animals", uuid("zoo_id"), text("monkey"), text("value_note"))),
        Map.entry("order lines", keyed("order_lines", bigint("order_id"), text("sku"), Models.of("quantity", Kind.INT32))));
  }

  @Test
  void eavShapedTables_fire() {
    eavTables().forEach((what, table) -> assertWithMessage(what).that(check(table)).hasSize(1));
    assertThat(eavTables()).hasSize(32);
  }

  @Test
  void otherTables_doNotFire() {
    otherTables().forEach((what, table) -> assertWithMessage(what).that(check(table)).isEmpty());
    assertThat(otherTables().size()).isAtLeast(30);
  }

  @Test
  void finding_isOnTheTable_namesItsColumns_andTheEntityRecord() {
    Table attributes = Models.builder("product_attributes", bigint("id"), uuid("product_id"), text("attribute"),
            text("value"))
        .primaryKey("id").foreignKey(List.of("product_id"), "products", List.of("id"), ForeignKey.Action.CASCADE)
        .build();
    Finding finding = check(attributes).get(0);
    assertThat(finding.ruleId()).isEqualTo("entity-attribute-value");
    assertThat(finding.table()).isEqualTo("product_attributes");
    assertThat(finding.column()).isNull();
    assertThat(finding.message()).startsWith("table product_attributes stores one row per (product_id, attribute, value)");
    assertThat(finding.message()).contains("reading one products row");
    assertThat(finding.fix()).contains("`@Json Map<String, Object> attributes` (jsonb, with a GIN index) on products");
  }
}
