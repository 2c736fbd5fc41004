package dev.schemac.processor.targets;

/**
 * A version's hand-written data step, for one target: {@code data/V{N}__d.sql} (the up, SQL of
 * that target, run as written) and {@code data/U{N}__d.sql} (its down; null when there is none).
 * The generated up runs it between what the version adds and what it removes or tightens (expand,
 * data, contract): after new tables and columns exist, before columns are dropped, types
 * narrowed, NOT NULL set or constraints added. The down runs the inverse order.
 *
 * @param upFile   its path under {@code schemac.dir}, for the generated file's comment
 * @param downFile the down's path, or null
 */
public record DataStep(String upFile, String up, String downFile, String down) {}
