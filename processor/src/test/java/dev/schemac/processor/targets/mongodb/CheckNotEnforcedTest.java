package dev.schemac.processor.targets.mongodb;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.RuleContext;
import dev.schemac.processor.rules.RuleSettings;
import dev.schemac.processor.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckNotEnforcedTest {
  private static List<Finding> check(String sql) {
    Table stays = builder("stays", of("id", Kind.UUID), of("arrival", Kind.INT32), of("departure", Kind.INT32),
        of("code", Kind.STRING)).primaryKey("id").build();
    stays = stays.withChecks(List.of(new CheckConstraint("stays_check", new Condition.Raw(Models.sql(sql)),
        "departure", Origin.NONE)));
    return new CheckNotEnforced().check(schema(stays), UnindexedReferenceTest.mongo());
  }

  @Test
  void twoFields_anotherFunction_orAnOr_fire_onTheCheckedColumn() {
    for (String sql : List.of("departure >= arrival", "abs(departure) < 10", "departure > 1 OR arrival > 1",
        "departure + 1 > 2")) {
      List<Finding> findings = check(sql);
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("departure");
    }
  }

  @Test
  void conditionsOnOneField_translate() {
    for (String sql : List.of("departure >= 0", "departure BETWEEN 1 AND 9", "departure IN (1, 2)",
        "code LIKE 'A%'", "char_length(code) <= 3", "departure > 0 AND arrival > 0", "code ~ '^[A-Z]+$'")) {
      assertThat(check(sql)).isEmpty();
    }
  }
}
