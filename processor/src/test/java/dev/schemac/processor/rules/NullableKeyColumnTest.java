package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nullable-key-column: NULL in a multi-column UNIQUE or a composite foreign key switches it off for that row. */
class NullableKeyColumnTest {
  private static Models.Builder bins(boolean tenantNullable, boolean codeNullable) {
    return builder("bins", of("id", Kind.INT64),
        tenantNullable ? nullable(of("tenant", Kind.INT64)) : of("tenant", Kind.INT64),
        codeNullable ? nullable(of("code", Kind.INT32)) : of("code", Kind.INT32)).primaryKey("id");
  }

  private static List<Finding> check(Table table) {
    return new NullableKeyColumn().check(schema(table), Models.context());
  }

  private static Table with(Table t, Index... extra) {
    List<Index> all = new ArrayList<>(t.indexes());
    all.addAll(List.of(extra));
    return t.withIndexes(all);
  }

  private static Index uniqueIndex(String where, Index.Element... elements) {
    return new Index("u", List.of(elements), true, Index.Method.ORDERED, where == null ? null : Models.sql(where),
        List.of(), Origin.NONE);
  }

  private static Index.Element col(String column) {
    return new Index.Element(column, null, null, false, Index.Nulls.DEFAULT);
  }

  @Test
  void nullableColumnInAMultiColumnUnique_fires_onThatColumn() {
    List<Finding> findings = check(bins(false, true).unique("tenant", "code").build());

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.ruleId()).isEqualTo("nullable-key-column");
    assertThat(finding.column()).isEqualTo("code");
    assertThat(finding.message()).contains("bins.code is nullable");
    assertThat(finding.message()).contains("UNIQUE constraint bins_tenant_code_key (tenant, code)");
    assertThat(finding.message()).contains("the same (tenant, NULL) can be inserted any number of times");
    assertThat(finding.fix()).startsWith("make code NOT NULL (remove @Nullable)");
    assertThat(finding.fix()).contains("treats NULLs as equal");
  }

  @Test
  void everyNullableColumn_firesOnItsOwn() {
    assertThat(check(bins(true, true).unique("tenant", "code").build()).stream().map(Finding::column).toList())
        .containsExactly("tenant", "code").inOrder();
  }

  @Test
  void singleColumnNullableUnique_isTheOptionalButUniquePattern_andDoesNotFire() {
    assertThat(check(bins(false, true).unique("code").build())).isEmpty();
    assertThat(check(with(bins(false, true).build(), uniqueIndex(null, col("code"))))).isEmpty();
  }

  @Test
  void notNullColumns_doNotFire() {
    assertThat(check(bins(false, false).unique("tenant", "code").build())).isEmpty();
  }

  @Test
  void multiColumnUniqueIndex_fires_unlessItsPredicateExcludesTheNulls() {
    assertThat(check(with(bins(false, true).build(), uniqueIndex(null, col("tenant"), col("code"))))).hasSize(1);
    assertThat(check(with(bins(false, true).build(),
        uniqueIndex(null, col("tenant"), new Index.Element(null, Models.sql("lower(code::text)"), null, false,
            Index.Nulls.DEFAULT)))))
        .isEmpty(); // code is only inside an expression
    assertThat(check(with(bins(false, true).build(), uniqueIndex("code IS NOT NULL", col("tenant"), col("code")))))
        .isEmpty();
    assertThat(check(with(bins(false, true).build(), uniqueIndex("tenant IS NOT NULL", col("tenant"), col("code")))))
        .hasSize(1);
    Index nonUnique = new Index("i", List.of(col("tenant"), col("code")), false, Index.Method.ORDERED, null, List.of(),
        Origin.NONE);
    assertThat(check(with(bins(false, true).build(), nonUnique))).isEmpty();
  }

  @Test
  void softDeleteColumnInAUnique_fires_liveRowsNeverConflict() {
    Table users = builder("users", of("id", Kind.INT64), Models.column("email", LogicalType.string(255)),
        nullable(of("deleted_at", Kind.INSTANT))).primaryKey("id").unique("email", "deleted_at").build();
    assertThat(check(users).stream().map(Finding::column).toList()).containsExactly("deleted_at");
  }

  private static Models.Builder placements(boolean aisleNullable) {
    return builder("placements", of("id", Kind.INT64),
        aisleNullable ? nullable(of("shelf_aisle", Kind.INT32)) : of("shelf_aisle", Kind.INT32),
        of("shelf_position", Kind.INT32)).primaryKey("id");
  }

  @Test
  void nullableColumnInACompositeForeignKey_fires() {
    Table table = placements(true).foreignKey(List.of("shelf_aisle", "shelf_position"), "shelves",
        List.of("aisle", "position"), ForeignKey.Action.NO_ACTION).build();

    List<Finding> findings = check(table);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("shelf_aisle");
    assertThat(findings.get(0).message()).contains("foreign key placements_shelf_aisle_shelf_position_fkey"
        + " (shelf_aisle, shelf_position) -> shelves");
    assertThat(findings.get(0).message()).contains("MATCH SIMPLE");
    assertThat(findings.get(0).fix()).doesNotContain("IS NULL"); // shelf_position is NOT NULL: no optional reference
  }

  @Test
  void anOptionalCompositeReference_getsTheCheckThatKeepsItsColumnsNullTogether() {
    Table table = builder("placements", of("id", Kind.INT64), nullable(of("shelf_aisle", Kind.INT32)),
        nullable(of("shelf_position", Kind.INT32))).primaryKey("id")
        .foreignKey(List.of("shelf_aisle", "shelf_position"), "shelves", List.of("aisle", "position"),
            ForeignKey.Action.NO_ACTION).build();
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).fix()).contains("@Check(\"(shelf_aisle IS NULL) = (shelf_position IS NULL)\")");
    assertThat(NullableKeyColumn.nullTogetherCheck(List.of("a", "b", "c")))
        .isEqualTo("(a IS NULL) = (b IS NULL) AND (a IS NULL) = (c IS NULL)");
  }

  @Test
  void singleColumnNullableForeignKey_isAnOptionalReference_andDoesNotFire() {
    Table table = placements(true).foreignKey(List.of("shelf_aisle"), "aisles", List.of("id"),
        ForeignKey.Action.SET_NULL).build();
    assertThat(check(table)).isEmpty();
  }

  @Test
  void aCheckKeepingTheColumnsNullTogether_silencesTheForeignKeyCase() {
    for (String check : List.of("(shelf_aisle IS NULL) = (shelf_position IS NULL)",
        "num_nulls(shelf_aisle, shelf_position) IN (0, 2)", "num_nonnulls(shelf_aisle, shelf_position) <> 1")) {
      Table table = builder("placements", of("id", Kind.INT64), nullable(of("shelf_aisle", Kind.INT32)),
          nullable(of("shelf_position", Kind.INT32))).primaryKey("id")
          .foreignKey(List.of("shelf_aisle", "shelf_position"), "shelves", List.of("aisle", "position"),
              ForeignKey.Action.NO_ACTION)
          .check(check).build();
      assertThat(check(table)).isEmpty();
    }
    Table onlyOne = placements(true).foreignKey(List.of("shelf_aisle", "shelf_position"), "shelves",
        List.of("aisle", "position"), ForeignKey.Action.NO_ACTION).check("num_nulls(shelf_aisle) = 0").build();
    assertThat(check(onlyOne)).hasSize(1);
  }

  @Test
  void aColumnInBoth_getsOneFindingNamingBoth() {
    Table table = placements(true).unique("shelf_aisle", "shelf_position")
        .foreignKey(List.of("shelf_aisle", "shelf_position"), "shelves", List.of("aisle", "position"),
            ForeignKey.Action.NO_ACTION).build();
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("UNIQUE constraint");
    assertThat(findings.get(0).message()).contains("foreign key");
  }
}
