package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingConstraintValidationTest {
  private static final BlockingConstraintValidation RULE = new BlockingConstraintValidation();
  private static final Schema BEFORE = schema(table("customers", of("id", Kind.INT64)),
      table("orders", of("id", Kind.INT64), of("customer_id", Kind.INT64), nullable(text("note")), of("total", Kind.INT32)));
  private static final Schema AFTER = schema(table("customers", of("id", Kind.INT64)),
      builder("orders", of("id", Kind.INT64), of("customer_id", Kind.INT64), text("note"), of("total", Kind.INT32))
          .primaryKey("id").check("total >= 0")
          .foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.NO_ACTION).build());

  @Test
  void singleTransaction_notNullCheckAndForeignKeyOnAnExistingTable_fire() {
    List<String> messages = RULE.check(context(BEFORE, AFTER, true)).stream().map(Finding::message).toList();
    assertThat(messages).containsExactly(
        "SET NOT NULL on orders.note scans every row under an ACCESS EXCLUSIVE lock (singleTransaction = true): reads"
            + " and writes wait until it is done.",
        "CHECK orders_check1 is checked against every row of existing table orders under an ACCESS EXCLUSIVE lock"
            + " (singleTransaction = true).",
        "foreign key orders_customer_id_fkey is checked against every row of existing table orders while holding"
            + " locks that block writes to it and to customers (singleTransaction = true).");
  }

  @Test
  void theSafeSequence_orNewTables_doNotFire() {
    assertThat(RULE.check(context(BEFORE, AFTER, false))).isEmpty();
    assertThat(RULE.check(context(schema(), AFTER, true))).isEmpty();
  }
}
