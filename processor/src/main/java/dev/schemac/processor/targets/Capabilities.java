package dev.schemac.processor.targets;

/**
 * What an SQL engine can express, as far as schemac's model needs it. Shared code asks these
 * instead of naming engines: {@link UnsupportedFeatures} turns a model element a target cannot
 * express into a located compile error naming the target, and a target's renderer uses them to
 * choose statements.
 *
 * @param transactionalDdl DDL runs inside a transaction and rolls back with it, so a failed
 *     migration leaves nothing half done
 * @param partialIndexes an index (or a unique one) over the rows a predicate selects
 * @param expressionIndexes an index keyed on an expression rather than columns
 * @param checkConstraints CHECK constraints are enforced
 * @param comments comments on tables and columns are stored in the catalog; without them schemac
 *     leaves the comments out of the DDL (they stay in {@code schema.md}): a comment is
 *     documentation, not a constraint
 * @param triggers row triggers, as {@code @UpdatedAt} needs
 * @param sequences free-standing sequences ({@code @SequenceGenerator})
 * @param nativeEnums named enum types ({@code @NativeEnum})
 * @param namedSchemas tables and sequences in named schemas ({@code @Table(schema = ...)})
 * @param arrays columns holding arrays ({@code List<String>}, {@code UUID[]})
 */
public record Capabilities(
    boolean transactionalDdl,
    boolean partialIndexes,
    boolean expressionIndexes,
    boolean checkConstraints,
    boolean comments,
    boolean triggers,
    boolean sequences,
    boolean nativeEnums,
    boolean namedSchemas,
    boolean arrays) {}
