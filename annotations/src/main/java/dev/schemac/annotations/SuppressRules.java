package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Silences schemac rules for every record of a package. It exists because javac does not accept
 * {@code @SuppressWarnings} on a package declaration; on a record or a component, use {@code
 * @SuppressWarnings} with the same ids.
 *
 * <pre>{@code
 * // package-info.java: legacy tables mirrored from another system
 * @SuppressRules({SchemacRules.MISSING_FOREIGN_KEY, SchemacRules.TIMESTAMP_WITHOUT_TIME_ZONE})
 * package com.example.legacy;
 *
 * import dev.schemac.annotations.SchemacRules;
 * import dev.schemac.annotations.SuppressRules;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface SuppressRules {
  /** Rule ids ({@code "schemac:<id>"}), or {@code "schemac"} for all of them. */
  String[] value();
}
