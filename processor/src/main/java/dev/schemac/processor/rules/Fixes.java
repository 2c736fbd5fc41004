package dev.schemac.processor.rules;

import dev.schemac.processor.model.Table;
import java.util.List;

/**
 * How a fix is spelled for the table's source: a schemac record takes schemac's annotations, a
 * JPA entity the persistence annotations it is read from (docs/jpa.md), so that every fix a
 * rule prints can be pasted where the finding points.
 */
final class Fixes {
  private Fixes() {}

  /** "the record" or "the entity". */
  static String source(Table table) {
    return table.entity() ? "the entity" : "the record";
  }

  /** The annotation element that spells an SQL type: {@code @Column(type = "...")} or JPA's columnDefinition. */
  static String columnType(Table table, String sqlType) {
    return table.entity() ? "@Column(columnDefinition = \"" + sqlType + "\")" : "@Column(type = \"" + sqlType + "\")";
  }

  /** A table-level index over {@code columns}. */
  static String index(Table table, List<String> columns) {
    if (table.entity()) {
      return "@Table(indexes = @Index(columnList = \"" + String.join(", ", columns) + "\"))";
    }
    return columns.size() == 1 ? "@Index(columns = \"" + columns.get(0) + "\")"
        : "@Index(columns = {" + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList()) + "})";
  }

  /** How to make one column NOT NULL. */
  static String notNull(Table table) {
    return table.entity() ? "@Column(nullable = false), or optional = false on a @ManyToOne/@OneToOne"
        : "remove @Nullable";
  }
}
