package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnindexedForeignKeyTest {
  private static final Table USERS = table("users", of("id", Kind.UUID));
  private static final Table ACCOUNTS = builder("accounts", of("tenant_id", Kind.UUID), of("number", Kind.INT64))
      .primaryKey("tenant_id", "number").build();

  private static List<Finding> check(Table child, Table parent) {
    return new UnindexedForeignKey().check(schema(parent, child), Models.context());
  }

  private static dev.schemac.processor.testing.Models.Builder orders() {
    return builder("orders", of("id", Kind.UUID), of("user_id", Kind.UUID), of("created_at", Kind.INSTANT))
        .primaryKey("id").foreignKey(List.of("user_id"), "users", List.of("id"), ForeignKey.Action.NO_ACTION);
  }

  @Test
  void noIndex_fires_namingTheParentAndTheFix() {
    List<Finding> findings = check(orders().build(), USERS);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("user_id");
    assertThat(findings.get(0).message()).contains("every DELETE of a row of users");
    assertThat(findings.get(0).fix()).contains("@Indexed");
  }

  @Test
  void leadingColumnOfAnIndex_isEnough() {
    assertThat(check(orders().index("user_id", "created_at").build(), USERS)).isEmpty();
  }

  @Test
  void secondColumnOfAnIndex_doesNotCount() {
    assertThat(check(orders().index("created_at", "user_id").build(), USERS)).hasSize(1);
  }

  @Test
  void partialIndex_doesNotCount_theForeignKeyCheckSeesEveryRow() {
    assertThat(check(orders().index(Index.Method.ORDERED, "created_at > now()", false, "user_id").build(), USERS)).hasSize(1);
  }

  @Test
  void ginOrBrinIndex_doesNotCount_butAOneColumnHashIndexDoes() {
    assertThat(check(orders().index(Index.Method.BLOCK_RANGE, null, false, "user_id").build(), USERS)).hasSize(1);
    assertThat(check(orders().index(Index.Method.HASH, null, false, "user_id").build(), USERS)).isEmpty();
  }

  @Test
  void uniqueConstraint_counts_butNotOnASoftDeleteTableWhereItIsPartial() {
    assertThat(check(orders().unique("user_id").build(), USERS)).isEmpty();
    assertThat(check(orders().unique("user_id").softDelete("created_at").build(), USERS)).hasSize(1);
  }

  @Test
  void leadingPrimaryKeyColumns_count() {
    Table memberships = builder("memberships", of("user_id", Kind.UUID), of("group_id", Kind.UUID))
        .primaryKey("user_id", "group_id")
        .foreignKey(List.of("user_id"), "users", List.of("id"), ForeignKey.Action.CASCADE).build();
    assertThat(check(memberships, USERS)).isEmpty();
  }

  @Test
  void compositeForeignKey_isCoveredByTheSameColumnsInAnyOrder_andNamesTheIndexToAdd() {
    dev.schemac.processor.testing.Models.Builder invoices = builder("invoices", of("id", Kind.UUID),
        of("tenant_id", Kind.UUID), of("account_number", Kind.INT64)).primaryKey("id")
        .foreignKey(List.of("tenant_id", "account_number"), "accounts", List.of("tenant_id", "number"),
            ForeignKey.Action.NO_ACTION);
    List<Finding> unindexed = check(invoices.build(), ACCOUNTS);
    assertThat(unindexed).hasSize(1);
    assertThat(unindexed.get(0).column()).isNull();
    assertThat(unindexed.get(0).fix()).contains("@Index(columns = {\"tenant_id\", \"account_number\"})");
    assertThat(check(invoices.index("account_number", "tenant_id").build(), ACCOUNTS)).isEmpty();
  }

  @Test
  void compositeForeignKey_withOnlyOneOfItsColumnsIndexed_fires() {
    Table invoices = builder("invoices", of("id", Kind.UUID), of("tenant_id", Kind.UUID), of("account_number", Kind.INT64))
        .primaryKey("id").foreignKey(List.of("tenant_id", "account_number"), "accounts", List.of("tenant_id", "number"),
            ForeignKey.Action.NO_ACTION).index("tenant_id").build();
    assertThat(check(invoices, ACCOUNTS)).hasSize(1);
  }
}
