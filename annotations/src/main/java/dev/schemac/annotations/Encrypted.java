package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the column holds ciphertext the application produced (for example with AES-GCM
 * and a key from a KMS): a {@code byte[]} stored as {@code bytea}. Satisfies the {@code
 * plaintext-secret} rule.
 *
 * <pre>{@code
 * @Encrypted byte[] apiToken       // api_token bytea NOT NULL
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Encrypted {}
