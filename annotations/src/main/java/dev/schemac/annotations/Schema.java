package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the schema version of the compilation, on a {@code package-info.java} or a type
 * (the same meaning in both places; one per compilation). Without it the build is unversioned
 * and writes {@code schema.sql} only.
 *
 * <pre>{@code
 * @Schema(version = 3, description = "split_names", drops = @Drop(table = "users", column = "full_name"))
 * package com.example.shop;
 *
 * import dev.schemac.annotations.Drop;
 * import dev.schemac.annotations.Schema;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Schema {
  /** The version, from 1; equal to the latest snapshot's version or one more. */
  int version();

  /** The migration file description; empty means derived from the changes. */
  String description() default "";

  /** Destructive changes this version makes on purpose. */
  Drop[] drops() default {};

  /**
   * Write this version's up as one transactional file: plain CREATE INDEX, constraints checked
   * at once, SET NOT NULL directly. Simpler, and fine for small tables or a maintenance window;
   * on a live table each such step blocks writes while it scans, so each is reported as a
   * {@code blocking-index-build} or {@code blocking-constraint-validation} warning. The default
   * ({@code false}) moves those steps to a second, non-transactional file {@code V{N}.1} where
   * they run with CONCURRENTLY and NOT VALID + VALIDATE.
   */
  boolean singleTransaction() default false;

  /**
   * How long a statement of this version's migration files waits for a lock before it fails, so
   * that a migration stuck behind a long transaction fails instead of queueing the application's
   * queries behind it: a number and a unit ({@code ms}, {@code s}, {@code min}, {@code h}), or
   * {@code 0} for no limit. Empty: {@code -Aschemac.lockTimeout}, else {@code 5s}.
   *
   * <pre>{@code @Schema(version = 7, lockTimeout = "2s", statementTimeout = "15min")}</pre>
   */
  String lockTimeout() default "";

  /**
   * How long one statement of this version's transactional files ({@code V{N}}, {@code U{N}}) may
   * run, in the form of {@link #lockTimeout()}. Empty: {@code -Aschemac.statementTimeout}, else
   * {@code 5min}.
   */
  String statementTimeout() default "";

  /**
   * How long one statement of this version's non-transactional files ({@code V{N}.1},
   * {@code U{N}.1}: index builds with CONCURRENTLY, VALIDATE CONSTRAINT, which take as long as the
   * table is large) may run, in the form of {@link #lockTimeout()}. Empty:
   * {@code -Aschemac.nonTransactionalStatementTimeout}, else {@code 0}, no limit.
   */
  String nonTransactionalStatementTimeout() default "";
}
