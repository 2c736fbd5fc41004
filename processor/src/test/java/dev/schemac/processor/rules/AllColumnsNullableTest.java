package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;
import static dev.schemac.processor.testing.Models.withMarkers;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllColumnsNullableTest {
  private static final AllColumnsNullable RULE = new AllColumnsNullable();

  private static List<Finding> check(Table table) {
    return RULE.check(schema(table), Models.context());
  }

  private static Column deletedAt() {
    return withMarkers(nullable(of("deleted_at", LogicalType.Kind.INSTANT)), Column.Marker.SOFT_DELETE);
  }

  @Test
  void everyNonKeyColumnNullable_firesOnTheTable() {
    List<Finding> findings = check(table("leads", of("id", LogicalType.Kind.UUID), nullable(text("full_name")),
        nullable(text("email")), nullable(of("contacted_at", LogicalType.Kind.INSTANT))));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.table()).isEqualTo("leads");
    assertThat(f.column()).isNull();
    assertThat(f.message()).contains("(full_name, email, contacted_at)");
    assertThat(f.fix()).contains("remove @Nullable");
  }

  @Test
  void oneNullableColumn_besidesTheKey_fires() {
    assertThat(check(table("notes", of("id", LogicalType.Kind.UUID), nullable(text("body"))))).hasSize(1);
  }

  @Test
  void oneNotNullColumn_isEnough() {
    assertThat(check(table("leads", of("id", LogicalType.Kind.UUID), nullable(text("full_name")), text("email")))).isEmpty();
  }

  @Test
  void onlyTheKey_doesNotFire() {
    assertThat(check(table("tags", of("id", LogicalType.Kind.UUID)))).isEmpty();
    assertThat(check(builder("post_tags", of("post_id", LogicalType.Kind.UUID), of("tag_id", LogicalType.Kind.UUID))
        .primaryKey("post_id", "tag_id").build())).isEmpty();
  }

  @Test
  void softDeleteColumn_doesNotCount() {
    Table onlyDeletedAt = builder("tags", of("id", LogicalType.Kind.UUID), deletedAt())
        .primaryKey("id").softDelete("deleted_at").build();
    assertThat(check(onlyDeletedAt)).isEmpty();

    Table withRequired = builder("users", of("id", LogicalType.Kind.UUID), text("email"), deletedAt())
        .primaryKey("id").softDelete("deleted_at").build();
    assertThat(check(withRequired)).isEmpty();

    Table allNullable = builder("drafts", of("id", LogicalType.Kind.UUID), nullable(text("title")), deletedAt())
        .primaryKey("id").softDelete("deleted_at").build();
    List<Finding> findings = check(allNullable);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("(title)");
  }

  @Test
  void compositeKey_columnsAreNotCounted() {
    Table t = builder("memberships", of("team_id", LogicalType.Kind.UUID), of("user_id", LogicalType.Kind.UUID),
        nullable(text("role_note"))).primaryKey("team_id", "user_id").build();
    assertThat(check(t)).hasSize(1);
    Table ok = builder("memberships", of("team_id", LogicalType.Kind.UUID), of("user_id", LogicalType.Kind.UUID),
        of("joined_at", LogicalType.Kind.INSTANT), nullable(text("role_note"))).primaryKey("team_id", "user_id").build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void tableWithoutPrimaryKey_looksAtEveryColumn() {
    assertThat(check(builder("page_views", nullable(text("path")), nullable(text("referrer"))).noPrimaryKey().build()))
        .hasSize(1);
    assertThat(check(builder("page_views", text("path"), nullable(text("referrer"))).noPrimaryKey().build())).isEmpty();
  }

  @Test
  void embeddedDocumentWithEveryFieldOptional_firesOnTheColumnThatHoldsIt() {
    LogicalType address = LogicalType.document(List.of(nullable(text("street")), nullable(text("zip"))));
    Table customers = table("customers", of("id", LogicalType.Kind.UUID), text("name"),
        Models.column("address", address));
    List<Finding> findings = check(customers);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("address");
    assertThat(findings.get(0).message()).contains("embedded document address of table customers is optional (street, zip)");

    // one required field is enough, as for a table
    LogicalType withZip = LogicalType.document(List.of(nullable(text("street")), text("zip")));
    assertThat(check(table("customers", of("id", LogicalType.Kind.UUID), text("name"),
        Models.column("address", withZip)))).isEmpty();
  }

  @Test
  void embeddedDocument_deeperOrInAList_isReportedWithItsPath() {
    LogicalType geo = LogicalType.document(List.of(nullable(of("lat", LogicalType.Kind.FLOAT64)),
        nullable(of("lon", LogicalType.Kind.FLOAT64))));
    LogicalType stop = LogicalType.document(List.of(text("city"), Models.column("geo", geo))).asArray();
    List<Finding> findings = check(table("routes", of("id", LogicalType.Kind.UUID), text("name"),
        Models.column("stops", stop)));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("stops");
    assertThat(findings.get(0).message()).contains("embedded document stops.geo ");
  }
}
