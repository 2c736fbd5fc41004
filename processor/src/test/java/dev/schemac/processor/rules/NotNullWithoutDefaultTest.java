package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Migrations.identity;
import static dev.schemac.processor.testing.Migrations.withDefault;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotNullWithoutDefaultTest {
  private static final NotNullWithoutDefault RULE = new NotNullWithoutDefault();
  private static final Schema BEFORE = schema(table("customers", of("id", Kind.INT64), text("name")));

  private static List<Finding> adding(Column column) {
    return RULE.check(context(BEFORE, schema(table("customers", of("id", Kind.INT64), text("name"), column))));
  }

  @Test
  void notNullWithoutDefault_onAnExistingTable_fires() {
    List<Finding> findings = adding(text("country"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("country");
    assertThat(findings.get(0).message()).startsWith("column customers.country is added NOT NULL without a default");
  }

  @Test
  void nullable_default_identity_orANewTable_doNotFire() {
    assertThat(adding(nullable(text("country")))).isEmpty();
    assertThat(adding(withDefault(text("country"), "'NL'"))).isEmpty();
    assertThat(adding(identity(of("number", Kind.INT64)))).isEmpty();
    assertThat(RULE.check(context(BEFORE, schema(table("customers", of("id", Kind.INT64), text("name")),
        table("orders", of("id", Kind.INT64), text("note")))))).isEmpty();
  }
}
