package dev.schemac.annotations;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  /** The statement fails at the end of the statement (PostgreSQL's default). */
  NO_ACTION,
  /** The statement fails at once. */
  RESTRICT,
  /** The referencing rows are deleted (or their keys updated) too. */
  CASCADE,
  /** The referencing columns are set to NULL. */
  SET_NULL,
  /** The referencing columns are set to their defaults. */
  SET_DEFAULT
}
