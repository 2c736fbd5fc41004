package dev.schemac.processor.targets;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import java.util.List;

/**
 * How the snapshots schemac wrote before it had targets (formats 1 and 2) read into the neutral
 * model: they spelled types, defaults, checks and index methods as one engine does, so that
 * engine's target reads them (PostgreSQL's). Released snapshots are never rewritten; they keep
 * being read through this.
 */
public interface LegacySnapshots {
  /** The target whose SQL those snapshots hold: their raw fragments are attributed to it. */
  SqlTarget target();

  /** A column type from its fields ({@code kind} as the old format named it). */
  LogicalType type(String kind, int length, int precision, int scale, boolean array, String custom,
      List<String> enumValues, String enumTypeName);

  /**
   * A column's default from its SQL text: the defaults schemac itself wrote come back structured
   * ({@code markers} and {@code type} say which those are), anything else as raw SQL.
   */
  ColumnDefault defaultValue(String sql, LogicalType type, List<Column.Marker> markers);

  /** A CHECK's condition from its expression; {@code enumCheck}: schemac derived it from an enum. */
  Condition condition(String expression, String column, boolean enumCheck);

  /** An index method as the old format named it. */
  Index.Method method(String name);
}
