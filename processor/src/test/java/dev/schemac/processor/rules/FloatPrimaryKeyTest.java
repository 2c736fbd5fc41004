package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloatPrimaryKeyTest {
  private static final FloatPrimaryKey RULE = new FloatPrimaryKey();

  private static List<Finding> check(Table table) {
    return RULE.check(schema(table), Models.context());
  }

  @Test
  void floatingPointKinds_fire() {
    for (LogicalType.Kind kind : List.of(LogicalType.Kind.FLOAT32, LogicalType.Kind.FLOAT64)) {
      List<Finding> findings = check(table("sensors", of("id", kind), text("label")));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("id");
      assertThat(findings.get(0).message()).contains("sensors");
      assertThat(findings.get(0).fix()).contains("@Id long id");
    }
  }

  @Test
  void floatingPointCustomTypes_fire() {
    for (String type : List.of("real", "float4", "float8", "double precision", "DOUBLE PRECISION", "float",
        "float(24)", "float(53)")) {
      assertThat(check(table("sensors", column("id", Models.raw(type)), text("label")))).hasSize(1);
    }
  }

  @Test
  void floatInACompositeKey_firesOnThatColumn() {
    Table t = builder("readings", of("sensor_id", LogicalType.Kind.UUID), of("reading", LogicalType.Kind.FLOAT64))
        .primaryKey("sensor_id", "reading").build();
    List<Finding> findings = check(t);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("reading");
  }

  @Test
  void exactKeys_andFloatsOutsideTheKey_doNotFire() {
    for (LogicalType.Kind kind : List.of(LogicalType.Kind.INT64, LogicalType.Kind.INT32, LogicalType.Kind.UUID, LogicalType.Kind.STRING)) {
      assertThat(check(table("sensors", of("id", kind), of("temperature", LogicalType.Kind.FLOAT64)))).isEmpty();
    }
    assertThat(check(table("rates", column("id", LogicalType.decimal(12, 6))))).isEmpty();
    for (String type : List.of("numeric(10,2)", "decimal", "bigint", "floatish", "double_id")) {
      assertThat(check(table("sensors", column("id", Models.raw(type))))).isEmpty();
    }
    assertThat(check(builder("samples", of("value", LogicalType.Kind.FLOAT64)).noPrimaryKey().build())).isEmpty();
  }
}
