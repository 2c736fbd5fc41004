package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type written in MariaDB's or MySQL's SQL ({@code @Column(type = "char(36)")}), read as
 * the logical type it stores, so that rules judge it like one schemac mapped itself: {@code
 * char(36)} and {@code text} are strings, {@code datetime(3)} a date and time without a zone,
 * {@code timestamp} a point in time (stored in UTC, converted through the session's zone). Null
 * for a type that is none of them ({@code bit(8)}, {@code set(...)}).
 */
final class MySqlFamilyTypes {
  private static final Pattern CHARACTER =
      Pattern.compile("(varchar|char|character|character varying|nvarchar|nchar)( ?\\(\\s*(\\d+)\\s*\\))?.*");
  private static final Pattern TEXT = Pattern.compile("(tinytext|text|mediumtext|longtext)\\b.*");
  private static final Pattern INTEGER = Pattern.compile("(tinyint|smallint|mediumint|int|integer|bigint)"
      + "( ?\\(\\s*(\\d+)\\s*\\))?( unsigned| signed)?( zerofill)?");
  private static final Pattern DECIMAL =
      Pattern.compile("(decimal|numeric|dec|fixed)( ?\\(\\s*(\\d+)\\s*(,\\s*(\\d+)\\s*)?\\))?( unsigned)?");
  private static final Pattern DATETIME = Pattern.compile("datetime( ?\\(\\s*\\d+\\s*\\))?");
  private static final Pattern TIMESTAMP = Pattern.compile("timestamp( ?\\(\\s*\\d+\\s*\\))?");
  private static final Pattern TIME = Pattern.compile("time( ?\\(\\s*\\d+\\s*\\))?");

  private MySqlFamilyTypes() {}

  static LogicalType read(String sql, Engine engine) {
    String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = CHARACTER.matcher(s);
    if (m.matches()) {
      return LogicalType.string(m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(1).contains("var") ? 0 : 1);
    }
    if (TEXT.matcher(s).matches()) {
      return LogicalType.string();
    }
    Matcher i = INTEGER.matcher(s);
    if (i.matches()) {
      if (i.group(1).equals("tinyint") && "1".equals(i.group(3))) {
        return LogicalType.of(Kind.BOOLEAN);
      }
      return LogicalType.of(switch (i.group(1)) {
        case "tinyint", "smallint" -> Kind.INT16;
        case "bigint" -> Kind.INT64;
        default -> Kind.INT32;
      });
    }
    Matcher d = DECIMAL.matcher(s);
    if (d.matches()) {
      return LogicalType.decimal(d.group(3) == null ? 10 : Integer.parseInt(d.group(3)),
          d.group(5) == null ? 0 : Integer.parseInt(d.group(5)));
    }
    if (DATETIME.matcher(s).matches()) {
      return LogicalType.of(Kind.LOCAL_DATE_TIME);
    }
    if (TIMESTAMP.matcher(s).matches()) {
      return LogicalType.of(Kind.INSTANT);
    }
    if (TIME.matcher(s).matches()) {
      return LogicalType.of(Kind.TIME);
    }
    return switch (s) {
      case "bool", "boolean" -> LogicalType.of(Kind.BOOLEAN);
      case "float" -> LogicalType.of(Kind.FLOAT32);
      case "double", "double precision", "real" -> LogicalType.of(Kind.FLOAT64); // REAL is DOUBLE unless REAL_AS_FLOAT
      case "date" -> LogicalType.of(Kind.DATE);
      case "json" -> LogicalType.of(Kind.JSON);
      case "uuid" -> engine.uuidType() ? LogicalType.of(Kind.UUID) : null;
      case "blob", "tinyblob", "mediumblob", "longblob", "varbinary", "binary" -> LogicalType.of(Kind.BINARY);
      default -> null;
    };
  }
}
