package dev.schemac.processor.model;

/** A diagnostic produced by a step, reported by the processor on {@code origin}. */
public record Problem(Severity severity, String message, Origin origin) {
  /** How bad it is. */
  public enum Severity {
    ERROR,
    WARNING,
    NOTE
  }

  public static Problem error(String message, Origin origin) {
    return new Problem(Severity.ERROR, message, origin);
  }

  public static Problem warning(String message, Origin origin) {
    return new Problem(Severity.WARNING, message, origin);
  }
}
