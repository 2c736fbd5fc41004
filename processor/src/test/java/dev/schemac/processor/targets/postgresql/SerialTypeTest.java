package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.rules.Finding;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialTypeTest {
  private static final SerialType RULE = new SerialType();

  @Test
  void serialTypes_fireOnTheKey() {
    for (String type : List.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2", "BIGSERIAL")) {
      List<Finding> findings = RULE.check(schema(table("audit_entries", column("id", Models.raw(type)))),
          Models.context());
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("id");
      assertThat(findings.get(0).message()).contains("audit_entries.id");
      assertThat(findings.get(0).fix()).isEqualTo("@Id(generated = Id.Generated.IDENTITY) long id");
    }
  }

  @Test
  void serialOutsideTheKey_firesToo() {
    List<Finding> findings = RULE.check(schema(table("tickets", of("id", LogicalType.Kind.UUID),
        column("ticket_number", Models.raw("serial")))), Models.context());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("ticket_number");
  }

  @Test
  void identityAndIntegerTypes_doNotFire() {
    Column identity = new Column("id", "id", "long", LogicalType.of(LogicalType.Kind.INT64), false, null,
        Column.Identity.BY_DEFAULT, List.of(), null, null, List.of(), Origin.NONE);
    assertThat(RULE.check(schema(table("audit_entries", identity)), Models.context())).isEmpty();
    for (String type : List.of("bigint", "integer", "int8", "serialized", "serial_number")) {
      assertThat(RULE.check(schema(table("audit_entries", column("id", Models.raw(type)))),
          Models.context())).isEmpty();
    }
    assertThat(RULE.check(schema(table("devices", of("id", LogicalType.Kind.UUID), of("serial", LogicalType.Kind.STRING))),
        Models.context())).isEmpty();
  }
}
