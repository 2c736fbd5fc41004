package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.text;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.model.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The partial reads of a snapshot: the head (version, description, file hashes) of a released
 * one, and the tables' source types, without building the model.
 */
class SnapshotJsonHeadTest {
  private static final Snapshot SNAPSHOT = new Snapshot(3, "add_notes",
      schema(table("users", text("id"), text("name")), table("notes", text("id"))),
      Map.of("migration/V3__add_notes.sql", "ab12", "undo/U3__add_notes.sql", "cd34", "snapshots/v2.json", "ef56"));

  @Test
  void head_isWhatTheFullReadGives_withoutTheModel() {
    String json = SnapshotJson.write(SNAPSHOT);
    Snapshot head = SnapshotJson.readHead(json);
    Snapshot full = SnapshotJson.read(json);
    assertThat(head.version()).isEqualTo(full.version());
    assertThat(head.description()).isEqualTo(full.description());
    assertThat(head.files()).isEqualTo(full.files());
    assertThat(head.schema().tables()).isEmpty();
  }

  @Test
  void head_stopsAfterTheHead_soTheModelIsNotScanned() {
    String json = SnapshotJson.write(SNAPSHOT);
    String truncated = json.substring(0, json.indexOf("\"tables\"") + 12);
    assertThat(SnapshotJson.readHead(truncated).files()).isEqualTo(SNAPSHOT.files());
    assertThrows(IllegalArgumentException.class, () -> SnapshotJson.read(truncated));
  }

  @Test
  void head_checksTheFormat_andTheJson() {
    String json = SnapshotJson.write(SNAPSHOT).replace("\"format\": 3", "\"format\": 9");
    assertThat(assertThrows(IllegalArgumentException.class, () -> SnapshotJson.readHead(json)).getMessage())
        .contains("snapshot format 9 is not format 1, 2 or 3");
    assertThrows(IllegalArgumentException.class, () -> SnapshotJson.readHead("{\"format\" : "));
    assertThrows(IllegalArgumentException.class, () -> SnapshotJson.readHead("[]"));
  }

  @Test
  void sources_areTheTablesSourceTypesInOrder() {
    String json = SnapshotJson.write(SNAPSHOT);
    assertThat(SnapshotJson.readSources(json))
        .containsExactlyElementsIn(SnapshotJson.read(json).schema().tables().stream().map(Table::sourceType).toList())
        .inOrder();
    assertThat(SnapshotJson.readSources(json)).containsExactly("fixtures.users", "fixtures.notes").inOrder();
  }
}
