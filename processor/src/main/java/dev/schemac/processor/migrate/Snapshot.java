package dev.schemac.processor.migrate;

import dev.schemac.processor.model.Schema;
import java.util.Map;
import java.util.TreeMap;

/**
 * One schema version as committed: its number, the description in its file names, the model,
 * and the SHA-256 of each migration file it wrote (path relative to {@code schemac.dir} ->
 * hex), so that a hand edit of a released migration is caught; {@code format}, the format of the
 * file it was read from ({@link SnapshotJson#FORMAT} for one about to be written).
 */
public record Snapshot(int version, String description, Schema schema, Map<String, String> files, int format) {
  public Snapshot {
    files = Map.copyOf(new TreeMap<>(files));
  }

  /** A snapshot in the current format. */
  public Snapshot(int version, String description, Schema schema, Map<String, String> files) {
    this(version, description, schema, files, SnapshotJson.FORMAT);
  }

  /** Written before schemac had targets, in one engine's terms: read through that target's {@code LegacySnapshots}. */
  public boolean legacy() {
    return format != SnapshotJson.FORMAT;
  }
}
