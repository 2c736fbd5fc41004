package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;

import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** too-many-indexes: the primary key, UNIQUE constraints and indexes all count; strictly above the threshold. */
class TooManyIndexesTest {
  private static final RuleSettings MAX_3 = new RuleSettings(Map.of(), 3, RuleSettings.DEFAULT_MAX_CASCADE_TABLES, List.of());

  /** A table keyed on c0, with {@code uniques} unique columns and {@code indexes} indexed columns after it. */
  private static Table table(boolean primaryKey, int uniques, int indexes) {
    List<dev.schemac.processor.model.Column> columns = new ArrayList<>();
    for (int i = 0; i <= uniques + indexes; i++) {
      columns.add(of("c" + i, Kind.INT32));
    }
    Models.Builder b = builder("listings", columns.toArray(dev.schemac.processor.model.Column[]::new));
    if (primaryKey) {
      b.primaryKey("c0");
    }
    for (int i = 1; i <= uniques; i++) {
      b.unique("c" + i);
    }
    for (int i = uniques + 1; i <= uniques + indexes; i++) {
      b.index("c" + i);
    }
    return b.build();
  }

  private static List<Finding> check(Table table, RuleSettings settings) {
    return new TooManyIndexes().check(schema(table), Models.context(settings));
  }

  @Test
  void atTheThreshold_doesNotFire_oneMore_fires() {
    assertThat(check(table(true, 0, 2), MAX_3)).isEmpty();
    assertThat(check(table(true, 0, 3), MAX_3)).hasSize(1);
  }

  @Test
  void defaultThreshold_isTen() {
    assertThat(RuleSettings.defaults().maxIndexes()).isEqualTo(10);
    assertThat(check(table(true, 0, 9), RuleSettings.defaults())).isEmpty();
    assertThat(check(table(true, 0, 10), RuleSettings.defaults())).hasSize(1);
  }

  @Test
  void primaryKeyAndUniqueConstraints_count() {
    assertThat(check(table(true, 1, 1), MAX_3)).isEmpty();
    assertThat(check(table(true, 2, 1), MAX_3)).hasSize(1);
    assertThat(check(table(false, 2, 1), MAX_3)).isEmpty();
    assertThat(check(table(false, 4, 0), MAX_3)).hasSize(1);
  }

  @Test
  void finding_isOnTheTable_withCountThresholdCostAndOption() {
    Finding finding = check(table(true, 1, 2), MAX_3).get(0);

    assertThat(finding.ruleId()).isEqualTo("too-many-indexes");
    assertThat(finding.table()).isEqualTo("listings");
    assertThat(finding.column()).isNull();
    assertThat(finding.message()).contains("4 indexes (the primary key, 1 UNIQUE constraint, 2 indexes)");
    assertThat(finding.message()).contains("threshold of 3");
    assertThat(finding.message()).contains("INSERT");
    assertThat(finding.message()).contains("rewrites that column's index entries");
    assertThat(finding.fix()).contains("drop the indexes production never uses (the engine's index usage statistics show them)");
    assertThat(finding.fix()).contains("-Aschemac.maxIndexes=4");
  }

  @Test
  void optionParsing_setsTheThreshold() {
    RuleSettings settings = RuleSettings.parse(Map.of("schemac.maxIndexes", "3"), List.of("too-many-indexes"));
    assertThat(check(table(true, 0, 2), settings)).isEmpty();
    assertThat(check(table(true, 0, 3), settings)).hasSize(1);
  }

  @Test
  void eachTableIsCountedOnItsOwn() {
    Table a = table(true, 0, 2);
    Table b = builder("others", of("id", Kind.INT64), of("x", Kind.INT32)).primaryKey("id").index("x").build();
    assertThat(new TooManyIndexes().check(schema(a, b), Models.context(MAX_3))).isEmpty();
  }
}
