package dev.schemac.processor.model;

import java.util.List;

/**
 * A column type, independent of dialect. {@code length} applies to VARCHAR, {@code precision}
 * and {@code scale} to NUMERIC (0 = unconstrained); {@code custom} is the user's explicit SQL
 * type for CUSTOM; {@code enumValues} are the labels of a Java enum (TEXT with a CHECK, or
 * NATIVE_ENUM named {@code enumTypeName}); {@code array} makes it a one-dimensional array.
 */
public record SqlType(
    Kind kind,
    int length,
    int precision,
    int scale,
    boolean array,
    String custom,
    List<String> enumValues,
    String enumTypeName) {

  public SqlType {
    enumValues = List.copyOf(enumValues);
  }

  public static SqlType of(Kind kind) {
    return new SqlType(kind, 0, 0, 0, false, null, List.of(), null);
  }

  public static SqlType varchar(int length) {
    return new SqlType(Kind.VARCHAR, length, 0, 0, false, null, List.of(), null);
  }

  public static SqlType numeric(int precision, int scale) {
    return new SqlType(Kind.NUMERIC, 0, precision, scale, false, null, List.of(), null);
  }

  public static SqlType custom(String sql) {
    return new SqlType(Kind.CUSTOM, 0, 0, 0, false, sql, List.of(), null);
  }

  public static SqlType textEnum(List<String> values) {
    return new SqlType(Kind.TEXT, 0, 0, 0, false, null, values, null);
  }

  public static SqlType nativeEnum(String typeName, List<String> values) {
    return new SqlType(Kind.NATIVE_ENUM, 0, 0, 0, false, null, values, typeName);
  }

  public SqlType asArray() {
    return new SqlType(kind, length, precision, scale, true, custom, enumValues, enumTypeName);
  }

  public boolean isEnum() {
    return !enumValues.isEmpty();
  }

  /** A dialect-neutral description for messages: {@code varchar(255)}, {@code uuid[]}, {@code numeric(12,2)}. */
  public String describe() {
    String base = switch (kind) {
      case VARCHAR -> "varchar(" + length + ")";
      case NUMERIC -> precision == 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
      case DOUBLE -> "double precision";
      case CUSTOM -> custom;
      case NATIVE_ENUM -> enumTypeName;
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
    return array && !base.endsWith("[]") ? base + "[]" : base;
  }

  /** Same storage: what a foreign key needs of its columns and the key they reference. */
  public boolean sameStorageAs(SqlType other) {
    return kind == other.kind && array == other.array && length == other.length
        && precision == other.precision && scale == other.scale
        && java.util.Objects.equals(custom, other.custom)
        && java.util.Objects.equals(enumTypeName, other.enumTypeName);
  }

  /** The dialect-neutral kinds of column type. */
  public enum Kind {
    TEXT,
    VARCHAR,
    SMALLINT,
    INTEGER,
    BIGINT,
    BOOLEAN,
    REAL,
    DOUBLE,
    NUMERIC,
    UUID,
    TIMESTAMPTZ,
    TIMESTAMP,
    DATE,
    TIME,
    INTERVAL,
    BYTEA,
    JSONB,
    NATIVE_ENUM,
    CUSTOM;

    public boolean isIntegral() {
      return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isTextual() {
      return this == TEXT || this == VARCHAR;
    }

    public boolean isTemporal() {
      return this == TIMESTAMPTZ || this == TIMESTAMP || this == DATE || this == TIME;
    }
  }
}
