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

class EmbedOneToOneTest {
  private static final Table OWNERS = builder("owners", of("id", Kind.UUID)).primaryKey("id").build();

  private static List<Finding> check(Table t) {
    return new EmbedOneToOne().check(schema(OWNERS, t), UnindexedReferenceTest.mongo());
  }

  @Test
  void aKeyThatIsAReference_fires() {
    Table profiles = builder("profiles", of("owner_id", Kind.UUID), of("bio", Kind.STRING)).primaryKey("owner_id")
        .foreignKey(List.of("owner_id"), "owners", List.of("id"), ForeignKey.Action.CASCADE).build();
    assertThat(check(profiles)).hasSize(1);
  }

  @Test
  void aReferenceBesideTheKey_orToItself_doesNot() {
    Table pets = builder("pets", of("id", Kind.UUID), of("owner_id", Kind.UUID)).primaryKey("id")
        .foreignKey(List.of("owner_id"), "owners", List.of("id"), ForeignKey.Action.CASCADE).build();
    assertThat(check(pets)).isEmpty();
    Table self = builder("nodes", of("id", Kind.UUID)).primaryKey("id")
        .foreignKey(List.of("id"), "nodes", List.of("id"), ForeignKey.Action.NO_ACTION).build();
    assertThat(check(self)).isEmpty();
  }
}
