package dev.schemac.processor.rules;

import dev.schemac.processor.model.LogicalType;
import java.util.List;

/** What a change of column type does to the values it holds, whatever the engine. */
public final class TypeChanges {
  private TypeChanges() {}

  /** Why {@code to} cannot hold every value of {@code from}, or null when it can (or the types differ in kind). */
  public static String narrowing(LogicalType from, LogicalType to) {
    if (from.kind() == LogicalType.Kind.STRING && to.kind() == LogicalType.Kind.STRING) {
      if (from.length() == 0 && to.length() > 0) {
        return "text to a bounded length";
      }
      if (from.length() > 0 && to.length() > 0 && to.length() < from.length()) {
        return "shorter length";
      }
    }
    if (from.kind() == LogicalType.Kind.DECIMAL && to.kind() == LogicalType.Kind.DECIMAL && to.precision() != 0
        && (from.precision() == 0 || to.precision() - to.scale() < from.precision() - from.scale() || to.scale() < from.scale())) {
      return "fewer digits";
    }
    List<LogicalType.Kind> ints = List.of(LogicalType.Kind.INT16, LogicalType.Kind.INT32, LogicalType.Kind.INT64);
    if (ints.contains(from.kind()) && ints.contains(to.kind()) && ints.indexOf(to.kind()) < ints.indexOf(from.kind())) {
      return "a smaller integer type";
    }
    return null;
  }
}
