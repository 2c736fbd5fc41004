package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyTypeMismatchTest {
  private static List<Finding> check(Table parent, LogicalType childType) {
    Table child = builder("payments", of("id", Kind.INT64), column("account_id", childType)).primaryKey("id")
        .foreignKey(List.of("account_id"), parent.name(), List.of("id"), ForeignKey.Action.NO_ACTION).build();
    return new ForeignKeyTypeMismatch().check(schema(parent, child), Models.context());
  }

  @Test
  void integerReferencingBigint_fires_withBothTypes() {
    List<Finding> findings = check(table("accounts", of("id", Kind.INT64)), LogicalType.of(Kind.INT32));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("payments.account_id is integer");
    assertThat(findings.get(0).message()).contains("accounts.id, is bigint");
  }

  @Test
  void shorterVarchar_fires() {
    assertThat(check(table("accounts", column("id", LogicalType.string(36))), LogicalType.string(20))).hasSize(1);
  }

  @Test
  void sameType_passes() {
    assertThat(check(table("accounts", of("id", Kind.INT64)), LogicalType.of(Kind.INT64))).isEmpty();
    assertThat(check(table("accounts", of("id", Kind.UUID)), LogicalType.of(Kind.UUID))).isEmpty();
  }
}
