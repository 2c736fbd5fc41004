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
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.SqlType.Kind;
import dev.schemac.processor.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRewriteTest {
  private static final TableRewrite RULE = new TableRewrite();

  private static List<Finding> retype(SqlType from, SqlType to, DropAcknowledgment... drops) {
    return RULE.check(context(schema(table("events", of("id", Kind.BIGINT), column("size", from))),
        schema(table("events", of("id", Kind.BIGINT), column("size", to))), drops));
  }

  @Test
  void isPostgresqlsOwn() {
    assertThat(RULE.targets()).containsExactly(PostgresTarget.ID);
  }

  @Test
  void typeChangeThatRewrites_fires_binaryCompatibleDoesNot() {
    List<Finding> findings = retype(SqlType.of(Kind.INTEGER), SqlType.of(Kind.BIGINT));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).isEqualTo("column events.size changes type from integer to bigint:"
        + " PostgreSQL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.");
    assertThat(retype(SqlType.varchar(10), SqlType.varchar(20))).isEmpty();
    assertThat(retype(SqlType.varchar(10), SqlType.of(Kind.TEXT))).isEmpty();
    assertThat(retype(SqlType.numeric(10, 2), SqlType.numeric(12, 2))).isEmpty();
  }

  @Test
  void unacknowledgedNarrowing_isLeftToDestructiveChange() {
    assertThat(retype(SqlType.of(Kind.BIGINT), SqlType.of(Kind.INTEGER))).isEmpty();
    assertThat(retype(SqlType.of(Kind.BIGINT), SqlType.of(Kind.INTEGER), new DropAcknowledgment("events", "size")))
        .hasSize(1);
  }

  @Test
  void columnAddedWithAVolatileDefault_fires_aConstantDoesNot() {
    Schema before = schema(table("events", of("id", Kind.BIGINT)));
    Column token = withDefault(of("token", Kind.UUID), "gen_random_uuid()");
    List<Finding> findings = RULE.check(context(before, schema(table("events", of("id", Kind.BIGINT), token))));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("token");
    assertThat(RULE.check(context(before, schema(table("events", of("id", Kind.BIGINT),
        withDefault(text("kind"), "'click'")))))).isEmpty();
    assertThat(RULE.check(context(before, schema(table("events", of("id", Kind.BIGINT), nullable(text("kind")))))))
        .isEmpty();
  }
}
