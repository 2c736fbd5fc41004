package dev.schemac.processor.read;

/** The defaults schemac itself gives a column, the same for a record component and an entity attribute. */
final class ColumnDefaults {
  /** A generated UUID key's default. */
  static final String RANDOM_UUID = "gen_random_uuid()";
  /** The default of a {@code @CreatedAt} or {@code @UpdatedAt} column. */
  static final String NOW = "now()";

  private ColumnDefaults() {}
}
