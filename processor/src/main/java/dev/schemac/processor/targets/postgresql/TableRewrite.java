package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.rules.AbstractMigrationRule;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.rules.TypeChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A change that makes PostgreSQL rewrite the whole table under an ACCESS EXCLUSIVE lock: a column
 * added with a volatile default or as a stored generated column, or a type change that is not binary-compatible. A narrowing that
 * destructive-change stops is not reported twice.
 */
public final class TableRewrite extends AbstractMigrationRule {
  public static final String ID = "table-rewrite";

  private static final PostgresDialect SQL = new PostgresDialect();

  private static final Pattern VOLATILE_DEFAULT =
      Pattern.compile("(?i)\\b(gen_random_uuid|uuid_generate_v[1-5]|random|clock_timestamp|timeofday|nextval)\\s*\\(");

  public TableRewrite() {
    super(ID, Level.WARNING, "A change that makes PostgreSQL rewrite the whole table under an exclusive lock.", Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Change change : context.changes().changes()) {
      if (change instanceof Change.AddColumn added) {
        Column c = added.column();
        String t = added.table().qualifiedName();
        String value = c.defaultValue() == null ? null : SQL.defaultExpression(c.defaultValue());
        if (c.isGenerated()) {
          findings.add(finding("column " + t + "." + c.name() + " is added as a stored generated column"
                  + ": PostgreSQL computes it for every existing row, rewriting the whole table under an ACCESS"
                  + " EXCLUSIVE lock.", "on a large table run the version in a maintenance window, or add a plain"
                  + " nullable column the application fills in batches instead.", c.origin(), t, c.name()));
        } else if (value != null && VOLATILE_DEFAULT.matcher(value).find()) {
          findings.add(finding("column " + t + "." + c.name() + " is added with the volatile default " + value
                  + ": PostgreSQL computes it for every existing row, rewriting the whole table under an ACCESS"
                  + " EXCLUSIVE lock.", "on a large table add it nullable, backfill in batches, then set the default.",
              c.origin(), t, c.name()));
        }
      } else if (change instanceof Change.AlterColumnType altered) {
        String t = altered.table().qualifiedName();
        Column was = altered.before();
        Column now = altered.after();
        boolean stopped = TypeChanges.narrowing(was.type(), now.type()) != null
            && !context.acknowledged(t, now.name());
        if (!stopped && !isBinaryCompatible(was.type(), now.type())) {
          findings.add(finding("column " + t + "." + now.name() + " changes type from " + SQL.typeName(was.type())
                  + " to " + SQL.typeName(now.type()) + ": PostgreSQL rewrites the whole table and its indexes under an"
                  + " ACCESS EXCLUSIVE lock.", "on a large table add a new column, backfill it in batches and switch"
                  + " over instead.", now.origin(), t, now.name()));
        }
      }
    }
    return findings;
  }

  /** Changes PostgreSQL makes without rewriting the table. */
  static boolean isBinaryCompatible(LogicalType from, LogicalType to) {
    if (from.array() != to.array()) {
      return false;
    }
    LogicalType a = from.storage();
    LogicalType b = to.storage();
    if (a.kind() == LogicalType.Kind.STRING && b.kind() == LogicalType.Kind.STRING
        && (b.length() == 0 || a.length() > 0 && b.length() >= a.length())) {
      return true; // widening a varchar, or dropping its bound, changes no stored value
    }
    return from.kind() == LogicalType.Kind.DECIMAL && to.kind() == LogicalType.Kind.DECIMAL
        && (to.precision() == 0 || from.precision() != 0 && to.scale() == from.scale() && to.precision() >= from.precision());
  }
}
