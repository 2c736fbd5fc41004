package dev.schemac.processor.migrate;

import dev.schemac.processor.model.Schema;
import java.util.Map;
import java.util.TreeMap;

/**
 * One schema version as committed: its number, the description in its file names, the model,
 * and the SHA-256 of each migration file it wrote (path relative to {@code schemac.dir} ->
 * hex), so that a hand edit of a released migration is caught.
 */
public record Snapshot(int version, String description, Schema schema, Map<String, String> files) {
  public Snapshot {
    files = Map.copyOf(new TreeMap<>(files));
  }
}
