package dev.schemac.processor.model;

/**
 * A CHECK constraint. {@code column} is the column it was declared on, or null for a
 * record-level check; {@code enumCheck} marks the CHECK schemac derives from a Java enum.
 */
public record CheckConstraint(
    String name, String expression, String column, boolean enumCheck, Origin origin) {}
