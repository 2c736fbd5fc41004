package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code timestamp} (without time zone) column: a wall-clock reading, not a point in time.
 * LocalDateTime maps to it, and so does {@code @Column(type = "timestamp")}.
 */
public final class TimestampWithoutTimeZone extends SchemaRule {
  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");

  public TimestampWithoutTimeZone() {
    super("timestamp-without-time-zone", Level.WARNING, "A point in time stored without its time zone.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (context.stored(column.type()).kind() != Kind.LOCAL_DATE_TIME) {
          continue;
        }
        String component = column.javaName() == null ? column.name() : column.javaName();
        boolean custom = column.type().kind() == Kind.RAW;
        String from = custom ? " (" + Fixes.columnType(table, column.type().rawSql()) + ")"
            : column.javaType() == null ? "" : " (" + simple(column.javaType()) + " " + component + ")";
        String message = "column " + table.name() + "." + column.name() + from + " is a timestamp without time"
            + " zone: it stores a wall-clock reading, not an instant, so the same value means different moments"
            + " to servers and clients in different time zones, a change of the server's or the JVM's zone"
            + " silently shifts every row, and around daylight-saving changes some values are ambiguous and"
            + " others do not exist.";
        String declare = (custom ? "drop " + Fixes.columnType(table, column.type().rawSql()) + " and " : "")
            + "declare it `" + momentType(column) + " " + component + "`";
        String fix = declare + " (timestamptz) if it is a moment; if it really is a wall-clock time (an"
            + " appointment at 09:00 wherever the user is), keep it and suppress with"
            + " @SuppressWarnings(\"schemac:" + id() + "\")";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  /** The Java type with LocalDateTime replaced by Instant: {@code List<LocalDateTime>} -> {@code List<Instant>}. */
  private static String momentType(Column column) {
    if (column.javaType() == null) {
      return "Instant";
    }
    String type = simple(column.javaType()).replace("LocalDateTime", "Instant");
    return type.contains("Instant") || type.contains("OffsetDateTime") ? type : "Instant";
  }

  private static String simple(String javaType) {
    return PACKAGE_PREFIX.matcher(javaType).replaceAll("");
  }
}
