package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableCopyTest {
  private static final TableCopy RULE = TableCopy.INSTANCE;

  private static List<Finding> check(Schema before, Schema after, TargetFacts... targets) {
    return RULE.check(new MigrationContext(SchemaDiff.between(before, after), List.of(), false, Origin.NONE,
        List.of(targets)));
  }

  private static Schema items(LogicalType state) {
    return schema(table("items", of("id", Kind.INT64), column("state", state)));
  }

  @Test
  void isMariaDbsAndMySqls() {
    assertThat(RULE.targets()).containsExactly(MariaDbTarget.ID, MySqlTarget.ID);
  }

  @Test
  void enumValueInsertedInTheMiddle_copies_appendedDoesNot() {
    Schema v1 = items(LogicalType.enumOf(List.of("NEW", "DONE")));
    List<Finding> middle = check(v1, items(LogicalType.enumOf(List.of("NEW", "BUSY", "DONE"))), new MariaDbTarget());
    assertThat(middle).hasSize(1);
    assertThat(middle.get(0).table()).isEqualTo("items");
    assertThat(middle.get(0).column()).isEqualTo("state");
    assertThat(middle.get(0).message()).contains("enum('NEW','DONE') to enum('NEW','BUSY','DONE')");
    assertThat(check(v1, items(LogicalType.enumOf(List.of("NEW", "DONE", "BUSY"))), new MariaDbTarget())).isEmpty();
  }

  /** Atlas MY111: a reorder renumbers the stored values (MariaDB refuses INSTANT for it: docs/targets/mariadb.md). */
  @Test
  void enumValuesReordered_copies() {
    List<Finding> findings = check(items(LogicalType.enumOf(List.of("NEW", "DONE"))),
        items(LogicalType.enumOf(List.of("DONE", "NEW"))), new MariaDbTarget(), new MySqlTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("ALGORITHM=COPY, LOCK=SHARED");
  }

  /** Atlas MY113: up to 255 values an ENUM takes one byte a row, beyond two: the 256th value copies, the 255th does not. */
  @Test
  void enumGrowingPast255Values_copies_upTo255ItDoesNot() {
    List<String> values = java.util.stream.IntStream.rangeClosed(1, 256).mapToObj(i -> "V" + i).toList();
    Schema v254 = items(LogicalType.enumOf(values.subList(0, 254)));
    Schema v255 = items(LogicalType.enumOf(values.subList(0, 255)));
    Schema v256 = items(LogicalType.enumOf(values));
    assertThat(check(v254, v255, new MariaDbTarget(), new MySqlTarget())).isEmpty();
    List<Finding> past = check(v255, v256, new MariaDbTarget(), new MySqlTarget());
    assertThat(past).hasSize(1);
    assertThat(past.get(0).message()).contains("MariaDB and MySQL can only make by copying the table");
  }

  @Test
  void nullabilityChanged_blocksWritesOnlyWhereAVirtualColumnIsIndexed() {
    Schema v1 = schema(builder("members", of("id", Kind.INT64), text("email"), text("phone"),
        nullable(of("deleted_at", Kind.INSTANT))).primaryKey("id").unique("email").softDelete("deleted_at").build());
    Schema v2 = schema(builder("members", of("id", Kind.INT64), text("email"), nullable(text("phone")),
        nullable(of("deleted_at", Kind.INSTANT))).primaryKey("id").unique("email").softDelete("deleted_at").build());
    List<Finding> findings = check(v1, v2, new MariaDbTarget(), new MySqlTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("phone");
    assertThat(findings.get(0).message()).contains("ALGORITHM=INPLACE, LOCK=SHARED");
    assertThat(findings.get(0).message()).contains("MariaDB and MySQL");
    Schema plain1 = schema(builder("members", of("id", Kind.INT64), text("phone")).primaryKey("id").build());
    Schema plain2 = schema(builder("members", of("id", Kind.INT64), nullable(text("phone"))).primaryKey("id").build());
    assertThat(check(plain1, plain2, new MariaDbTarget(), new MySqlTarget())).isEmpty(); // LOCK=NONE
  }

  @Test
  void checkAdded_copies_onANewTableItDoesNot() {
    Schema v1 = schema(table("items", of("id", Kind.INT64), of("qty", Kind.INT32)));
    Schema v2 = schema(builder("items", of("id", Kind.INT64), of("qty", Kind.INT32)).primaryKey("id")
        .check("qty >= 0").build());
    List<Finding> findings = check(v1, v2, new MariaDbTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("CHECK items_check1 is added");
    assertThat(check(schema(), v2, new MariaDbTarget())).isEmpty();
  }

  @Test
  void foreignKeyAddedToATableWithRows_copies() {
    Schema v1 = schema(table("parents", of("id", Kind.INT64)), table("children", of("id", Kind.INT64),
        of("parent_id", Kind.INT64)));
    Schema v2 = schema(table("parents", of("id", Kind.INT64)), builder("children", of("id", Kind.INT64),
        of("parent_id", Kind.INT64)).primaryKey("id").foreignKey(List.of("parent_id"), "parents", List.of("id"),
        ForeignKey.Action.NO_ACTION).index("parent_id").build());
    List<Finding> findings = check(v1, v2, new MariaDbTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("foreign key children_parent_id_fkey is added");
    assertThat(findings.get(0).column()).isEqualTo("parent_id");
  }

  /**
   * MySQL copies when the length bytes change (past 255 bytes); MariaDB lengthens in place unless a
   * stored length of 128 to 255 bytes would need a second byte (utf8mb4: from 32-63 characters to
   * 64 or more; MariaDB 11.4 refuses INSTANT there, see MariaDbMigrationTest).
   */
  @Test
  void varcharLengthened_acrossTheLengthByteLimit_copiesOnMySql_andOnMariaDbFrom128Bytes() {
    Schema v1 = items(LogicalType.string(20));
    Schema v2 = items(LogicalType.string(100));
    assertThat(check(v1, v2, new MariaDbTarget())).isEmpty();
    List<Finding> mysql = check(v1, v2, new MySqlTarget());
    assertThat(mysql).hasSize(1);
    assertThat(mysql.get(0).message()).contains("MySQL");
    List<Finding> both = check(items(LogicalType.string(50)), items(LogicalType.string(100)), new MariaDbTarget(),
        new MySqlTarget());
    assertThat(both).hasSize(1);
    assertThat(both.get(0).message()).contains("a change MariaDB and MySQL can only make by copying the table");
    assertThat(check(items(LogicalType.string(100)), items(LogicalType.string(200)), new MySqlTarget())).isEmpty();
    assertThat(check(items(LogicalType.string(100)), items(LogicalType.string(200)), new MariaDbTarget())).isEmpty();
  }

  @Test
  void bothTargetsCopying_oneFindingNamesBoth() {
    List<Finding> findings = check(items(LogicalType.of(Kind.INT32)), items(LogicalType.of(Kind.INT64)),
        new MariaDbTarget(), new MySqlTarget());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("a change MariaDB and MySQL can only make by copying the table");
  }

  @Test
  void onlyTheMySqlFamilysTargetsAreJudged() {
    assertThat(check(items(LogicalType.of(Kind.INT32)), items(LogicalType.of(Kind.INT64)), new PostgresTarget()))
        .isEmpty();
  }
}
