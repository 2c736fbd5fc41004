package dev.schemac.processor.targets.mysqlfamily;

import java.util.List;

/**
 * How an ALTER TABLE may run, written on every ALTER so that the engine refuses rather than
 * silently choosing a slower way: a metadata change ({@link #INSTANT}), a change in place that
 * lets reads and writes go on ({@link #INPLACE}), a rebuild in place that blocks writes ({@link
 * #INPLACE_SHARED}), or a copy of the table that blocks writes while it runs ({@link #COPY}); the
 * {@code table-copy} rule warns about each statement that blocks writes. A statement on a table
 * the same migration creates, still empty, says nothing ({@link #NEW_TABLE}).
 */
public enum OnlineDdl {
  NEW_TABLE,
  INSTANT("ALGORITHM=INSTANT"),
  INPLACE("ALGORITHM=INPLACE", "LOCK=NONE"),
  /**
   * A column made nullable, which InnoDB does by rebuilding the table in place, on a table with an
   * indexed virtual column (the {@code live_row} of a soft-delete UNIQUE, the column of a MariaDB
   * expression index, a MySQL functional key part): InnoDB cannot rebuild such a table online
   * (MariaDB 11.4: "LOCK=NONE is not supported. Reason: online rebuild with indexed virtual
   * columns. Try LOCK=SHARED"), so reads go on and writes wait. (Made NOT NULL there, it copies.)
   */
  INPLACE_SHARED("ALGORITHM=INPLACE", "LOCK=SHARED"),
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
