package dev.schemac.processor.model;

/** A row trigger: BEFORE UPDATE on its table, calling a schemac function for {@code column}. */
public record Trigger(String name, Kind kind, String column) {
  /** The triggers schemac knows how to write. */
  public enum Kind {
    /** Sets the column to now() on every UPDATE. */
    SET_UPDATED_AT
  }
}
