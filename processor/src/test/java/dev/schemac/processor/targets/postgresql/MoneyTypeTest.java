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

class MoneyTypeTest {
  private static final MoneyType RULE = new MoneyType();

  private static List<Finding> check(Column column) {
    return RULE.check(schema(table("products", of("id", LogicalType.Kind.UUID), column)), Models.context());
  }

  @Test
  void moneyType_fires() {
    for (String type : List.of("money", "MONEY", "money[]")) {
      List<Finding> findings = check(column("price", Models.raw(type)));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("price");
      assertThat(findings.get(0).message()).contains("products.price");
      assertThat(findings.get(0).message()).contains("lc_monetary");
      assertThat(findings.get(0).fix()).contains("@Column(precision = 19, scale = 4) BigDecimal price");
    }
  }

  @Test
  void numericAndOtherTypes_doNotFire() {
    assertThat(check(column("price", LogicalType.decimal(19, 4)))).isEmpty();
    assertThat(check(of("money", LogicalType.Kind.INT64))).isEmpty(); // named money, typed bigint: not this rule
    for (String type : List.of("numeric(19,4)", "decimal", "bigint", "money_amount")) {
      assertThat(check(column("price", Models.raw(type)))).isEmpty();
    }
  }
}
