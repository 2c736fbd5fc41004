package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Migrations.renamedFrom;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmbiguousRenameTest {
  private static final AmbiguousRename RULE = new AmbiguousRename();

  @Test
  void columnGoneWhileOneOfTheSameTypeAppears_fires_withBothFixes() {
    Schema before = schema(table("customers", of("id", Kind.INT64), text("state")));
    Schema after = schema(table("customers", of("id", Kind.INT64), text("status")));
    List<Finding> findings = RULE.check(context(before, after));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.column()).isEqualTo("status");
    assertThat(f.message()).isEqualTo("column customers.state is gone from the sources, and dropping it would delete"
        + " its values, so schemac will not guess. It looks renamed to status.");
    assertThat(f.fix()).isEqualTo("put @RenamedFrom(\"state\") on status to keep the data; if it really goes,"
        + " acknowledge it with @Schema(version = ..., drops = @Drop(table = \"customers\", column = \"state\")).");
  }

  @Test
  void renamedFromOrAcknowledged_orOfAnotherType_doesNotFire() {
    Schema before = schema(table("customers", of("id", Kind.INT64), text("state")));
    assertThat(RULE.check(context(before,
        schema(table("customers", of("id", Kind.INT64), renamedFrom(text("status"), "state")))))).isEmpty();
    assertThat(RULE.check(context(before, schema(table("customers", of("id", Kind.INT64), text("status"))),
        new DropAcknowledgment("customers", "state")))).isEmpty();
    assertThat(RULE.check(context(before, schema(table("customers", of("id", Kind.INT64), of("visits", Kind.INT32))))))
        .isEmpty();
  }

  @Test
  void tableGoneWhileOneSharingHalfItsColumnsAppears_fires() {
    Schema before = schema(table("clients", of("id", Kind.INT64), text("name"), text("email")));
    Schema after = schema(table("customers", of("id", Kind.INT64), text("name"), text("phone")));
    List<Finding> findings = RULE.check(context(before, after));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("customers");
    assertThat(findings.get(0).message()).endsWith("It looks renamed to customers.");
    assertThat(findings.get(0).fix()).startsWith("put @RenamedFrom(\"clients\") on customers to keep the data");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("clients", null)))).isEmpty();
  }
}
