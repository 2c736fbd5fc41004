package dev.schemac.processor.model;

import java.util.Optional;

/**
 * The catalog of every diagnostic schemac reports that is not a rule's finding: the structural
 * errors (what no schema can be built from), the errors of versions and targets, the option
 * errors, and the few warnings and notes that are not rules. Each has a stable id, written first
 * in its message as {@code [schemac:<id>]} and documented under its own heading in
 * docs/errors.md; tests assert on these ids. The rules' ids (docs/rules.md) are the other half of
 * the one namespace: no id is used twice (held by {@code DiagnosticCatalogTest}).
 *
 * <p>An id names a kind of mistake, not a sentence: the message says what is wrong with which
 * element and how to fix it. Ids are never renamed once released; a new kind of mistake gets a new
 * constant here and a section in docs/errors.md.
 */
public enum ErrorId implements DiagnosticId {
  // ------------------------------------------------------------------ what the sources say

  /** A name that is not a lowercase SQL identifier. */
  INVALID_NAME("invalid-name", "a table, column, constraint, index or type name that is not a lowercase SQL identifier"),
  /** Two things of one name. */
  DUPLICATE_NAME("duplicate-name", "two tables, columns, constraints, indexes, sequences or types of one name"),
  /** An annotation names a column its table does not have. */
  UNKNOWN_COLUMN("unknown-column", "an annotation names a column its table does not have"),
  /** A Java type schemac has no column type for. */
  UNMAPPED_TYPE("unmapped-type", "a Java type (or a spelled column type) schemac has no column for"),
  /** An annotation that needs another Java type. */
  WRONG_JAVA_TYPE("wrong-java-type", "an annotation that needs another Java type than the one declared"),
  /** Annotations that contradict each other. */
  CONFLICTING_ANNOTATIONS("conflicting-annotations", "annotations or settings that contradict each other"),
  /** A unique constraint or CHECK that cannot be built as written. */
  INVALID_CONSTRAINT("invalid-constraint", "a @Unique or @Check that cannot be built as written"),
  /** A length, precision or scale out of range. */
  INVALID_COLUMN_SIZE("invalid-column-size", "a length, precision or scale out of range"),
  /** A {@code @Default} that is not a value of its column. */
  INVALID_DEFAULT("invalid-default", "a @Default that is not a value of its column"),
  /** A reference or join that cannot become a foreign key. */
  INVALID_FOREIGN_KEY("invalid-foreign-key", "a reference or join that cannot become a foreign key"),
  /** An index that cannot be built as written. */
  INVALID_INDEX("invalid-index", "an index that cannot be built as written"),
  /** A mapping JPA allows that schemac does not read. */
  UNSUPPORTED_MAPPING("unsupported-mapping", "a JPA mapping schemac does not read, or reads differently"),
  /** A mapping that is wrong as JPA reads it. */
  INVALID_MAPPING("invalid-mapping", "a JPA mapping that is wrong as JPA itself reads it"),
  /** {@code @Schema} declared more than once. */
  DUPLICATE_SCHEMA("duplicate-schema", "@Schema declared more than once in one compilation"),
  /** A type javac could not resolve: schemac writes nothing. */
  UNRESOLVED_TYPE("unresolved-type", "a type javac could not resolve, so nothing is written"),
  /** {@code @Nullable} on an array, which annotates its elements. */
  NULLABLE_ARRAY("nullable-array", "@Nullable on an array annotates its elements, not the column (warning)"),
  /** {@code @Lob} as Hibernate maps it on PostgreSQL. */
  LOB("lob", "@Lob on text or bytes, which Hibernate stores apart from the row (warning)"),

  // ------------------------------------------------------------------ text that reaches SQL

  /** A text that reaches SQL holds a character no script can carry. */
  CONTROL_CHARACTER("control-character", "a name, comment, default, check or index text with a control character or"
      + " broken UTF-16"),
  /** A name the target cannot read. */
  INVALID_IDENTIFIER("invalid-identifier", "a name a target cannot read unquoted"),
  /** A name the target keeps for its own catalog. */
  SYSTEM_CATALOG_NAME("system-catalog-name", "a name a target keeps for its own catalog"),
  /** SQL the target does not accept. */
  INVALID_SQL("invalid-sql", "a CHECK, DEFAULT or index text the target does not accept"),
  /** A subquery where the target refuses one. */
  SUBQUERY_IN_EXPRESSION("subquery-in-expression", "a subquery in a CHECK, DEFAULT or index text"),
  /** A column named in a DEFAULT. */
  COLUMN_IN_DEFAULT("column-in-default", "a DEFAULT that names a column"),
  /** A DEFAULT literal of another type than its column. */
  DEFAULT_TYPE_MISMATCH("default-type-mismatch", "a DEFAULT literal of another type than its column"),
  /** An enum column compared with a value that is not one of its constants. */
  UNKNOWN_ENUM_VALUE("unknown-enum-value", "an enum column compared with a value that is not one of its constants"),
  /** SQL schemac's own reading cannot decide (warning). */
  UNCHECKED_SQL("unchecked-sql", "SQL schemac's own reading cannot decide; the engine check can (warning)"),

  // ------------------------------------------------------------------ targets

  /** What a chosen target cannot express. */
  UNSUPPORTED_BY_TARGET("unsupported-by-target", "the schema uses what a chosen target cannot express"),
  /** A sequence the target refuses. */
  INVALID_SEQUENCE("invalid-sequence", "a sequence the target refuses (increment 0, start out of range, a reserved name)"),
  /** The engine refused a generated file during the compile. */
  ENGINE_CHECK("engine-check", "the engine check (-Aschemac.engineCheck) found a file the engine refuses"),

  // ------------------------------------------------------------------ versions and files

  /** A version that does not follow the committed history. */
  VERSION_ORDER("version-order", "@Schema(version) that does not follow the committed snapshots"),
  /** A released file that no longer matches its snapshot. */
  RELEASED_FILE_CHANGED("released-file-changed", "a released snapshot or migration that was edited, moved or lost"),
  /** A hand-written data step schemac cannot place. */
  INVALID_DATA_STEP("invalid-data-step", "a data step whose name, pair or last statement is wrong"),
  /** A target left out after it released versions. */
  TARGET_LEFT_OUT("target-left-out", "a target left out of -Aschemac.targets after it released versions"),
  /** Another module's version history in the same folder. */
  OTHER_MODULE_HISTORY("other-module-history", "another module's version history in the same class-path folder"),
  /** The committed files are not what the sources generate. */
  STALE_FILES("stale-files", "-Aschemac.verify=true and the committed files are not what the sources generate"),
  /** The metamodel class cannot be written. */
  METAMODEL("metamodel", "the metamodel class of a package cannot be written"),
  /** A test compilation writes nothing (note). */
  TEST_COMPILATION("test-compilation", "a test compilation writes nothing (note)"),

  // ------------------------------------------------------------------ the build

  /** A {@code -Aschemac.*} option with a value schemac cannot use. */
  INVALID_OPTION("invalid-option", "a -Aschemac.* option (or a @Schema setting) missing where it is needed, or with"
      + " a value schemac cannot use"),
  /** {@code @SuppressWarnings} naming no rule (warning). */
  UNKNOWN_RULE("unknown-rule", "@SuppressWarnings(\"schemac:...\") naming no rule, which suppresses nothing (warning)"),
  /** {@code -Aschemac.timings=true}: where the time went (note). */
  TIMINGS("timings", "-Aschemac.timings=true: where the processor's time went (note)"),
  /** An unversioned schema: schema.sql and schema.md only (note). */
  UNVERSIONED("unversioned", "no @Schema(version): schema.sql and schema.md only, no migrations (note)"),
  /** No {@code -Aschemac.dir}: the files went to the class output only (note). */
  NO_DIR("no-dir", "no -Aschemac.dir: the files went to the class output only (note)"),
  /** The baseline file cannot be read or written, or was written (note). */
  BASELINE("baseline", "the -Aschemac.baseline file cannot be read or written, or was written (note)"),
  /** The baseline accepts findings the build no longer finds (warning). */
  STALE_BASELINE_ENTRY("stale-baseline-entry", "the baseline file accepts findings this build no longer finds (warning)"),
  /** A bug of schemac's. */
  INTERNAL_ERROR("internal-error", "a bug of schemac's: nothing is written; please report it with the trace");

  private final String id;
  private final String summary;

  ErrorId(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  @Override
  public String id() {
    return id;
  }

  /** One line: what kind of mistake this is (docs/errors.md says more). */
  @Override
  public String summary() {
    return summary;
  }

  /** The id a message starts with, if it starts with one of the catalog's. */
  public static Optional<ErrorId> of(String message) {
    return DiagnosticId.of(ErrorId.class, message);
  }
}
