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

class UnindexedReferenceTest {
  static RuleContext mongo() {
    return new RuleContext(RuleSettings.defaults(), List.of(new MongoTarget()));
  }

  private static final Table OWNERS = builder("owners", of("id", Kind.UUID)).primaryKey("id").build();

  private static Models.Builder pets() {
    return builder("pets", of("id", Kind.UUID), of("owner_id", Kind.UUID), of("born", Kind.INT32)).primaryKey("id")
        .foreignKey(List.of("owner_id"), "owners", List.of("id"), ForeignKey.Action.NO_ACTION);
  }

  private static List<Finding> check(Table pets) {
    return new UnindexedReference().check(schema(OWNERS, pets), mongo());
  }

  @Test
  void aReferenceLeadingNoIndex_fires_onItsField() {
    List<Finding> findings = check(pets().build());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("owner_id");
    assertThat(findings.get(0).fix()).contains("@Indexed");
  }

  @Test
  void theLeadingFieldOfAnIndex_orAUniqueOne_isEnough_aSecondFieldOrAPartialIndexIsNot() {
    assertThat(check(pets().index("owner_id", "born").build())).isEmpty();
    assertThat(check(pets().unique("owner_id", "born").build())).isEmpty();
    assertThat(check(pets().index("born", "owner_id").build())).hasSize(1);
    assertThat(check(pets().index(Index.Method.ORDERED, "born > 0", false, "owner_id").build())).hasSize(1);
  }

  @Test
  void aReferenceThatIsTheKey_isIndexedBy_id() {
    Table profiles = builder("profiles", of("owner_id", Kind.UUID)).primaryKey("owner_id")
        .foreignKey(List.of("owner_id"), "owners", List.of("id"), ForeignKey.Action.NO_ACTION).build();
    assertThat(check(profiles)).isEmpty();
  }
}
