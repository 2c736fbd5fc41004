package dev.schemac.processor.read;

import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.RawSql;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL a user writes in annotations (a CHECK, a DEFAULT, an index expression, predicate or
 * operator class, a column type), attributed to the target it is written for: the first target of
 * the build ({@code -Aschemac.targets}). Also what the reader makes of a DEFAULT that is a plain
 * literal, and of the index methods the annotations name.
 */
final class UserSql {
  private static final Pattern STRING = Pattern.compile("'([^']|'')*'");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");

  /** {@code IndexMethod}'s constants, by what each is for. */
  private static final Map<String, Index.Method> METHODS = Map.of(
      "BTREE", Index.Method.ORDERED, "HASH", Index.Method.HASH, "GIN", Index.Method.INVERTED,
      "GIST", Index.Method.SPATIAL, "BRIN", Index.Method.BLOCK_RANGE);

  private final String target;

  UserSql(String target) {
    this.target = target;
  }

  RawSql of(String sql) {
    return new RawSql(target, sql);
  }

  /** Null for null; otherwise {@link #of}. */
  RawSql ofNullable(String sql) {
    return sql == null ? null : of(sql);
  }

  /**
   * A {@code @Default} as a value: a standard string literal ({@code 'NL'}, quotes doubled), a
   * number or a boolean is a literal every target can write; anything else stays the user's SQL.
   */
  ColumnDefault defaultValue(String sql) {
    if (STRING.matcher(sql).matches()) {
      return new ColumnDefault.Literal(ColumnDefault.LiteralKind.STRING,
          sql.substring(1, sql.length() - 1).replace("''", "'"));
    }
    if (NUMBER.matcher(sql).matches()) {
      return new ColumnDefault.Literal(ColumnDefault.LiteralKind.NUMBER, sql);
    }
    if (BOOLEAN.matcher(sql).matches()) {
      return new ColumnDefault.Literal(ColumnDefault.LiteralKind.BOOLEAN, sql);
    }
    return new ColumnDefault.Raw(of(sql));
  }

  /** What an {@code IndexMethod} constant of the annotations asks for. */
  static Index.Method method(String constant) {
    Index.Method method = METHODS.get(constant);
    if (method == null) {
      throw new IllegalArgumentException("no index method " + constant);
    }
    return method;
  }
}
