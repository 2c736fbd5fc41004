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
  /** A password, token or other secret stored as readable text. */
  public static final String PLAINTEXT_SECRET = "schemac:plaintext-secret";
  /** UUIDs stored as text. */
  public static final String UUID_AS_TEXT = "schemac:uuid-as-text";
  /** A point in time stored as a number. */
  public static final String TIMESTAMP_AS_NUMBER = "schemac:timestamp-as-number";
  /** A date or time stored as text. */
  public static final String DATE_AS_TEXT = "schemac:date-as-text";
  /** A list packed into one text column. */
  public static final String COMMA_SEPARATED_VALUES = "schemac:comma-separated-values";
  /** Money in a floating-point column. */
  public static final String MONEY_AS_FLOAT = "schemac:money-as-float";
  /** A column named like a reference to a table, without a foreign key. */
  public static final String MISSING_FOREIGN_KEY = "schemac:missing-foreign-key";
  /** A table shaped like (entity, attribute, value). */
  public static final String ENTITY_ATTRIBUTE_VALUE = "schemac:entity-attribute-value";
  /** A foreign-key column whose type differs from the key it references. */
  public static final String FOREIGN_KEY_TYPE_MISMATCH = "schemac:foreign-key-type-mismatch";
  /** A CHECK expression or index predicate that names a column the table does not have. */
  public static final String UNKNOWN_COLUMN_IN_EXPRESSION = "schemac:unknown-column-in-expression";
  /** A point in time stored without its time zone. */
  public static final String TIMESTAMP_WITHOUT_TIME_ZONE = "schemac:timestamp-without-time-zone";
  /** An index that another index, the primary key or a UNIQUE constraint already provides. */
  public static final String REDUNDANT_INDEX = "schemac:redundant-index";
  /** More indexes on one table than the configured threshold. */
  public static final String TOO_MANY_INDEXES = "schemac:too-many-indexes";
  /** A reserved word used as a table, column, sequence or schema name. */
  public static final String RESERVED_WORD = "schemac:reserved-word";
  /** A name longer than PostgreSQL's 63 bytes. */
  public static final String IDENTIFIER_TOO_LONG = "schemac:identifier-too-long";
  /** A unique or indexed text column without a length bound. */
  public static final String UNBOUNDED_TEXT_KEY = "schemac:unbounded-text-key";
  /** A nullable column in a unique constraint or a composite foreign key. */
  public static final String NULLABLE_KEY_COLUMN = "schemac:nullable-key-column";
  /** An enum stored by its ordinal. */
  public static final String ENUM_ORDINAL = "schemac:enum-ordinal";
  /** ON DELETE CASCADE chains reaching more tables than the configured threshold. */
  public static final String CASCADE_FAN_OUT = "schemac:cascade-fan-out";
  /** A table whose every non-key column is nullable. */
  public static final String ALL_COLUMNS_NULLABLE = "schemac:all-columns-nullable";
  /** The json type where jsonb is meant. */
  public static final String JSON_NOT_JSONB = "schemac:json-not-jsonb";
  /** PostgreSQL's money type. */
  public static final String MONEY_TYPE = "schemac:money-type";
  /** char(n), which pads with spaces. */
  public static final String FIXED_CHAR_TYPE = "schemac:fixed-char-type";
  /** serial / bigserial instead of an identity column. */
  public static final String SERIAL_TYPE = "schemac:serial-type";
  /** A floating-point primary key. */
  public static final String FLOAT_PRIMARY_KEY = "schemac:float-primary-key";

  // MongoDB's rules: when mongodb is one of the targets
  /** A reference that leads no index of its collection. */
  public static final String UNINDEXED_REFERENCE = "schemac:unindexed-reference";
  /** An array field whose length nothing bounds. */
  public static final String UNBOUNDED_ARRAY = "schemac:unbounded-array";
  /** A @Check MongoDB's validator cannot state. */
  public static final String CHECK_NOT_ENFORCED = "schemac:check-not-enforced";
  /** An index MongoDB cannot build as declared. */
  public static final String INDEX_NOT_BUILT = "schemac:index-not-built";
  /** A collection whose key references another: one document per document there. */
  public static final String EMBED_ONE_TO_ONE = "schemac:embed-one-to-one";

  // migration rules: on the change from the previous version
  /** A table, column or sequence dropped, a type narrowed or an enum value removed without @Schema(drops). */
  public static final String DESTRUCTIVE_CHANGE = "schemac:destructive-change";
  /** A table or column disappears while one of the same shape appears. */
  public static final String AMBIGUOUS_RENAME = "schemac:ambiguous-rename";
  /** A NOT NULL column without a default added to an existing table. */
  public static final String NOT_NULL_WITHOUT_DEFAULT = "schemac:not-null-without-default";
  /** A UNIQUE column added to an existing table with the same default for every row. */
  public static final String UNIQUE_COLUMN_WITH_DEFAULT = "schemac:unique-column-with-default";
  /** A change that rewrites the whole table under an exclusive lock. */
  public static final String TABLE_REWRITE = "schemac:table-rewrite";
  /** A MariaDB or MySQL migration statement that copies a table with rows (ALGORITHM=COPY). */
  public static final String TABLE_COPY = "schemac:table-copy";
  /** A NOT NULL column without a default added to a MariaDB or MySQL table, filled with its type's implicit default. */
  public static final String IMPLICIT_DEFAULT = "schemac:implicit-default";
  /** An index built on an existing table without CONCURRENTLY. */
  public static final String BLOCKING_INDEX_BUILD = "schemac:blocking-index-build";
  /** A constraint checked against every existing row while blocking writes. */
  public static final String BLOCKING_CONSTRAINT_VALIDATION = "schemac:blocking-constraint-validation";
  /** A @RenamedFrom whose old name is not in the previous version. */
  public static final String STALE_RENAMED_FROM = "schemac:stale-renamed-from";

  private SchemacRules() {}
}
