package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the column holds a one-way hash (bcrypt, scrypt, Argon2...) of a secret, never
 * the secret itself. Satisfies the {@code plaintext-secret} rule.
 *
 * <pre>{@code
 * @Hashed String password        // the application stores BCrypt.hashpw(raw, salt)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Hashed {}
