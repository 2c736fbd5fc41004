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

class IndexNotBuiltTest {
  private static List<Finding> check(Table t) {
    return new IndexNotBuilt().check(schema(t), UnindexedReferenceTest.mongo());
  }

  private static Models.Builder pets() {
    return builder("pets", of("id", Kind.UUID), of("name", Kind.STRING), of("born", Kind.INT32)).primaryKey("id");
  }

  @Test
  void trigramSpatialAndUnreadablePredicates_fire() {
    assertThat(check(pets().index(Index.Method.INVERTED, null, false, "name").build())).hasSize(1);
    assertThat(check(pets().index(Index.Method.SPATIAL, null, false, "name").build())).hasSize(1);
    assertThat(check(pets().index(Index.Method.ORDERED, "born > 0 OR name = 'x'", false, "name").build())).hasSize(1);
    assertThat(check(pets().index(Index.Method.HASH, null, true, "name").build())).hasSize(1);
  }

  @Test
  void fieldsHashesAndPartialFiltersOfEqualitiesAndRanges_build() {
    assertThat(check(pets().index("name", "born").build())).isEmpty();
    assertThat(check(pets().index(Index.Method.HASH, null, false, "name").build())).isEmpty();
    assertThat(check(pets().index(Index.Method.ORDERED, "born > 0 AND name = 'x'", false, "name").build())).isEmpty();
  }
}
