package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key to the primary key of another {@link Table} record.
 *
 * <p>On a component the column references the target's single-column primary key. On the
 * record, {@link #columns()} names the referencing columns of a composite foreign key, in the
 * order of the target's primary key.
 *
 * <pre>{@code
 * @Table
 * public record Order(
 *     @Id UUID id,
 *     @References(value = User.class, onDelete = ReferentialAction.RESTRICT) @Indexed UUID userId) {}
 *
 * @Table
 * @References(value = PostTag.class, columns = {"post_id", "tag_id"})
 * @Index(columns = {"post_id", "tag_id"})
 * public record PostTagVote(@Id UUID id, UUID postId, UUID tagId) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
@Repeatable(References.List.class)
public @interface References {
  /** The referenced record; it must carry {@link Table}. */
  Class<?> value();

  /** On a record: the referencing columns (column or component names). Ignored on a component. */
  String[] columns() default {};

  /** The action when the referenced row is deleted. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** The action when the referenced key is updated. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** The constraint name; empty means {@code <table>_<columns>_fkey}. */
  String name() default "";

  /** Holds repeated {@link References} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
  @interface List {
    References[] value();
  }
}
