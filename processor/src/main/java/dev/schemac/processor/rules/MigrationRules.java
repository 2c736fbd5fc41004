package dev.schemac.processor.rules;

import java.util.List;

/**
 * The migration rules: checks on the diff between two versions, run by the migration planner.
 * Listed here so that their ids, levels and documentation live with the schema rules', and
 * {@code -Aschemac.rules} and {@code @SuppressWarnings} know them.
 */
public final class MigrationRules {
  /** What every rule has, without a check of its own (the planner does the checking). */
  public record Info(String id, Level defaultLevel, String summary) {}

  public static final String DESTRUCTIVE_CHANGE = "destructive-change";
  public static final String AMBIGUOUS_RENAME = "ambiguous-rename";
  public static final String NOT_NULL_WITHOUT_DEFAULT = "not-null-without-default";
  public static final String TABLE_REWRITE = "table-rewrite";
  public static final String BLOCKING_INDEX_BUILD = "blocking-index-build";
  public static final String BLOCKING_CONSTRAINT_VALIDATION = "blocking-constraint-validation";
  public static final String STALE_RENAMED_FROM = "stale-renamed-from";

  private MigrationRules() {}

  public static List<Info> all() {
    return List.of(
        new Info(DESTRUCTIVE_CHANGE, Level.ERROR,
            "A table, column or sequence dropped, a type narrowed or an enum value removed without"
                + " @Schema(drops = ...)."),
        new Info(AMBIGUOUS_RENAME, Level.ERROR,
            "A table or column disappears while one of the same shape appears: a rename without @RenamedFrom?"),
        new Info(NOT_NULL_WITHOUT_DEFAULT, Level.ERROR,
            "A NOT NULL column without a default added to a table that already has rows."),
        new Info(TABLE_REWRITE, Level.WARNING,
            "A change that makes PostgreSQL rewrite the whole table under an exclusive lock."),
        new Info(BLOCKING_INDEX_BUILD, Level.WARNING,
            "An index built on an existing table without CONCURRENTLY, blocking writes while it builds."),
        new Info(BLOCKING_CONSTRAINT_VALIDATION, Level.WARNING,
            "A constraint or NOT NULL checked against every existing row while holding a lock that blocks writes."),
        new Info(STALE_RENAMED_FROM, Level.WARNING,
            "A @RenamedFrom whose old name is not in the previous version."));
  }
}
