package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingPrimaryKeyTest {
  @Test
  void tableWithoutKey_fires_onTheTable() {
    List<Finding> findings = new MissingPrimaryKey().check(schema(
        builder("page_views", of("path", Kind.STRING), of("viewed_at", Kind.INSTANT)).noPrimaryKey().build()),
        Models.context());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("page_views");
    assertThat(findings.get(0).column()).isNull();
    assertThat(findings.get(0).fix()).contains("@Id");
  }

  @Test
  void singleAndCompositeKeys_pass() {
    assertThat(new MissingPrimaryKey().check(schema(
        table("users", of("id", Kind.UUID)),
        builder("memberships", of("user_id", Kind.UUID), of("group_id", Kind.UUID)).primaryKey("user_id", "group_id").build()),
        Models.context())).isEmpty();
  }
}
