package dev.schemac.processor.model;

/**
 * An opaque handle from a model element back to the source element it came from, so that a
 * diagnostic can point at the exact line. The model never looks inside it.
 */
public interface Origin {
  /** For model elements that have no source (read from a snapshot, or derived). */
  Origin NONE = new Origin() {
    @Override
    public String toString() {
      return "Origin.NONE";
    }
  };
}
