package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * A change that loses data without an acknowledgment in {@code @Schema(drops = ...)}: a table,
 * column or sequence dropped, a type narrowed, an enum value removed. A dropped table or column
 * that looks renamed is {@link AmbiguousRename}'s instead.
 */
public final class DestructiveChange extends AbstractMigrationRule {
  public DestructiveChange() {
    super(MigrationRules.DESTRUCTIVE_CHANGE, Level.ERROR, "A table, column or sequence dropped, a type narrowed or an"
        + " enum value removed without @Schema(drops = ...).");
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    SchemaChanges changes = context.changes();
    List<Finding> findings = new ArrayList<>();
    List<String> newSequences = changes.of(Change.CreateSequence.class).stream()
        .map(c -> c.sequence().qualifiedName()).toList();
    for (Change change : changes.changes()) {
      if (change instanceof Change.RemoveEnumValue c) {
        List<String> drops = new ArrayList<>();
        boolean acknowledged = true;
        for (Table t : changes.after().tables()) {
          for (Column col : t.columns()) {
            if (c.after().name().equals(col.type().enumTypeName())) {
              drops.add("@Drop(table = \"" + t.qualifiedName() + "\", column = \"" + col.name() + "\")");
              acknowledged &= context.acknowledged(t.qualifiedName(), col.name());
            }
          }
        }
        if (!acknowledged) { // a type no column uses holds no rows
          findings.add(finding("enum type " + c.after().name() + " loses value '" + c.label() + "': the migration"
                  + " fails while a row holds it, and the type is made again, which rewrites every table with a column"
                  + " of it.", "keep the constant; or migrate the rows that hold it first, with a data step in this"
                  + " version (docs/migrations.md#data-steps) or in an earlier one, then acknowledge each column of"
                  + " the type with @Schema(..., drops = {" + String.join(", ", drops) + "}).",
              context.versionOrigin(), null, null));
        }
      } else if (change instanceof Change.DropTable c && !context.acknowledged(c.table().qualifiedName())
          && LikelyRenames.of(c.table(), changes) == null) {
        findings.add(finding("table " + c.table().qualifiedName() + " is gone from the sources, and dropping it would"
                + " delete all its rows, so schemac will not guess.", "to drop it, acknowledge it with"
                + " @Schema(version = ..., drops = @Drop(table = \"" + c.table().qualifiedName() + "\")).",
            context.versionOrigin(), null, null));
      } else if (change instanceof Change.DropColumn c && !c.column().isGenerated() // computed: nothing is lost
          && !context.acknowledged(c.table().qualifiedName(), c.column().name())
          && LikelyRenames.of(c.table(), c.column(), changes) == null) {
        String t = c.table().qualifiedName();
        boolean computedNow = c.table().column(c.column().name()).map(Column::isGenerated).orElse(false);
        findings.add(finding("column " + t + "." + c.column().name() + (computedNow
                ? " becomes a generated column, and replacing it would delete the values it holds for computed ones,"
                : " is gone from the sources, and dropping it would delete its values,") + " so schemac will not guess.", "to drop it, acknowledge it with"
                + " @Schema(version = ..., drops = @Drop(table = \"" + t + "\", column = \"" + c.column().name()
                + "\")).", c.table().origin(), t, null));
      } else if (change instanceof Change.AlterColumnType c) {
        String narrowing = TypeChanges.narrowing(c.before().type(), c.after().type());
        if (narrowing != null && !context.acknowledged(c.table().qualifiedName(), c.after().name())) {
          findings.add(narrowed(context, c.table(), c.before(), c.after(), narrowing));
        }
      } else if (change instanceof Change.ChangeEnumValues c && !c.before().type().isNamedEnum()
          && !c.after().type().isNamedEnum() && !c.removed().isEmpty()
          && !context.acknowledged(c.table().qualifiedName(), c.after().name())) {
        String t = c.table().qualifiedName();
        String col = c.after().name();
        findings.add(finding("column " + t + "." + col + " loses enum value(s) " + String.join(", ", c.removed())
                + ": rows holding them make the new CHECK fail to validate.", "migrate those rows first, with a data step"
                + " in this version (data/V{N}__d.sql runs before the new CHECK: docs/migrations.md#data-steps) or in"
                + " an earlier version, then acknowledge with @Schema(..., drops = @Drop(table = \"" + t + "\", column = \""
                + col + "\")).", c.after().origin(), t, col));
      } else if (change instanceof Change.DropSequence c && !context.acknowledged(c.sequence().qualifiedName())) {
        String name = c.sequence().qualifiedName();
        findings.add(finding("sequence " + name + " is gone from the sources, and dropping it loses its position:"
                + " a sequence of that name created again starts over at " + c.sequence().start() + ", below the"
                + " keys it already handed out, and inserts then fail on duplicate keys." + (newSequences.isEmpty()
                ? "" : " If a new sequence (" + String.join(", ", newSequences) + ") replaces it, it starts at its"
                + " own START value, below those keys too: keep the old sequence name instead."),
            "to drop it, acknowledge it with @Schema(version = ..., drops = @Drop(table = \"" + name + "\")).",
            context.versionOrigin(), null, null));
      }
    }
    return findings;
  }

  private Finding narrowed(MigrationContext context, Table table, Column was, Column now, String narrowing) {
    String t = table.qualifiedName();
    String c = now.name();
    return finding("column " + t + "." + c + " narrows from " + context.typeName(was.type()) + " to "
            + context.typeName(now.type())
            + " (" + narrowing + "): existing values may not fit and the migration fails, or they are cut.",
        "if that is intended, acknowledge it with @Schema(..., drops = @Drop(table = \"" + t + "\", column = \"" + c
            + "\")).", now.origin(), t, c);
  }
}
