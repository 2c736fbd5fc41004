package dev.schemac.processor.model;

/**
 * What {@code @Schema(drops = @Drop(...))} acknowledges: a table that goes with its rows, or
 * (column not null) one column of it, or a destructive change to that column; or a sequence that
 * goes with its position. {@code table} is a qualified name ({@code billing.invoices}, or a bare
 * name in the default schema).
 */
public record DropAcknowledgment(String table, String column) {}
