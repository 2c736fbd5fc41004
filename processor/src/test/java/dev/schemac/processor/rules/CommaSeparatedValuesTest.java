package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommaSeparatedValuesTest {
  private static List<Finding> check(Column column) {
    return new CommaSeparatedValues().check(
        Models.schema(Models.table("articles", Models.of("id", Kind.INT64), column)), Models.context());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "tags", "tag_ids", "user_ids", "role_ids", "related_product_ids", "category_ids", "member_ids", "ids",
      "tag_list", "email_list", "user_id_list", "ids_csv", "recipient_emails", "cc_emails", "bcc_emails",
      "recipients", "roles", "user_roles", "permissions", "granted_permissions", "scopes", "oauth_scopes",
      "labels", "keywords", "meta_keywords", "skills", "required_skills", "categories", "product_categories",
      "allowed_ips", "ip_allowlist", "allowed_domains", "phone_numbers", "postal_codes", "promo_codes",
      "allowed_values", "hashtags", "attachment_urls", "image_urls", "supported_languages", "available_sizes",
      "colors", "assignees", "participants", "topics", "country_codes", "groups", "genres", "skus",
      "email_addresses", "notification_channels"})
  void listNamesOnText_fire(String name) {
    assertWithMessage(name).that(check(Models.text(name))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tags", "user_ids", "recipient_emails", "roles", "permissions", "keywords"})
  void listNamesOnVarcharAndCustomText_fire(String name) {
    assertWithMessage(name).that(check(Models.column(name, LogicalType.string(1000)))).hasSize(1);
    assertWithMessage(name).that(check(Models.column(name, Models.raw("citext")))).hasSize(1);
    assertWithMessage(name).that(check(Models.column(name, Models.raw("varchar(2000)")))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // singular words that end in s
      "address", "ip_address", "billing_address", "status", "order_status", "class", "css_class", "news",
      "alias", "analysis", "access", "business", "process", "progress", "bonus", "basis", "thesis", "series",
      "species", "atlas", "campus", "canvas", "lens", "express",
      // free text or JSON that is plural
      "notes", "comments", "details", "instructions", "settings", "preferences", "options", "features",
      "ingredients", "requirements", "terms", "conditions", "metadata", "description", "bio", "body", "summary",
      // the singular of list words
      "tag", "primary_tag", "role", "email", "label", "keyword", "category", "scope", "code", "country_code",
      "name", "user_id", "skill", "permission_level",
      // a list word that is not the last word, or one that names a single thing
      "mailing_list", "price_list", "waiting_list", "list_name", "email_list_name", "tags_version",
      "roles_updated_by", "ids_hash", "csv_header",
      // whole words only
      "kids", "bids", "squids", "playlist", "checklist", "stags", "hosting", "shipping", "pinned", "spinner",
      "spin_count", "token_count"})
  void otherNamesOnText_doNotFire(String name) {
    assertWithMessage(name).that(check(Models.text(name))).isEmpty();
  }

  @Test
  void listNamesOnOtherTypes_doNotFire() {
    List<Column> columns = List.of(
        Models.column("tags", LogicalType.of(Kind.STRING).asArray()),
        Models.column("tag_ids", LogicalType.of(Kind.UUID).asArray()),
        Models.column("user_ids", LogicalType.of(Kind.INT64).asArray()),
        Models.column("labels", Models.raw("text[]")),
        Models.column("roles", Models.raw("varchar(20)[]")),
        Models.column("keywords", Models.raw("tsvector")),
        Models.withMarkers(Models.of("categories", Kind.JSON), Column.Marker.JSON),
        Models.of("user_ids", Kind.JSON),
        Models.of("permissions", Kind.INT64),
        Models.of("roles", Kind.INT16),
        Models.of("tag_count", Kind.INT32),
        Models.of("recipients", Kind.BINARY),
        Models.withMarkers(Models.of("backup_codes", Kind.BINARY), Column.Marker.ENCRYPTED),
        Models.withMarkers(Models.text("recovery_codes"), Column.Marker.HASHED),
        Models.column("roles", LogicalType.enumOf(List.of("ADMIN", "MEMBER"))),
        Models.column("permissions", LogicalType.namedEnum("permission", List.of("READ", "WRITE"))));
    for (Column column : columns) {
      assertWithMessage(column.name() + " " + column.type()).that(check(column)).isEmpty();
    }
  }

  @Test
  void finding_namesTableAndColumn_andSuggestsAnArray() {
    Finding finding = check(Models.text("tags")).get(0);
    assertThat(finding.ruleId()).isEqualTo("comma-separated-values");
    assertThat(finding.table()).isEqualTo("articles");
    assertThat(finding.column()).isEqualTo("tags");
    assertThat(finding.message()).contains("articles.tags");
    assertThat(finding.fix()).contains("`List<String> tags` (text[]");
    assertThat(finding.fix()).contains("junction table");
  }

  @Test
  void keyList_suggestsAJunctionTableFirst() {
    Column column = new Column("tag_ids", "tagIds", "java.lang.String", LogicalType.of(Kind.STRING), false, null,
        Column.Identity.NONE, List.of(), null, null, List.of(), dev.schemac.processor.model.Origin.NONE);
    Finding finding = check(column).get(0);
    assertThat(finding.fix()).startsWith("these are keys of another table: a junction table with two foreign keys");
    assertThat(finding.fix()).contains("`List<UUID> tagIds` (uuid[])");
  }
}
