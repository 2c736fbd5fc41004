package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Migrations.context;
import static dev.schemac.processor.testing.Migrations.withDefault;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.nullable;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model side of unique-column-with-default; MigrationDefectsTest shows PostgreSQL failing the up it stops. */
class UniqueColumnWithDefaultTest {
  private static final UniqueColumnWithDefault RULE = new UniqueColumnWithDefault();
  private static final Schema BEFORE = schema(table("items", of("id", Kind.INT64), text("name")));

  private static List<Finding> after(Table table) {
    return RULE.check(context(BEFORE, schema(table)));
  }

  private static Table withUnique(Column added, String... key) {
    return builder("items", of("id", Kind.INT64), text("name"), added).primaryKey("id").unique(key).build();
  }

  @Test
  void aUniqueColumnAddedWithALiteralDefault_fires() {
    for (String constant : List.of("9", "'x'", "true", "now()", "CURRENT_TIMESTAMP", "-1.5")) {
      List<Finding> findings = after(withUnique(withDefault(of("tag", Kind.INT64), constant), "tag"));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("tag");
      assertThat(findings.get(0).message()).startsWith("column items.tag is added to a table that already exists");
    }
    assertThat(after(withUnique(withDefault(text("code"), new ColumnDefault.Literal(ColumnDefault.LiteralKind.STRING,
        "a")), "code"))).hasSize(1);
  }

  @Test
  void aDefaultComputedPerRow_noDefault_orAKeyWithAnOldColumn_doNotFire() {
    assertThat(after(withUnique(withDefault(of("token", Kind.UUID), ColumnDefault.RANDOM_UUID), "token"))).isEmpty();
    assertThat(after(withUnique(withDefault(of("n", Kind.INT64), "nextval('items_n_seq')"), "n"))).isEmpty();
    assertThat(after(withUnique(nullable(of("tag", Kind.INT64)), "tag"))).isEmpty();
    // existing rows differ in name, so (name, tag) holds
    assertThat(after(withUnique(withDefault(of("tag", Kind.INT64), "9"), "name", "tag"))).isEmpty();
    // not unique
    assertThat(after(builder("items", of("id", Kind.INT64), text("name"), withDefault(of("tag", Kind.INT64), "9"))
        .primaryKey("id").build())).isEmpty();
  }

  @Test
  void aNewTable_orAVersionWithADataStep_doNotFire() {
    Table created = builder("tags", of("id", Kind.INT64), withDefault(of("tag", Kind.INT64), "9")).primaryKey("id")
        .unique("tag").build();
    assertThat(RULE.check(context(BEFORE, schema(table("items", of("id", Kind.INT64), text("name")), created))))
        .isEmpty();
    MigrationContext plain = context(BEFORE, schema(withUnique(withDefault(of("tag", Kind.INT64), "9"), "tag")));
    MigrationContext withStep = new MigrationContext(plain.changes(), plain.drops(), plain.singleTransaction(),
        plain.versionOrigin(), plain.targets(), true);
    assertThat(RULE.check(withStep)).isEmpty();
  }

  @Test
  void twoNewColumnsWithDefaults_keyedTogether_fireOnce() {
    Table t = builder("items", of("id", Kind.INT64), text("name"), withDefault(of("a", Kind.INT64), "1"),
        withDefault(of("b", Kind.INT64), "2")).primaryKey("id").unique("a", "b").build();
    List<Finding> findings = after(t);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).startsWith("columns a, b of items are added");
  }
}
