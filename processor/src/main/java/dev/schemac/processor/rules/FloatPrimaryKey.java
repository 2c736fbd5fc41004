package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A primary-key column of a floating-point type (real, double precision, or one spelled in @Column(type)). */
public final class FloatPrimaryKey extends SchemaRule {

  public FloatPrimaryKey() {
    super("float-primary-key", Level.ERROR, "A floating-point primary key.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (table.primaryKey() == null) {
        continue;
      }
      for (String name : table.primaryKey().columns()) {
        Column column = table.column(name).orElse(null);
        if (column == null || !isFloatingPoint(context.stored(column.type()))) {
          continue;
        }
        String message = "the primary key of " + table.name() + " includes " + column.name() + ", which is "
            + context.typeName(column.type()) + ": floating-point values are approximate (0.1 + 0.2 is not 0.3), so a"
            + " key computed or parsed again misses its row in equality look-ups, two values that print the same are"
            + " different keys, and every foreign key to it inherits the problem.";
        String component = column.javaName() == null ? column.name() : column.javaName();
        String fix = "@Id long " + component + " (or @Id UUID " + component + ")";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static boolean isFloatingPoint(LogicalType type) {
    return type.kind() == LogicalType.Kind.FLOAT32 || type.kind() == LogicalType.Kind.FLOAT64;
  }
}
