package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type written in PostgreSQL's SQL ({@code @Column(type = "char(36)")}), read as the
 * logical type it stores, so that rules judge it like one schemac mapped itself: {@code char(36)}
 * and {@code citext} are strings, {@code float8} is a 64-bit float, {@code timestamp(3)} a date and
 * time without a zone. Null for a type that is none of them ({@code inet}, {@code money}).
 */
final class PostgresTypes {
  private static final Pattern ARRAY = Pattern.compile("\\s*\\[\\s*]$");
  private static final Pattern CHARACTER =
      Pattern.compile("(text|citext|varchar|character varying|char|character|bpchar)( ?\\(\\s*(\\d+)\\s*\\))?");
  private static final Pattern FLOAT = Pattern.compile("float( ?\\(\\s*(\\d+)\\s*\\))?");
  private static final Pattern DECIMAL =
      Pattern.compile("(numeric|decimal)( ?\\(\\s*(\\d+)\\s*(,\\s*(\\d+)\\s*)?\\))?");
  private static final Pattern WITHOUT_ZONE = Pattern.compile("timestamp( ?\\(\\s*\\d+\\s*\\))?( without time zone)?");
  private static final Pattern WITH_ZONE =
      Pattern.compile("timestamptz( ?\\(\\s*\\d+\\s*\\))?|timestamp( ?\\(\\s*\\d+\\s*\\))? with time zone");

  private PostgresTypes() {}

  static LogicalType read(String sql) {
    String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher array = ARRAY.matcher(s);
    boolean isArray = array.find();
    if (isArray) {
      s = s.substring(0, array.start()).strip();
    }
    LogicalType type = base(s);
    return type == null || !isArray ? type : type.asArray();
  }

  private static LogicalType base(String s) {
    Matcher m = CHARACTER.matcher(s);
    if (m.matches()) {
      boolean fixed = m.group(1).equals("char") || m.group(1).equals("character") || m.group(1).equals("bpchar");
      int length = m.group(3) != null ? Integer.parseInt(m.group(3)) : fixed ? 1 : 0;
      return LogicalType.string(length);
    }
    switch (s) {
      case "smallint", "int2" -> {
        return LogicalType.of(Kind.INT16);
      }
      case "integer", "int", "int4" -> {
        return LogicalType.of(Kind.INT32);
      }
      case "bigint", "int8" -> {
        return LogicalType.of(Kind.INT64);
      }
      case "real", "float4" -> {
        return LogicalType.of(Kind.FLOAT32);
      }
      case "double precision", "float8" -> {
        return LogicalType.of(Kind.FLOAT64);
      }
      default -> { }
    }
    Matcher f = FLOAT.matcher(s);
    if (f.matches()) { // float(1) to float(24) is real, the rest double precision
      return LogicalType.of(f.group(2) != null && Integer.parseInt(f.group(2)) <= 24 ? Kind.FLOAT32 : Kind.FLOAT64);
    }
    Matcher d = DECIMAL.matcher(s);
    if (d.matches()) {
      return LogicalType.decimal(d.group(3) == null ? 0 : Integer.parseInt(d.group(3)),
          d.group(5) == null ? 0 : Integer.parseInt(d.group(5)));
    }
    if (WITHOUT_ZONE.matcher(s).matches()) {
      return LogicalType.of(Kind.LOCAL_DATE_TIME);
    }
    if (WITH_ZONE.matcher(s).matches()) {
      return LogicalType.of(Kind.INSTANT);
    }
    return null;
  }
}
