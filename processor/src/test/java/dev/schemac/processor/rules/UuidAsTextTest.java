package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** uuid-as-text on the model: whole words uuid/guid, scalar text only. */
class UuidAsTextTest {
  private static final UuidAsText RULE = new UuidAsText();

  private static List<Finding> check(Column column) {
    return RULE.check(Models.schema(Models.table("events", Models.of("id", Kind.INT64), column)),
        Models.context());
  }

  private static boolean fires(Column column) {
    return !check(column).isEmpty();
  }

  @Test
  void uuidAsText_uuidNamesOnText_fire() {
    List<String> silent = Stream.of(
            "uuid", "guid", "order_uuid", "user_uuid", "external_uuid", "device_uuid", "session_uuid", "uuid_v7",
            "request_guid", "tenant_guid", "correlation_uuid", "trace_uuid", "parent_uuid", "customer_guid",
            "object_guid", "legacy_uuid", "message_uuid", "account_uuid", "event_uuid", "uuid_str", "source_uuid",
            "target_uuid", "batch_uuid", "job_uuid", "file_uuid", "upload_uuid", "device_guid", "install_uuid",
            "anonymous_uuid", "import_uuid", "sync_uuid", "uuid_hex", "namespace_uuid")
        .filter(n -> !fires(Models.text(n))).toList();
    assertThat(silent).isEmpty();
  }

  @Test
  void uuidAsText_otherNamesOnText_doNotFire() {
    List<String> firing = Stream.of(
            "uuid_format", "uuid_version", "uuids", "guids", "short_uuid", "uuid_prefix", "uuid_hash",
            "uuid_column_name", "id", "user_id", "external_id", "correlation_id", "request_id", "fluid", "squid",
            "guide", "guideline", "user_guide", "druid", "guild", "guild_name", "liquid", "uuidgen", "quid",
            "fluid_ounces", "guidance_notes", "uuid_base62", "tracking_number", "slug", "sku", "email", "token")
        .filter(n -> fires(Models.text(n))).toList();
    assertThat(firing).isEmpty();
  }

  @Test
  void uuidAsText_varcharAndCharTypes_fire() {
    assertThat(fires(Models.column("order_uuid", LogicalType.string(36)))).isTrue();
    assertThat(fires(Models.column("order_uuid", Models.raw("char(36)")))).isTrue();
    assertThat(check(Models.column("guid", Models.raw("char(36)"))).get(0).fix())
        .contains("remove @Column(type = \"char(36)\")");
  }

  @Test
  void uuidAsText_otherTypes_doNotFire() {
    assertThat(fires(Models.of("order_uuid", Kind.UUID))).isFalse();
    assertThat(fires(Models.of("uuid", Kind.BINARY))).isFalse();
    assertThat(fires(Models.of("uuid", Kind.INT64))).isFalse();
    assertThat(fires(Models.column("uuid", LogicalType.of(Kind.STRING).asArray()))).isFalse();
    assertThat(fires(Models.column("uuid_kind", LogicalType.enumOf(List.of("V4", "V7"))))).isFalse();
    assertThat(fires(Models.column("device_uuid", Models.raw("inet")))).isFalse();
  }

  @Test
  void uuidAsText_textForeignKeyToUuidKey_isLeftToTypeMismatch() {
    var parent = Models.table("orders", Models.of("id", Kind.UUID));
    var child = Models.builder("refunds", Models.of("id", Kind.INT64), Models.text("order_uuid"))
        .primaryKey("id")
        .foreignKey(List.of("order_uuid"), "orders", List.of("id"), ForeignKey.Action.NO_ACTION)
        .index("order_uuid")
        .build();
    assertThat(RULE.check(Models.schema(parent, child), Models.context())).isEmpty();

    var textParent = Models.table("orders", Models.text("uuid"));
    var textChild = Models.builder("refunds", Models.of("id", Kind.INT64), Models.text("order_uuid"))
        .primaryKey("id")
        .foreignKey(List.of("order_uuid"), "orders", List.of("uuid"), ForeignKey.Action.NO_ACTION)
        .build();
    assertThat(RULE.check(Models.schema(textParent, textChild), Models.context())).hasSize(2);
  }

  @Test
  void uuidAsText_message_namesTableColumnAndFix() {
    Finding f = check(Models.text("order_uuid")).get(0);
    assertThat(f.ruleId()).isEqualTo("uuid-as-text");
    assertThat(f.column()).isEqualTo("order_uuid");
    assertThat(f.message()).contains("events.order_uuid");
    assertThat(f.fix()).contains("`UUID order_uuid`");
  }
}
