package dev.schemac.processor.migrate;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.model.change.SchemaDiff;
import dev.schemac.processor.targets.SqlTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A base snapshot of a format before targets (1 or 2) holds what schemac wrote then as SQL text
 * of the engine it wrote for; this version's model holds the same things structured ({@code
 * now()} is {@code NOW}, an enum's {@code IN (...)} is a list of values, an order column's {@code
 * >= 0} a range). Where that engine spells the old and the new element alike, they are the same
 * element, and the base takes the new one: the diff then sees no change where the database has
 * none. Anything that spells differently stays a change.
 */
final class LegacyBase {
  private LegacyBase() {}

  /**
   * {@code legacy} with every element {@code writer} spells as {@code current}'s counterpart
   * replaced by it; counterparts are paired as the diff pairs them, renames included.
   */
  static Schema reconcile(Schema legacy, Schema current, SqlTarget writer) {
    SchemaChanges pairing = SchemaDiff.between(legacy, current);
    Map<String, Table> counterparts = new HashMap<>();
    pairing.kept().forEach(p -> counterparts.put(p.before().qualifiedName(), p.after()));
    Map<String, String> renamedColumns = new HashMap<>(); // "new table qualified name.old column" -> new column
    pairing.of(Change.RenameColumn.class).forEach(r -> renamedColumns.put(r.table() + "." + r.from(), r.to()));
    List<Table> tables = new ArrayList<>();
    for (Table old : legacy.tables()) {
      Table now = counterparts.get(old.qualifiedName());
      tables.add(now == null ? old : reconcile(old, now, renamedColumns, writer));
    }
    return new Schema(tables, legacy.enumTypes(), legacy.sequences(), legacy.sourceTypes());
  }

  private static Table reconcile(Table old, Table now, Map<String, String> renamedColumns, SqlTarget writer) {
    List<Column> columns = new ArrayList<>();
    for (Column c : old.columns()) {
      String name = renamedColumns.getOrDefault(now.qualifiedName() + "." + c.name(), c.name());
      Column n = now.column(name).orElse(null);
      if (n == null) {
        columns.add(c);
        continue;
      }
      columns.add(new Column(c.name(), c.javaName(), c.javaType(),
          writer.typeName(c.type()).equals(writer.typeName(n.type())) ? n.type() : c.type(), c.nullable(),
          Objects.equals(writer.defaultExpression(old, c), writer.defaultExpression(now, n)) ? n.defaultValue() : c.defaultValue(),
          c.identity(), c.markers(), c.comment(), c.renamedFrom(), c.suppressions(), c.origin(), c.generated()));
    }
    List<CheckConstraint> checks = new ArrayList<>();
    for (CheckConstraint c : old.checks()) {
      CheckConstraint n = now.checks().stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
      checks.add(n != null && writer.checkExpression(old, c).equals(writer.checkExpression(now, n))
          ? new CheckConstraint(c.name(), n.condition(), n.column(), c.origin()) : c);
    }
    List<Index> indexes = new ArrayList<>();
    for (Index i : old.indexes()) {
      Index n = now.indexes().stream().filter(x -> x.name().equals(i.name())).findFirst().orElse(null);
      indexes.add(n != null && writer.indexDefinition(old, i).equals(writer.indexDefinition(now, n))
          ? new Index(i.name(), n.elements(), n.unique(), n.method(), n.where(), n.include(), i.origin(),
              n.expireAfterSeconds()) : i);
    }
    return old.withColumns(columns).withChecks(checks).withIndexes(indexes);
  }
}
