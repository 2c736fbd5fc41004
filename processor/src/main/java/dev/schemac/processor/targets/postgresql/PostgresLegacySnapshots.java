package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.targets.LegacySnapshots;
import dev.schemac.processor.targets.SqlTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshots of formats 1 and 2, written when PostgreSQL was schemac's only engine: its type
 * kinds, the defaults and enum checks schemac wrote in its SQL, its access methods.
 */
final class PostgresLegacySnapshots implements LegacySnapshots {
  /** {@code status IN ('A', 'B')} and {@code tags <@ ARRAY['A', 'B']::text[]}, as schemac wrote enum checks. */
  private static final Pattern IN_LIST = Pattern.compile("(\\w+) IN \\((.*)\\)");
  private static final Pattern ARRAY_LIST = Pattern.compile("(\\w+) <@ ARRAY\\[(.*)]::text\\[]");
  private static final Pattern ORDINALS = Pattern.compile("(\\w+) BETWEEN 0 AND (\\d+)");
  private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

  private final PostgresTarget target;

  PostgresLegacySnapshots(PostgresTarget target) {
    this.target = target;
  }

  @Override
  public SqlTarget target() {
    return target;
  }

  @Override
  public LogicalType type(String kind, int length, int precision, int scale, boolean array, String custom,
      List<String> enumValues, String enumTypeName) {
    LogicalType type = switch (kind) {
      case "TEXT" -> enumValues.isEmpty() ? LogicalType.string() : LogicalType.enumOf(enumValues);
      case "VARCHAR" -> LogicalType.string(length);
      case "SMALLINT" -> LogicalType.of(Kind.INT16);
      case "INTEGER" -> LogicalType.of(Kind.INT32);
      case "BIGINT" -> LogicalType.of(Kind.INT64);
      case "BOOLEAN" -> LogicalType.of(Kind.BOOLEAN);
      case "REAL" -> LogicalType.of(Kind.FLOAT32);
      case "DOUBLE" -> LogicalType.of(Kind.FLOAT64);
      case "NUMERIC" -> LogicalType.decimal(precision, scale);
      case "UUID" -> LogicalType.of(Kind.UUID);
      case "TIMESTAMPTZ" -> LogicalType.of(Kind.INSTANT);
      case "TIMESTAMP" -> LogicalType.of(Kind.LOCAL_DATE_TIME);
      case "DATE" -> LogicalType.of(Kind.DATE);
      case "TIME" -> LogicalType.of(Kind.TIME);
      case "INTERVAL" -> LogicalType.of(Kind.DURATION);
      case "BYTEA" -> LogicalType.of(Kind.BINARY);
      case "JSONB" -> LogicalType.of(Kind.JSON);
      case "NATIVE_ENUM" -> LogicalType.namedEnum(enumTypeName, enumValues);
      case "CUSTOM" -> LogicalType.raw(raw(custom));
      default -> throw new IllegalArgumentException("unknown column kind \"" + kind + "\"");
    };
    return array ? type.asArray() : type;
  }

  /** now() on a @CreatedAt or @UpdatedAt column, gen_random_uuid() on a UUID: what schemac wrote itself. */
  @Override
  public ColumnDefault defaultValue(String sql, LogicalType type, List<Column.Marker> markers) {
    if (sql.equals("now()") && (markers.contains(Column.Marker.CREATED_AT) || markers.contains(Column.Marker.UPDATED_AT))) {
      return ColumnDefault.NOW;
    }
    if (sql.equals("gen_random_uuid()") && type.kind() == Kind.UUID && !type.array()) {
      return ColumnDefault.RANDOM_UUID;
    }
    return new ColumnDefault.Raw(raw(sql));
  }

  @Override
  public Condition condition(String expression, String column, boolean enumCheck) {
    if (enumCheck) {
      Matcher in = IN_LIST.matcher(expression);
      if (in.matches() && in.group(1).equals(column)) {
        List<String> values = literals(in.group(2));
        if (values != null) {
          return new Condition.OneOf(column, values, false);
        }
      }
      Matcher array = ARRAY_LIST.matcher(expression);
      if (array.matches() && array.group(1).equals(column)) {
        List<String> values = literals(array.group(2));
        if (values != null) {
          return new Condition.OneOf(column, values, true);
        }
      }
      Matcher ordinals = ORDINALS.matcher(expression);
      if (ordinals.matches() && ordinals.group(1).equals(column)) {
        return new Condition.Range(column, 0, Long.parseLong(ordinals.group(2)));
      }
    }
    return new Condition.Raw(raw(expression));
  }

  @Override
  public Index.Method method(String name) {
    return switch (name) {
      case "BTREE" -> Index.Method.ORDERED;
      case "HASH" -> Index.Method.HASH;
      case "GIN" -> Index.Method.INVERTED;
      case "GIST" -> Index.Method.SPATIAL;
      case "BRIN" -> Index.Method.BLOCK_RANGE;
      default -> throw new IllegalArgumentException("unknown index method \"" + name + "\"");
    };
  }

  private RawSql raw(String sql) {
    return new RawSql(PostgresTarget.ID, sql);
  }

  /** {@code 'A', 'B'} -> [A, B]; null when the list is anything else. */
  private static List<String> literals(String list) {
    List<String> values = new ArrayList<>();
    for (String part : list.split(", ", -1)) {
      Matcher m = LITERAL.matcher(part);
      if (!m.matches()) {
        return null;
      }
      values.add(m.group(1).replace("''", "'"));
    }
    return values;
  }
}
