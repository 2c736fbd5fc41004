package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.targets.postgresql.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reserved-word: whole names that are PostgreSQL's reserved key words; names that merely contain one are fine. */
class ReservedWordTest {
  /** Reserved words people really give components, whatever their type. */
  private static final List<String> RESERVED = List.of(
      "order", "user", "group", "limit", "offset", "check", "default", "primary", "desc", "asc", "end", "from",
      "to", "table", "column", "window", "case", "references", "unique", "select", "where", "all", "any",
      "analyze", "array", "both", "cast", "collation", "constraint", "current_user", "current_date", "do", "else",
      "except", "fetch", "for", "foreign", "grant", "having", "in", "into", "leading", "only", "placing",
      "returning", "some", "then", "trailing", "union", "using", "variadic", "when", "with", "true", "null");

  /** Realistic names that contain or resemble a reserved word, or are non-reserved key words. */
  private static final List<String> FINE = List.of(
      "sort_order", "order_id", "orders", "user_id", "username", "users", "app_user", "user_group", "groups",
      "group_id", "max_limit", "rate_limit", "limits", "utc_offset", "offset_seconds", "checked_at", "checksum",
      "is_default", "defaults", "primary_email", "description", "ends_at", "end_date", "sender", "recipient",
      "table_name", "column_name", "time_window", "case_number", "reference", "name", "type", "value", "key",
      "status", "position", "level", "comment", "date", "time", "text", "data", "action", "owner", "role",
      "timestamp", "year", "month", "index", "language", "location", "number", "password_reset_at", "token_count",
      "pinned", "spinner", "shipping", "spin_count", "selected", "wherever", "unions", "variant", "window_size");

  private static List<Finding> checkColumn(String name) {
    return new ReservedWord().check(schema(table("things", of("id", Kind.INT64), column(name, LogicalType.of(Kind.INT32)))),
        Models.context());
  }

  @Test
  void listsAreLargeEnough() {
    assertThat(RESERVED.size()).isAtLeast(30);
    assertThat(FINE.size()).isAtLeast(30);
  }

  @Test
  void reservedColumnNames_fire() {
    for (String name : RESERVED) {
      assertWithMessage(name).that(PostgresDialect.RESERVED_WORDS).contains(name);
      assertWithMessage(name).that(checkColumn(name)).hasSize(1);
    }
  }

  @Test
  void otherNames_doNotFire() {
    for (String name : FINE) {
      assertWithMessage(name).that(checkColumn(name)).isEmpty();
    }
  }

  @Test
  void reservedWords_fireOnEveryColumnType() {
    for (Kind kind : List.of(Kind.STRING, Kind.UUID, Kind.BOOLEAN, Kind.INSTANT, Kind.JSON)) {
      assertThat(new ReservedWord().check(schema(table("things", of("id", Kind.INT64), of("order", kind))),
          Models.context())).hasSize(1);
    }
  }

  @Test
  void columnFinding_namesTheDialectAndTheBrokenQuery_andSuggestsAName() {
    Finding finding = checkColumn("order").get(0);

    assertThat(finding.ruleId()).isEqualTo("reserved-word");
    assertThat(finding.table()).isEqualTo("things");
    assertThat(finding.column()).isEqualTo("order");
    assertThat(finding.message()).contains("things.order");
    assertThat(finding.message()).contains("reserved key word of PostgreSQL");
    assertThat(finding.message()).contains("`SELECT order FROM things` is a syntax error");
    assertThat(finding.fix()).startsWith("@Column(name = \"sort_order\") on order");
  }

  @Test
  void valueWords_readWithoutError_andTheMessageSaysSo() {
    assertThat(checkColumn("user").get(0).message()).contains("`SELECT user FROM things` is not even an error");
    assertThat(checkColumn("user").get(0).fix()).startsWith("@Column(name = \"app_user\")");
  }

  @Test
  void unlistedWords_getATablePrefixedSuggestion() {
    List<Finding> findings = new ReservedWord().check(
        schema(table("categories", of("id", Kind.INT64), of("only", Kind.BOOLEAN))), Models.context());
    assertThat(findings.get(0).fix()).startsWith("@Column(name = \"category_only\")");
  }

  @Test
  void reservedTableName_fires_onTheTable() {
    List<Finding> findings = new ReservedWord().check(schema(table("user", of("id", Kind.INT64))),
        Models.context());

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isNull();
    assertThat(findings.get(0).message()).contains("table name \"user\"");
    assertThat(findings.get(0).message()).contains("`SELECT * FROM user` is a syntax error");
    assertThat(findings.get(0).fix()).startsWith("@Table(name = \"app_users\")");
  }

  @Test
  void pluralTableNames_doNotFire() {
    for (String name : List.of("users", "orders", "groups", "checks", "tables", "columns", "windows", "limits",
        "order_items", "user_groups", "references_log")) {
      assertWithMessage(name).that(new ReservedWord().check(schema(table(name, of("id", Kind.INT64))),
          Models.context())).isEmpty();
    }
  }

  @Test
  void reservedSequenceName_fires_onTheSequence() {
    Sequence order = new Sequence(null, "order", 1, 50, Origin.NONE);
    List<Finding> findings = new ReservedWord().check(new Schema(List.of(), List.of(),
        List.of(order, new Sequence(null, "order_seq", 1, 50, Origin.NONE)), List.of()), Models.context());

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("order");
    assertThat(findings.get(0).column()).isNull();
    assertThat(findings.get(0).origin()).isSameInstanceAs(order.origin());
    assertThat(findings.get(0).message()).startsWith("sequence name \"order\" is a reserved key word of PostgreSQL");
    assertThat(findings.get(0).message()).contains("`ALTER SEQUENCE order RESTART` is a syntax error");
    assertThat(findings.get(0).fix()).startsWith("sequenceName = \"order_seq\" on its @SequenceGenerator");
  }

  @Test
  void reservedSchemaName_firesOnce_onTheFirstTableOfThatSchema() {
    Schema schema = new Schema(List.of(inSchema("user", table("b_things", of("id", Kind.INT64))),
        inSchema("user", table("a_things", of("id", Kind.INT64))), inSchema("users", table("c", of("id", Kind.INT64)))),
        List.of(), List.of(new Sequence("user", "thing_seq", 1, 1, Origin.NONE)), List.of());

    List<Finding> findings = new ReservedWord().check(schema, Models.context());

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("user.a_things");
    assertThat(findings.get(0).message()).startsWith("schema name \"user\" is a reserved key word of PostgreSQL");
    assertThat(findings.get(0).message()).contains("`SELECT * FROM user.a_things` is a syntax error");
    assertThat(findings.get(0).fix()).startsWith("schema = \"users\" on its @Table or @SequenceGenerator");
  }

  @Test
  void aSchemaOfSequencesOnly_isReportedOnItsFirstSequence() {
    List<Finding> findings = new ReservedWord().check(new Schema(List.of(), List.of(),
        List.of(new Sequence("order", "b_seq", 1, 1, Origin.NONE), new Sequence("order", "a_seq", 1, 1, Origin.NONE)),
        List.of()), Models.context());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("order.a_seq");
  }

  @Test
  void aTableOfANamedSchema_isReportedByQualifiedName() {
    List<Finding> findings = new ReservedWord().check(schema(inSchema("billing", table("user", of("id", Kind.INT64),
        of("order", Kind.INT32)))), Models.context());
    assertThat(findings.stream().map(Finding::table).toList()).containsExactly("billing.user", "billing.user");
  }
}
