package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.declares;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;

/**
 * The CHECK and UNIQUE constraints an entity's annotations state beyond the relational mapping:
 * JPA 3.2's {@code @CheckConstraint} (on {@code @Table}, {@code @Column}, {@code @JoinColumn},
 * {@code @JoinTable}), Hibernate's {@code @Check}/{@code @Checks} and {@code @NaturalId}, Bean
 * Validation's {@code @Min}/{@code @Max} (as Hibernate applies them), the NOT NULL of a
 * single-table subclass's column for its own rows, and the values of Hibernate's {@code
 * @SoftDelete} column.
 */
final class EntityConstraints {
  private static final List<String> MIN = List.of("jakarta.validation.constraints.Min",
      "javax.validation.constraints.Min");
  private static final List<String> MAX = List.of("jakarta.validation.constraints.Max",
      "javax.validation.constraints.Max");
  private static final String RANGE = "org.hibernate.validator.constraints.Range";

  private final JpaContext ctx;

  EntityConstraints(JpaContext ctx) {
    this.ctx = ctx;
  }

  /** The column-level constraints of the table's columns, in column order, then the table's own. */
  void read(Draft d, EntityState state, Set<String> relationNames, TableConstraints out) {
    for (Column column : d.columns) {
      AnnotationMirror columnAnn = state.columnAnnotations.get(column.name());
      if (columnAnn != null && declares(columnAnn, "check")) {
        for (AnnotationValue v : ctx.mirrors.list(columnAnn, "check")) {
          check(d, column.name(), (AnnotationMirror) v.getValue(), state.columnAnnotationAt.get(column.name()))
              .ifPresent(out.checks::add);
        }
      }
      for (EntityState.ColumnCheck check : state.joinColumnChecks) {
        if (check.column().equals(column.name())) {
          check(d, column.name(), check.check(), check.at()).ifPresent(out.checks::add);
        }
      }
      List<AnnotationMirror> annotations = d.annotationsOf.get(column.name());
      Element reportOn = d.reportOn.get(column.name());
      if (annotations != null && !state.collectionTable) {
        for (AnnotationMirror check : ctx.mirrors.findRepeated(annotations, HibernateMappings.CHECK,
            HibernateMappings.CHECKS)) {
          hibernateCheck(d, column.name(), check, reportOn).ifPresent(out.checks::add);
        }
        beanValidationRange(d, column, annotations, reportOn).ifPresent(out.checks::add);
      }
    }
    subclassNotNull(d, state, out);
    if (state.softDeleteValues != null) {
      out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, state.softDeleteColumn, "check"),
          new Condition.OneOf(state.softDeleteColumn, state.softDeleteValues, false), state.softDeleteColumn,
          d.origin));
    }
    naturalId(d, relationNames, out);
    tableChecks(d, state, out);
  }

  /**
   * The NOT NULL columns of single-table subclasses: for each concrete entity, one CHECK that its
   * rows have a value in the NOT NULL columns it maps or inherits from a subclass above it, as
   * Hibernate 7.4 writes it ({@code dtype <> 'Card' OR installments IS NOT NULL AND network IS NOT
   * NULL}); the columns stay nullable for the other entities' rows.
   */
  private void subclassNotNull(Draft d, EntityState state, TableConstraints out) {
    if (state.discriminator == null || state.discriminatorValues == null) {
      return; // no discriminator values to tell the entity's rows by
    }
    for (java.util.Map.Entry<javax.lang.model.element.TypeElement, String> entity : state.entityValues.entrySet()) {
      List<EntityState.SubclassNotNull> columns = new ArrayList<>();
      for (Column column : d.columns) {
        for (EntityState.SubclassNotNull notNull : state.subclassNotNull) {
          if (notNull.column().equals(column.name()) && ctx.types.isSubtype(
              ctx.types.erasure(entity.getKey().asType()), ctx.types.erasure(notNull.subclass().asType()))
              && columns.stream().noneMatch(c -> c.column().equals(column.name()))) {
            columns.add(notNull);
          }
        }
      }
      if (columns.isEmpty()) {
        continue;
      }
      String required = String.join(" AND ", columns.stream().map(c -> c.column() + " IS NOT NULL").toList());
      // no structured condition says "for these rows": the SQL as Hibernate writes it, for the target read for
      out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, columns.get(0).column(), "check"),
          new Condition.Raw(ctx.userSql.of(state.discriminator + " <> "
              + EntityHierarchy.literals(state, List.of(entity.getValue())) + " OR " + required)),
          columns.get(0).column(), columns.get(0).at()));
    }
  }

  /** {@code @Table(check)} (a join table's {@code @JoinTable(check)}), and Hibernate's {@code @Check} on the entity. */
  private void tableChecks(Draft d, EntityState state, TableConstraints out) {
    AnnotationMirror table = state.tableAt != null ? state.tableAnnotation
        : jpa(d.type.getAnnotationMirrors(), "Table").orElse(null);
    Element tableAt = state.tableAt != null ? state.tableAt : d.type;
    if (table != null && declares(table, "check")) {
      for (AnnotationValue v : ctx.mirrors.list(table, "check")) {
        check(d, null, (AnnotationMirror) v.getValue(), tableAt).ifPresent(out.checks::add);
      }
    }
    if (!state.collectionTable) {
      for (AnnotationMirror check : ctx.mirrors.findRepeated(d.type.getAnnotationMirrors(), HibernateMappings.CHECK,
          HibernateMappings.CHECKS)) {
        hibernateCheck(d, null, check, d.type).ifPresent(out.checks::add);
      }
    }
  }

  /** JPA 3.2's {@code @CheckConstraint(name, constraint, options)}. */
  private java.util.Optional<CheckConstraint> check(Draft d, String column, AnnotationMirror check, Element at) {
    if (!ctx.noOptions(check, at)) {
      return java.util.Optional.empty();
    }
    return constraint(d, column, check, "constraint", "@CheckConstraint", at);
  }

  /** Hibernate's {@code @Check(name, constraints)}. */
  private java.util.Optional<CheckConstraint> hibernateCheck(Draft d, String column, AnnotationMirror check,
      Element at) {
    return constraint(d, column, check, "constraints", "@Check", at);
  }

  private java.util.Optional<CheckConstraint> constraint(Draft d, String column, AnnotationMirror check,
      String element, String what, Element at) {
    ElementOrigin expressionAt = new ElementOrigin(at, check, ctx.mirrors.value(check, element));
    String expression = ctx.mirrors.string(check, element).strip();
    String problem = SqlFragments.problem(expression);
    if (problem != null) {
      ctx.diagnostics.error(ErrorId.INVALID_CONSTRAINT, expressionAt, what + "(" + element + " = \"" + expression + "\") " + problem);
      return java.util.Optional.empty();
    }
    String name = ctx.names.constraint(d, column, "check", ctx.mirrors.string(check, "name").strip()
        .toLowerCase(Locale.ROOT), new ElementOrigin(at, check, ctx.mirrors.value(check, "name")), "check constraint");
    if (name == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new CheckConstraint(name, new Condition.Raw(ctx.userSql.of(expression)), column,
        ElementOrigin.of(at, check)));
  }

  /**
   * Bean Validation's {@code @Min} and {@code @Max} (or Hibernate Validator's {@code @Range}) on a
   * number: one CHECK of the bounds, as Hibernate writes it.
   */
  private java.util.Optional<CheckConstraint> beanValidationRange(Draft d, Column column,
      List<AnnotationMirror> annotations, Element reportOn) {
    if (column.type().array() || !(column.type().kind().isIntegral()
        || column.type().kind() == Kind.DECIMAL)
        || reportOn != null && reportOn.asType().getKind() == TypeKind.ERROR) {
      return java.util.Optional.empty();
    }
    Long min = null;
    Long max = null;
    AnnotationMirror at = null;
    AnnotationMirror range = Mirrors.find(annotations, RANGE).orElse(null);
    if (range != null) {
      min = ((Number) ctx.mirrors.value(range, "min").getValue()).longValue();
      max = ((Number) ctx.mirrors.value(range, "max").getValue()).longValue();
      at = range;
    }
    for (String name : MIN) {
      AnnotationMirror found = Mirrors.find(annotations, name).orElse(null);
      if (found != null) {
        min = ((Number) ctx.mirrors.value(found, "value").getValue()).longValue();
        at = found;
      }
    }
    for (String name : MAX) {
      AnnotationMirror found = Mirrors.find(annotations, name).orElse(null);
      if (found != null) {
        max = ((Number) ctx.mirrors.value(found, "value").getValue()).longValue();
        at = at == null ? found : at;
      }
    }
    boolean hasMin = min != null && min != Long.MIN_VALUE;
    boolean hasMax = max != null && max != Long.MAX_VALUE;
    if (!hasMin && !hasMax) {
      return java.util.Optional.empty();
    }
    // a range each target spells; a maximum alone is the one bound no structured condition says
    Condition condition = hasMin ? new Condition.Range(column.name(), min, hasMax ? max : null)
        : new Condition.Raw(ctx.userSql.of(column.name() + " <= " + max));
    return java.util.Optional.of(new CheckConstraint(ConstraintNames.constraintName(d, column.name(), "check"),
        condition, column.name(), ElementOrigin.of(reportOn, at)));
  }

  /** Hibernate's {@code @NaturalId}: one UNIQUE over the columns of every natural-id attribute, as Hibernate. */
  private void naturalId(Draft d, Set<String> relationNames, TableConstraints out) {
    List<String> columns = new ArrayList<>();
    AnnotationMirror first = null;
    Element firstAt = null;
    for (Column column : d.columns) {
      List<AnnotationMirror> annotations = d.annotationsOf.get(column.name());
      AnnotationMirror naturalId = annotations == null ? null
          : Mirrors.find(annotations, HibernateMappings.NATURAL_ID).orElse(null);
      if (naturalId != null) {
        columns.add(column.name());
        if (first == null) {
          first = naturalId;
          firstAt = d.reportOn.get(column.name());
        }
      }
    }
    if (!columns.isEmpty() && !d.collectionTable) {
      out.uniques.add(new UniqueConstraint(ConstraintNames.relationName(relationNames, d.table,
          String.join("_", columns), "key"), columns, ElementOrigin.of(firstAt, first)));
    }
  }
}
