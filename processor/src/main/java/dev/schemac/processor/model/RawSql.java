package dev.schemac.processor.model;

/**
 * SQL a user wrote (a CHECK, a DEFAULT, an index expression or predicate, an operator class, a
 * column type), kept as written and attributed to the target it was written for: that target
 * copies it into its DDL; another target either declares it can take it or reports the element
 * as something it cannot express. schemac's own constructs are never raw: they are structured
 * ({@link LogicalType}, {@link ColumnDefault}, {@link Condition}), and each target spells them.
 *
 * @param target the id of the target the text is written for ({@code -Aschemac.targets})
 * @param sql the text, one expression (the reader refuses statements and comments)
 */
public record RawSql(String target, String sql) {
  public RawSql {
    if (target == null || sql == null) {
      throw new IllegalArgumentException("raw SQL needs its text and the target it is written for");
    }
  }

  @Override
  public String toString() {
    return sql;
  }
}
