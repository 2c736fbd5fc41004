package dev.schemac.processor.rules;

import dev.schemac.processor.model.LogicalType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type name a user wrote in {@code @Column(type = "...")}, without its size and array
 * brackets, in one spelling: {@code "character (2)[]"} is {@code character}, {@code
 * "double  precision"} is {@code double precision}. The type rules compare these names.
 */
public final class CustomTypes {
  private CustomTypes() {}

  private static final Pattern ARRAY = Pattern.compile("\\[\\s*]");
  private static final Pattern ARGUMENTS = Pattern.compile("\\([^)]*\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The base name of a CUSTOM type; empty for every type schemac derived itself. */
  public static String baseName(LogicalType type) {
    if (type.kind() != LogicalType.Kind.RAW || type.rawSql() == null) {
      return "";
    }
    String base = ARRAY.matcher(type.rawSql().toLowerCase(Locale.ROOT)).replaceAll(" ");
    base = ARGUMENTS.matcher(base).replaceAll(" ");
    return SPACES.matcher(base).replaceAll(" ").strip();
  }
}
