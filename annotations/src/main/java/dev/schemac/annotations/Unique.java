package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint: on a component for that column, or on the record (repeatable) for
 * several columns together.
 *
 * <pre>{@code
 * @Table
 * @Unique(columns = {"tenant_id", "slug"})
 * public record Page(@Id UUID id, UUID tenantId, String slug, @Unique String path) {}
 * }</pre>
 *
 * <p>On a {@link SoftDelete} table, unique constraints become partial unique indexes {@code WHERE
 * deleted_at IS NULL}, so a deleted row does not block its value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
@Repeatable(Unique.List.class)
public @interface Unique {
  /** On a record: the columns (column or component names). Ignored on a component. */
  String[] columns() default {};

  /** The constraint name; empty means {@code <table>_<columns>_key}. */
  String name() default "";

  /** Holds repeated {@link Unique} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
  @interface List {
    Unique[] value();
  }
}
