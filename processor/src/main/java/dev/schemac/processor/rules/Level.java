package dev.schemac.processor.rules;

/** How a rule reports: fails the build, warns, or stays silent. */
public enum Level {
  ERROR,
  WARNING,
  OFF
}
