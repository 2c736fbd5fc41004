package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The row's last-update time: NOT NULL, {@code DEFAULT now()}, and a BEFORE UPDATE trigger that
 * sets it on every UPDATE, whatever the statement says. On {@code Instant}, {@code
 * OffsetDateTime} or {@code LocalDateTime}.
 *
 * <pre>{@code
 * @UpdatedAt Instant updatedAt
 * // updated_at timestamptz NOT NULL DEFAULT now()
 * // CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
 * //     FOR EACH ROW EXECUTE FUNCTION schemac_set_updated_at('updated_at');
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface UpdatedAt {}
