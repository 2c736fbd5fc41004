package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.sequence;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestructiveChangeTest {
  private static final DestructiveChange RULE = new DestructiveChange();

  private static List<String> messages(MigrationContext context) {
    return RULE.check(context).stream().map(f -> f.message() + " Fix: " + f.fix()).toList();
  }

  @Test
  void droppedTable_fires_unlessAcknowledged() {
    Schema before = schema(table("items", of("id", Kind.INT64)), table("notes", of("id", Kind.INT64), text("body")));
    Schema after = schema(table("items", of("id", Kind.INT64)));
    assertThat(messages(context(before, after))).containsExactly("table notes is gone from the sources, and dropping"
        + " it would delete all its rows, so schemac will not guess. Fix: to drop it, acknowledge it with"
        + " @Schema(version = ..., drops = @Drop(table = \"notes\")).");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("notes", null)))).isEmpty();
  }

  @Test
  void droppedColumn_fires_unlessAcknowledged_andNotWhenItLooksRenamed() {
    Schema before = schema(table("items", of("id", Kind.INT64), text("legacy")));
    Schema after = schema(table("items", of("id", Kind.INT64)));
    List<Finding> findings = RULE.check(context(before, after));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("items");
    assertThat(findings.get(0).message()).contains("column items.legacy is gone from the sources");
    assertThat(findings.get(0).fix()).contains("@Drop(table = \"items\", column = \"legacy\")");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("items", "legacy")))).isEmpty();
    // a new text column appears: ambiguous-rename's finding, not this one
    assertThat(RULE.check(context(before, schema(table("items", of("id", Kind.INT64), text("label")))))).isEmpty();
  }

  @Test
  void narrowedTypes_fire_wideningDoesNot() {
    assertThat(narrowing(LogicalType.string(100), LogicalType.string(50))).contains("(shorter length)");
    assertThat(narrowing(LogicalType.of(Kind.STRING), LogicalType.string(50))).contains("(text to a bounded length)");
    assertThat(narrowing(LogicalType.of(Kind.INT64), LogicalType.of(Kind.INT32))).contains("(a smaller integer type)");
    assertThat(narrowing(LogicalType.decimal(12, 2), LogicalType.decimal(10, 2))).contains("(fewer digits)");
    assertThat(narrowing(LogicalType.string(50), LogicalType.string(100))).isEmpty();
    assertThat(narrowing(LogicalType.of(Kind.INT32), LogicalType.of(Kind.INT64))).isEmpty();
    Schema before = schema(table("items", of("id", Kind.INT64), column("code", LogicalType.string(100))));
    Schema after = schema(table("items", of("id", Kind.INT64), column("code", LogicalType.string(50))));
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("items", "code")))).isEmpty();
  }

  /** The findings' messages as one text, empty when none. */
  private static String narrowing(LogicalType from, LogicalType to) {
    return String.join("\n", messages(context(schema(table("items", of("id", Kind.INT64), column("code", from))),
        schema(table("items", of("id", Kind.INT64), column("code", to))))));
  }

  @Test
  void enumValueRemoved_fromATextEnum_fires_unlessAcknowledged() {
    Schema before = schema(table("orders", of("id", Kind.INT64), column("status", LogicalType.enumOf(List.of("NEW", "PAID", "GONE")))));
    Schema after = schema(table("orders", of("id", Kind.INT64), column("status", LogicalType.enumOf(List.of("NEW", "PAID")))));
    assertThat(messages(context(before, after))).containsExactly("column orders.status loses enum value(s) GONE: rows"
        + " holding them make the new CHECK fail to validate. Fix: migrate those rows first, with a data step in this"
        + " version (data/V{N}__d.sql runs before the new CHECK: docs/migrations.md#data-steps) or in an earlier"
        + " version, then acknowledge with @Schema(..., drops = @Drop(table = \"orders\", column = \"status\")).");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("orders", "status")))).isEmpty();
    Schema added = schema(table("orders", of("id", Kind.INT64), column("status", LogicalType.enumOf(List.of("NEW", "PAID", "GONE", "LOST")))));
    assertThat(RULE.check(context(before, added))).isEmpty();
  }

  @Test
  void valueRemovedFromANamedEnumType_fires_untilEveryColumnOfItIsAcknowledged() {
    LogicalType v1 = LogicalType.namedEnum("mood", List.of("HAPPY", "SAD"));
    LogicalType v2 = LogicalType.namedEnum("mood", List.of("HAPPY"));
    Schema before = new Schema(List.of(table("people", of("id", Kind.INT64), column("mood", v1)),
        table("pets", of("id", Kind.INT64), column("mood", v1))),
        List.of(new EnumType("mood", List.of("HAPPY", "SAD"))), List.of());
    Schema after = new Schema(List.of(table("people", of("id", Kind.INT64), column("mood", v2)),
        table("pets", of("id", Kind.INT64), column("mood", v2))),
        List.of(new EnumType("mood", List.of("HAPPY"))), List.of());
    assertThat(messages(context(before, after))).containsExactly("enum type mood loses value 'SAD': the migration"
        + " fails while a row holds it, and the type is made again, which rewrites every table with a column of it."
        + " Fix: keep the constant; or migrate the rows that hold it first, with a data step in this version"
        + " (docs/migrations.md#data-steps) or in an earlier one, then acknowledge each column of the type with"
        + " @Schema(..., drops = {@Drop(table = \"people\", column = \"mood\"), @Drop(table = \"pets\", column ="
        + " \"mood\")}).");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("people", "mood")))).hasSize(1);
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("people", "mood"),
        new DropAcknowledgment("pets", "mood")))).isEmpty();
  }

  @Test
  void droppedSequence_fires_namingTheNewOne_unlessAcknowledged() {
    Schema before = schema(List.of(sequence(null, "invoice_seq")), table("items", of("id", Kind.INT64)));
    Schema after = schema(List.of(sequence(null, "invoice_number_seq")), table("items", of("id", Kind.INT64)));
    List<String> messages = messages(context(before, after));
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0)).contains("sequence invoice_seq is gone from the sources");
    assertThat(messages.get(0)).contains("If a new sequence (invoice_number_seq) replaces it");
    assertThat(RULE.check(context(before, after, new DropAcknowledgment("invoice_seq", null)))).isEmpty();
  }
}
