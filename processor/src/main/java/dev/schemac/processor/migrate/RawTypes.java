package dev.schemac.processor.migrate;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A base snapshot may hold as raw SQL a column type that this version's model holds as a logical
 * type: the types Hibernate gives a JPA attribute ({@code oid} for a {@code @Lob}, {@code char(1)}
 * for a {@code char}) were written as SQL of the build's first target before they had a logical
 * kind. Where that target spells the new type exactly as the raw text, they are the same column
 * type, and the base takes the new one: the diff then sees no change where the database has none.
 */
final class RawTypes {
  private RawTypes() {}

  static Schema reconcile(Schema base, Schema current, List<Target> targets) {
    List<Table> tables = new ArrayList<>();
    boolean changed = false;
    for (Table old : base.tables()) {
      Table now = current.tables().stream().filter(t -> t.qualifiedName().equals(old.qualifiedName())).findFirst()
          .orElse(null);
      Table table = now == null ? old : reconcile(old, now, targets);
      changed |= table != old;
      tables.add(table);
    }
    return changed ? new Schema(tables, base.enumTypes(), base.sequences(), base.sourceTypes()) : base;
  }

  private static Table reconcile(Table old, Table now, List<Target> targets) {
    List<Column> columns = new ArrayList<>();
    boolean changed = false;
    for (Column c : old.columns()) {
      Column n = now.column(c.name()).orElse(null);
      if (n != null && sameSpelling(c.type(), n.type(), targets)) {
        columns.add(c.withType(n.type()));
        changed = true;
      } else {
        columns.add(c);
      }
    }
    return changed ? old.withColumns(columns) : old;
  }

  /** {@code raw} is the user's SQL of a target of the build that writes {@code now} as that very text. */
  private static boolean sameSpelling(LogicalType raw, LogicalType now, List<Target> targets) {
    if (raw.kind() != LogicalType.Kind.RAW || now.kind() == LogicalType.Kind.RAW || now.isDocument()) {
      return false;
    }
    for (Target target : targets) {
      if (target instanceof SqlTarget sql && sql.id().equals(raw.raw().target())) {
        try {
          return sql.typeName(now).equals(raw.rawSql());
        } catch (IllegalArgumentException e) {
          return false; // a kind the target has no type for: it reports the column itself
        }
      }
    }
    return false;
  }
}
