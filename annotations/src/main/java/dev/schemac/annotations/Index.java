package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on the record's table (repeatable): on columns, each optionally followed by {@code
 * ASC}/{@code DESC} and {@code NULLS FIRST}/{@code NULLS LAST}, or on an expression.
 *
 * <pre>{@code
 * @Table
 * @Index(expression = "lower(email)", unique = true)                    // case-insensitive login
 * @Index(columns = {"status", "created_at DESC"}, where = "status <> 'INACTIVE'")
 * @Index(columns = "name", method = IndexMethod.GIN, opclass = "gin_trgm_ops")  // LIKE '%x%'
 * @Index(columns = "settings", method = IndexMethod.GIN)                 // jsonb containment
 * @Index(columns = "user_id", include = {"total"})                       // index-only scans
 * public record Account(...) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /** The indexed columns (column or component names), each with an optional direction. */
  String[] columns() default {};

  /** An SQL expression to index instead of columns, such as {@code "lower(email)"}. */
  String expression() default "";

  /** A unique index. */
  boolean unique() default false;

  /** A predicate that makes the index partial, such as {@code "deleted_at IS NULL"}. */
  String where() default "";

  /** The access method. */
  IndexMethod method() default IndexMethod.BTREE;

  /** An operator class applied to every indexed column or the expression, e.g. {@code gin_trgm_ops}. */
  String opclass() default "";

  /** Non-key columns stored in the index (B-tree and GiST), for index-only scans. */
  String[] include() default {};

  /** The index name; empty means {@code idx_<table>_<columns>}. */
  String name() default "";

  /** Holds repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
