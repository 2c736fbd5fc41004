package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.builder;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.sql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.targets.postgresql.PostgresTarget;
import dev.schemac.processor.testing.Migrations;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Format 3, the engine-neutral model, round-trips every kind of type, default and condition;
 * formats 1 and 2 (PostgreSQL's kinds and SQL) read into the same model, the defaults and enum
 * checks schemac wrote structured; and a base in an old format takes this version's element
 * wherever PostgreSQL spells both alike, so that moving to the new format migrates nothing.
 */
class SnapshotFormatsTest {
  private static final PostgresTarget POSTGRES = new PostgresTarget();

  private static Column withDefault(Column c, ColumnDefault value) {
    return Migrations.withDefault(c, value);
  }

  private static Table items() {
    Table t = builder("items",
        withDefault(of("id", Kind.UUID), ColumnDefault.RANDOM_UUID),
        withDefault(column("code", LogicalType.string(12)), new ColumnDefault.Literal(ColumnDefault.LiteralKind.STRING, "it's")),
        withDefault(of("stock", Kind.INT32), new ColumnDefault.Literal(ColumnDefault.LiteralKind.NUMBER, "0")),
        withDefault(of("active", Kind.BOOLEAN), new ColumnDefault.Literal(ColumnDefault.LiteralKind.BOOLEAN, "true")),
        withDefault(of("added_at", Kind.INSTANT), ColumnDefault.NOW),
        withDefault(column("ip", postgresType("inet")), new ColumnDefault.Raw(sql("'127.0.0.1'"))),
        column("tags", LogicalType.enumOf(List.of("A", "B")).asArray()),
        column("position", LogicalType.of(Kind.INT32)))
        .primaryKey("id").index(Index.Method.INVERTED, "stock > 0", false, "tags").build();
    return t.withChecks(List.of(
        new CheckConstraint("items_tags_check", new Condition.OneOf("tags", List.of("A", "B"), true), "tags", Origin.NONE),
        new CheckConstraint("items_position_check", new Condition.Range("position", 0, null), "position", Origin.NONE),
        new CheckConstraint("items_stock_check", new Condition.Range("stock", 0, 9L), "stock", Origin.NONE),
        new CheckConstraint("items_check", new Condition.Raw(sql("stock >= 0")), null, Origin.NONE)));
  }

  private static LogicalType postgresType(String type) {
    return LogicalType.raw(new RawSql(PostgresTarget.ID, type));
  }

  @Test
  void format3_roundTripsTheNeutralModel() {
    Schema schema = schema(items());
    String json = SnapshotJson.write(new Snapshot(1, "initial_schema", schema, Map.of()));
    assertThat(json).startsWith("{\n  \"format\": 3,");
    Snapshot read = SnapshotJson.read(json);
    assertThat(read.legacy()).isFalse();
    Table back = read.schema().table("items").orElseThrow();
    Table items = items();
    for (Column c : items.columns()) {
      Column r = back.column(c.name()).orElseThrow();
      assertThat(r.type()).isEqualTo(c.type());
      assertThat(r.defaultValue()).isEqualTo(c.defaultValue());
    }
    assertThat(back.checks().stream().map(CheckConstraint::condition).toList())
        .isEqualTo(items.checks().stream().map(CheckConstraint::condition).toList());
    assertThat(back.indexes().get(0).method()).isEqualTo(Index.Method.INVERTED);
    assertThat(back.indexes().get(0).where()).isEqualTo(sql("stock > 0"));
    assertThat(SnapshotJson.write(read)).isEqualTo(json);
    assertThat(SchemaDiff.between(read.schema(), schema).changes()).isEmpty();
  }

  /**
   * An embedded document (a nested record) and a list of them, with a document inside, and an
   * index with a time to live: what a document target reads, kept in the snapshot at every depth.
   */
  @Test
  void format3_roundTripsEmbeddedDocumentsAndTimeToLive() {
    Column zip = column("zip", LogicalType.string(10));
    LogicalType address = LogicalType.document(List.of(of("street", Kind.STRING), zip,
        Models.nullable(column("country", LogicalType.string(2)))));
    LogicalType line = LogicalType.document(List.of(of("sku", Kind.STRING), of("quantity", Kind.INT32),
        column("where", address)));
    Table orders = builder("orders", of("id", Kind.INT64), column("ship_to", address), column("lines", line.asArray()),
        of("created_at", Kind.INSTANT)).primaryKey("id").build();
    orders = orders.withIndexes(List.of(new Index("orders_expire", List.of(new Index.Element("created_at", null, null,
        false, Index.Nulls.DEFAULT)), false, Index.Method.ORDERED, null, List.of(), Origin.NONE, 86_400L)));
    Schema schema = schema(orders);
    String json = SnapshotJson.write(new Snapshot(1, "initial_schema", schema, Map.of()));
    Snapshot read = SnapshotJson.read(json);
    Table back = read.schema().table("orders").orElseThrow();
    assertThat(back.column("ship_to").orElseThrow().type()).isEqualTo(address);
    assertThat(back.column("lines").orElseThrow().type().array()).isTrue();
    assertThat(back.column("lines").orElseThrow().type().fields().get(2).type().fields().get(2).nullable()).isTrue();
    assertThat(back.indexes().get(0).expireAfterSeconds()).isEqualTo(86_400L);
    assertThat(SnapshotJson.write(read)).isEqualTo(json);
    assertThat(SchemaDiff.between(read.schema(), schema).changes()).isEmpty();

    // a field of a nested document that changes is a change of the column's type
    LogicalType widerZip = LogicalType.document(List.of(of("street", Kind.STRING), column("zip", LogicalType.string(12)),
        Models.nullable(column("country", LogicalType.string(2)))));
    Table changed = orders.withColumns(orders.columns().stream()
        .map(c -> c.name().equals("ship_to") ? column("ship_to", widerZip) : c).toList());
    assertThat(SchemaDiff.between(schema, schema(changed)).changes()).isNotEmpty();
    // and so is a new time to live
    Table longer = orders.withIndexes(List.of(new Index("orders_expire", orders.indexes().get(0).elements(), false,
        Index.Method.ORDERED, null, List.of(), Origin.NONE, 3_600L)));
    assertThat(SchemaDiff.between(schema, schema(longer)).changes()).isNotEmpty();
  }

  /** What a schemac before targets wrote for these columns, checks and indexes. */
  private static final String FORMAT_1 = """
      {
        "format": 1,
        "version": 1,
        "description": "initial_schema",
        "files": {},
        "enumTypes": [],
        "tables": [
          {
            "name": "items",
            "source": "fixtures.items",
            "columns": [
              {"name": "id", "type": {"kind": "UUID"}, "default": "gen_random_uuid()"},
              {"name": "code", "type": {"kind": "VARCHAR", "length": 12}, "default": "'it''s'"},
              {"name": "stock", "type": {"kind": "INTEGER"}, "default": "0"},
              {"name": "active", "type": {"kind": "BOOLEAN"}, "default": "true"},
              {"name": "added_at", "type": {"kind": "TIMESTAMPTZ"}, "default": "now()", "markers": ["CREATED_AT"]},
              {"name": "ip", "type": {"kind": "CUSTOM", "custom": "inet"}, "default": "'127.0.0.1'"},
              {"name": "tags", "type": {"kind": "TEXT", "array": true, "enumValues": ["A", "B"]}},
              {"name": "position", "type": {"kind": "INTEGER"}}
            ],
            "primaryKey": {"name": "items_pkey", "columns": ["id"]},
            "foreignKeys": [],
            "uniques": [],
            "checks": [
              {"name": "items_tags_check", "expression": "tags <@ ARRAY['A', 'B']::text[]", "column": "tags",
               "enumCheck": true},
              {"name": "items_position_check", "expression": "position >= 0", "column": "position"},
              {"name": "items_stock_check", "expression": "stock BETWEEN 0 AND 9", "column": "stock",
               "enumCheck": true},
              {"name": "items_check", "expression": "stock >= 0"}
            ],
            "indexes": [
              {"name": "idx_items_tags", "elements": [{"column": "tags"}], "method": "GIN", "where": "stock > 0"}
            ],
            "triggers": []
          }
        ]
      }
      """;

  @Test
  void format1_readsIntoTheNeutralModel_schemacsOwnDefaultsAndEnumChecksStructured() {
    Snapshot old = SnapshotJson.read(FORMAT_1);
    assertThat(old.legacy()).isTrue();
    Table t = old.schema().table("items").orElseThrow();
    assertThat(t.column("id").orElseThrow().defaultValue()).isEqualTo(ColumnDefault.RANDOM_UUID);
    assertThat(t.column("added_at").orElseThrow().defaultValue()).isEqualTo(ColumnDefault.NOW);
    assertThat(t.column("added_at").orElseThrow().type()).isEqualTo(LogicalType.of(Kind.INSTANT));
    assertThat(t.column("code").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Raw(sql("'it''s'")));
    assertThat(t.column("tags").orElseThrow().type()).isEqualTo(LogicalType.enumOf(List.of("A", "B")).asArray());
    assertThat(t.checks().get(0).condition()).isEqualTo(new Condition.OneOf("tags", List.of("A", "B"), true));
    assertThat(t.checks().get(1).condition()).isEqualTo(new Condition.Raw(sql("position >= 0")));
    assertThat(t.checks().get(2).condition()).isEqualTo(new Condition.Range("stock", 0, 9L));
    assertThat(t.indexes().get(0).method()).isEqualTo(Index.Method.INVERTED);
    assertThat(t.indexes().get(0).where()).isEqualTo(sql("stock > 0"));
  }

  @Test
  void legacyBase_takesThisVersionsElements_wherePostgresqlSpellsThemAlike() {
    Schema current = schema(items());
    Schema old = SnapshotJson.read(FORMAT_1).schema();
    assertThat(SchemaDiff.between(old, current).changes()).isNotEmpty(); // raw '0' is not the literal 0...
    Schema reconciled = LegacyBase.reconcile(old, current, POSTGRES);
    assertThat(SchemaDiff.between(reconciled, current).changes()).isEmpty(); // ...but PostgreSQL writes both alike

    // a real difference stays one
    Table changed = items().withColumns(items().columns().stream().map(c -> c.name().equals("stock")
        ? withDefault(c, new ColumnDefault.Literal(ColumnDefault.LiteralKind.NUMBER, "1")) : c).toList());
    assertThat(SchemaDiff.between(LegacyBase.reconcile(old, schema(changed), POSTGRES), schema(changed)).names())
        .containsExactly("default_items_stock");
  }
}
