package dev.schemac.processor.read;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Column types as Hibernate ORM 7 gives them on PostgreSQL where JPA says nothing: the legacy Java
 * types it maps ({@code java.sql.Timestamp}, {@code char}, {@code BigInteger}...), the type codes of
 * {@code @JdbcTypeCode} and the classes of {@code @JdbcType}, and Bean Validation's {@code @Size}
 * and {@code @Digits}. Each mapping was checked against Hibernate's schema export by the parity
 * test (docs/jpa.md).
 */
final class HibernateTypes {
  /** {@code org.hibernate.type.SqlTypes}: the codes {@code @JdbcTypeCode} takes, by value, for messages. */
  private static final Map<Integer, String> CODE_NAMES = Map.ofEntries(
      Map.entry(-7, "BIT"), Map.entry(-6, "TINYINT"), Map.entry(5, "SMALLINT"), Map.entry(4, "INTEGER"),
      Map.entry(-5, "BIGINT"), Map.entry(6, "FLOAT"), Map.entry(7, "REAL"), Map.entry(8, "DOUBLE"),
      Map.entry(2, "NUMERIC"), Map.entry(3, "DECIMAL"), Map.entry(1, "CHAR"), Map.entry(12, "VARCHAR"),
      Map.entry(-1, "LONGVARCHAR"), Map.entry(4001, "LONG32VARCHAR"), Map.entry(91, "DATE"), Map.entry(92, "TIME"),
      Map.entry(93, "TIMESTAMP"), Map.entry(-2, "BINARY"), Map.entry(-3, "VARBINARY"), Map.entry(-4, "LONGVARBINARY"),
      Map.entry(4003, "LONG32VARBINARY"), Map.entry(0, "NULL"), Map.entry(1111, "OTHER"),
      Map.entry(2000, "JAVA_OBJECT"), Map.entry(2001, "DISTINCT"), Map.entry(2002, "STRUCT"), Map.entry(2003, "ARRAY"),
      Map.entry(4000, "TABLE"), Map.entry(2004, "BLOB"), Map.entry(2005, "CLOB"), Map.entry(2006, "REF"),
      Map.entry(70, "DATALINK"), Map.entry(16, "BOOLEAN"), Map.entry(-8, "ROWID"), Map.entry(-15, "NCHAR"),
      Map.entry(-9, "NVARCHAR"), Map.entry(-16, "LONGNVARCHAR"), Map.entry(4002, "LONG32NVARCHAR"),
      Map.entry(2011, "NCLOB"), Map.entry(2009, "SQLXML"), Map.entry(2012, "REF_CURSOR"),
      Map.entry(2013, "TIME_WITH_TIMEZONE"), Map.entry(2014, "TIMESTAMP_WITH_TIMEZONE"), Map.entry(3000, "UUID"),
      Map.entry(3001, "JSON"), Map.entry(3002, "INET"), Map.entry(3003, "TIMESTAMP_UTC"),
      Map.entry(3004, "MATERIALIZED_BLOB"), Map.entry(3005, "MATERIALIZED_CLOB"), Map.entry(3006, "MATERIALIZED_NCLOB"),
      Map.entry(3007, "TIME_UTC"), Map.entry(3008, "INSTANT"), Map.entry(3009, "LOCAL_DATE_TIME"),
      Map.entry(3010, "LOCAL_DATE"), Map.entry(3011, "LOCAL_TIME"), Map.entry(3012, "OFFSET_DATE_TIME"),
      Map.entry(3013, "OFFSET_TIME"), Map.entry(3014, "ZONED_DATE_TIME"), Map.entry(3015, "DURATION"),
      Map.entry(3016, "STRUCT_ARRAY"), Map.entry(3017, "STRUCT_TABLE"), Map.entry(3018, "JSON_ARRAY"),
      Map.entry(3019, "XML_ARRAY"), Map.entry(3100, "INTERVAL_SECOND"), Map.entry(3200, "GEOMETRY"),
      Map.entry(3201, "POINT"), Map.entry(3250, "GEOGRAPHY"), Map.entry(6000, "ENUM"), Map.entry(6001, "NAMED_ENUM"),
      Map.entry(6002, "ORDINAL_ENUM"), Map.entry(6003, "NAMED_ORDINAL_ENUM"), Map.entry(10000, "VECTOR"));

  /** The {@code @JdbcType} classes schemac knows (Hibernate's own), by simple name: their type code. */
  private static final Map<String, Integer> JDBC_TYPE_CLASSES = Map.ofEntries(
      Map.entry("VarcharJdbcType", 12), Map.entry("NVarcharJdbcType", -9), Map.entry("CharJdbcType", 1),
      Map.entry("NCharJdbcType", -15), Map.entry("LongVarcharJdbcType", -1), Map.entry("LongNVarcharJdbcType", -16),
      Map.entry("UUIDJdbcType", 3000), Map.entry("PostgreSQLUUIDJdbcType", 3000), Map.entry("BinaryJdbcType", -2),
      Map.entry("VarbinaryJdbcType", -3), Map.entry("LongVarbinaryJdbcType", -4), Map.entry("IntegerJdbcType", 4),
      Map.entry("BigIntJdbcType", -5), Map.entry("SmallIntJdbcType", 5), Map.entry("TinyIntJdbcType", -6),
      Map.entry("BooleanJdbcType", 16), Map.entry("NumericJdbcType", 2), Map.entry("DecimalJdbcType", 3),
      Map.entry("DoubleJdbcType", 8), Map.entry("FloatJdbcType", 6), Map.entry("RealJdbcType", 7),
      Map.entry("DateJdbcType", 91), Map.entry("TimeJdbcType", 92), Map.entry("TimestampJdbcType", 93),
      Map.entry("TimestampWithTimeZoneJdbcType", 2014), Map.entry("InstantJdbcType", 3008),
      Map.entry("TimeWithTimeZoneJdbcType", 2013), Map.entry("PostgreSQLEnumJdbcType", 6001),
      Map.entry("PostgreSQLOrdinalEnumJdbcType", 6003), Map.entry("PostgreSQLJsonPGObjectJsonbType", 3001),
      Map.entry("PostgreSQLJsonPGObjectJsonType", 3001), Map.entry("PostgreSQLInetJdbcType", 3002),
      Map.entry("PostgreSQLIntervalSecondJdbcType", 3100));

  /** The default length Hibernate gives a type stored as a string ({@code VARCHAR}, {@code CHAR}), by Java type. */
  private static final Map<String, Integer> STRING_LENGTHS = Map.of("java.lang.String", 255, "java.util.UUID", 36,
      "java.lang.Integer", 11, "int", 11, "java.lang.Long", 20, "long", 20, "java.lang.Character", 1, "char", 1);

  /** The LOB type codes: what Hibernate stores as a large object (on PostgreSQL, apart from the row). */
  static final List<Integer> LOB_CODES = List.of(2004, 2005, 2011, 3004, 3005, 3006);
  /** Of those, the ones of bytes: BLOB, MATERIALIZED_BLOB; the others hold characters. */
  private static final List<Integer> BLOB_CODES = List.of(2004, 3004);

  private final JpaContext ctx;

  HibernateTypes(JpaContext ctx) {
    this.ctx = ctx;
  }

  /** A type code, from {@code @JdbcTypeCode} or a known {@code @JdbcType}: {@code code} null for none. */
  record Code(Integer code, boolean failed) {
    static final Code NONE = new Code(null, false);
    static final Code FAILED = new Code(null, true);
  }

  /** The type code the attribute's annotations give it; reports a {@code @JdbcType} class schemac does not know. */
  Code code(Element at, List<AnnotationMirror> annotations) {
    AnnotationMirror typeCode = Mirrors.find(annotations, HibernateMappings.JDBC_TYPE_CODE).orElse(null);
    if (typeCode != null) {
      return new Code(ctx.mirrors.integer(typeCode, "value"), false);
    }
    AnnotationMirror jdbcType = Mirrors.find(annotations, HibernateMappings.JDBC_TYPE).orElse(null);
    if (jdbcType == null) {
      return Code.NONE;
    }
    TypeMirror type = ctx.mirrors.type(jdbcType, "value");
    if (type == null || type.getKind() == TypeKind.ERROR) {
      ctx.diagnostics.markIncomplete();
      return Code.FAILED;
    }
    String simple = ((DeclaredType) type).asElement().getSimpleName().toString();
    Integer code = JDBC_TYPE_CLASSES.get(simple);
    if (code == null) {
      ctx.diagnostics.error(ErrorId.UNMAPPED_TYPE, new ElementOrigin(at, jdbcType, ctx.mirrors.value(jdbcType, "value")), "@JdbcType("
          + simple + ".class) is not one of the Hibernate JDBC types schemac knows, so the column type is unknown: write"
          + " the type Hibernate gives it with @Column(columnDefinition = \"...\"), or use @JdbcTypeCode(SqlTypes.X)");
      return Code.FAILED;
    }
    return new Code(code, false);
  }

  /** The name of a type code ({@code SqlTypes.JSON}) for messages. */
  static String codeName(int code) {
    return "SqlTypes." + CODE_NAMES.getOrDefault(code, String.valueOf(code));
  }

  /** What a type code needs to be read: the column's name and table, for messages, and its written sizes. */
  record Sizes(int length, int precision, int scale, boolean explicitLength) {}

  /**
   * The column type Hibernate gives the Java type {@code type} for type code {@code code}, with
   * the written sizes; null after an error (reported on {@code at}). An enum stored by name in
   * {@code VARCHAR} gets its values (its CHECK); by number, {@code ordinals} receives the number of
   * constants; {@code NAMED_ENUM} is a native enum type, registered in {@code enumTypes}.
   */
  LogicalType forCode(int code, TypeMirror type, Sizes sizes, ElementOrigin at, String column, Draft d, List<Marker> markers,
      NativeEnumTypes enumTypes, java.util.function.IntConsumer ordinals) {
    String javaType = javaType(type);
    boolean isEnum = JavaTypes.isEnum(type);
    List<String> constants = isEnum ? constants(type) : List.of();
    switch (code) {
      case 3001, 3018 -> { // JSON, JSON_ARRAY
        markers.add(Marker.JSON);
        return LogicalType.of(Kind.JSON);
      }
      case 2003 -> { // ARRAY
        return array(type, at, column, d);
      }
      case 3000 -> {
        return LogicalType.of(Kind.UUID);
      }
      case 1, -15, 12, -9 -> { // CHAR, NCHAR, VARCHAR, NVARCHAR
        boolean fixed = code == 1 || code == -15;
        Integer length = sizes.explicitLength() ? Integer.valueOf(sizes.length())
            : isEnum ? Integer.valueOf(255) : STRING_LENGTHS.get(javaType);
        if (length == null || isEnum && fixed) {
          ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, at, "column '" + column + "' of table '" + d.table + "': @JdbcTypeCode(" + codeName(code)
              + ") on a " + type + " has a length schemac does not know Hibernate's default for: write it with"
              + (isEnum ? " SqlTypes.VARCHAR and" : "") + " @Column(length = n)");
          return null;
        }
        if (!ColumnSizes.validLength(length)) {
          ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, at, ColumnSizes.lengthProblem(length));
          return null;
        }
        if (fixed) {
          return LogicalType.fixedString(length);
        }
        return isEnum ? LogicalType.enumOf(constants, length) : LogicalType.string(length);
      }
      case -1, -16 -> { // LONGVARCHAR, LONGNVARCHAR: Hibernate's PostgreSQL dialect writes varchar(32600)
        return LogicalType.string(32600);
      }
      case 4001, 4002 -> { // LONG32VARCHAR, LONG32NVARCHAR
        return LogicalType.string();
      }
      case -2, -3, -4, 4003 -> { // BINARY, VARBINARY, LONGVARBINARY, LONG32VARBINARY
        return LogicalType.of(Kind.BINARY);
      }
      case -7, 16 -> { // BIT, BOOLEAN
        return LogicalType.of(Kind.BOOLEAN);
      }
      case -6, 5, 4, -5 -> { // TINYINT, SMALLINT, INTEGER, BIGINT
        Kind kind = code == 4 ? Kind.INT32 : code == -5 ? Kind.INT64 : Kind.INT16;
        if (isEnum) {
          markers.add(Marker.ENUM_ORDINAL);
          ordinals.accept(constants.size());
        }
        return LogicalType.of(kind);
      }
      case 6, 8 -> { // FLOAT, DOUBLE: by the precision of the Java type
        return LogicalType.of(javaType.equals("float") || javaType.equals("java.lang.Float") ? Kind.FLOAT32 : Kind.FLOAT64);
      }
      case 7 -> {
        return LogicalType.of(Kind.FLOAT32);
      }
      case 2, 3 -> { // NUMERIC, DECIMAL
        return LogicalType.decimal(sizes.precision(), sizes.scale());
      }
      case 91, 3010 -> {
        return LogicalType.of(Kind.DATE);
      }
      case 92, 3011, 3007 -> { // TIME, LOCAL_TIME, TIME_UTC
        return LogicalType.of(Kind.TIME);
      }
      case 2013, 3013 -> { // TIME_WITH_TIMEZONE, OFFSET_TIME
        return LogicalType.of(Kind.OFFSET_TIME);
      }
      case 93, 3009, 3008 -> { // TIMESTAMP, LOCAL_DATE_TIME, and INSTANT, which Hibernate writes without time zone
        return LogicalType.of(Kind.LOCAL_DATE_TIME);
      }
      case 2014, 3003, 3012, 3014 -> { // TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_UTC, OFFSET_DATE_TIME, ZONED_DATE_TIME
        return LogicalType.of(Kind.INSTANT);
      }
      case 3015 -> { // DURATION: nanoseconds
        return LogicalType.decimal(21, 0);
      }
      case 3100 -> {
        return LogicalType.of(Kind.DURATION);
      }
      case 3002 -> {
        return LogicalType.of(Kind.INET);
      }
      case 2009 -> {
        return LogicalType.of(Kind.XML);
      }
      case 6001, 6003 -> { // NAMED_ENUM, NAMED_ORDINAL_ENUM: a type of the enum's name
        if (!isEnum) {
          ctx.diagnostics.error(ErrorId.WRONG_JAVA_TYPE, at, "@JdbcTypeCode(" + codeName(code) + ") applies to an enum; " + column + " is a "
              + type);
          return null;
        }
        Element enumClass = ((DeclaredType) type).asElement();
        String name = ctx.physical(enumClass.getSimpleName().toString(), at, "enum type name");
        if (name == null) {
          return null;
        }
        String previous = enumTypes.register(name, constants, JavaTypes.qualifiedName(type));
        if (previous != null) {
          ctx.diagnostics.error(ErrorId.DUPLICATE_NAME, at, "enum type '" + name + "' is already the type of " + previous + ": Hibernate names"
              + " a native enum type after the enum's simple name, so two enums of one name cannot both be stored"
              + " as NAMED_ENUM");
          return null;
        }
        return LogicalType.namedEnum(name, constants);
      }
      default -> {
        if (LOB_CODES.contains(code)) {
          return LogicalType.of(BLOB_CODES.contains(code) ? Kind.BLOB : Kind.CLOB);
        }
        ctx.diagnostics.error(ErrorId.UNMAPPED_TYPE, at, "column '" + column + "' of table '" + d.table + "': @JdbcTypeCode(" + codeName(code)
            + ") is not read by schemac: write the column type Hibernate gives it with @Column(columnDefinition ="
            + " \"...\")");
        return null;
      }
    }
  }

  /** {@code @JdbcTypeCode(ARRAY)}: an array of the element type, each element typed as Hibernate types it. */
  private LogicalType array(TypeMirror type, ElementOrigin at, String column, Draft d) {
    TypeMirror element = null;
    if (type instanceof ArrayType array) {
      element = array.getComponentType();
    } else if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      element = declared.getTypeArguments().get(0);
    }
    if (element != null) {
      String name = javaType(element);
      if (name.equals("java.lang.String")) {
        return LogicalType.string(255).asArray();
      }
      if (JavaTypes.isEnum(element)) {
        return LogicalType.of(Kind.INT16).asArray(); // by ordinal, as Hibernate
      }
      TypeMapper.Mapped mapped = TypeMapper.map(element, new TypeMapper.Hints(0, 0, 0, "", false, null), ctx.userSql);
      if (mapped.error() == null && !mapped.type().array()) {
        return mapped.type().asArray();
      }
    }
    ctx.diagnostics.error(ErrorId.UNMAPPED_TYPE, at, "column '" + column + "' of table '" + d.table + "': @JdbcTypeCode(SqlTypes.ARRAY) on a "
        + type + ": schemac reads arrays and collections of strings, numbers, booleans, UUIDs, dates and times and"
        + " enums; write the column type with @Column(columnDefinition = \"...\")");
    return null;
  }

  /** The constants of an enum type, in declaration order. */
  static List<String> constants(TypeMirror type) {
    return ((DeclaredType) type).asElement().getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(e -> e.getSimpleName().toString()).toList();
  }

  /** A primitive's name or a class's qualified name ({@code char[]} for an array). */
  static String javaType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.toString();
    }
    if (type instanceof ArrayType array) {
      return javaType(array.getComponentType()) + "[]";
    }
    return JavaTypes.qualifiedName(type);
  }

  /**
   * The column type of a Java type Hibernate maps and JPA's defaults do not name: {@code
   * java.sql.Date}, {@code Time}, {@code Timestamp}, {@code char}, {@code Character}, {@code
   * char[]}, {@code Character[]}, {@code byte}, {@code Byte}, {@code Byte[]}, {@code BigInteger},
   * {@code Year}, {@code OffsetTime}, and {@code Duration}, which Hibernate maps otherwise than
   * schemac's records; null for another type. {@code length} and {@code precision}
   * are the written ones (0 for none).
   */
  LogicalType legacy(TypeMirror type, int length, int precision) {
    return switch (javaType(type)) {
      case "java.sql.Date" -> LogicalType.of(Kind.DATE);
      case "java.sql.Time" -> LogicalType.of(Kind.TIME);
      case "java.sql.Timestamp" -> LogicalType.of(Kind.LOCAL_DATE_TIME);
      case "char", "java.lang.Character" -> LogicalType.fixedString(1);
      // Hibernate 7 refuses Byte[] and Character[] unless hibernate.type.wrapper_array_handling says how: LEGACY
      // keeps the treatment of every earlier version, which the code that declares them was written for
      case "char[]", "java.lang.Character[]" -> LogicalType.string(length == 0 ? 255 : length);
      case "byte", "java.lang.Byte" -> LogicalType.of(Kind.INT16);
      case "java.lang.Byte[]" -> LogicalType.of(Kind.BINARY);
      case "java.math.BigInteger" -> LogicalType.decimal(precision == 0 ? 38 : precision, 0);
      case "java.time.Year" -> LogicalType.of(Kind.INT32);
      // Hibernate normalizes an OffsetTime to UTC and stores the time of day: the offset is not kept
      case "java.time.OffsetTime" -> LogicalType.of(Kind.TIME);
      // Hibernate 6+ stores a Duration as its nanoseconds, and its schema validation refuses an interval column
      case "java.time.Duration" -> LogicalType.decimal(21, 0);
      default -> null;
    };
  }

  /** The maximum of Bean Validation's {@code @Size} or Hibernate Validator's {@code @Length}, or null. */
  AnnotationMirror sizeMax(List<AnnotationMirror> annotations) {
    for (String name : List.of("jakarta.validation.constraints.Size", "javax.validation.constraints.Size",
        "org.hibernate.validator.constraints.Length")) {
      AnnotationMirror size = Mirrors.find(annotations, name).orElse(null);
      if (size != null && ctx.mirrors.integer(size, "max") != Integer.MAX_VALUE) {
        return size;
      }
    }
    return null;
  }

  /** Bean Validation's {@code @Digits}, or null. */
  static AnnotationMirror digits(List<AnnotationMirror> annotations) {
    return Mirrors.find(annotations, "jakarta.validation.constraints.Digits")
        .or(() -> Mirrors.find(annotations, "javax.validation.constraints.Digits")).orElse(null);
  }

  /** Where a Bean Validation annotation's value is, for messages. */
  ElementOrigin at(Element element, AnnotationMirror annotation, String value) {
    AnnotationValue v = Mirrors.explicitValue(annotation, value);
    return new ElementOrigin(element, annotation, v);
  }
}
