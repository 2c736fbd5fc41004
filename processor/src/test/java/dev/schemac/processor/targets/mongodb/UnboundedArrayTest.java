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

class UnboundedArrayTest {
  private static List<Finding> check(Table t) {
    return new UnboundedArray().check(schema(t), UnindexedReferenceTest.mongo());
  }

  private static Models.Builder pets(LogicalType tags) {
    return builder("pets", of("id", Kind.UUID), column("tags", tags)).primaryKey("id");
  }

  @Test
  void aListWithoutABound_fires_aCardinalityCheckBoundsIt() {
    assertThat(check(pets(LogicalType.of(Kind.STRING).asArray()).build())).hasSize(1);
    Table bounded = pets(LogicalType.of(Kind.STRING).asArray()).build().withChecks(List.of(new CheckConstraint(
        "pets_tags_check", new Condition.Raw(Models.sql("cardinality(tags) <= 10")), "tags", Origin.NONE)));
    assertThat(check(bounded)).isEmpty();
  }

  @Test
  void anArrayInsideAnEmbeddedDocument_fires_withItsPath() {
    LogicalType visit = LogicalType.document(List.of(of("notes", Kind.STRING), column("vets",
        LogicalType.of(Kind.STRING).asArray())));
    List<Finding> findings = check(pets(visit).build());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("field tags.vets ");
  }

  @Test
  void bytes_areNoArray() {
    assertThat(check(pets(LogicalType.of(Kind.BINARY)).build())).isEmpty();
  }
}
