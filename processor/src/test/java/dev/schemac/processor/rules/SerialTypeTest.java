package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialTypeTest {
  private static final SerialType RULE = new SerialType();

  @Test
  void serialTypes_fireOnTheKey() {
    for (String type : List.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2", "BIGSERIAL")) {
      List<Finding> findings = RULE.check(schema(table("audit_entries", column("id", SqlType.custom(type)))),
          RuleSettings.defaults());
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("id");
      assertThat(findings.get(0).message()).contains("audit_entries.id");
      assertThat(findings.get(0).fix()).isEqualTo("@Id(generated = Id.Generated.IDENTITY) long id");
    }
  }

  @Test
  void serialOutsideTheKey_firesToo() {
    List<Finding> findings = RULE.check(schema(table("tickets", of("id", SqlType.Kind.UUID),
        column("ticket_number", SqlType.custom("serial")))), RuleSettings.defaults());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("ticket_number");
  }

  @Test
  void identityAndIntegerTypes_doNotFire() {
    Column identity = new Column("id", "id", "long", SqlType.of(SqlType.Kind.BIGINT), false, null,
        Column.Identity.BY_DEFAULT, List.of(), null, null, List.of(), Origin.NONE);
    assertThat(RULE.check(schema(table("audit_entries", identity)), RuleSettings.defaults())).isEmpty();
    for (String type : List.of("bigint", "integer", "int8", "serialized", "serial_number")) {
      assertThat(RULE.check(schema(table("audit_entries", column("id", SqlType.custom(type)))),
          RuleSettings.defaults())).isEmpty();
    }
    assertThat(RULE.check(schema(table("devices", of("id", SqlType.Kind.UUID), of("serial", SqlType.Kind.TEXT))),
        RuleSettings.defaults())).isEmpty();
  }
}
