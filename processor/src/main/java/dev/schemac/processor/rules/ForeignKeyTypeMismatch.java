package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A foreign-key column whose type is not the type of the key it references. */
public final class ForeignKeyTypeMismatch extends SchemaRule {
  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");
  public ForeignKeyTypeMismatch() {
    super("foreign-key-type-mismatch", Level.ERROR,
        "A foreign-key column whose type differs from the key it references.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (ForeignKey fk : table.foreignKeys()) {
        Table target = schema.table(fk.targetTable()).orElse(null);
        if (target == null) {
          continue;
        }
        for (int i = 0; i < fk.columns().size() && i < fk.targetColumns().size(); i++) {
          Column mine = table.column(fk.columns().get(i)).orElse(null);
          Column theirs = target.column(fk.targetColumns().get(i)).orElse(null);
          if (mine == null || theirs == null || mine.type().sameStorageAs(theirs.type())) {
            continue;
          }
          String message = "foreign key " + fk.name() + ": " + table.name() + "." + mine.name() + " is "
              + context.typeName(mine.type()) + " but the key it references, " + target.name() + "." + theirs.name() + ", is "
              + context.typeName(theirs.type()) + ": PostgreSQL refuses incompatible types outright, and for compatible"
              + " ones every join and every key check converts values, which can keep the index from being used"
              + " and lets values exist on one side that the other cannot hold.";
          String fix = "declare " + (mine.javaName() == null ? mine.name() : mine.javaName()) + " with the Java type of "
              + target.sourceType().substring(target.sourceType().lastIndexOf('.') + 1) + "."
              + (theirs.javaName() == null ? theirs.name() : theirs.javaName())
              + (theirs.javaType() == null ? "" : " (" + simple(theirs.javaType()) + ")");
          findings.add(fk.columns().size() == 1 ? on(table, mine, message, fix) : on(table, fk.origin(), message, fix));
        }
      }
    }
    return findings;
  }

  private static String simple(String javaType) {
    return PACKAGE_PREFIX.matcher(javaType).replaceAll("");
  }
}
