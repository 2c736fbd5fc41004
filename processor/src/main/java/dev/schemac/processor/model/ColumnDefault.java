package dev.schemac.processor.model;

/**
 * A column's default, as a value each target spells its own way, or the user's SQL for one
 * target. Identity columns have none (their values come from the identity, {@link
 * Column.Identity}).
 */
public sealed interface ColumnDefault {
  /** The current time, when the row is inserted ({@code @CreatedAt}, {@code @UpdatedAt}). */
  record Now() implements ColumnDefault {}

  /** A random UUID (a generated UUID key). */
  record RandomUuid() implements ColumnDefault {}

  /** A literal value; {@code text} is the value itself (not quoted). */
  record Literal(LiteralKind kind, String text) implements ColumnDefault {}

  /** What a {@link Literal} is. */
  enum LiteralKind { STRING, NUMBER, BOOLEAN }

  /** The user's SQL, for the target it is written for ({@code @Default}). */
  record Raw(RawSql sql) implements ColumnDefault {}

  Now NOW = new Now();
  RandomUuid RANDOM_UUID = new RandomUuid();
}
