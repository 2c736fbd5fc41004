package dev.schemac.annotations;

/**
 * The id of every schemac rule, for {@code @SuppressWarnings} and {@code -Aschemac.rules}, so
 * that nobody has to type (or mistype) the raw string. Each rule is documented in
 * {@code docs/rules.md} under its id.
 *
 * <pre>{@code
 * @Table
 * public record AuditEvent(
 *     @Id long id,
 *     @SuppressWarnings(SchemacRules.UNINDEXED_FOREIGN_KEY)   // written once a night, never joined
 *     @References(User.class) UUID actorId) {}
 * }</pre>
 *
 * <p>{@link #ALL} silences every rule on the element it is written on. Structural errors (what
 * no schema can be built from) cannot be silenced.
 */
public final class SchemacRules {
  /** Every rule. */
  public static final String ALL = "schemac";

  /** A foreign key whose columns lead no index: deletes on the parent and joins scan the child. */
  public static final String UNINDEXED_FOREIGN_KEY = "schemac:unindexed-foreign-key";
  /** A table without a primary key. */
  public static final String MISSING_PRIMARY_KEY = "schemac:missing-primary-key";
  // group A1
  // group A2
  /** A foreign-key column whose type differs from the key it references. */
  public static final String FOREIGN_KEY_TYPE_MISMATCH = "schemac:foreign-key-type-mismatch";
  /** A CHECK expression or index predicate that names a column the table does not have. */
  public static final String UNKNOWN_COLUMN_IN_EXPRESSION = "schemac:unknown-column-in-expression";
  // group B1
  // group B2

  private SchemacRules() {}
}
