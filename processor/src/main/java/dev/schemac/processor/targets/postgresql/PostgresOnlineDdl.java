package dev.schemac.processor.targets.postgresql;

import java.util.List;

/**
 * How a PostgreSQL migration stays safe on a live database: what every file sets first, so that a
 * statement waiting on a lock fails fast instead of queueing traffic behind it. (What runs outside
 * the transaction, CONCURRENTLY and NOT VALID + VALIDATE, is the renderer's choice; the
 * {@code @Schema(singleTransaction)} switch turns it off.) Per-target settings live here.
 *
 * @param lockTimeout {@code lock_timeout}: generous for DDL on a busy table, short enough that a
 *     migration stuck behind a lock fails instead of stalling the application
 * @param statementTimeout {@code statement_timeout}
 */
public record PostgresOnlineDdl(String lockTimeout, String statementTimeout) {
  public static final PostgresOnlineDdl DEFAULT = new PostgresOnlineDdl("5s", "5min");

  /** The SET statements every up and down file starts with: a rollback under pressure must not queue either. */
  List<String> sessionSettings(PostgresDialect sql) {
    return sql.sessionTimeouts(lockTimeout, statementTimeout);
  }
}
