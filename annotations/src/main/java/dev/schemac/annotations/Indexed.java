package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-column index on this component: the shortcut for {@code @Index(columns = "...")}.
 *
 * <pre>{@code
 * @References(User.class) @Indexed UUID userId       // CREATE INDEX idx_orders_user_id ON orders (user_id)
 * @Indexed(method = IndexMethod.BRIN) Instant at     // USING brin
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Indexed {
  /** The access method. */
  IndexMethod method() default IndexMethod.BTREE;

  /** The index name; empty means {@code idx_<table>_<column>}. */
  String name() default "";

  /**
   * A time-to-live index: the store deletes a row (document) this many seconds after the time in
   * this component, which must be a point in time ({@code Instant}, {@code OffsetDateTime},
   * {@code LocalDateTime} or {@code LocalDate}); {@code 0} deletes it at that time. Negative (the
   * default): none. Only document targets expire rows (MongoDB's TTL index); an SQL target reports
   * it as something it cannot express.
   *
   * <pre>{@code
   * @Indexed(expireAfterSeconds = 86_400) Instant createdAt   // sessions live one day
   * }</pre>
   */
  long expireAfterSeconds() default -1;
}
