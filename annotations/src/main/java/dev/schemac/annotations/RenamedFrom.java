package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The previous name of a renamed column (on a component) or table (on a record): the migration
 * renames it, keeping the data, instead of dropping one and adding another.
 *
 * <pre>{@code
 * @RenamedFrom("state") OrderStatus status       // ALTER TABLE orders RENAME COLUMN state TO status
 *
 * @Table
 * @RenamedFrom("clients")
 * public record Customer(@Id UUID id) {}         // ALTER TABLE clients RENAME TO customers
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The SQL name in the previous schema version. */
  String value();
}
