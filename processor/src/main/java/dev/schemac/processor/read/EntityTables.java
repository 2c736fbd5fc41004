package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.declares;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.ColumnDefault.Literal;
import dev.schemac.processor.model.ColumnDefault.LiteralKind;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.EntityHierarchy.Family;
import dev.schemac.processor.read.EntityHierarchy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The table-level annotations of an entity: the table's name and schema ({@code @Table}, {@code
 * @Entity(name)}), what no table can be built from ({@code @SecondaryTable}), and the constraints
 * and indexes of {@code @Table} (or of a {@code @JoinTable}/{@code @CollectionTable}).
 */
final class EntityTables {
  /** Why a {@code catalog} is refused, and the fix: the text after "@Table(catalog):". */
  static final String ANOTHER_CATALOG = " schemac writes the schema of one database, and a catalog names another"
      + " database, which no script of this schema creates or migrates. Remove catalog; use schema for a namespace"
      + " within the database";

  private final JpaContext ctx;
  private final EntityHierarchy hierarchy;

  EntityTables(JpaContext ctx, EntityHierarchy hierarchy) {
    this.ctx = ctx;
    this.hierarchy = hierarchy;
  }

  /** {@code @Table(name)}, else {@code @Entity(name)}, else the class's simple name; null after an error. */
  String tableName(TypeElement type) {
    AnnotationMirror table = jpa(type.getAnnotationMirrors(), "Table").orElse(null);
    if (table != null && !ctx.mirrors.string(table, "catalog").isEmpty()) {
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
          new ElementOrigin(type, table, ctx.mirrors.value(table, "catalog")), "@Table(catalog):" + ANOTHER_CATALOG);
      return null;
    }
    if (table != null && !ctx.mirrors.string(table, "name").isEmpty()) {
      return ctx.physical(ctx.mirrors.string(table, "name"), new ElementOrigin(type, table,
          ctx.mirrors.value(table, "name")), "table name");
    }
    return ctx.physical(ctx.entityName(type), entityNameAt(type), "table name");
  }

  /** A table's schema: {@code name} null for the default one. */
  record SchemaName(String name) {}

  /** {@code @Table(schema)} through the physical naming; null after an error. */
  SchemaName schemaName(TypeElement type) {
    AnnotationMirror table = jpa(type.getAnnotationMirrors(), "Table").orElse(null);
    String written = table == null ? "" : ctx.mirrors.string(table, "schema");
    if (written.isBlank()) {
      return new SchemaName(null);
    }
    String name = ctx.physical(written, new ElementOrigin(type, table, ctx.mirrors.value(table, "schema")),
        "schema name");
    return name == null ? null : new SchemaName(name);
  }

  private ElementOrigin entityNameAt(TypeElement type) {
    AnnotationMirror entity = jpa(type.getAnnotationMirrors(), "Entity").orElse(null);
    return entity != null && !ctx.mirrors.string(entity, "name").isEmpty()
        ? new ElementOrigin(type, entity, ctx.mirrors.value(entity, "name")) : ElementOrigin.of(type);
  }

  /** What the front end reads. Reports and returns false otherwise. */
  boolean supportedShape(Draft d) {
    List<? extends AnnotationMirror> annotations = d.type.getAnnotationMirrors();
    if (!ctx.hibernate.supported(d.type, annotations)) {
      return false;
    }
    for (String name : List.of("SecondaryTable", "SecondaryTables")) {
      Optional<AnnotationMirror> found = jpa(annotations, name);
      if (found.isPresent()) {
        ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
            ElementOrigin.of(d.type, found.get()), "@" + name + " is not read by schemac: this entity"
            + " gets no table. Map the secondary table as an entity of its own with a @OneToOne to this one");
        return false;
      }
    }
    Family family = hierarchy.family(d.type);
    if (family.strategy() == Strategy.TABLE_PER_CLASS) {
      for (TypeElement t = d.type; t != null; t = EntityAttributes.superclassOf(t)) {
        for (Element member : t.getEnclosedElements()) {
          Optional<AnnotationMirror> generated = jpa(member.getAnnotationMirrors(), "GeneratedValue");
          if (generated.isPresent() && ctx.mirrors.enumConstant(generated.get(), "strategy").equals("IDENTITY")) {
            ctx.diagnostics.error(ErrorId.INVALID_MAPPING, new ElementOrigin(member, generated.get(),
                Mirrors.explicitValue(generated.get(), "strategy")), "GenerationType.IDENTITY in a TABLE_PER_CLASS"
                + " hierarchy: each table would number its rows on its own, so two entities of "
                + family.root().getSimpleName() + " could share a key. Use GenerationType.SEQUENCE (one sequence for"
                + " the hierarchy) or a UUID key");
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The table's comment: Hibernate's {@code @Comment} on the entity, else {@code @Table(comment)}
   * (JPA 3.2); null when neither says one (the class's Javadoc then).
   */
  String comment(TypeElement type) {
    return ctx.comment(type, type.getAnnotationMirrors(), jpa(type.getAnnotationMirrors(), "Table").orElse(null));
  }

  /**
   * Hibernate's {@code @SoftDelete} on an entity: the column Hibernate adds to its table, with a
   * default (the value of a live row, so that SQL inserts and a migration adding the column need
   * none), added to {@code byName}; the values of a converted column are noted for their CHECK.
   */
  void softDelete(Draft d, EntityState state, java.util.Map<String, Column> byName) {
    AnnotationMirror softDelete = Mirrors.find(d.type.getAnnotationMirrors(), HibernateMappings.SOFT_DELETE)
        .orElse(null);
    if (softDelete == null || !ctx.noOptions(softDelete, d.type)) {
      return;
    }
    ElementOrigin at = ElementOrigin.of(d.type, softDelete);
    if (Mirrors.find(d.type.getAnnotationMirrors(), Annotations.SOFT_DELETE).isPresent()) {
      ctx.diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS, at, "Hibernate's @SoftDelete and schemac's @SoftDelete on one entity: keep Hibernate's,"
          + " which Hibernate's queries honour");
      return;
    }
    String strategy = ctx.mirrors.enumConstant(softDelete, "strategy");
    String written = ctx.mirrors.string(softDelete, "columnName").strip();
    String name = ctx.physical(written.isEmpty() ? (strategy.equals("ACTIVE") ? "active" : "deleted") : written,
        written.isEmpty() ? at : new ElementOrigin(d.type, softDelete, ctx.mirrors.value(softDelete, "columnName")),
        "soft-delete column name");
    if (name == null) {
      return;
    }
    if (byName.containsKey(name)) {
      ctx.diagnostics.error(ErrorId.DUPLICATE_NAME, at, "Hibernate's @SoftDelete adds column '" + name + "' to table '" + d.table + "', which"
          + " is already the column of '" + byName.get(name).javaName() + "': name it with @SoftDelete(columnName ="
          + " \"...\")");
      return;
    }
    boolean live = strategy.equals("ACTIVE"); // the value of a row that is not deleted: true for ACTIVE
    String comment = ctx.mirrors.string(softDelete, "comment").isEmpty() ? "Soft-delete indicator"
        : ctx.mirrors.string(softDelete, "comment");
    LogicalType type;
    ColumnDefault defaultValue;
    boolean nullable = false;
    if (strategy.equals("TIMESTAMP")) {
      type = LogicalType.of(Kind.INSTANT);
      defaultValue = null;
      nullable = true;
    } else {
      String converter = JavaTypes.qualifiedName(ctx.mirrors.type(softDelete, "converter"));
      switch (converter) {
        case "org.hibernate.type.YesNoConverter" -> {
          type = LogicalType.fixedString(1); // Hibernate's char(1)
          defaultValue = new Literal(LiteralKind.STRING, live ? "Y" : "N");
          state.softDeleteValues = List.of("N", "Y");
        }
        case "org.hibernate.type.TrueFalseConverter" -> {
          type = LogicalType.fixedString(1); // Hibernate's char(1)
          defaultValue = new Literal(LiteralKind.STRING, live ? "T" : "F");
          state.softDeleteValues = List.of("F", "T");
        }
        case "org.hibernate.type.NumericBooleanConverter" -> {
          type = LogicalType.of(Kind.INT32);
          defaultValue = new Literal(LiteralKind.NUMBER, live ? "1" : "0");
          state.softDeleteValues = List.of("0", "1");
        }
        case "org.hibernate.annotations.SoftDelete.UnspecifiedConversion" -> {
          type = LogicalType.of(Kind.BOOLEAN);
          defaultValue = new Literal(LiteralKind.BOOLEAN, live ? "true" : "false");
        }
        default -> {
          ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING, new ElementOrigin(d.type, softDelete, ctx.mirrors.value(softDelete, "converter")),
              "@SoftDelete(converter = " + converter + ".class): schemac reads Hibernate's YesNoConverter,"
                  + " TrueFalseConverter and NumericBooleanConverter; state the column with an attribute instead");
          return;
        }
      }
    }
    state.softDeleteColumn = name;
    byName.put(name, new Column(name, null, null, type, nullable, defaultValue, Column.Identity.NONE,
        List.of(Column.Marker.SOFT_DELETE), comment, null, List.of(), at));
  }

  /** {@code @Table}'s unique constraints and indexes (a join or collection table's, for such a table). */
  void constraints(Draft d, EntityState state, Set<String> relationNames, TableConstraints out) {
    AnnotationMirror table = state.tableAt != null ? state.tableAnnotation
        : jpa(d.type.getAnnotationMirrors(), "Table").orElse(null);
    Element tableAt = state.tableAt != null ? state.tableAt : d.type;
    if (table == null) {
      return;
    }
    for (AnnotationValue v : declares(table, "uniqueConstraints") ? ctx.mirrors.list(table, "uniqueConstraints")
        : List.<AnnotationValue>of()) {
      AnnotationMirror constraint = (AnnotationMirror) v.getValue();
      ElementOrigin at = new ElementOrigin(tableAt, table, ctx.mirrors.value(table, "uniqueConstraints"));
      List<String> columns = new ArrayList<>();
      for (String written : ctx.mirrors.strings(constraint, "columnNames")) {
        String column = ctx.resolution.resolveEntity(d, written.strip());
        if (column == null) {
          if (!ColumnResolution.failedBefore(d, written.strip())) {
            ctx.diagnostics.error(ErrorId.UNKNOWN_COLUMN,
                at, ColumnResolution.unknownColumn(d, "@UniqueConstraint(columnNames)", written.strip()));
          }
          columns = null;
          break;
        }
        columns.add(column);
      }
      if (columns == null || columns.isEmpty()) {
        continue;
      }
      String name = ctx.names.unique(relationNames, d, columns,
          ctx.mirrors.string(constraint, "name").toLowerCase(Locale.ROOT), at);
      if (name != null) {
        out.uniques.add(new UniqueConstraint(name, columns, at));
      }
    }
    for (AnnotationValue v : declares(table, "indexes") ? ctx.mirrors.list(table, "indexes") : List.<AnnotationValue>of()) {
      index(d, tableAt, table, (AnnotationMirror) v.getValue(), relationNames).ifPresent(out.indexes::add);
    }
  }

  /** {@code @Index(columnList = "a, b DESC")} of {@code @Table(indexes)}. */
  private Optional<Index> index(Draft d, Element tableAt, AnnotationMirror table, AnnotationMirror index,
      Set<String> relationNames) {
    ElementOrigin at = new ElementOrigin(tableAt, table, ctx.mirrors.value(table, "indexes"));
    List<Index.Element> keys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String columnList = ctx.mirrors.string(index, "columnList");
    for (String entry : columnList.split(",", -1)) {
      IndexColumns.Key key = IndexColumns.parse(entry);
      if (key == null) {
        ctx.diagnostics.error(ErrorId.INVALID_INDEX,
            at, "@Index(columnList = \"" + columnList + "\"): \"" + entry.strip() + "\" is not a"
            + " column name optionally followed by ASC or DESC");
        return Optional.empty();
      }
      String column = ctx.resolution.resolveEntity(d, key.written());
      if (column == null) {
        if (!ColumnResolution.failedBefore(d, key.written())) {
          ctx.diagnostics.error(ErrorId.UNKNOWN_COLUMN,
              at, ColumnResolution.unknownColumn(d, "@Index(columnList)", key.written()));
        }
        return Optional.empty();
      }
      keys.add(key.element(column, null));
      names.add(column);
    }
    String name = ctx.names.index(relationNames, d, names, ctx.mirrors.string(index, "name").toLowerCase(Locale.ROOT),
        at);
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new Index(name, keys, ctx.mirrors.bool(index, "unique"), Index.Method.ORDERED, null, List.of(), at));
  }
}
