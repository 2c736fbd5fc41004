package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.text;
import static dev.schemac.processor.testing.Models.withMarkers;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** unbounded-text-key: text without a length bound in the primary key, a UNIQUE constraint or a B-tree key. */
class UnboundedTextKeyTest {
  private static List<Finding> check(Table table) {
    return new UnboundedTextKey().check(schema(table), Models.context());
  }

  private static Models.Builder articles(Column keyColumn) {
    return builder("articles", of("id", Kind.INT64), keyColumn, of("n", Kind.INT32)).primaryKey("id");
  }

  private static Table with(Table t, Index... extra) {
    List<Index> all = new ArrayList<>(t.indexes());
    all.addAll(List.of(extra));
    return t.withIndexes(all);
  }

  private static Index index(String name, Index.Method method, String opclass, Index.Element... elements) {
    return new Index(name, List.of(elements), false, method, null, List.of(), Origin.NONE);
  }

  private static Index.Element col(String column, String opclass) {
    return new Index.Element(column, null, opclass == null ? null : Models.sql(opclass), false, Index.Nulls.DEFAULT);
  }

  @Test
  void uniqueText_fires_onTheColumn_withTheLimitAndAReadyFix() {
    List<Finding> findings = check(articles(text("slug")).unique("slug").build());

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.ruleId()).isEqualTo("unbounded-text-key");
    assertThat(finding.column()).isEqualTo("slug");
    assertThat(finding.message()).contains("articles.slug is text without a length bound");
    assertThat(finding.message()).contains("UNIQUE constraint articles_slug_key");
    assertThat(finding.message()).contains("2700 bytes");
    assertThat(finding.message()).contains("exceeds btree version 4 maximum 2704");
    assertThat(finding.fix()).startsWith("@Column(length = 255) on slug");
    assertThat(finding.fix()).contains("md5(slug)\", unique = true)");
  }

  @Test
  void textPrimaryKey_fires() {
    Table table = builder("codes", text("code"), of("n", Kind.INT32)).primaryKey("code").build();
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("the primary key");
  }

  @Test
  void textInABtreeIndex_evenASecondOrPartialOne_fires_onceWithEveryKey() {
    Table table = articles(text("title")).index("n", "title").index("title").unique("title", "n").build();
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("UNIQUE constraint articles_title_n_key, index idx_articles_n_title,"
        + " index idx_articles_title_1");
    assertThat(findings.get(0).fix()).contains(", unique = true)");
    assertThat(check(articles(text("title")).index("title").build()).get(0).fix()).endsWith("md5(title)\")");
    assertThat(check(articles(text("title")).index(Index.Method.ORDERED, "n > 0", false, "title").build())).hasSize(1);
    assertThat(check(with(articles(text("title")).build(),
        index("pattern", Index.Method.ORDERED, null, col("title", "text_pattern_ops"))))).hasSize(1);
  }

  @Test
  void textArrayInAUniqueConstraint_fires() {
    assertThat(check(articles(column("labels", LogicalType.of(Kind.STRING).asArray())).unique("labels").build())).hasSize(1);
  }

  @Test
  void customTextType_fires_otherCustomTypesDoNot() {
    assertThat(check(articles(column("slug", Models.raw("text"))).unique("slug").build())).hasSize(1);
    assertThat(check(articles(column("slug", Models.raw("varchar(80)"))).unique("slug").build())).isEmpty();
    assertThat(check(articles(column("slug", Models.raw("inet"))).unique("slug").build())).isEmpty();
  }

  @Test
  void boundedTypes_doNotFire() {
    assertThat(check(articles(column("slug", LogicalType.string(200))).unique("slug").build())).isEmpty();
    assertThat(check(articles(column("status", LogicalType.enumOf(List.of("NEW", "PAID")))).unique("status").build()))
        .isEmpty();
    assertThat(check(articles(column("status", LogicalType.namedEnum("status", List.of("NEW")))).index("status").build()))
        .isEmpty();
    for (Kind kind : List.of(Kind.UUID, Kind.INT64, Kind.INT32, Kind.DATE, Kind.INSTANT, Kind.BOOLEAN)) {
      assertThat(check(articles(of("k", kind)).unique("k").index("k").build())).isEmpty();
    }
  }

  @Test
  void hashedValues_haveAFixedLength_andDoNotFire() {
    assertThat(check(articles(withMarkers(text("token_hash"), Column.Marker.HASHED)).unique("token_hash").build()))
        .isEmpty();
  }

  @Test
  void aLengthCheck_isABound() {
    for (String check : List.of("char_length(code) <= 12", "length(code) < 20", "CHAR_LENGTH( code ) <= 40",
        "character_length(\"code\") <= 8", "octet_length(code) <= 100", "char_length(code) BETWEEN 2 AND 12",
        "code ~ '^[A-Z]+$' AND char_length(code) <= 10")) {
      assertThat(check(articles(text("code")).unique("code").check(check).build())).isEmpty();
    }
    assertThat(check(articles(text("code")).unique("code").check("char_length(other) <= 12").build())).hasSize(1);
    assertThat(check(articles(text("code")).unique("code").check("char_length(code) > 2").build())).hasSize(1);
    assertThat(check(articles(text("code")).unique("code").check("char_length(code_name) <= 2").build())).hasSize(1);
  }

  @Test
  void trigramHashAndExpressionIndexes_doNotFire() {
    Table base = articles(text("body")).build();
    assertThat(check(with(base, index("trgm", Index.Method.INVERTED, null, col("body", "gin_trgm_ops"))))).isEmpty();
    assertThat(check(with(base, index("trgm", Index.Method.SPATIAL, null, col("body", "gist_trgm_ops"))))).isEmpty();
    assertThat(check(with(base, index("h", Index.Method.HASH, null, col("body", null))))).isEmpty();
    assertThat(check(with(base, index("lower", Index.Method.ORDERED, null,
        new Index.Element(null, Models.sql("lower(body)"), null, false, Index.Nulls.DEFAULT))))).isEmpty();
  }

  @Test
  void textOnlyInIncludeOrNotInAnyKey_doesNotFire() {
    Table base = articles(text("body")).build();
    Index covering = new Index("cov", List.of(col("n", null)), false, Index.Method.ORDERED, null, List.of("body"),
        Origin.NONE);
    assertThat(check(with(base, covering))).isEmpty();
    assertThat(check(base)).isEmpty();
  }
}
