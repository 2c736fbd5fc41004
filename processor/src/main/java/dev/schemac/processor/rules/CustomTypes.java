package dev.schemac.processor.rules;

import dev.schemac.processor.model.SqlType;
import java.util.Locale;

/**
 * The type name a user wrote in {@code @Column(type = "...")}, without its size and array
 * brackets, in one spelling: {@code "character (2)[]"} is {@code character}, {@code
 * "double  precision"} is {@code double precision}. The type rules compare these names.
 */
public final class CustomTypes {
  private CustomTypes() {}

  /** The base name of a CUSTOM type; empty for every type schemac derived itself. */
  public static String baseName(SqlType type) {
    if (type.kind() != SqlType.Kind.CUSTOM || type.custom() == null) {
      return "";
    }
    return type.custom().toLowerCase(Locale.ROOT)
        .replaceAll("\\[\\s*]", " ")
        .replaceAll("\\([^)]*\\)", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
