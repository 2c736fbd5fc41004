package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint, on a component or on the record (repeatable).
 *
 * <pre>{@code
 * @Table
 * @Check(name = "orders_dates_check", value = "shipped_at IS NULL OR shipped_at >= created_at")
 * public record Order(
 *     @Id UUID id,
 *     @Check("quantity > 0") int quantity,
 *     Instant createdAt,
 *     @Nullable Instant shippedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
@Repeatable(Check.List.class)
public @interface Check {
  /** The boolean SQL expression. */
  String value();

  /** The constraint name; empty means {@code <table>_<column>_check} (or {@code <table>_check}). */
  String name() default "";

  /** Holds repeated {@link Check} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
  @interface List {
    Check[] value();
  }
}
