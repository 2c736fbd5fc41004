package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges a destructive change in {@link Schema#drops()}: a table, or one column of it,
 * that this version drops together with its data.
 *
 * <pre>{@code
 * @Schema(version = 3, drops = @Drop(table = "orders", column = "legacy_code"))
 * package com.example.shop;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Drop {
  /** The table. */
  String table();

  /** The column; empty means the whole table. */
  String column() default "";
}
