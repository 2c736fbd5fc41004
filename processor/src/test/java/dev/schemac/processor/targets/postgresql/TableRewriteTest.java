package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Migrations.withDefault;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRewriteTest {
  private static final TableRewrite RULE = new TableRewrite();

  private static List<Finding> retype(LogicalType from, LogicalType to, DropAcknowledgment... drops) {
    return RULE.check(context(schema(table("events", of("id", Kind.INT64), column("size", from))),
        schema(table("events", of("id", Kind.INT64), column("size", to))), drops));
  }

  @Test
  void isPostgresqlsOwn() {
    assertThat(RULE.targets()).containsExactly(PostgresTarget.ID);
  }

  @Test
  void typeChangeThatRewrites_fires_binaryCompatibleDoesNot() {
    List<Finding> findings = retype(LogicalType.of(Kind.INT32), LogicalType.of(Kind.INT64));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).isEqualTo("column events.size changes type from integer to bigint:"
        + " PostgreSQL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.");
    assertThat(retype(LogicalType.string(10), LogicalType.string(20))).isEmpty();
    assertThat(retype(LogicalType.string(10), LogicalType.of(Kind.STRING))).isEmpty();
    assertThat(retype(LogicalType.decimal(10, 2), LogicalType.decimal(12, 2))).isEmpty();
  }

  @Test
  void unacknowledgedNarrowing_isLeftToDestructiveChange() {
    assertThat(retype(LogicalType.of(Kind.INT64), LogicalType.of(Kind.INT32))).isEmpty();
    assertThat(retype(LogicalType.of(Kind.INT64), LogicalType.of(Kind.INT32), new DropAcknowledgment("events", "size")))
        .hasSize(1);
  }

  @Test
  void columnAddedWithAVolatileDefault_fires_aConstantDoesNot() {
    Schema before = schema(table("events", of("id", Kind.INT64)));
    Column token = withDefault(of("token", Kind.UUID), "gen_random_uuid()");
    List<Finding> findings = RULE.check(context(before, schema(table("events", of("id", Kind.INT64), token))));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("token");
    assertThat(RULE.check(context(before, schema(table("events", of("id", Kind.INT64),
        withDefault(text("kind"), "'click'")))))).isEmpty();
    assertThat(RULE.check(context(before, schema(table("events", of("id", Kind.INT64), nullable(text("kind")))))))
        .isEmpty();
  }

  @Test
  void storedGeneratedColumnAdded_fires() {
    Schema before = schema(table("events", of("id", Kind.INT64), of("size", Kind.INT32)));
    Column c = of("double_size", Kind.INT32);
    Column doubled = new Column(c.name(), c.javaName(), c.javaType(), c.type(), false, null, Column.Identity.NONE,
        List.of(), null, null, List.of(), c.origin(), new dev.schemac.processor.model.RawSql(PostgresTarget.ID, "size * 2"));
    List<Finding> findings = RULE.check(context(before, schema(table("events", of("id", Kind.INT64),
        of("size", Kind.INT32), doubled))));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("double_size");
    assertThat(findings.get(0).message()).contains("stored generated column");
  }
}
