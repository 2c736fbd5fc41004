package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;

import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownColumnInExpressionTest {
  private static Models.Builder shipments() {
    return builder("shipments", of("id", Kind.UUID), of("weight_grams", Kind.INT32), of("shipped_at", Kind.INSTANT));
  }

  private static List<Finding> check(Models.Builder table) {
    return new UnknownColumnInExpression().check(schema(table.primaryKey("id").build()), Models.context());
  }

  @Test
  void typoInCheck_fires_andSuggestsTheClosestColumn() {
    List<Finding> findings = check(shipments().check("weight_gram > 0"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("names column 'weight_gram'");
    assertThat(findings.get(0).fix()).contains("did you mean 'weight_grams'?");
  }

  @Test
  void typoInIndexPredicate_fires() {
    assertThat(check(shipments().index(Index.Method.ORDERED, "shiped_at IS NULL", false, "weight_grams"))).hasSize(1);
  }

  @Test
  void functionsKeywordsLiteralsAndCasts_areNotColumns() {
    assertThat(check(shipments()
        .check("weight_grams BETWEEN 1 AND 50000")
        .check("shipped_at IS NULL OR shipped_at > now() - interval '10 years'")
        .check("weight_grams::text ~ '^[0-9]+$'")
        .check("coalesce(shipped_at, current_timestamp) IS NOT NULL"))).isEmpty();
  }

  @Test
  void quotedIdentifiers_keepTheirCase() {
    assertThat(check(shipments().check("\"Weight_grams\" > 0"))).hasSize(1);
  }
}
