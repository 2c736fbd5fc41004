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
import dev.schemac.processor.model.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedCharTypeTest {
  private static final FixedCharType RULE = new FixedCharType();

  private static List<Finding> check(Column column) {
    return RULE.check(schema(table("warehouses", of("id", LogicalType.Kind.UUID), column)), Models.context());
  }

  @Test
  void blankPaddedTypes_fire() {
    for (String type : List.of("char", "char(2)", "char (2)", "CHAR(3)", "character", "character(10)",
        "character (10)", "bpchar", "bpchar(4)", "char(2)[]", "nchar(5)", "national character(5)")) {
      List<Finding> findings = check(column("country_code", Models.raw(type)));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("country_code");
      assertThat(findings.get(0).message()).contains("warehouses.country_code");
    }
  }

  @Test
  void fix_keepsTheLength() {
    Finding f = check(column("country_code", Models.raw("char(2)"))).get(0);
    assertThat(f.fix()).contains("@Column(length = 2) String country_code");
    assertThat(f.fix()).contains("char_length(country_code) = 2");
  }

  @Test
  void varyingAndOtherTypes_doNotFire() {
    for (String type : List.of("character varying", "character varying(20)", "varchar(2)", "varchar", "text",
        "citext", "char_code", "charset", "bytea", "national character varying(5)")) {
      assertThat(check(column("country_code", Models.raw(type)))).isEmpty();
    }
    assertThat(check(column("country_code", LogicalType.string(2)))).isEmpty();
    assertThat(check(of("char", LogicalType.Kind.STRING))).isEmpty();
  }
}
