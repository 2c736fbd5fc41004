package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.Locale;
import java.util.Set;

/**
 * How SQLite stores each logical type, in a {@code STRICT} table (which takes only {@code
 * integer}, {@code int}, {@code real}, {@code text}, {@code blob} and {@code any}), and the
 * CHECK that keeps a column to what its Java type can hold. The table and the reason for each
 * choice are in docs/sqlite.md.
 */
final class SqliteTypes {
  private SqliteTypes() {}

  /** The type names a STRICT table accepts. */
  static final Set<String> STRICT_TYPES = Set.of("integer", "int", "real", "text", "blob", "any");

  /** Epoch milliseconds of the current time, exactly (no floating point): {@code strftime('%f')} is seconds with milliseconds. */
  static final String NOW_MILLIS =
      "CAST(strftime('%s', 'now') AS INTEGER) * 1000 + CAST(substr(strftime('%f', 'now'), 4) AS INTEGER)";

  /**
   * A random UUID of version 4 as 16 bytes: 6 random bytes, the version nibble 4 with 4 random
   * bits, a random byte, the variant bits 10 with 6 random bits, 7 random bytes. {@code substr} of a
   * blob is a blob of bytes; {@code ||} yields text, which the CAST turns back into the same bytes.
   */
  static final String RANDOM_UUID = "CAST(randomblob(6) || substr(x'" + bytes(0x40, 16) + "', 1 + (random() & 15), 1)"
      + " || randomblob(1) || substr(x'" + bytes(0x80, 64) + "', 1 + (random() & 63), 1) || randomblob(7) AS BLOB)";

  private static String bytes(int from, int count) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < count; i++) {
      hex.append(String.format(Locale.ROOT, "%02X", from + i));
    }
    return hex.toString();
  }

  /** The column's declared type. */
  static String typeName(LogicalType type) {
    if (type.array()) {
      return "text"; // a JSON array
    }
    return switch (type.kind()) {
      case STRING, FIXED_STRING, CLOB, DECIMAL, LOCAL_DATE_TIME, DATE, TIME, JSON, ENUM -> "text";
      case INT16, INT32, INT64, BOOLEAN, INSTANT, DURATION -> "integer";
      case FLOAT32, FLOAT64 -> "real";
      case UUID, BINARY, BLOB -> "blob";
      // refused first (SqliteTarget.kindsWithoutType)
      case INET, XML, OFFSET_TIME -> throw new IllegalArgumentException("no " + type.kind() + " column in SQLite");
      case RAW -> type.rawSql().strip().toLowerCase(Locale.ROOT);
      case DOCUMENT -> throw new IllegalArgumentException("an embedded document is no column type");
    };
  }

  /**
   * The shapes of a date and a time, checked before SQLite's date functions read the value: they
   * would read {@code 'now'} as the current time, which SQLite refuses in a CHECK as
   * non-deterministic (an error, not a failed CHECK); the function then checks the ranges
   * ({@code date('2024-02-30')} is {@code 2024-03-01}, not the value).
   */
  private static final String DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]";

  private static final String TIME_GLOB = "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]";

  /**
   * The CHECK (without {@code CHECK}) that keeps {@code column} (as written in SQL) to what its
   * type holds, or null when the STRICT type is enough. Each is true for NULL, as a CHECK must be
   * for a nullable column (NOT NULL says the rest).
   */
  static String check(String column, LogicalType type) {
    if (type.array()) {
      return "json_type(" + column + ") = 'array'";
    }
    return switch (type.kind()) {
      case STRING -> type.length() > 0 ? "length(" + column + ") <= " + type.length() : null;
      // SQLite pads nothing: the length is a maximum, as MariaDB, which strips the padding on reading
      case FIXED_STRING -> "length(" + column + ") <= " + type.length();
      case INT16 -> column + " BETWEEN -32768 AND 32767";
      case INT32 -> column + " BETWEEN -2147483648 AND 2147483647";
      case BOOLEAN -> column + " IN (0, 1)";
      case DECIMAL -> decimal(column, type.precision(), type.scale());
      case UUID -> "length(" + column + ") = 16";
      case LOCAL_DATE_TIME -> column + " GLOB '" + DATE_GLOB + "T" + TIME_GLOB + "' AND " + column
          + " IS strftime('%Y-%m-%dT%H:%M:%f', " + column + ")";
      case DATE -> column + " GLOB '" + DATE_GLOB + "' AND " + column + " IS date(" + column + ")";
      case TIME -> column + " GLOB '" + TIME_GLOB + "' AND " + column + " IS strftime('%H:%M:%f', " + column + ")";
      case JSON -> "json_valid(" + column + ")";
      default -> null;
    };
  }

  /**
   * A decimal as its exact text, in the one form {@code BigDecimal.setScale(scale).toPlainString()}
   * writes: an optional minus, the integer digits without leading zeros (a lone 0 before the
   * point), a point and exactly {@code scale} digits (none without a scale), at most {@code
   * precision - scale} integer digits, no negative zero. One form per value keeps equality,
   * UNIQUE and joins exact. Without a precision: any such number, any number of decimals.
   */
  static String decimal(String c, int precision, int scale) {
    if (precision == 0) {
      return "(" + c + " GLOB '[0-9]*' OR " + c + " GLOB '-[0-9]*') AND substr(" + c + ", 2) NOT GLOB '*[^0-9.]*'"
          + " AND " + c + " NOT GLOB '*.*.*' AND " + c + " NOT GLOB '*.' AND " + c + " NOT GLOB '0[0-9]*'"
          + " AND " + c + " NOT GLOB '-0[0-9]*'";
    }
    String fraction = scale == 0 ? "" : "." + "[0-9]".repeat(scale);
    String negativeZero = "-0" + (scale == 0 ? "" : "." + "0".repeat(scale));
    int maxLength = precision + (scale == 0 ? 0 : 1);
    return "(" + c + " GLOB '[0-9]*" + fraction + "' OR " + c + " GLOB '-[0-9]*" + fraction + "')"
        + " AND substr(" + c + ", 2, length(" + c + ") - " + (scale == 0 ? 1 : scale + 2) + ") NOT GLOB '*[^0-9]*'"
        + " AND " + c + " NOT GLOB '0[0-9]*' AND " + c + " NOT GLOB '-0[0-9]*' AND " + c + " <> '" + negativeZero + "'"
        + " AND (length(" + c + ") <= " + maxLength + " + (" + c + " GLOB '-*')"
        + (scale == 0 ? "" : " OR " + c + " GLOB '0.*' OR " + c + " GLOB '-0.*'") + ")";
  }

  /**
   * What a column of the type holds, for schema.md, where its STRICT type does not say it; null
   * when it does.
   */
  static String holds(LogicalType type) {
    if (type.array()) {
      return "JSON array";
    }
    return switch (type.kind()) {
      case STRING -> type.length() > 0 ? "at most " + type.length() + " characters" : null;
      case FIXED_STRING -> "at most " + type.length() + " characters";
      case INT16 -> "16-bit";
      case INT32 -> "32-bit";
      case BOOLEAN -> "0 or 1";
      case DECIMAL -> type.precision() == 0 ? "exact decimal" : "exact decimal(" + type.precision() + "," + type.scale() + ")";
      case UUID -> "UUID, 16 bytes";
      case INSTANT -> "epoch milliseconds, UTC";
      case DURATION -> "milliseconds";
      case LOCAL_DATE_TIME, DATE, TIME -> canonicalForm(type.kind());
      case JSON -> "JSON";
      case ENUM -> type.isNamedEnum() ? "enum " + type.enumTypeName() : null;
      default -> null;
    };
  }

  /** The most digits a decimal may have for its unscaled value to fit SQLite's 64-bit integer. */
  static final int INTEGER_DIGITS = 18;

  /**
   * A decimal column {@code c} (canonical text of {@code precision} and scale {@code from}) as the
   * canonical text of scale {@code to}, exactly: more decimals by appending zeros, fewer by
   * rounding half away from zero (as PostgreSQL rounds numeric) on the unscaled 64-bit integer;
   * null when that integer may not fit (more than {@value #INTEGER_DIGITS} digits).
   */
  static String rescale(String c, int precision, int from, int to) {
    if (to == from) {
      return c;
    }
    if (to > from) {
      return c + " || '" + (from == 0 ? "." : "") + "0".repeat(to - from) + "'";
    }
    String rounded = rounded(c, precision, from, to);
    if (rounded == null) {
      return null;
    }
    if (to == 0) {
      return "CAST(" + rounded + " AS TEXT)";
    }
    String unit = "1" + "0".repeat(to);
    return "CASE WHEN " + c + " IS NULL THEN NULL ELSE (CASE WHEN " + rounded + " < 0 THEN '-' ELSE '' END) || (abs("
        + rounded + ") / " + unit + ") || '.' || printf('%0" + to + "d', abs(" + rounded + ") % " + unit + ") END";
  }

  /**
   * The unscaled integer of decimal column {@code c} rounded from {@code from} to {@code to}
   * decimals (half away from zero), or null when it may not fit 64 bits.
   */
  static String rounded(String c, int precision, int from, int to) {
    if (precision == 0 || precision > INTEGER_DIGITS) {
      return null;
    }
    String unscaled = "CAST(replace(" + c + ", '.', '') AS INTEGER)";
    if (to >= from) {
      return unscaled;
    }
    String drop = "1" + "0".repeat(from - to);
    String half = "5" + "0".repeat(from - to - 1);
    return "((" + unscaled + " + (CASE WHEN " + c + " GLOB '-*' THEN -" + half + " ELSE " + half + " END)) / "
        + drop + ")";
  }

  /** How SQLite stores the type, in words, for messages. */
  static String storageWords(LogicalType type) {
    if (type.array()) {
      return "a JSON array in text";
    }
    return switch (type.kind()) {
      case UUID -> "a 16-byte blob";
      case INSTANT -> "an integer of epoch milliseconds";
      case DURATION -> "an integer of milliseconds";
      case DECIMAL -> "its exact decimal text";
      case BOOLEAN -> "an integer 0 or 1";
      case DATE, LOCAL_DATE_TIME, TIME -> "text in the form " + canonicalForm(type.kind());
      case JSON -> "JSON text";
      case BINARY, BLOB -> "a blob";
      case RAW -> "the type " + type.rawSql();
      default -> typeName(type);
    };
  }

  /** The one text form SQLite's CHECK accepts for a date or a time. */
  static String canonicalForm(Kind kind) {
    return switch (kind) {
      case DATE -> "YYYY-MM-DD";
      case LOCAL_DATE_TIME -> "YYYY-MM-DDTHH:MM:SS.SSS";
      case TIME -> "HH:MM:SS.SSS";
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }
}
