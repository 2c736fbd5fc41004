package dev.schemac.processor.rules;

import java.util.List;

/**
 * The migration rules every target shares, in the order of docs/rules.md: an explicit list. They
 * judge the changes between two versions ({@link MigrationContext}); a target adds its own
 * (PostgreSQL's are about locks and table rewrites). Their ids live with the schema rules', so that
 * {@code -Aschemac.rules} and {@code @SuppressWarnings} know them.
 */
public final class MigrationRules {
  public static final String DESTRUCTIVE_CHANGE = "destructive-change";
  public static final String AMBIGUOUS_RENAME = "ambiguous-rename";
  public static final String NOT_NULL_WITHOUT_DEFAULT = "not-null-without-default";
  public static final String UNIQUE_COLUMN_WITH_DEFAULT = "unique-column-with-default";
  public static final String STALE_RENAMED_FROM = "stale-renamed-from";

  private MigrationRules() {}

  public static List<MigrationRule> all() {
    return List.of(new DestructiveChange(), new AmbiguousRename(), new NotNullWithoutDefault(),
        new UniqueColumnWithDefault(), new StaleRenamedFrom());
  }
}
