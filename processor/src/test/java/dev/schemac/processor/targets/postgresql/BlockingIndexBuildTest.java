package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingIndexBuildTest {
  private static final BlockingIndexBuild RULE = new BlockingIndexBuild();
  private static final Schema BEFORE = schema(table("items", of("id", Kind.INT64), text("name")));
  private static final Schema AFTER = schema(builder("items", of("id", Kind.INT64), text("name"))
      .primaryKey("id").index("name").unique("name").build());

  @Test
  void singleTransaction_indexAndUniqueOnAnExistingTable_fire() {
    List<Finding> findings = RULE.check(context(BEFORE, AFTER, true));
    assertThat(findings.stream().map(Finding::message).toList()).containsExactly(
        "the unique index items_name_key is built on existing table items inside the transaction (singleTransaction"
            + " = true): writes to items wait until it is built.",
        "index idx_items_name is built on existing table items inside the transaction (singleTransaction = true):"
            + " writes to items wait until it is built, minutes on a large table.");
    assertThat(findings.get(1).column()).isEqualTo("name");
  }

  @Test
  void concurrentBuilds_orANewTable_doNotFire() {
    assertThat(RULE.check(context(BEFORE, AFTER, false))).isEmpty();
    assertThat(RULE.check(context(schema(), AFTER, true))).isEmpty();
    assertThat(RULE.targets()).containsExactly(PostgresTarget.ID);
  }
}
