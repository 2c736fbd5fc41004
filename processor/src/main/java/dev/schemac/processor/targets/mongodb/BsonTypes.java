package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BSON type of each logical type, as {@code $jsonSchema}'s {@code bsonType} names it: what
 * the MongoDB Java driver writes for the Java type (docs/mongodb.md, Types). A UUID is {@code
 * binData}: {@code $jsonSchema} cannot check its subtype (4, with the driver's {@code STANDARD}
 * representation). A type the user spelled in SQL is read as far as it maps plainly.
 */
final class BsonTypes {
  /** SQL type names that map to one BSON type, by their first word. */
  private static final Map<String, String> SQL = Map.ofEntries(
      Map.entry("text", "string"), Map.entry("varchar", "string"), Map.entry("character", "string"),
      Map.entry("char", "string"), Map.entry("citext", "string"), Map.entry("inet", "string"),
      Map.entry("cidr", "string"), Map.entry("macaddr", "string"), Map.entry("smallint", "int"),
      Map.entry("integer", "int"), Map.entry("int", "int"), Map.entry("int2", "int"), Map.entry("int4", "int"),
      Map.entry("bigint", "long"), Map.entry("int8", "long"), Map.entry("real", "double"),
      Map.entry("float4", "double"), Map.entry("float8", "double"), Map.entry("double", "double"),
      Map.entry("numeric", "decimal"), Map.entry("decimal", "decimal"), Map.entry("boolean", "bool"),
      Map.entry("bool", "bool"), Map.entry("date", "date"), Map.entry("timestamp", "date"),
      Map.entry("timestamptz", "date"), Map.entry("uuid", "binData"), Map.entry("bytea", "binData"),
      Map.entry("json", "object"), Map.entry("jsonb", "object"));
  private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying|char|character)\\s*\\((\\d+)\\)");

  private BsonTypes() {}

  /** The BSON type of one value of the column (of one element, for an array), or null when there is none. */
  static String element(Column column) {
    LogicalType type = column.type();
    return switch (type.kind()) {
      case STRING, FIXED_STRING, CLOB, ENUM, INET, XML -> "string";
      case INT16, INT32 -> "int";
      case INT64 -> "long";
      case BOOLEAN -> "bool";
      case FLOAT32, FLOAT64 -> "double";
      case DECIMAL -> "decimal";
      case UUID, BINARY, BLOB -> "binData";
      case INSTANT, LOCAL_DATE_TIME, DATE, TIME -> "date";
      case DURATION, OFFSET_TIME -> null;
      case JSON -> json(column.javaType());
      case DOCUMENT -> "object";
      case RAW -> SQL.get(baseName(type.rawSql()));
    };
  }

  /** Whether the column holds an array: a List or an array of the element type, or an SQL array type. */
  static boolean array(Column column) {
    LogicalType type = column.type();
    return type.kind() == LogicalType.Kind.RAW ? type.rawSql().strip().endsWith("[]")
        : type.array() && type.kind() != LogicalType.Kind.BINARY;
  }

  /** The length bound of an SQL {@code varchar(n)} spelled by the user, or 0. */
  static int rawLength(LogicalType type) {
    if (type.kind() != LogicalType.Kind.RAW) {
      return 0;
    }
    Matcher m = VARCHAR.matcher(type.rawSql().toLowerCase(Locale.ROOT).strip());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** A JSON column holds what its Java type is: text, a map, a list or a record. */
  private static String json(String javaType) {
    if (javaType == null) {
      return "object";
    }
    if (javaType.equals("java.lang.String")) {
      return "string";
    }
    return javaType.startsWith("java.util.List") ? "array" : "object";
  }

  private static String baseName(String sql) {
    String s = sql.toLowerCase(Locale.ROOT).strip().replace("[]", "");
    if (s.startsWith("double precision")) {
      return "double";
    }
    if (s.startsWith("timestamp")) {
      return s.contains("with time zone") ? "timestamptz" : "timestamp";
    }
    return s.split("[ (]", 2)[0];
  }
}
