package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.processor.migrate.Snapshot;
import dev.schemac.processor.migrate.SnapshotJson;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.SchemaDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sample app's committed history as a schemac with targets reads it: versions 1 and 2 were
 * released in the format written before targets existed (PostgreSQL's kinds and SQL), version 3,
 * the current one, in the engine-neutral format; each reads into the neutral model, the hash chain
 * over the released files holds, and the difference between the released versions is what their
 * files were named after.
 */
class SnapshotHistoryTest {
  private static final Path DB = Path.of("src/main/resources/db");

  private static Snapshot read(int version) throws Exception {
    return SnapshotJson.read(Files.readString(DB.resolve("snapshots/v" + version + ".json"), StandardCharsets.UTF_8));
  }

  @Test
  void everyVersion_reads_releasedOnesInTheFormatBeforeTargets() throws Exception {
    Map<Integer, Integer> formats = new TreeMap<>();
    for (int v = 1; v <= 3; v++) {
      Snapshot s = read(v);
      assertEquals(v, s.version());
      formats.put(v, s.format());
      assertTrue(s.schema().tables().size() >= 9, "the tables of version " + v);
    }
    assertEquals(Map.of(1, 1, 2, 1, 3, SnapshotJson.FORMAT), formats);
  }

  @Test
  void hashChain_overTheReleasedFiles_holds() throws Exception {
    for (int v = 1; v <= 3; v++) {
      for (Map.Entry<String, String> file : read(v).files().entrySet()) {
        String text = Files.readString(DB.resolve(file.getKey()), StandardCharsets.UTF_8);
        assertEquals(file.getValue(), Identifiers.sha256Hex(text), "v" + v + ".json records " + file.getKey());
      }
    }
    assertTrue(read(3).files().containsKey("snapshots/v2.json"), "version 3 chains to the released snapshot 2");
    assertTrue(read(2).files().containsKey("snapshots/v1.json"), "version 2 chains to the released snapshot 1");
  }

  @Test
  void theFormatBeforeTargets_readsIntoTheNeutralModel() throws Exception {
    Table events = read(2).schema().table("audit_events").orElseThrow();
    assertEquals(LogicalType.Kind.INSTANT, events.column("occurred_at").orElseThrow().type().kind());
    assertEquals(ColumnDefault.NOW, events.column("occurred_at").orElseThrow().defaultValue()); // @CreatedAt's
    assertEquals(LogicalType.raw(new RawSql("postgresql", "inet")), events.column("ip_address").orElseThrow().type());
    assertEquals(Index.Method.BLOCK_RANGE, events.indexes().stream()
        .filter(i -> i.name().equals("idx_audit_events_occurred_at")).findFirst().orElseThrow().method());

    Table posts = read(2).schema().table("posts").orElseThrow();
    assertEquals(ColumnDefault.RANDOM_UUID, posts.column("id").orElseThrow().defaultValue());
    assertEquals(LogicalType.enumOf(List.of("DRAFT", "PUBLISHED", "ARCHIVED")), posts.column("status").orElseThrow().type());
    assertEquals(new Condition.OneOf("status", List.of("DRAFT", "PUBLISHED", "ARCHIVED"), false),
        posts.checks().stream().filter(c -> c.name().equals("posts_status_check")).findFirst().orElseThrow()
            .condition()); // the enum check schemac wrote
    assertEquals(new ColumnDefault.Raw(new RawSql("postgresql", "'DRAFT'")), posts.column("status").orElseThrow()
        .defaultValue()); // the user's @Default: raw SQL of the target it was written for
    assertEquals(LogicalType.Kind.ENUM, read(2).schema().table("orders").orElseThrow().column("status").orElseThrow()
        .type().kind());
    assertEquals("order_status", read(2).schema().table("orders").orElseThrow().column("status").orElseThrow()
        .type().enumTypeName());
  }

  @Test
  void theReleasedVersions_differAsTheirFilesAreNamed() throws Exception {
    List<String> names = SchemaDiff.between(read(1).schema(), read(2).schema()).names();
    String description = read(2).description();
    assertTrue(description.startsWith("create_audit_events_and_add_orders_note"), description);
    assertTrue(names.contains("create_audit_events") && names.contains("add_orders_note"), names.toString());
  }
}
