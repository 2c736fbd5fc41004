package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The column types the name-based rules are about: text (a Java String, also when the user
 * spelled a character type with {@code @Column(type = "char(36)")}, as its target reads it) and
 * numbers. An enum is never "text", whatever its storage: its values are the enum's constants.
 */
final class ColumnTypes {
  private static final Pattern TYPE_ANNOTATION = Pattern.compile("@[\\w.]+(\\([^)]*\\))?\\s*");
  private ColumnTypes() {}

  /**
   * A String column, scalar or (when {@code arrays}) an array of them; with a type the user
   * spelled, one its target reads as a string, on a Java String.
   */
  static boolean isText(Column column, boolean arrays, RuleContext context) {
    LogicalType type = context.stored(column.type());
    boolean spelled = column.type().kind() == Kind.RAW || column.type().kind() == Kind.FIXED_STRING;
    if (type.kind() != Kind.STRING || spelled && !isString(column)) {
      return false;
    }
    return arrays || !type.array();
  }

  /** A scalar number column (integral, numeric or floating point), not an enum stored as its ordinal. */
  static boolean isNumber(Column column, RuleContext context) {
    LogicalType type = context.stored(column.type());
    if (type.array() || column.has(Column.Marker.ENUM_ORDINAL)) {
      return false;
    }
    return switch (type.kind()) {
      case INT16, INT32, INT64, DECIMAL, FLOAT32, FLOAT64 -> true;
      default -> false;
    };
  }

  /** The component name to show in a fix: the Java name, or the column's name in camelCase. */
  static String javaName(Column column) {
    return column.javaName() != null ? column.javaName() : camelCase(Words.of(column.name()));
  }

  static String camelCase(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      out.append(out.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.toString();
  }

  /** Lower-case whole words of a column name. */
  static List<String> words(Column column) {
    return Words.of(column.name().toLowerCase(Locale.ROOT));
  }

  /** How to say "drop the explicit SQL type" when there is one. */
  static String withoutCustomType(Table table, Column column) {
    return column.type().kind() == Kind.RAW ? " and remove " + Fixes.columnType(table, column.type().rawSql()) : "";
  }

  private static boolean isString(Column column) {
    if (column.javaType() == null) {
      return true;
    }
    // type-use annotations (JSpecify's @Nullable) are part of the written type
    String type = TYPE_ANNOTATION.matcher(column.javaType()).replaceAll("").strip();
    return type.equals("java.lang.String") || type.equals("java.lang.String[]")
        || type.equals("java.util.List<java.lang.String>");
  }
}
