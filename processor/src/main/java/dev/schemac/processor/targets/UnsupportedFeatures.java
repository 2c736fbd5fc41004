package dev.schemac.processor.targets;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target's {@link Capabilities} rule out, found in a schema: one located error per element,
 * naming the target and saying how to fix it. Every target gets these through {@link
 * SqlTarget#unsupported}; a target adds its own.
 */
public final class UnsupportedFeatures {
  private UnsupportedFeatures() {}

  /** What a column of a kind some target has no type for holds, in words, with the type code that asks for it. */
  private static String words(LogicalType.Kind kind) {
    return switch (kind) {
      case INET -> "an IP address (@JdbcTypeCode(SqlTypes.INET))";
      case XML -> "an XML document (@JdbcTypeCode(SqlTypes.SQLXML))";
      case OFFSET_TIME -> "a time of day with its UTC offset (@JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE))";
      default -> "a value of kind " + kind;
    };
  }

  public static List<Problem> check(Schema schema, SqlTarget target) {
    Capabilities can = target.capabilities();
    List<Problem> problems = new ArrayList<>();
    String name = target.displayName();
    String off = " Fix: change it, or leave " + target.id() + " out of -Aschemac.targets.";
    for (Table table : schema.tables()) {
      if (!can.namedSchemas() && table.schema() != null) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
            "table " + table.qualifiedName() + " is in schema " + table.schema() + ", and "
            + name + " has no named schemas (target " + target.id() + ")." + off, table.origin()));
      }
      for (Column column : table.columns()) {
        if (column.type().isDocument()) {
          // a record inside a record is a document; no SQL engine stores one as a column
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "column " + table.qualifiedName() + "." + column.name() + " holds "
              + (column.type().array() ? "a list of embedded documents" : "an embedded document") + " ("
              + column.javaType() + "), which " + name + " cannot store as a column (target " + target.id() + ")."
              + " Fix: add @Json to " + (column.javaName() == null ? column.name() : column.javaName())
              + " to store it as JSON, or leave " + target.id() + " out of -Aschemac.targets.",
              at(column.origin(), table)));
          continue;
        }
        if (target.kindsWithoutType().contains(column.type().kind())) {
          String javaName = column.javaName() == null ? column.name() : column.javaName();
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "column " + table.qualifiedName() + "."
              + column.name() + " holds " + words(column.type().kind()) + ", and schemac knows no " + name
              + " type for it that Hibernate reads (target " + target.id() + "). Fix: store " + javaName
              + " as a String (text on every target) without the @JdbcTypeCode, or write its type with"
              + " @Column(columnDefinition = \"...\") with " + target.id() + " first in -Aschemac.targets, or leave "
              + target.id() + " out of -Aschemac.targets.", at(column.origin(), table)));
          continue;
        }
        if (!can.arrays() && column.type().array()) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
              "column " + table.qualifiedName() + "." + column.name() + " holds an array, which "
              + name + " cannot store (target " + target.id() + ")." + off, at(column.origin(), table)));
        }
      }
      if (!can.checkConstraints() && !table.checks().isEmpty()) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
            "table " + table.qualifiedName() + " has CHECK constraint "
            + table.checks().get(0).name() + ", which " + name + " does not enforce (target " + target.id() + ")." + off,
            at(table.checks().get(0).origin(), table)));
      }
      if (!can.triggers() && !table.triggers().isEmpty()) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
            "table " + table.qualifiedName() + " needs a trigger for @UpdatedAt column "
            + table.triggers().get(0).column() + ", and " + name + " has no row triggers (target " + target.id() + ")."
            + off, table.origin()));
      }
      if (!target.uniqueAmongLiveRows() && table.softDeleteColumn() != null && !table.uniques().isEmpty()) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "table " + table.qualifiedName() + " soft-deletes, so its UNIQUE constraint "
            + table.uniques().get(0).name() + " holds among live rows only: a partial unique index, which " + name
            + " cannot build (target " + target.id() + ")." + off, at(table.uniques().get(0).origin(), table)));
      }
      for (Index index : table.indexes()) {
        if (index.expireAfterSeconds() != null) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "index " + index.name() + " on " + table.qualifiedName() + " expires rows "
              + index.expireAfterSeconds() + " seconds after " + String.join(", ", index.columns())
              + " (@Indexed(expireAfterSeconds)), and " + name + " deletes no row by itself (target " + target.id()
              + "). Fix: remove expireAfterSeconds and delete expired rows with a scheduled job, or leave "
              + target.id() + " out of -Aschemac.targets.", at(index.origin(), table)));
        }
        if (!can.partialIndexes() && index.where() != null
            && !(target.uniqueAmongLiveRows() && liveRowsOnly(table, index))) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "index " + index.name() + " on " + table.qualifiedName() + " has a predicate (where),"
              + " and " + name + " has no partial indexes (target " + target.id() + ")." + off,
              at(index.origin(), table)));
        }
        if (!can.expressionIndexes() && index.elements().stream().anyMatch(e -> e.column() == null)) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
              "index " + index.name() + " on " + table.qualifiedName() + " is keyed on an"
              + " expression, and " + name + " indexes columns only (target " + target.id() + ")." + off,
              at(index.origin(), table)));
        }
      }
    }
    if (!can.sequences()) {
      for (Sequence sequence : schema.sequences()) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
            "sequence " + sequence.qualifiedName() + " cannot be created: " + name
            + " has no sequences (target " + target.id() + ")." + off, sequence.origin()));
      }
    }
    if (!can.nativeEnums()) {
      for (EnumType type : schema.enumTypes()) {
        Origin origin = schema.tables().stream().flatMap(t -> t.columns().stream())
            .filter(c -> type.name().equals(c.type().enumTypeName())).map(Column::origin).findFirst().orElse(Origin.NONE);
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET,
            "enum type " + type.name() + " (@NativeEnum) cannot be created: " + name
            + " has no named enum types (target " + target.id() + "). Fix: remove @NativeEnum (the enum is then"
            + " stored as text with a CHECK), or leave " + target.id() + " out of -Aschemac.targets.", origin));
      }
    }
    return problems;
  }

  /**
   * Whether {@code index} is a UNIQUE whose predicate only says "live rows" ({@code deleted_at IS
   * NULL}, as a soft-delete table's unique indexes get it): what a target that cannot build partial
   * indexes may still express ({@link SqlTarget#uniqueAmongLiveRows()}).
   */
  public static boolean liveRowsOnly(Table table, Index index) {
    return index.unique() && index.where() != null && table.softDeleteColumn() != null
        && index.where().sql().strip().replaceAll("\\s+", " ").equalsIgnoreCase(table.softDeleteColumn() + " IS NULL");
  }

  private static Origin at(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }
}
