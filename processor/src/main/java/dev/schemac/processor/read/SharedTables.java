package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.declares;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Column.Identity;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * Two entities mapped to one table ({@code @Table(name)} the same, as legacy code does to give one
 * table two id generations or two views): their columns merged as Hibernate merges them, a
 * located error only where they really conflict.
 */
final class SharedTables {
  private final JpaContext ctx;

  SharedTables(JpaContext ctx) {
    this.ctx = ctx;
  }

  /** Merges {@code twin}'s columns, key and relationships into {@code table} (see {@link EntityReader#mergeTwin}). */
  void merge(Draft twin, Draft table) {
    String other = table.type.getQualifiedName().toString();
    if (!twin.pkColumns.equals(table.pkColumns)) {
      ctx.diagnostics.error(ErrorId.INVALID_MAPPING, twin.origin, twin.type.getSimpleName() + " is mapped to table '" + table.table + "' of "
          + other + " with another primary key (" + String.join(", ", twin.pkColumns) + ", not "
          + String.join(", ", table.pkColumns) + "): one table has one key. Make the two @Id mappings agree, or"
          + " give one entity its own @Table(name = \"...\")");
      return;
    }
    for (Column mine : twin.columns) {
      Column theirs = table.column(mine.name());
      if (theirs == null) {
        table.columns.add(mine);
        table.reportOn.put(mine.name(), twin.reportOn.get(mine.name()));
        if (twin.annotationsOf.containsKey(mine.name())) {
          table.annotationsOf.put(mine.name(), twin.annotationsOf.get(mine.name()));
        }
        continue;
      }
      if (!mine.type().sameStorageAs(theirs.type())) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING, mine.origin(), "column '" + mine.name() + "' of table '" + table.table + "' is "
            + describe(mine.type()) + " in " + twin.type.getSimpleName() + " and " + describe(theirs.type())
            + " in " + other + ", which map the same table: one column has one type. Make the two mappings agree,"
            + " or give one entity its own @Table(name = \"...\")");
        continue;
      }
      if (!java.util.Objects.equals(mine.generated(), theirs.generated())) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING, mine.origin(), "column '" + mine.name() + "' of table '" + table.table
            + "' is generated differently in " + twin.type.getSimpleName() + " and in " + other + ", which map the same"
            + " table: one column has one @GeneratedColumn. Make the two mappings agree, or give one entity its own"
            + " @Table(name = \"...\")");
        continue;
      }
      Identity identity = theirs.identity() != Identity.NONE ? theirs.identity() : mine.identity();
      ColumnDefault defaultValue = theirs.defaultValue() != null ? theirs.defaultValue()
          : identity != Identity.NONE ? null : mine.defaultValue();
      table.columns.set(table.columns.indexOf(theirs), new Column(theirs.name(), theirs.javaName(), theirs.javaType(),
          theirs.type(), theirs.nullable() || mine.nullable(), defaultValue, identity, theirs.markers(),
          theirs.comment() != null ? theirs.comment() : mine.comment(), theirs.renamedFrom(), theirs.suppressions(),
          theirs.origin(), theirs.generated()));
    }
    EntityState mine = ctx.existingState(twin);
    if (mine != null) {
      EntityState theirs = ctx.state(table);
      for (JoinColumns.Resolved r : mine.resolved) {
        boolean known = theirs.resolved.stream().anyMatch(x -> x.columns().equals(r.columns())
            && x.targetTable().equals(r.targetTable()));
        if (!known) {
          theirs.resolved.add(r);
        }
      }
      mine.columnAnnotations.forEach(theirs.columnAnnotations::putIfAbsent);
      mine.columnAnnotationAt.forEach(theirs.columnAnnotationAt::putIfAbsent);
      mine.ordinals.forEach(theirs.ordinals::putIfAbsent);
    }
    AnnotationMirror tableAnn = jpa(twin.type.getAnnotationMirrors(), "Table").orElse(null);
    if (tableAnn != null && List.of("indexes", "uniqueConstraints", "check").stream()
        .anyMatch(e -> declares(tableAnn, e) && !ctx.mirrors.list(tableAnn, e).isEmpty())) {
      ctx.diagnostics.warning(ErrorId.UNSUPPORTED_MAPPING, ElementOrigin.of(twin.type, tableAnn), "table '" + table.table + "' is mapped by "
          + other + " and " + twin.type.getSimpleName() + "; its indexes and constraints are read from the @Table of "
          + other + " alone: declare them there");
    }
  }

  /** A type as the messages of this class name it, whatever the target: {@code string(40)}, {@code decimal(12,2)}. */
  private static String describe(LogicalType type) {
    String base = type.kind() == LogicalType.Kind.RAW ? type.rawSql()
        : type.kind().name().toLowerCase(java.util.Locale.ROOT) + (type.length() > 0 ? "(" + type.length() + ")"
            : type.precision() > 0 ? "(" + type.precision() + "," + type.scale() + ")" : "");
    return type.array() ? base + "[]" : base;
  }
}
