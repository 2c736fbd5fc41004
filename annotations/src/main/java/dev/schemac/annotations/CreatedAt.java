package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The row's creation time: NOT NULL with {@code DEFAULT now()}. On {@code Instant}, {@code
 * OffsetDateTime} or {@code LocalDateTime}.
 *
 * <pre>{@code
 * @CreatedAt Instant createdAt        // created_at timestamptz NOT NULL DEFAULT now()
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface CreatedAt {}
