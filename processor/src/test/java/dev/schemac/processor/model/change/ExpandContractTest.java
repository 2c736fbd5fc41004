package dev.schemac.processor.model.change;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.renamedFrom;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cut of a version around its data step: the schema the step sees, and the two diffs around
 * it, each of them only what {@link ExpandContract#contracts} puts on its side.
 */
class ExpandContractTest {
  /** Version 1: a rename, a drop, a new NOT NULL column, a type change, an enum change and new constraints follow. */
  private static final Schema V1 = schema(builder("items", of("id", Kind.INT64), text("name"), nullable(text("note")),
      column("status", LogicalType.enumOf(List.of("A", "B", "C"))), text("code")).primaryKey("id")
      .check("code <> ''").index("note").build());
  private static final Schema V2 = schema(builder("items", of("id", Kind.INT64), renamedFrom(text("title"), "name"),
      column("status", LogicalType.enumOf(List.of("A", "B", "D"))), of("code", Kind.INT64), text("label"))
      .primaryKey("id").check("char_length(title) > 0").unique("label").build());

  private static List<String> kinds(SchemaChanges changes) {
    return changes.changes().stream().map(c -> c.getClass().getSimpleName()).toList();
  }

  @Test
  void theStepSees_newAndRenamedColumns_andEverythingAboutToGoOrTighten() {
    ExpandContract cut = ExpandContract.of(SchemaDiff.between(V1, V2));
    Table middle = cut.middle().table("items").orElseThrow();

    assertThat(middle.columns().stream().map(Column::name).toList())
        .containsExactly("id", "title", "status", "code", "label", "note").inOrder();
    assertThat(middle.column("label").orElseThrow().nullable()).isTrue(); // the step fills it
    assertThat(middle.column("code").orElseThrow().type().kind()).isEqualTo(Kind.STRING); // retyped after the step
    assertThat(middle.column("status").orElseThrow().type().enumValues()).containsExactly("A", "B", "C", "D")
        .inOrder();
    assertThat(middle.checks()).isEmpty(); // the old CHECK is dropped before, the new one added after
    assertThat(middle.uniques()).isEmpty();
    assertThat(middle.indexes()).isEmpty();
  }

  @Test
  void theExpandHoldsNoContraction_andTheContractNoExpansion() {
    SchemaChanges all = SchemaDiff.between(V1, V2);
    ExpandContract cut = ExpandContract.of(all);

    assertThat(cut.expand().changes().stream().filter(c -> ExpandContract.contracts(c, cut.expand())).toList())
        .isEmpty();
    assertThat(kinds(cut.expand())).containsAtLeast("RenameColumn", "AddColumn", "DropCheck", "DropIndex");
    assertThat(kinds(cut.contract())).containsNoneOf("RenameColumn", "AddColumn", "CreateTable", "DropCheck");
    assertThat(kinds(cut.contract())).containsAtLeast("DropColumn", "AlterColumnType", "SetNotNull", "AddCheck",
        "AddUnique", "ChangeEnumValues");
    // every contraction of the version is in the contract
    assertThat(all.changes().stream().filter(c -> ExpandContract.contracts(c, all))
        .map(c -> c.getClass().getSimpleName()).distinct().toList())
        .containsExactly("DropColumn", "AlterColumnType", "AddUnique", "AddCheck");
  }

  @Test
  void dropsLast_putsEveryDropAfterTheTightenings() {
    List<SchemaChanges> parts = ExpandContract.dropsLast(ExpandContract.of(SchemaDiff.between(V1, V2)).contract());

    assertThat(kinds(parts.get(0))).doesNotContain("DropColumn");
    assertThat(kinds(parts.get(0))).containsAtLeast("SetNotNull", "AlterColumnType", "AddCheck");
    assertThat(kinds(parts.get(1))).containsExactly("DropColumn");
    assertThat(parts.get(1).after()).isEqualTo(V2);
  }
}
