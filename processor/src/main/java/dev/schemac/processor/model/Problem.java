package dev.schemac.processor.model;

/**
 * A diagnostic produced by a step, reported by the processor on {@code origin}. A problem that
 * comes from a migration rule carries its {@code ruleId} (and the table and column it is about,
 * for suppression), so the build's levels and the source's suppressions apply to it; the others
 * have a null rule id and cannot be silenced.
 */
public record Problem(Severity severity, String message, Origin origin, String ruleId, String table, String column) {
  /** How bad it is. */
  public enum Severity {
    ERROR,
    WARNING,
    NOTE
  }

  /** An error of the catalog's {@code id}: its message starts with {@code [schemac:<id>]}. */
  public static Problem error(ErrorId id, String message, Origin origin) {
    return error(id.message(message), origin);
  }

  /** A warning of the catalog's {@code id}: its message starts with {@code [schemac:<id>]}. */
  public static Problem warning(ErrorId id, String message, Origin origin) {
    return warning(id.message(message), origin);
  }

  /** A note of the catalog's {@code id}: its message starts with {@code [schemac:<id>]}. */
  public static Problem note(ErrorId id, String message, Origin origin) {
    return note(id.message(message), origin);
  }

  /** The catalog id the message starts with, if any (a rule's finding names its rule instead: {@link #ruleId}). */
  public java.util.Optional<ErrorId> errorId() {
    return ErrorId.of(message);
  }

  public static Problem error(String message, Origin origin) {
    return new Problem(Severity.ERROR, message, origin, null, null, null);
  }

  public static Problem warning(String message, Origin origin) {
    return new Problem(Severity.WARNING, message, origin, null, null, null);
  }

  public static Problem note(String message, Origin origin) {
    return new Problem(Severity.NOTE, message, origin, null, null, null);
  }

  /** A finding of rule {@code ruleId} at its default severity, before the build's levels are applied. */
  public static Problem rule(String ruleId, Severity severity, String message, Origin origin, String table, String column) {
    return new Problem(severity, message, origin, ruleId, table, column);
  }
}
