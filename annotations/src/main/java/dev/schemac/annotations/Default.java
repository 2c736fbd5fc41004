package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column's DEFAULT, as an SQL expression (quote text literals yourself).
 *
 * <pre>{@code
 * @Default("0") int stock                       // DEFAULT 0
 * @Default("'draft'") String state              // DEFAULT 'draft'
 * @Default("'PENDING'") OrderStatus status      // DEFAULT 'PENDING' (an enum constant)
 * @Default("now()") Instant seenAt              // DEFAULT now()
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Default {
  /** The SQL expression. */
  String value();
}
