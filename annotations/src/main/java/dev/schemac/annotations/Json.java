package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the component as {@code jsonb}: a {@code String} holding JSON, a {@code Map}, a {@code
 * List} or a record.
 *
 * <pre>{@code
 * @Json Map<String, Object> settings      // jsonb NOT NULL
 * @Json @Nullable Address address         // jsonb
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Json {}
