package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rows are deleted by setting {@code deleted_at}, not by DELETE. schemac uses the record's
 * {@code deletedAt} component (a nullable timestamp) or adds a {@code deleted_at timestamptz}
 * column, and turns the table's unique constraints into partial unique indexes {@code WHERE
 * deleted_at IS NULL}, so a deleted row does not block a new one with the same value.
 *
 * <pre>{@code
 * @Table
 * @SoftDelete
 * public record User(@Id UUID id, @Unique String email, @Nullable Instant deletedAt) {}
 * // CREATE UNIQUE INDEX users_email_key ON users (email) WHERE deleted_at IS NULL;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SoftDelete {}
