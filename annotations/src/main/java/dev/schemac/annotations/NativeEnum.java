package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an enum component as a PostgreSQL enum type instead of the default {@code text} +
 * {@code CHECK (col IN (...))}. The type is shared by every column of that Java enum.
 *
 * <p>The default is text + CHECK on purpose: adding a value to a native enum cannot run inside
 * a transaction block before PostgreSQL 12, and removing one is impossible without recreating
 * the type.
 *
 * <pre>{@code
 * @NativeEnum OrderStatus status      // CREATE TYPE order_status AS ENUM ('NEW', 'PAID', ...)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface NativeEnum {
  /** The type name; empty means the snake_case of the enum's simple name. */
  String name() default "";
}
