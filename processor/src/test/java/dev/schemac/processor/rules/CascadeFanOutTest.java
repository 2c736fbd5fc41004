package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.of;

import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CascadeFanOutTest {
  private static final CascadeFanOut RULE = new CascadeFanOut();

  private static RuleContext max(int n) {
    return Models.context(new RuleSettings(Map.of(), RuleSettings.DEFAULT_MAX_INDEXES, n, List.of()));
  }

  private static Table root(String name) {
    return builder(name, of("id", LogicalType.Kind.UUID)).primaryKey("id").build();
  }

  private static Table child(String name, String parent, ForeignKey.Action onDelete) {
    return builder(name, of("id", LogicalType.Kind.UUID), of("parent_id", LogicalType.Kind.UUID))
        .primaryKey("id")
        .foreignKey(List.of("parent_id"), parent, List.of("id"), onDelete)
        .index("parent_id")
        .build();
  }

  /** A root with {@code n} tables cascading from it directly. */
  private static Schema star(int n, ForeignKey.Action onDelete) {
    List<Table> tables = new ArrayList<>();
    tables.add(root("accounts"));
    for (int i = 1; i <= n; i++) {
      tables.add(child("child_" + i, "accounts", onDelete));
    }
    return new Schema(tables, List.of(), List.of());
  }

  /** accounts <- a1 <- a2 <- ... <- an, every link cascading. */
  private static Schema line(int n) {
    List<Table> tables = new ArrayList<>();
    tables.add(root("accounts"));
    String parent = "accounts";
    for (int i = 1; i <= n; i++) {
      tables.add(child("level_" + i, parent, ForeignKey.Action.CASCADE));
      parent = "level_" + i;
    }
    return new Schema(tables, List.of(), List.of());
  }

  @Test
  void atTheDefaultThreshold_doesNotFire() {
    assertThat(RULE.check(star(5, ForeignKey.Action.CASCADE), Models.context())).isEmpty();
  }

  @Test
  void oneOverTheDefaultThreshold_firesOnTheRoot() {
    List<Finding> findings = RULE.check(star(6, ForeignKey.Action.CASCADE), Models.context());
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.table()).isEqualTo("accounts");
    assertThat(f.column()).isNull();
    assertThat(f.message()).contains("cascades to 6 other tables, more than 5");
    assertThat(f.message()).contains("child_1 (accounts -> child_1), child_2 (accounts -> child_2)");
    assertThat(f.fix()).contains("ON DELETE RESTRICT");
    assertThat(f.fix()).contains("-Aschemac.maxCascadeTables=6");
  }

  @Test
  void configuredThreshold_isTheBoundary() {
    assertThat(RULE.check(star(3, ForeignKey.Action.CASCADE), max(3))).isEmpty();
    assertThat(RULE.check(star(4, ForeignKey.Action.CASCADE), max(3))).hasSize(1);
    assertThat(RULE.check(star(1, ForeignKey.Action.CASCADE), max(1))).isEmpty();
    assertThat(RULE.check(star(2, ForeignKey.Action.CASCADE), max(1))).hasSize(1);
    assertThat(RULE.check(star(6, ForeignKey.Action.CASCADE), max(6))).isEmpty();
  }

  @Test
  void chains_areFollowedTransitively_andEveryTableOnALongEnoughChainIsReported() {
    List<Finding> findings = RULE.check(line(6), Models.context());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("accounts");
    assertThat(findings.get(0).message())
        .contains("level_6 (accounts -> level_1 -> level_2 -> level_3 -> level_4 -> level_5 -> level_6)");

    List<String> tables = RULE.check(line(7), Models.context()).stream().map(Finding::table).toList();
    assertThat(tables).containsExactly("accounts", "level_1");
  }

  @Test
  void nonCascadingActions_stopTheChain() {
    for (ForeignKey.Action action : List.of(ForeignKey.Action.RESTRICT, ForeignKey.Action.NO_ACTION,
        ForeignKey.Action.SET_NULL, ForeignKey.Action.SET_DEFAULT)) {
      assertThat(RULE.check(star(10, action), Models.context())).isEmpty();
    }
    // accounts <- projects (cascade) <- 9 tables (restrict): a DELETE on accounts reaches one table.
    List<Table> tables = new ArrayList<>();
    tables.add(root("accounts"));
    tables.add(child("projects", "accounts", ForeignKey.Action.CASCADE));
    for (int i = 1; i <= 9; i++) {
      tables.add(child("leaf_" + i, "projects", ForeignKey.Action.RESTRICT));
    }
    assertThat(RULE.check(new Schema(tables, List.of(), List.of()), max(1))).isEmpty();
  }

  @Test
  void diamonds_countEachTableOnce() {
    // a <- b, a <- c, b <- d, c <- d: d is reached twice but counted once.
    Table a = root("a");
    Table b = child("b", "a", ForeignKey.Action.CASCADE);
    Table c = child("c", "a", ForeignKey.Action.CASCADE);
    Table d = builder("d", of("id", LogicalType.Kind.UUID), of("b_id", LogicalType.Kind.UUID), of("c_id", LogicalType.Kind.UUID))
        .primaryKey("id")
        .foreignKey(List.of("b_id"), "b", List.of("id"), ForeignKey.Action.CASCADE)
        .foreignKey(List.of("c_id"), "c", List.of("id"), ForeignKey.Action.CASCADE)
        .build();
    Schema schema = new Schema(List.of(a, b, c, d), List.of(), List.of());
    assertThat(RULE.check(schema, max(3))).isEmpty();
    List<Finding> findings = RULE.check(schema, max(2));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("cascades to 3 other tables");
  }

  @Test
  void selfReferences_andCycles_terminateAndDoNotCountTheTableItself() {
    Table comments = builder("comments", of("id", LogicalType.Kind.UUID), of("parent_id", LogicalType.Kind.UUID))
        .primaryKey("id")
        .foreignKey(List.of("parent_id"), "comments", List.of("id"), ForeignKey.Action.CASCADE)
        .build();
    assertThat(RULE.check(new Schema(List.of(comments), List.of(), List.of()), max(1))).isEmpty();

    // x <- y <- z <- x: each reaches the two others, never itself.
    Table x = child("x", "z", ForeignKey.Action.CASCADE);
    Table y = child("y", "x", ForeignKey.Action.CASCADE);
    Table z = child("z", "y", ForeignKey.Action.CASCADE);
    Schema cycle = new Schema(List.of(x, y, z), List.of(), List.of());
    assertThat(RULE.check(cycle, max(2))).isEmpty();
    List<Finding> findings = RULE.check(cycle, max(1));
    assertThat(findings.stream().map(Finding::table).toList()).containsExactly("x", "y", "z");
    assertThat(findings.get(0).message()).contains("y (x -> y), z (x -> y -> z)");
  }

  @Test
  void foreignKeyToAnUnknownTable_isIgnored() {
    assertThat(RULE.check(new Schema(List.of(child("orphans", "nowhere", ForeignKey.Action.CASCADE)), List.of(),
        List.of()), max(1))).isEmpty();
  }

  @Test
  void chainsAcrossSchemas_followQualifiedNames() {
    Table accounts = Models.inSchema("billing", root("accounts"));
    Table invoices = Models.inSchema("billing", child("invoices", "billing.accounts", ForeignKey.Action.CASCADE));
    Table lines = child("lines", "billing.invoices", ForeignKey.Action.CASCADE);

    List<Finding> findings = RULE.check(new Schema(List.of(accounts, invoices, lines), List.of(), List.of()), max(1));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).table()).isEqualTo("billing.accounts");
    assertThat(findings.get(0).message()).contains("billing.invoices (billing.accounts -> billing.invoices),"
        + " lines (billing.accounts -> billing.invoices -> lines)");
  }
}
