package dev.schemac.maven;

import dev.schemac.processor.model.DiagnosticId;
import java.util.Optional;

/**
 * The catalog of what the plugin's goals report: every failure, every warning, and each kind of
 * difference drift finds. Each has a stable id, written first in its message as {@code
 * [schemac:<id>]}, the shape of the processor's ({@code dev.schemac.processor.model.ErrorId}), and
 * documented under its own heading in docs/maven-plugin.md ("Message ids"); tests assert on these
 * ids. They share one namespace with the processor's ids and rule ids: no id means two things
 * ({@code PluginErrorIdTest} holds that, and that every id is documented and used).
 *
 * <p>Ids are never renamed once released; a new kind of failure gets a new constant here and a
 * section in the docs.
 */
public enum PluginErrorId implements DiagnosticId {
  // ------------------------------------------------------------------ connecting (undo, drift)

  NO_DATABASE_URL("no-database-url", "no JDBC URL: neither -Dschemac.url nor flyway.url is set"),
  UNSUPPORTED_URL("unsupported-url", "a JDBC URL of an engine schemac generates no files for"),
  INVALID_TARGET("invalid-target", "-Dschemac.target is not a SQL target, or not one of the URL's engine"),
  CONNECTION_FAILED("connection-failed", "the database refused the connection, or no bundled driver accepts the URL"),
  DATABASE_ERROR("database-error", "the database failed a statement the goal runs to read or edit it"),
  IO_ERROR("io-error", "a committed file or a work file under target/ could not be read or written"),
  INTERRUPTED("interrupted", "the goal was interrupted (Ctrl-C) while it waited"),

  // ------------------------------------------------------------------ verify

  VERIFY_DIFFERS("verify-differs", "the committed files are not what the sources generate"),
  VERIFY_COMPILE_FAILED("verify-compile-failed", "the sources do not compile with schemac: nothing was compared"),
  PROCESSOR_VERSION_MISMATCH("processor-version-mismatch", "the build's schemac-processor is another version than the"
      + " plugin"),
  NO_JAVAC("no-javac", "Maven runs on a Java runtime without javac"),
  UNRESOLVED_CLASSPATH("unresolved-classpath", "Maven did not resolve the project's compile class path"),

  // ------------------------------------------------------------------ drift: the catalog

  DRIFT_MISSING("drift-missing", "an object of the committed schema is missing from the database"),
  DRIFT_EXTRA("drift-extra", "an object of the database is not in the committed schema"),
  DRIFT_CHANGED("drift-changed", "an attribute of an object differs between the database and the committed schema"),
  DRIFT_DETECTED("drift-detected", "the summary: the database differs from the committed schema, or its history is"
      + " wrong"),
  SCRATCH_DATABASE("scratch-database", "no empty scratch database to build the expected schema in"),
  REPLAY_FAILED("replay-failed", "a committed migration failed in the scratch database"),
  NOTHING_TO_COMPARE("nothing-to-compare", "neither a Flyway history nor a schema.sql to compare the database with"),

  // ------------------------------------------------------------------ the history (drift, undo)

  FAILED_MIGRATION("failed-migration", "Flyway's history has a failed migration"),
  CHANGED_MIGRATION("changed-migration", "the database ran another file than the committed one of its version"),
  CURRENT_VERSION_TRAP("current-version-trap", "the current version was rewritten after a database ran it"),
  CURRENT_VERSION_APPLIED("current-version-applied", "the current version is applied: bump before changing the"
      + " records (warning)"),
  DATABASE_AHEAD("database-ahead", "the database is at a version the committed files do not have"),

  // ------------------------------------------------------------------ undo

  UNDO_INVALID_VERSION("undo-invalid-version", "-Dschemac.to is not a schema version"),
  NO_HISTORY("no-history", "there is no Flyway history table where the goal looked"),
  HISTORY_LOCKED("history-locked", "Flyway's lock is held by another session"),
  UNKNOWN_VERSION("unknown-version", "the history does not contain the version to go back to"),
  UNDO_REFUSED("undo-refused", "undo refused before running anything; each reason has its own id"),
  BASELINE_VERSION("baseline-version", "a version to undo is Flyway's baseline, which has no down"),
  MISSING_DOWN("missing-down", "a down file a version needs is not among the committed files"),
  UNDO_FAILED("undo-failed", "a statement of a down failed");

  private final String id;
  private final String summary;

  PluginErrorId(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  /** {@code message} as it is when it starts with an id of this catalog, else with this id first. */
  String orKept(String message) {
    return of(message).isPresent() ? message : message(message);
  }

  /** The id a message starts with, if it starts with one of the catalog's. */
  public static Optional<PluginErrorId> of(String message) {
    return DiagnosticId.of(PluginErrorId.class, message);
  }
}
