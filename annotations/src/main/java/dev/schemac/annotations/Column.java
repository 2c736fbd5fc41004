package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details: name, size and an explicit SQL type.
 *
 * <pre>{@code
 * @Column(length = 255) String email                       // varchar(255)
 * @Column(precision = 12, scale = 2) BigDecimal total      // numeric(12,2)
 * @Column(name = "sku_code") String sku                    // column sku_code
 * @Column(type = "citext") String handle                   // citext (CREATE EXTENSION citext)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Column {
  /** The column name; empty means the snake_case of the component name. */
  String name() default "";

  /** For {@code String}: {@code varchar(length)}; 0 means unbounded {@code text}. */
  int length() default 0;

  /** For {@code BigDecimal}: total digits of {@code numeric(precision, scale)}; 0 means unconstrained. */
  int precision() default 0;

  /** For {@code BigDecimal}: digits after the decimal point. */
  int scale() default 0;

  /** An explicit SQL type such as {@code "citext"} or {@code "inet"}; empty means derived from the Java type. */
  String type() default "";
}
