package dev.schemac.processor.model.change;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.renamedFrom;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.sequence;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure diff: which changes, in which order, and what it refuses to guess. */
class SchemaDiffTest {
  private static List<String> kinds(SchemaChanges changes) {
    return changes.changes().stream().map(c -> c.getClass().getSimpleName()).toList();
  }

  @Test
  void sameSchema_noChanges() {
    Schema v1 = schema(table("items", of("id", Kind.INT64), text("name")));
    SchemaChanges changes = SchemaDiff.between(v1, schema(table("items", of("id", Kind.INT64), text("name"))));
    assertThat(changes.changes()).isEmpty();
    assertThat(changes.kept()).hasSize(1);
  }

  @Test
  void firstVersion_createsTablesAfterTheTablesTheyReference() {
    Schema v1 = schema(
        builder("orders", of("id", Kind.INT64), of("customer_id", Kind.INT64)).primaryKey("id")
            .foreignKey(List.of("customer_id"), "customers", List.of("id"), ForeignKey.Action.NO_ACTION).build(),
        table("customers", of("id", Kind.INT64)));
    SchemaChanges changes = SchemaDiff.between(schema(), v1);
    assertThat(changes.names()).containsExactly("create_customers", "create_orders").inOrder();
  }

  @Test
  void renamedColumn_isARename_andTheNamesDerivedFromItFollow() {
    Schema v1 = schema(builder("items", of("id", Kind.INT64), text("label")).primaryKey("id").index("label").build());
    Schema v2 = schema(builder("items", of("id", Kind.INT64), renamedFrom(text("title"), "label")).primaryKey("id")
        .index("title").build());
    SchemaChanges changes = SchemaDiff.between(v1, v2);
    assertThat(changes.changes()).containsExactly(new Change.RenameColumn("items", "label", "title"),
        new Change.RenameDerived(v2.tables().get(0), Change.Derived.INDEX, "idx_items_label", "idx_items_title"));
  }

  @Test
  void vanishedColumn_isADropAndAnAdd_neverAGuessedRename() {
    Schema v1 = schema(table("items", of("id", Kind.INT64), text("label")));
    Schema v2 = schema(table("items", of("id", Kind.INT64), text("title")));
    assertThat(kinds(SchemaDiff.between(v1, v2))).containsExactly("DropColumn", "AddColumn").inOrder();
  }

  @Test
  void changesComePhaseByPhase() {
    Schema v1 = schema(List.of(sequence(null, "old_seq")), table("items", of("id", Kind.INT64), nullable(text("code"))),
        table("notes", of("id", Kind.INT64)));
    Schema v2 = new Schema(List.of(inSchema("shop", table("items", of("id", Kind.INT64), text("code"))),
        table("tags", of("id", Kind.INT64))), List.of(new EnumType("mood", List.of("HAPPY"))),
        List.of(sequence(null, "new_seq")), List.of());
    SchemaChanges changes = SchemaDiff.between(v1, v2);
    assertThat(kinds(changes)).containsExactly("CreateSchema", "CreateEnumType", "CreateSequence", "MoveTable",
        "DropTable", "CreateTable", "SetNotNull", "DropSequence").inOrder();
    List<Change.Phase> phases = changes.changes().stream().map(Change::phase).toList();
    assertThat(phases).isInOrder();
    assertThat(changes.names()).containsExactly("create_schema_shop", "create_type_mood", "create_sequence_new_seq",
        "move_items_to_shop", "drop_notes", "create_tags", "require_shop.items_code", "drop_sequence_old_seq").inOrder();
  }

  @Test
  void enumValues_addedAndRemoved() {
    Schema v1 = new Schema(List.of(table("people", of("id", Kind.INT64),
        column("mood", LogicalType.namedEnum("mood", List.of("HAPPY", "SAD"))))),
        List.of(new EnumType("mood", List.of("HAPPY", "SAD"))), List.of());
    Schema v2 = new Schema(List.of(table("people", of("id", Kind.INT64),
        column("mood", LogicalType.namedEnum("mood", List.of("HAPPY", "CALM"))))),
        List.of(new EnumType("mood", List.of("HAPPY", "CALM"))), List.of());
    SchemaChanges changes = SchemaDiff.between(v1, v2);
    assertThat(kinds(changes)).containsExactly("AddEnumValue", "RemoveEnumValue", "ChangeEnumValues").inOrder();
    assertThat(changes.of(Change.ChangeEnumValues.class).get(0).removed()).containsExactly("SAD");
  }

  @Test
  void isPure_sameInputSameChanges() {
    Schema v1 = schema(table("items", of("id", Kind.INT64), text("label")));
    Schema v2 = schema(table("items", of("id", Kind.INT64), text("title")), table("tags", of("id", Kind.INT64)));
    assertThat(SchemaDiff.between(v1, v2)).isEqualTo(SchemaDiff.between(v1, v2));
  }
}
