package dev.schemac.processor.rules;

import dev.schemac.processor.model.Origin;

/**
 * One thing a rule found: on {@code table} (a qualified name; a sequence's, for a finding on a
 * sequence) and, when it is about one column, {@code column}
 * (else null), with what goes wrong in production ({@code message}) and how to fix it ({@code
 * fix}: a ready-to-paste annotation where there is one). {@code origin} is where it is reported.
 */
public record Finding(String ruleId, String table, String column, String message, String fix, Origin origin) {}
