package dev.schemac.processor.rules;

import dev.schemac.processor.model.SqlType;
import java.util.List;

/** What a change of column type does to the values it holds, whatever the engine. */
public final class TypeChanges {
  private TypeChanges() {}

  /** Why {@code to} cannot hold every value of {@code from}, or null when it can (or the types differ in kind). */
  public static String narrowing(SqlType from, SqlType to) {
    if (from.kind() == SqlType.Kind.TEXT && to.kind() == SqlType.Kind.VARCHAR && !from.isEnum()) {
      return "text to a bounded length";
    }
    if (from.kind() == SqlType.Kind.VARCHAR && to.kind() == SqlType.Kind.VARCHAR && to.length() < from.length()) {
      return "shorter length";
    }
    if (from.kind() == SqlType.Kind.NUMERIC && to.kind() == SqlType.Kind.NUMERIC && to.precision() != 0
        && (from.precision() == 0 || to.precision() - to.scale() < from.precision() - from.scale() || to.scale() < from.scale())) {
      return "fewer digits";
    }
    List<SqlType.Kind> ints = List.of(SqlType.Kind.SMALLINT, SqlType.Kind.INTEGER, SqlType.Kind.BIGINT);
    if (ints.contains(from.kind()) && ints.contains(to.kind()) && ints.indexOf(to.kind()) < ints.indexOf(from.kind())) {
      return "a smaller integer type";
    }
    return null;
  }
}
