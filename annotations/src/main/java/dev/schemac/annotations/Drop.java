package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges a destructive change in {@link Schema#drops()}: a table, or one column of it,
 * that this version drops together with its data; or a sequence (of a JPA
 * {@code @SequenceGenerator}) that it drops together with its position.
 *
 * <pre>{@code
 * @Schema(version = 3, drops = {
 *     @Drop(table = "orders", column = "legacy_code"),
 *     @Drop(table = "billing.invoices"),        // a table of schema billing
 *     @Drop(table = "billing.invoice_seq")})    // a sequence
 * package com.example.shop;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Drop {
  /**
   * The table, qualified with its schema when it has one ({@code billing.invoices}); or a
   * sequence, named the same way.
   */
  String table();

  /** The column; empty means the whole table. */
  String column() default "";
}
