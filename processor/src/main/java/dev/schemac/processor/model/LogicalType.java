package dev.schemac.processor.model;

import java.util.List;
import java.util.Objects;

/**
 * What a column holds, whatever the engine: a kind (a point in time, a UUID, a string of at most
 * {@code length} characters...), its size, whether it is an array of them, the values of an enum,
 * or, for a type the user spelled, the raw SQL type and the target it is written for. Each target
 * maps it to a type of its own ({@code INSTANT} is PostgreSQL's {@code timestamptz}).
 *
 * @param kind the logical kind
 * @param length {@link Kind#STRING}, and {@link Kind#ENUM} without a named type: the most characters
 *     it holds, 0 for unbounded; {@link Kind#FIXED_STRING}: its characters
 * @param precision {@link Kind#DECIMAL}: total digits, 0 for unconstrained
 * @param scale {@link Kind#DECIMAL}: digits after the point
 * @param array a one-dimensional array of the kind
 * @param raw {@link Kind#RAW}: the user's SQL type and its target, else null
 * @param enumValues {@link Kind#ENUM}: the constants, in declaration order
 * @param enumTypeName {@link Kind#ENUM}: the named enum type ({@code @NativeEnum}), or null for an
 *     enum stored as its constant's name with a CHECK on the values
 * @param fields {@link Kind#DOCUMENT}: the fields of the embedded document, in the nested record's
 *     order, each a column of its own (name, type, nullability, comment); empty for every other kind
 */
public record LogicalType(
    Kind kind,
    int length,
    int precision,
    int scale,
    boolean array,
    RawSql raw,
    List<String> enumValues,
    String enumTypeName,
    List<Column> fields) {

  public LogicalType {
    enumValues = List.copyOf(enumValues);
    fields = List.copyOf(fields);
  }

  /** A type without fields: every kind but {@link Kind#DOCUMENT}. */
  public LogicalType(Kind kind, int length, int precision, int scale, boolean array, RawSql raw,
      List<String> enumValues, String enumTypeName) {
    this(kind, length, precision, scale, array, raw, enumValues, enumTypeName, List.of());
  }

  public static LogicalType of(Kind kind) {
    return new LogicalType(kind, 0, 0, 0, false, null, List.of(), null);
  }

  /** A string without a length bound. */
  public static LogicalType string() {
    return of(Kind.STRING);
  }

  /** A string of at most {@code length} characters. */
  public static LogicalType string(int length) {
    return new LogicalType(Kind.STRING, length, 0, 0, false, null, List.of(), null);
  }

  public static LogicalType decimal(int precision, int scale) {
    return new LogicalType(Kind.DECIMAL, 0, precision, scale, false, null, List.of(), null);
  }

  /**
   * Exactly {@code length} characters, padded with blanks ({@link Kind#FIXED_STRING}): the column
   * Hibernate gives a {@code char}, a discriminator of type CHAR and a {@code SqlTypes.CHAR}.
   */
  public static LogicalType fixedString(int length) {
    return new LogicalType(Kind.FIXED_STRING, length, 0, 0, false, null, List.of(), null);
  }

  /** A type the user spelled in SQL, for one target. */
  public static LogicalType raw(RawSql sql) {
    return new LogicalType(Kind.RAW, 0, 0, 0, false, sql, List.of(), null);
  }

  /** An enum stored as its constant's name, with a CHECK on the values. */
  public static LogicalType enumOf(List<String> values) {
    return new LogicalType(Kind.ENUM, 0, 0, 0, false, null, values, null);
  }

  /**
   * An enum stored as its constant's name in a string of at most {@code length} characters (an
   * explicit {@code @Column(length)}), with a CHECK on the values.
   */
  public static LogicalType enumOf(List<String> values, int length) {
    return new LogicalType(Kind.ENUM, length, 0, 0, false, null, values, null);
  }

  /** An enum stored in the named enum type {@code typeName} ({@code @NativeEnum}). */
  public static LogicalType namedEnum(String typeName, List<String> values) {
    return new LogicalType(Kind.ENUM, 0, 0, 0, false, null, values, typeName);
  }

  /**
   * An embedded document with these fields: a record inside a record (an array of them: {@code
   * List<Record>}, {@link #asArray()}).
   */
  public static LogicalType document(List<Column> fields) {
    return new LogicalType(Kind.DOCUMENT, 0, 0, 0, false, null, List.of(), null, fields);
  }

  public LogicalType asArray() {
    return new LogicalType(kind, length, precision, scale, true, raw, enumValues, enumTypeName, fields);
  }

  /** An embedded document, or an array of them. */
  public boolean isDocument() {
    return kind == Kind.DOCUMENT;
  }

  public boolean isEnum() {
    return kind == Kind.ENUM;
  }

  /** An enum stored in a named enum type. */
  public boolean isNamedEnum() {
    return kind == Kind.ENUM && enumTypeName != null;
  }

  /** A string with a length bound. */
  public boolean isBounded() {
    return kind == Kind.STRING && length > 0;
  }

  /** The user's SQL type text, or null when the type is not {@link Kind#RAW}. */
  public String rawSql() {
    return raw == null ? null : raw.sql();
  }

  /**
   * What is stored: an enum without a named type is stored as a string (its values are a CHECK,
   * not the type), unbounded unless the user gave it a length; everything else as it is.
   */
  public LogicalType storage() {
    if (kind == Kind.ENUM && enumTypeName == null) {
      LogicalType string = length > 0 ? string(length) : string();
      return array ? string.asArray() : string;
    }
    return this;
  }

  /** Same storage: what a foreign key needs of its columns and the key they reference, and what a migration keeps. */
  public boolean sameStorageAs(LogicalType other) {
    LogicalType a = storage();
    LogicalType b = other.storage();
    return a.kind == b.kind && a.array == b.array && a.length == b.length
        && a.precision == b.precision && a.scale == b.scale
        && Objects.equals(a.raw, b.raw)
        && Objects.equals(a.enumTypeName, b.enumTypeName)
        && sameFields(a.fields, b.fields);
  }

  /** Same fields, in the same order: names, Java names, storage, values and nullability, at every depth. */
  private static boolean sameFields(List<Column> a, List<Column> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Column x = a.get(i);
      Column y = b.get(i);
      if (!x.name().equals(y.name()) || !Objects.equals(x.javaName(), y.javaName()) || x.nullable() != y.nullable()
          || !x.type().sameStorageAs(y.type()) || !x.type().enumValues().equals(y.type().enumValues())) {
        return false;
      }
    }
    return true;
  }

  /** The logical kinds of column type. */
  public enum Kind {
    /** Characters; {@code length} bounds it. */
    STRING,
    INT16,
    INT32,
    INT64,
    BOOLEAN,
    FLOAT32,
    FLOAT64,
    /** An exact decimal number, {@code precision} and {@code scale}. */
    DECIMAL,
    UUID,
    /** A point in time (Instant, OffsetDateTime): an instant, whatever the time zone of the reader. */
    INSTANT,
    /** A date and a wall-clock time without a zone (LocalDateTime). */
    LOCAL_DATE_TIME,
    DATE,
    /** A time of day without a zone (LocalTime). */
    TIME,
    /** An amount of time (Duration). */
    DURATION,
    /** Bytes. */
    BINARY,
    /**
     * Exactly {@code length} characters, padded with blanks: not a type schemac chooses for records
     * (varchar is), but the one Hibernate gives a JPA {@code char} or {@code Character}, a CHAR
     * discriminator and {@code @JdbcTypeCode(SqlTypes.CHAR)}.
     */
    FIXED_STRING,
    /**
     * Characters kept as a large object: a JPA {@code @Lob} on a {@code String} or {@code char[]}
     * (and Hibernate's CLOB type codes). Each target stores it as Hibernate does on that engine
     * (docs/jpa.md): PostgreSQL a large object's number, others their longest text type.
     */
    CLOB,
    /** Bytes kept as a large object: a JPA {@code @Lob} on a {@code byte[]} (and Hibernate's BLOB type codes). */
    BLOB,
    /** An IP address ({@code @JdbcTypeCode(SqlTypes.INET)}); not every target has a type for it. */
    INET,
    /** An XML document ({@code @JdbcTypeCode(SqlTypes.SQLXML)}); not every target has a type for it. */
    XML,
    /**
     * A time of day with its offset from UTC ({@code @JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE)});
     * not every target has a type for it.
     */
    OFFSET_TIME,
    /** A JSON document, queryable. */
    JSON,
    /** One of the constants of a Java enum. */
    ENUM,
    /** A type the user spelled in SQL ({@link LogicalType#raw()}). */
    RAW,
    /**
     * An embedded document: a record inside a record, with its fields ({@link LogicalType#fields()});
     * a document target stores it as a sub-document, an SQL target cannot store it as a column.
     */
    DOCUMENT;

    public boolean isIntegral() {
      return this == INT16 || this == INT32 || this == INT64;
    }

    public boolean isTemporal() {
      return this == INSTANT || this == LOCAL_DATE_TIME || this == DATE || this == TIME;
    }
  }
}
