package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;

import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Index.Method;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** redundant-index: duplicates, B-tree prefixes, and what the primary key and UNIQUE constraints already give. */
class RedundantIndexTest {
  private static Models.Builder orders() {
    return builder("orders", of("id", Kind.INT64), of("a", Kind.INT32), of("b", Kind.INT32),
        of("c", Kind.INT32), Models.column("email", LogicalType.string(255)), of("deleted_at", Kind.INSTANT));
  }

  private static Index.Element col(String column) {
    return new Index.Element(column, null, null, false, Index.Nulls.DEFAULT);
  }

  private static Index.Element desc(String column) {
    return new Index.Element(column, null, null, true, Index.Nulls.DEFAULT);
  }

  private static Index.Element expr(String expression) {
    return new Index.Element(null, Models.sql(expression), null, false, Index.Nulls.DEFAULT);
  }

  private static Index index(String name, Index.Element... elements) {
    return new Index(name, List.of(elements), false, Method.ORDERED, null, List.of(), Origin.NONE);
  }

  private static Index unique(Index i) {
    return new Index(i.name(), i.elements(), true, i.method(), i.where(), i.include(), i.origin());
  }

  private static Index method(Method method, Index i) {
    return new Index(i.name(), i.elements(), i.unique(), method, i.where(), i.include(), i.origin());
  }

  private static Index where(String where, Index i) {
    return new Index(i.name(), i.elements(), i.unique(), i.method(), Models.sql(where), i.include(), i.origin());
  }

  private static Index include(List<String> include, Index i) {
    return new Index(i.name(), i.elements(), i.unique(), i.method(), i.where(), include, i.origin());
  }

  private static Table with(Table t, Index... extra) {
    List<Index> all = new ArrayList<>(t.indexes());
    all.addAll(List.of(extra));
    return t.withIndexes(all);
  }

  private static List<Finding> check(Table table) {
    return new RedundantIndex().check(schema(table), Models.context());
  }

  /** The names of the reported indexes or constraints, from the messages. */
  private static List<String> reported(Table table) {
    return check(table).stream().map(f -> f.message().split(" ")[f.message().startsWith("UNIQUE") ? 2 : f.message()
        .startsWith("unique") ? 2 : 1]).toList();
  }

  private static Table keyed(Index... indexes) {
    return with(orders().primaryKey("id").build(), indexes);
  }

  // ---------------------------------------------------------------- B-tree prefixes and duplicates

  @Test
  void leadingPrefixOfAnotherIndex_fires_onTheShorterOne() {
    Table table = keyed(index("i_a", col("a")), index("i_ab", col("a"), col("b")));

    List<Finding> findings = check(table);

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.ruleId()).isEqualTo("redundant-index");
    assertThat(finding.table()).isEqualTo("orders");
    assertThat(finding.column()).isEqualTo("a"); // so @SuppressWarnings on the @Indexed component works
    assertThat(finding.message()).contains("index i_a on orders (a) is redundant");
    assertThat(finding.message()).contains("index i_ab (a, b)");
    assertThat(finding.fix()).isEqualTo("remove it: index i_ab already serves these look-ups");
  }

  @Test
  void prefixOnAnotherColumnOrder_doesNotFire() {
    assertThat(check(keyed(index("i_b", col("b")), index("i_ab", col("a"), col("b"))))).isEmpty();
    assertThat(check(keyed(index("i_ba", col("b"), col("a")), index("i_ab", col("a"), col("b"))))).isEmpty();
  }

  @Test
  void exactDuplicates_reportTheLaterOneOnly() {
    Table table = keyed(index("first", col("a"), col("b")), index("second", col("a"), col("b")));

    List<Finding> findings = check(table);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("index second on orders (a, b) is redundant: it duplicates index first");
    assertThat(findings.get(0).column()).isNull(); // two columns: reported on the record
  }

  @Test
  void threeDuplicates_reportTheTwoLaterOnes() {
    assertThat(reported(keyed(index("i1", col("a")), index("i2", col("a")), index("i3", col("a")))))
        .containsExactly("i2", "i3");
  }

  @Test
  void aChainOfPrefixes_reportsEveryShorterOne() {
    assertThat(reported(keyed(index("i_a", col("a")), index("i_ab", col("a"), col("b")),
        index("i_abc", col("a"), col("b"), col("c"))))).containsExactly("i_a", "i_ab");
  }

  @Test
  void directionAndNulls_mustMatch_withPostgresDefaultsUnderstood() {
    assertThat(check(keyed(index("i_a_desc", desc("a")), index("i_ab", col("a"), col("b"))))).isEmpty();
    assertThat(reported(keyed(index("i_a_desc", desc("a")), index("i_ab", desc("a"), col("b")))))
        .containsExactly("i_a_desc");
    Index nullsLast = index("i_nulls_last", new Index.Element("a", null, null, false, Index.Nulls.LAST));
    assertThat(reported(keyed(index("i_a", col("a")), nullsLast))).containsExactly("i_nulls_last");
    Index descNullsLast = index("i_desc_nulls_last", new Index.Element("a", null, null, true, Index.Nulls.LAST));
    assertThat(check(keyed(index("i_a_desc", desc("a")), descNullsLast))).isEmpty();
  }

  @Test
  void operatorClass_mustMatch() {
    Index pattern = index("i_a_pattern", new Index.Element("a", null, Models.sql("text_pattern_ops"), false, Index.Nulls.DEFAULT));
    assertThat(check(keyed(pattern, index("i_ab", col("a"), col("b"))))).isEmpty();
  }

  @Test
  void expressions_compareByNormalizedText() {
    assertThat(reported(keyed(index("e1", expr("lower(email)")), index("e2", expr("LOWER( email )")))))
        .containsExactly("e2");
    assertThat(reported(keyed(index("e1", expr("lower(email)")), index("e2", expr("lower(email)"), col("a")))))
        .containsExactly("e1");
    assertThat(check(keyed(index("e1", expr("lower(email)")), index("e2", expr("upper(email)"))))).isEmpty();
    assertThat(check(keyed(index("e1", expr("email = 'A'")), index("e2", expr("email = 'a'"))))).isEmpty();
  }

  @Test
  void aPredicateMustBeTheSame() {
    assertThat(check(keyed(where("b > 0", index("i_a", col("a"))), index("i_ab", col("a"), col("b"))))).isEmpty();
    assertThat(check(keyed(index("i_a", col("a")), where("b > 0", index("i_ab", col("a"), col("b")))))).isEmpty();
    assertThat(reported(keyed(where("deleted_at IS NULL", index("i_a", col("a"))),
        where("(deleted_at  is null)", index("i_ab", col("a"), col("b")))))).containsExactly("i_a");
    assertThat(check(keyed(where("b = 1", index("i_a", col("a"))), where("b = 2", index("i_a2", col("a"))))))
        .isEmpty();
  }

  @Test
  void includeColumns_mustBeInTheOtherIndex() {
    assertThat(check(keyed(include(List.of("c"), index("i_a", col("a"))), index("i_ab", col("a"), col("b")))))
        .isEmpty();
    assertThat(reported(keyed(include(List.of("b"), index("i_a", col("a"))), index("i_ab", col("a"), col("b")))))
        .containsExactly("i_a");
    assertThat(reported(keyed(index("i_a", col("a")), include(List.of("c"), index("i_a_c", col("a"))))))
        .containsExactly("i_a");
  }

  // ---------------------------------------------------------------- primary key and UNIQUE

  @Test
  void indexOnThePrimaryKey_fires() {
    List<Finding> findings = check(keyed(index("idx_orders_id", col("id"))));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("has the same key as primary key orders_pkey (id)");
    assertThat(findings.get(0).fix()).isEqualTo("remove it: primary key orders_pkey already serves these look-ups");
  }

  @Test
  void leadingColumnOfACompositePrimaryKey_fires_theSecondDoesNot() {
    Table table = with(orders().primaryKey("a", "b").build(), index("i_a", col("a")), index("i_b", col("b")));
    assertThat(reported(table)).containsExactly("i_a");
  }

  @Test
  void indexOnAUniqueConstraintsColumns_orItsPrefix_fires() {
    Table table = with(orders().primaryKey("id").unique("a", "b").build(), index("i_ab", col("a"), col("b")),
        index("i_a", col("a")));
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).message()).contains("UNIQUE constraint orders_a_b_key (a, b)");
  }

  @Test
  void uniqueIndex_isNeverRedundantToANonUniqueOne_butTheNonUniqueOneIs() {
    assertThat(reported(keyed(unique(index("u_a", col("a"))), index("i_a", col("a"))))).containsExactly("i_a");
    assertThat(reported(keyed(index("i_a", col("a")), unique(index("u_a", col("a")))))).containsExactly("i_a");
    assertThat(check(keyed(unique(index("u_a", col("a"))), index("i_ab", col("a"), col("b"))))).isEmpty();
  }

  @Test
  void uniqueOnAPrefix_enforcesMore_andIsNotRedundant() {
    assertThat(check(keyed(unique(index("u_a", col("a"))), unique(index("u_ab", col("a"), col("b")))))).isEmpty();
    assertThat(check(with(orders().primaryKey("a", "b").build(), unique(index("u_a", col("a")))))).isEmpty();
  }

  @Test
  void uniqueIndexRepeatingAUniqueConstraint_fires() {
    Table table = with(orders().primaryKey("id").unique("email").build(), unique(index("u_email", col("email"))));
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("unique index u_email on orders (email) is redundant: it duplicates"
        + " UNIQUE constraint orders_email_key (email)");
    assertThat(findings.get(0).message()).contains("enforces the same uniqueness");
  }

  @Test
  void uniqueConstraintRepeatingThePrimaryKeyOrAnotherOne_fires() {
    List<Finding> onKey = check(orders().primaryKey("id").unique("id").build());
    assertThat(onKey).hasSize(1);
    assertThat(onKey.get(0).message()).startsWith("UNIQUE constraint orders_id_key on orders (id) is redundant");
    assertThat(onKey.get(0).column()).isEqualTo("id");
    assertThat(onKey.get(0).fix()).contains("(the @Unique)");

    Table twice = orders().primaryKey("id").unique("a", "b").unique("a", "b").build();
    assertThat(check(twice)).hasSize(1);
    assertThat(check(orders().primaryKey("id").unique("a", "b").unique("b", "a").build())).isEmpty();
    assertThat(check(orders().primaryKey("id").unique("id", "a").build())).isEmpty();
  }

  @Test
  void softDeleteUniques_arePartial_soOnlyAnIndexWithTheSamePredicateRepeatsThem() {
    Models.Builder soft = orders().primaryKey("id").unique("email").softDelete("deleted_at");
    assertThat(check(with(soft.build(), index("i_email", col("email"))))).isEmpty();
    assertThat(reported(with(soft.build(), where("deleted_at IS NULL", index("i_email", col("email"))))))
        .containsExactly("i_email");
  }

  // ---------------------------------------------------------------- other methods

  @Test
  void otherMethods_onlyExactDuplicates() {
    assertThat(check(keyed(method(Method.HASH, index("h_a", col("a"))), index("i_a", col("a"))))).isEmpty();
    assertThat(check(keyed(method(Method.INVERTED, index("g_a", col("a"))), method(Method.INVERTED, index("g_ab", col("a"), col("b"))))))
        .isEmpty();
    assertThat(reported(keyed(method(Method.INVERTED, index("g1", col("a"))), method(Method.INVERTED, index("g2", col("a"))))))
        .containsExactly("g2");
    assertThat(reported(keyed(method(Method.BLOCK_RANGE, index("b1", col("c"))), method(Method.BLOCK_RANGE, index("b2", col("c"))))))
        .containsExactly("b2");
    assertThat(reported(keyed(method(Method.HASH, index("h1", col("a"))), method(Method.HASH, index("h2", col("a"))))))
        .containsExactly("h2");
    assertThat(check(keyed(method(Method.SPATIAL, index("g1", col("a"))), method(Method.INVERTED, index("g2", col("a"))))))
        .isEmpty();
    Index trigram = method(Method.INVERTED, index("t", new Index.Element("email", null, Models.sql("gin_trgm_ops"), false,
        Index.Nulls.DEFAULT)));
    assertThat(check(with(orders().primaryKey("id").unique("email").build(), trigram))).isEmpty();
  }

  @Test
  void distinctIndexes_doNotFire() {
    assertThat(check(keyed(index("i_a", col("a")), index("i_cb", col("c"), col("b")),
        index("i_bc", col("b"), col("c")), index("i_ba", col("b"), col("a"))))).isEmpty();
  }

  @Test
  void normalize_collapsesSpacesAndCaseOutsideQuotes() {
    assertThat(RedundantIndex.normalize("( Deleted_At  IS   NULL )")).isEqualTo("deleted_at is null");
    assertThat(RedundantIndex.normalize("status <> 'INACTIVE'")).isEqualTo("status <> 'INACTIVE'");
    assertThat(RedundantIndex.normalize("lower( email )")).isEqualTo("lower(email)");
    assertThat(RedundantIndex.normalize("(a) OR (b)")).isEqualTo("(a) or (b)");
    assertThat(RedundantIndex.normalize("f(a , b)")).isEqualTo("f(a,b)");
  }
}
