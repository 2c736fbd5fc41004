package dev.schemac.processor.targets.mysqlfamily;

import java.util.List;

/**
 * How an ALTER TABLE may run, written on every ALTER so that the engine refuses rather than
 * silently choosing a slower way: a metadata change ({@link #INSTANT}), a change in place that
 * lets reads and writes go on ({@link #INPLACE}), or a copy of the table that blocks writes while
 * it runs ({@link #COPY}; the {@code table-copy} rule warns about each one). A statement on a
 * table the same migration creates, still empty, says nothing ({@link #NEW_TABLE}).
 */
public enum OnlineDdl {
  NEW_TABLE,
  INSTANT("ALGORITHM=INSTANT"),
  INPLACE("ALGORITHM=INPLACE", "LOCK=NONE"),
  COPY("ALGORITHM=COPY", "LOCK=SHARED");

  private final List<String> clauses;

  OnlineDdl(String... clauses) {
    this.clauses = List.of(clauses);
  }

  public List<String> clauses() {
    return clauses;
  }

  /** The slower of the two: a statement with both kinds of change runs as the slower one needs. */
  public OnlineDdl and(OnlineDdl other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
