package dev.schemac.processor.model;

/**
 * What {@code @Schema(drops = @Drop(...))} acknowledges: a table that goes with its rows, or
 * (column not null) one column of it, or a destructive change to that column.
 */
public record DropAcknowledgment(String table, String column) {}
