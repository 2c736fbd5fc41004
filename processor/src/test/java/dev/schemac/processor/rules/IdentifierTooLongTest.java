package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.inSchema;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Index;
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
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** identifier-too-long: more than 63 bytes, for every name in the model that a user wrote or a Java name became. */
class IdentifierTooLongTest {
  private static final String NAME_63 = "a".repeat(63);
  private static final String NAME_64 = "a".repeat(64);

  private static List<Finding> check(Table table) {
    return new IdentifierTooLong().check(schema(table), Models.context());
  }

  private static Table withParts(Table t, List<ForeignKey> fks, List<UniqueConstraint> uniques,
      List<CheckConstraint> checks, List<Index> indexes) {
    return new Table(t.schema(), t.name(), t.sourceType(), t.columns(), t.primaryKey(), fks, uniques, checks, indexes,
        t.triggers(), t.comment(), t.softDeleteColumn(), t.renamedFrom(), t.suppressions(), t.origin());
  }

  @Test
  void columnName_63bytes_isFine_64_fires() {
    assertThat(check(table("things", of("id", Kind.INT64), of(NAME_63, Kind.STRING)))).isEmpty();

    List<Finding> findings = check(table("things", of("id", Kind.INT64), of(NAME_64, Kind.STRING)));

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.ruleId()).isEqualTo("identifier-too-long");
    assertThat(finding.column()).isEqualTo(NAME_64);
    assertThat(finding.message()).contains("column name " + NAME_64 + " (of table things) is 64 bytes long");
    assertThat(finding.message()).contains("silently truncates it to " + NAME_63);
    assertThat(finding.fix()).contains("@Column(name = ");
  }

  @Test
  void tableName_fires_onTheTable() {
    String name = "customer_preferred_delivery_windows_for_weekend_and_holiday_orders";
    List<Finding> findings = check(table(name, of("id", Kind.INT64)));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isNull();
    assertThat(findings.get(0).message()).startsWith("table name " + name + " is " + name.length() + " bytes long");
    assertThat(findings.get(0).fix()).contains("@Table(name = \"customer_preferred_delivery_windows_for_weekend_and_holiday\")");
  }

  @Test
  void explicitConstraintAndIndexNames_fire_withTheColumnForSingleColumnOnes() {
    Table base = table("things", of("id", Kind.INT64), of("a", Kind.INT32), of("b", Kind.INT32));
    Table table = withParts(base,
        List.of(new ForeignKey("fk_" + NAME_64, List.of("a"), "others", List.of("id"), ForeignKey.Action.NO_ACTION,
            ForeignKey.Action.NO_ACTION, Origin.NONE)),
        List.of(new UniqueConstraint("uq_" + NAME_64, List.of("a", "b"), Origin.NONE)),
        List.of(new CheckConstraint("ck_" + NAME_64, new Condition.Raw(Models.sql("b > 0")), "b", Origin.NONE)),
        List.of(new Index("ix_" + NAME_64, List.of(new Index.Element("a", null, null, false, Index.Nulls.DEFAULT)),
            false, Index.Method.ORDERED, null, List.of(), Origin.NONE)));

    List<Finding> findings = check(table);

    assertThat(findings.stream().map(Finding::column).toList()).containsExactly("a", null, "b", "a").inOrder();
    assertThat(findings.get(0).message()).startsWith("foreign key name fk_");
    assertThat(findings.get(1).message()).startsWith("unique constraint name uq_");
    assertThat(findings.get(2).message()).startsWith("check constraint name ck_");
    assertThat(findings.get(3).message()).startsWith("index name ix_");
    assertThat(findings.get(3).fix()).contains("on its @Index or @Indexed");
  }

  @Test
  void generatedNames_areShortenedBySchemac_andNeverFire() {
    String longColumn = "a".repeat(60);
    String generated = Identifiers.generated(List.of("idx", "things", longColumn));
    Table table = withParts(table("things", of("id", Kind.INT64), of(longColumn, Kind.INT32)), List.of(),
        List.of(new UniqueConstraint(Identifiers.generated(List.of("things", longColumn, "key")), List.of(longColumn),
            Origin.NONE)),
        List.of(),
        List.of(new Index(generated, List.of(new Index.Element(longColumn, null, null, false, Index.Nulls.DEFAULT)),
            false, Index.Method.ORDERED, null, List.of(), Origin.NONE)));

    assertThat(check(table)).isEmpty();
  }

  @Test
  void nativeEnumTypeName_fires_onTheColumn() {
    Table table = table("things", of("id", Kind.INT64),
        column("state", LogicalType.namedEnum("e".repeat(64), List.of("A", "B"))));
    List<Finding> findings = check(table);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).column()).isEqualTo("state");
    assertThat(findings.get(0).fix()).contains("@NativeEnum(name = ");
  }

  @Test
  void bytesAreCounted_notCharacters() {
    String thirtyTwoTwoByteChars = "é".repeat(32); // 64 bytes in UTF-8
    assertThat(check(table("things", of("id", Kind.INT64), of(thirtyTwoTwoByteChars, Kind.STRING)))).hasSize(1);
    assertThat(check(table("things", of("id", Kind.INT64), of("é".repeat(31), Kind.STRING)))).isEmpty();
  }

  @Test
  void shorter_cutsAfterTheLastWholeWordThatFits() {
    String name = "estimated_arrival_time_reported_by_the_carrier_before_the_parcel_left_the_depot";
    String shorter = IdentifierTooLong.shorter(name);
    assertThat(shorter).isEqualTo("estimated_arrival_time_reported_by_the_carrier");
    assertThat(Identifiers.byteLength(shorter)).isAtMost(Identifiers.MAX_BYTES);
    assertThat(Identifiers.byteLength(IdentifierTooLong.shorter(NAME_64))).isEqualTo(63);
    assertThat(IdentifierTooLong.shorter("short_name")).isEqualTo("short_name");
  }

  @Test
  void aTableWithOnlyShortNames_doesNotFire() {
    assertThat(check(builder("orders", of("id", Kind.INT64), of("user_id", Kind.UUID)).primaryKey("id")
        .unique("user_id").index("user_id").build())).isEmpty();
  }

  @Test
  void sequenceName_fires_onTheSequence() {
    Sequence sequence = new Sequence("billing", NAME_64, 1, 50, Origin.NONE);
    List<Finding> findings = new IdentifierTooLong().check(new Schema(List.of(), List.of(),
        List.of(sequence, new Sequence(null, NAME_63, 1, 50, Origin.NONE)), List.of()), Models.context());

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("billing." + NAME_64);
    assertThat(findings.get(0).origin()).isSameInstanceAs(sequence.origin());
    assertThat(findings.get(0).message()).startsWith("sequence name " + NAME_64 + " (in schema billing) is 64 bytes long");
    assertThat(findings.get(0).fix()).startsWith("a shorter name on its @SequenceGenerator, such as sequenceName = ");
  }

  @Test
  void schemaName_firesOnce_onTheFirstTableOfThatSchema() {
    Table table = inSchema(NAME_64, table("things", of("id", Kind.INT64)));
    List<Finding> findings = new IdentifierTooLong().check(new Schema(List.of(table), List.of(),
        List.of(new Sequence(NAME_64, "thing_seq", 1, 1, Origin.NONE)), List.of()), Models.context());

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo(NAME_64 + ".things");
    assertThat(findings.get(0).message()).startsWith("schema name " + NAME_64 + " is 64 bytes long");
    assertThat(findings.get(0).fix()).contains("schema = \"" + NAME_63 + "\"");
  }

  @Test
  void aTableOfANamedSchema_isReportedByQualifiedName() {
    List<Finding> findings = check(inSchema("billing", table("things", of("id", Kind.INT64), of(NAME_64, Kind.STRING))));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("billing.things");
  }
}
