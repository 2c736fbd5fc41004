package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Migrations.renamedFrom;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleRenamedFromTest {
  private static final StaleRenamedFrom RULE = new StaleRenamedFrom();

  private static List<String> messages(Schema before, Schema after) {
    return RULE.check(context(before, after)).stream().map(Finding::message).toList();
  }

  @Test
  void column_alreadyThere_orNeverThere_fires() {
    Schema before = schema(table("items", of("id", Kind.INT64), text("label")));
    assertThat(messages(before, schema(table("items", of("id", Kind.INT64), renamedFrom(text("label"), "name")))))
        .containsExactly("@RenamedFrom(\"name\") on column items.label is stale: the previous version already has"
            + " label, so there is nothing to rename.");
    assertThat(messages(before, schema(table("items", of("id", Kind.INT64), text("label"),
        renamedFrom(text("title"), "nickname"))))).containsExactly("@RenamedFrom(\"nickname\") on column items.title is"
        + " stale: the previous version of items has no column 'nickname', so it does nothing.");
  }

  @Test
  void aRealRename_doesNotFire() {
    Schema before = schema(table("items", of("id", Kind.INT64), text("label")));
    assertThat(messages(before, schema(table("items", of("id", Kind.INT64), renamedFrom(text("title"), "label")))))
        .isEmpty();
    assertThat(messages(before, schema(renamedFrom(table("products", of("id", Kind.INT64), text("label")), "items"))))
        .isEmpty();
  }

  @Test
  void table_alreadyThere_orNeverThere_fires() {
    Schema before = schema(table("tags", of("id", Kind.INT64)));
    assertThat(messages(before, schema(renamedFrom(table("tags", of("id", Kind.INT64)), "labels"))))
        .containsExactly("@RenamedFrom(\"labels\") on table tags is stale: the previous version already has tags, so"
            + " there is nothing to rename.");
    assertThat(messages(before, schema(table("tags", of("id", Kind.INT64)),
        renamedFrom(table("topics", of("id", Kind.INT64)), "subjects")))).containsExactly("@RenamedFrom(\"subjects\")"
        + " on table topics is stale: the previous version has no table 'subjects' to rename, so it does nothing.");
  }
}
