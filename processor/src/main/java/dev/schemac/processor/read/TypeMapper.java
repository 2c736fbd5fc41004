package dev.schemac.processor.read;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Java type -> SQL type: the one table documented in docs/types.md. Returns a type, or an error
 * message that says which types are supported.
 */
final class TypeMapper {
  static final String SUPPORTED =
      "schemac maps String, short, int, long, boolean, double, float and their boxes, BigDecimal,"
          + " UUID, Instant, OffsetDateTime, LocalDateTime, LocalDate, LocalTime, Duration, byte[],"
          + " enums, arrays and Lists of these, and @Json String, Map, List or record components;"
          + " for anything else give the SQL type with @Column(type = \"...\")";

  /** An SQL integer type: on an enum component it means the enum is stored by ordinal. */
  private static final Pattern INTEGER_TYPES =
      Pattern.compile("smallint|integer|int|int2|int4|int8|bigint|tinyint");

  /** A user-written SQL type: words, an optional (n) or (p, s), an optional []. */
  private static final Pattern CUSTOM_TYPE =
      Pattern.compile("[a-z_][a-z0-9_]*( [a-z_][a-z0-9_]*)*( ?\\(\\d+( ?, ?\\d+)?\\))?( [a-z_][a-z0-9_]*)*(\\[])?");

  private static final Map<String, Kind> DECLARED =
      Map.ofEntries(
          Map.entry("java.lang.String", Kind.STRING),
          Map.entry("java.lang.Short", Kind.INT16),
          Map.entry("java.lang.Integer", Kind.INT32),
          Map.entry("java.lang.Long", Kind.INT64),
          Map.entry("java.lang.Boolean", Kind.BOOLEAN),
          Map.entry("java.lang.Double", Kind.FLOAT64),
          Map.entry("java.lang.Float", Kind.FLOAT32),
          Map.entry("java.math.BigDecimal", Kind.DECIMAL),
          Map.entry("java.util.UUID", Kind.UUID),
          Map.entry("java.time.Instant", Kind.INSTANT),
          Map.entry("java.time.OffsetDateTime", Kind.INSTANT),
          Map.entry("java.time.LocalDateTime", Kind.LOCAL_DATE_TIME),
          Map.entry("java.time.LocalDate", Kind.DATE),
          Map.entry("java.time.LocalTime", Kind.TIME),
          Map.entry("java.time.Duration", Kind.DURATION));

  /** What the column's annotations say about its type. */
  record Hints(int length, int precision, int scale, String custom, boolean json, String nativeEnumName) {}

  /** A mapped type, or the reason there is none. */
  record Mapped(LogicalType type, String error) {
    static Mapped ok(LogicalType type) {
      return new Mapped(type, null);
    }

    static Mapped fail(String error) {
      return new Mapped(null, error);
    }
  }

  private TypeMapper() {}

  /** Whether a user-written SQL type is an integer type. */
  static boolean isIntegerType(String sql) {
    return INTEGER_TYPES.matcher(sql).matches();
  }

  static boolean isValidCustomType(String sql) {
    return CUSTOM_TYPE.matcher(sql).matches();
  }

  /** {@code userSql}: the target a user-written type ({@code hints.custom()}) is written for. */
  static Mapped map(TypeMirror type, Hints hints, UserSql userSql) {
    if (!hints.custom().isEmpty()) {
      if (!isValidCustomType(hints.custom())) {
        return Mapped.fail("@Column(type = \"" + hints.custom() + "\") is not an SQL type name: write lowercase words with an optional (n) or (p, s) and [], such as \"citext\", \"inet\" or \"varchar(20)[]\"");
      }
      return Mapped.ok(LogicalType.raw(userSql.of(hints.custom())));
    }
    if (hints.json()) {
      return mapJson(type);
    }
    Mapped mapped = mapScalarOrArray(type, hints);
    if (mapped.error() != null) {
      return mapped;
    }
    LogicalType t = mapped.type();
    if (hints.length() != 0 && t.kind() != Kind.STRING) {
      return Mapped.fail("@Column(length) applies to String columns only; this one is " + type);
    }
    if ((hints.precision() != 0 || hints.scale() != 0) && t.kind() != Kind.DECIMAL) {
      return Mapped.fail("@Column(precision, scale) apply to BigDecimal columns only; this one is " + type);
    }
    return mapped;
  }

  private static Mapped mapJson(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
      String name = e.getQualifiedName().toString();
      if (name.equals("java.lang.String") || name.equals("java.util.Map") || name.equals("java.util.List")
          || e.getKind() == ElementKind.RECORD) {
        return Mapped.ok(LogicalType.of(Kind.JSON));
      }
    }
    return Mapped.fail("@Json applies to a String holding JSON, a Map, a List or a record; this one is " + type);
  }

  private static Mapped mapScalarOrArray(TypeMirror type, Hints hints) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component.getKind() == TypeKind.BYTE) {
        return Mapped.ok(LogicalType.of(Kind.BINARY));
      }
      return element(component, hints, type);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      TypeElement e = (TypeElement) declared.asElement();
      if (e.getQualifiedName().contentEquals("java.util.List")) {
        if (declared.getTypeArguments().size() != 1) {
          return Mapped.fail("a raw List has no element type: declare List<String>, List<UUID>...");
        }
        return element(declared.getTypeArguments().get(0), hints, type);
      }
    }
    return scalar(type, hints);
  }

  private static Mapped element(TypeMirror elementType, Hints hints, TypeMirror whole) {
    if (elementType.getKind() == TypeKind.ARRAY
        || (elementType.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) elementType).asElement()).getQualifiedName().contentEquals("java.util.List"))) {
      return Mapped.fail("unsupported type " + whole + ": arrays of arrays are not mapped; " + SUPPORTED);
    }
    Mapped scalar = scalar(elementType, hints);
    if (scalar.error() != null) {
      return Mapped.fail("unsupported type " + whole + ": " + SUPPORTED);
    }
    return Mapped.ok(scalar.type().asArray());
  }

  private static Mapped scalar(TypeMirror type, Hints hints) {
    switch (type.getKind()) {
      case BOOLEAN: return Mapped.ok(LogicalType.of(Kind.BOOLEAN));
      case SHORT: return Mapped.ok(LogicalType.of(Kind.INT16));
      case INT: return Mapped.ok(LogicalType.of(Kind.INT32));
      case LONG: return Mapped.ok(LogicalType.of(Kind.INT64));
      case FLOAT: return Mapped.ok(LogicalType.of(Kind.FLOAT32));
      case DOUBLE: return Mapped.ok(LogicalType.of(Kind.FLOAT64));
      case DECLARED: break;
      default: return Mapped.fail("unsupported type " + type + ": " + SUPPORTED);
    }
    Element element = ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      List<String> values = new ArrayList<>();
      for (Element member : element.getEnclosedElements()) {
        if (member.getKind() == ElementKind.ENUM_CONSTANT) {
          values.add(member.getSimpleName().toString());
        }
      }
      if (values.isEmpty()) {
        return Mapped.fail("enum " + type + " has no constants, so no value could ever be stored");
      }
      if (hints.nativeEnumName() != null) {
        return Mapped.ok(LogicalType.namedEnum(hints.nativeEnumName(), values));
      }
      return Mapped.ok(LogicalType.enumOf(values));
    }
    Kind kind = DECLARED.get(((TypeElement) element).getQualifiedName().toString());
    if (kind == null) {
      return Mapped.fail("unsupported type " + type + ": " + SUPPORTED);
    }
    if (kind == Kind.STRING && hints.length() > 0) {
      return Mapped.ok(LogicalType.string(hints.length()));
    }
    if (kind == Kind.DECIMAL) {
      return Mapped.ok(LogicalType.decimal(hints.precision(), hints.scale()));
    }
    return Mapped.ok(LogicalType.of(kind));
  }
}
