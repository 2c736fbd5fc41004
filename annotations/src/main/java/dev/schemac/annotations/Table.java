package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a record a table of the schema.
 *
 * <p>The table name is the snake_case plural of the record name ({@code OrderItem} ->
 * {@code order_items}, {@code Category} -> {@code categories}) unless {@link #name()} is given.
 *
 * <pre>{@code
 * @Table
 * public record User(@Id UUID id, String email) {}          // CREATE TABLE users (...)
 *
 * @Table(name = "people")
 * public record Person(@Id long id, String name) {}          // CREATE TABLE people (...)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table name; empty means the snake_case plural of the record name. */
  String name() default "";
}
