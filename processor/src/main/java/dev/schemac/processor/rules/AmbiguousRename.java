package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * A table or column that disappears, unacknowledged, while one of the same shape appears
 * ({@link LikelyRenames}): probably a rename, which schemac will not guess. The message prints
 * both fixes, ready to paste: the {@code @RenamedFrom} and the {@code @Drop}.
 */
public final class AmbiguousRename extends AbstractMigrationRule {
  public AmbiguousRename() {
    super(MigrationRules.AMBIGUOUS_RENAME, Level.ERROR,
        "A table or column disappears while one of the same shape appears: a rename without @RenamedFrom?");
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    SchemaChanges changes = context.changes();
    List<Finding> findings = new ArrayList<>();
    for (Change change : changes.changes()) {
      if (change instanceof Change.DropTable drop && !context.acknowledged(drop.table().qualifiedName())) {
        Table b = drop.table();
        Table likely = LikelyRenames.of(b, changes);
        if (likely != null) {
          findings.add(finding("table " + b.qualifiedName() + " is gone from the sources, and dropping it would delete"
                  + " all its rows, so schemac will not guess. It looks renamed to " + likely.qualifiedName() + ".",
              "put @RenamedFrom(\"" + b.name() + "\") on "
                  + likely.sourceType().substring(likely.sourceType().lastIndexOf('.') + 1) + " to keep the data; if it"
                  + " really goes, acknowledge it with @Schema(version = ..., drops = @Drop(table = \""
                  + b.qualifiedName() + "\")).", likely.origin(), likely.qualifiedName(), null));
        }
      } else if (change instanceof Change.DropColumn drop
          && !context.acknowledged(drop.table().qualifiedName(), drop.column().name())) {
        Column likely = LikelyRenames.of(drop.table(), drop.column(), changes);
        if (likely != null) {
          String t = drop.table().qualifiedName();
          String c = drop.column().name();
          findings.add(finding("column " + t + "." + c + " is gone from the sources, and dropping it would delete its"
                  + " values, so schemac will not guess. It looks renamed to " + likely.name() + ".",
              "put @RenamedFrom(\"" + c + "\") on " + (likely.javaName() == null ? likely.name() : likely.javaName())
                  + " to keep the data; if it really goes, acknowledge it with @Schema(version = ..., drops ="
                  + " @Drop(table = \"" + t + "\", column = \"" + c + "\")).", likely.origin(), t, likely.name()));
        }
      }
    }
    return findings;
  }
}
