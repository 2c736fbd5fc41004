package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.has;
import static dev.schemac.processor.read.JpaContext.isEntity;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.AttributeWalker.Collection;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import dev.schemac.processor.read.JoinColumns.Added;
import dev.schemac.processor.read.JoinColumns.Join;
import dev.schemac.processor.read.JoinColumns.Resolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The tables of collection attributes: the join table of an owning {@code @ManyToMany} or a
 * {@code @OneToMany} without join column, and the table of an {@code @ElementCollection}, with
 * their owner key, map key, order column, value columns and primary key as JPA and Hibernate
 * default them (docs/jpa.md).
 */
final class CollectionTables {
  private final JpaContext ctx;
  private final EntityHierarchy hierarchy;
  private final EntityTables tables;
  private final EntityColumns entityColumns;
  private final JoinColumns joins;
  private final AttributeWalker walker;

  CollectionTables(JpaContext ctx, EntityHierarchy hierarchy, EntityTables tables, EntityColumns entityColumns,
      JoinColumns joins, AttributeWalker walker) {
    this.ctx = ctx;
    this.hierarchy = hierarchy;
    this.tables = tables;
    this.entityColumns = entityColumns;
    this.joins = joins;
    this.walker = walker;
  }

  /**
   * The tables of collection attributes, built once every key is known: the join table of an
   * owning {@code @ManyToMany} or a {@code @OneToMany} without join column, and the table of an
   * {@code @ElementCollection}. Names, columns and keys as JPA and Hibernate 6 default them
   * (docs/jpa.md).
   */
  List<Draft> collectionTables(Map<String, Draft> byType) {
    List<Draft> tables = new ArrayList<>();
    for (Collection c : walker.collections()) {
      Draft table = collectionTable(c, byType);
      if (table != null) {
        tables.add(table);
      }
    }
    return tables;
  }

  private Draft collectionTable(Collection c, Map<String, Draft> byType) {
    if (c.owner().unreadable) {
      return null;
    }
    Attribute attr = c.attr();
    Draft ownerDraft = c.owner();
    boolean elements = c.elements();
    String kind = Mirrors.simpleName(c.mapping());
    ElementOrigin at = ElementOrigin.of(attr.element(), c.mapping());
    if (JavaTypes.containsErrorType(attr.type())) {
      ctx.diagnostics.markIncomplete();
      return null;
    }
    String container = attr.type().getKind() == TypeKind.DECLARED
        ? ((TypeElement) ctx.types.asElement(ctx.types.erasure(attr.type()))).getQualifiedName().toString() : "";
    boolean isMap = isA(attr.type(), "java.util.Map");
    boolean isSet = isA(attr.type(), "java.util.Set");
    if (!isMap && !isA(attr.type(), "java.util.Collection")) {
      ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
          at, "@" + kind + " on " + attr.path() + ": " + attr.type() + " is not a collection; declare it as a"
          + " Set, List, Collection or Map");
      return null;
    }
    Draft target = null;
    TypeElement targetClass = elements ? null : AttributeWalker.elementClass(attr);
    if (!elements) {
      target = targetClass == null ? null : byType.get(targetClass.getQualifiedName().toString());
      if (target == null && targetClass != null && ctx.classPath != null && isEntity(targetClass)
          && ctx.classPath.otherCompilations(targetClass)) {
        target = ctx.classPath.table(targetClass); // another module's entity: the join table is this module's
      }
      if (target == null || !target.entity) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
            at, "@" + kind + " on " + attr.path() + ": " + (targetClass != null && isEntity(targetClass)
            && hierarchy.home(targetClass) == null ? targetClass.getSimpleName() + " is an abstract entity of a TABLE_PER_CLASS"
                + " hierarchy, which has no table to reference: join one of its concrete subclasses"
            : (targetClass == null ? "the element type" : targetClass) + " is not an @Entity of this compilation, so"
                + " there is no table to join; for a collection of values use @ElementCollection"));
        return null;
      }
      if (target.unreadable) {
        return null; // reported with its cause
      }
    }
    AnnotationMirror tableAnn = attr.get(elements ? "CollectionTable" : "JoinTable").orElse(null);
    String written = tableAnn == null ? "" : ctx.mirrors.string(tableAnn, "name");
    // the entity the attribute belongs to names the table and the owner's columns; its table (the
    // root's in a single-table hierarchy; its own name for the abstract entity of a table-per-class one)
    TypeElement entity = c.entity() == null ? ownerDraft.type : c.entity();
    String ownerEntity = ctx.entityName(entity);
    Draft entityDraft = byType.get(entity.getQualifiedName().toString());
    String ownerTable = entityDraft != null ? entityDraft.table : tables.tableName(entity);
    if (ownerTable == null) {
      return null;
    }
    // JPA: the two tables' names as Hibernate writes them (Account_Tag), which the physical naming folds
    String implicit = elements ? ownerEntity + "_" + attr.name()
        : ctx.naming == EntityNaming.SPRING ? ownerTable + "_" + attr.name()
        : ctx.spelling(ownerTable) + "_" + ctx.spelling(target.table);
    String name = written.isEmpty() ? ctx.physical(implicit, at, "table name")
        : ctx.physical(written, new ElementOrigin(attr.element(), tableAnn, ctx.mirrors.value(tableAnn, "name")), "table name");
    String schema = tableAnn == null ? null : ctx.schemaOf(tableAnn, attr.element());
    if (name == null || "".equals(schema)) {
      return null;
    }
    Draft d = new Draft(entity, name, at);
    d.entity = true;
    d.collectionTable = true;
    d.joinTable = !elements;
    d.schema = schema;
    d.doc = DocComment.parse(ctx.elements.getDocComment(attr.element()));
    if (tableAnn != null && !ctx.noOptions(tableAnn, attr.element())) {
      return null;
    }
    d.comment = tableAnn == null ? null : ctx.comment(attr.element(), List.of(), tableAnn);
    EntityState state = ctx.state(d);
    state.tableAnnotation = tableAnn;
    state.tableAt = attr.element();
    state.collectionTable = true;
    Map<Draft, List<Added>> added = new IdentityHashMap<>();

    // the owner's key: <owner entity>_<key> (or, for a bidirectional many-to-many, <inverse attribute>_<key>)
    String ownerPrefix = elements ? ownerEntity : inverseAttribute(targetClass, entity, attr).orElse(ownerEntity);
    Join ownerJoin = new Join(d, attr, null, tableAnn == null ? List.of() : annotations(tableAnn, "joinColumns"), 0,
        false, false, Join.Kind.TABLE, entity, ownerPrefix, false, null);
    state.ownerJoin = ownerJoin;
    joins.resolve(ownerJoin, ownerDraft, byType, added);
    List<Added> placed = added.getOrDefault(d, List.of());
    if (placed.isEmpty()) {
      return null; // reported
    }
    List<Column> ownerKey = placed.get(0).columns();
    if (hierarchy.spreadOver(entity)) {
      // the owner's rows are in the tables of several entities: no foreign key can reference them (as Hibernate),
      // and missing-foreign-key would ask for one
      state.resolved.remove(state.resolved.size() - 1);
      ownerKey = ownerKey.stream().map(col -> withSuppression(col, "schemac:missing-foreign-key")).toList();
    }
    List<String> ownerColumns = ownerKey.stream().map(Column::name).toList();
    d.columns.addAll(ownerKey);

    List<String> keyColumns = new ArrayList<>();
    // @MapKey keys a map of entities by an attribute of theirs (by default their key): no column of its own
    boolean keyedByTarget = isMap && !elements && attr.has("MapKey");
    if (keyedByTarget && !mapKeyExists(targetClass, attr)) {
      return null;
    }
    if (isMap && !keyedByTarget) {
      TypeMirror keyType = typeArgument(attr, 0, "MapKeyClass", "value");
      if (keyType == null) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING, at, "@" + kind + " on " + attr.path() + ": a raw Map says nothing about its keys; declare"
            + " Map<K, V>, or give the key class with @MapKeyClass(K.class)");
        return null;
      }
      Column key = keyColumn(d, state, attr, keyType);
      if (key == null) {
        return null;
      }
      d.columns.add(key);
      d.annotationsOf.put(key.name(), List.of());
      d.reportOn.put(key.name(), attr.element());
      keyColumns.add(key.name());
    }
    List<String> valueColumns = new ArrayList<>();
    if (!elements) {
      Join targetJoin = new Join(d, attr, null, tableAnn == null ? List.of() : annotations(tableAnn, "inverseJoinColumns"),
          0, false, false, Join.Kind.TABLE, targetClass, attr.name(), !kind.equals("OneToMany"), null);
      joins.resolve(targetJoin, target, byType, added);
      List<Added> all = added.get(d);
      if (all.size() < 2) {
        return null;
      }
      all.get(1).columns().forEach(col -> valueColumns.add(col.name()));
      d.columns.addAll(all.get(1).columns());
      if (kind.equals("OneToMany") && (isMap || attr.has("OrderColumn"))) {
        // each target row in one collection at most, as Hibernate: unique (unordered, it is the key, below)
        List<Resolved> resolved = state.resolved;
        Resolved r = resolved.get(resolved.size() - 1);
        resolved.set(resolved.size() - 1, r.asUnique());
      }
    } else {
      TypeMirror elementType = typeArgument(attr, isMap ? 1 : 0, "ElementCollection", "targetClass");
      if (elementType == null) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING, at, "@ElementCollection on " + attr.path() + ": a raw " + container + " says nothing about its"
            + " elements; give the element type (List<String>, Set<Address>...), or"
            + " @ElementCollection(targetClass = String.class)");
        return null;
      }
      AttributeWalker.Walk walk = walker.walk(d);
      walk.access = c.walk().access;
      walk.inCollection = true;
      TypeElement embeddable = EntityAttributes.classOf(elementType);
      if (embeddable != null && has(embeddable, "Embeddable")) {
        Map<String, AnnotationMirror> overrides = new HashMap<>();
        Map<String, Element> overrideAt = new HashMap<>();
        ctx.attributes.overrides(attr.element(), "AttributeOverride", "AttributeOverrides", "column").forEach((k, v) -> {
          String key = k.startsWith("value.") ? k.substring("value.".length()) : k;
          overrides.put(attr.path() + "." + key, v);
          overrideAt.put(attr.path() + "." + key, attr.element());
        });
        ctx.attributes.converts(attr.element()).forEach((k, v) -> {
          String key = k.startsWith("value.") ? k.substring("value.".length()) : k;
          if (!key.isEmpty() && !key.equals("key") && !key.startsWith("key.")) {
            walk.converts.put(attr.path() + "." + key, v);
          }
        });
        List<Element> inside = new ArrayList<>();
        for (TypeElement t : EntityHierarchy.persistentEmbeddableChain(embeddable)) {
          inside.addAll(ctx.attributes.declared(t, walk.access));
        }
        walker.walkMembers(walk, inside, embeddable, attr.path() + ".", List.of(attr.element()), overrides, overrideAt,
            Map.of(), false);
        if (!walk.state.joins.isEmpty()) {
          ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
              at, "@ElementCollection of " + embeddable.getSimpleName() + ", which has a relationship: schemac"
              + " does not read relationships inside an element collection; map the element as an entity");
          return null;
        }
      } else {
        Map<String, AnnotationMirror> converts = ctx.attributes.converts(attr.element());
        AnnotationMirror convert = converts.containsKey("value") ? converts.get("value") : converts.get("");
        Attribute value = new Attribute(attr.name(), attr.path(), attr.element(), elementType,
            withoutConverts(attr.annotations()), attr.column(), attr.columnAt(), null, List.of(), convert);
        Column column = entityColumns.readColumn(d, value, false, null);
        if (column == null) {
          return null;
        }
        walk.byName.put(column.name(), column);
        d.annotationsOf.put(column.name(), attr.annotations());
        d.reportOn.put(column.name(), attr.element());
        if (attr.column() != null) { // @Column(unique = true): unique across every owner, as Hibernate
          walk.state.columnAnnotations.put(column.name(), attr.column());
          walk.state.columnAnnotationAt.put(column.name(), attr.columnAt());
        }
      }
      for (Column column : walk.byName.values()) {
        if (d.columns.stream().anyMatch(x -> x.name().equals(column.name()))) {
          ctx.diagnostics.error(ErrorId.DUPLICATE_NAME,
              at, "column '" + column.name() + "' of table '" + d.table + "' is both a key column and an"
              + " element column: name the element's column with @Column(name = \"...\")");
          return null;
        }
        d.columns.add(column);
        valueColumns.add(column.name());
      }
    }
    String orderColumn = null;
    Optional<AnnotationMirror> order = attr.get("OrderColumn");
    if (order.isPresent()) {
      String explicit = ctx.mirrors.string(order.get(), "name");
      orderColumn = explicit.isEmpty() ? ctx.physical(attr.name() + "_order", at, "order column name")
          : ctx.physical(explicit, new ElementOrigin(attr.element(), order.get(), ctx.mirrors.value(order.get(), "name")),
              "order column name");
      if (orderColumn == null) {
        return null;
      }
      String orderName = orderColumn;
      if (d.columns.stream().anyMatch(x -> x.name().equals(orderName))) {
        ctx.diagnostics.error(ErrorId.DUPLICATE_NAME,
            ElementOrigin.of(attr.element(), order.get()), "the order column '" + orderColumn + "' of table '"
            + d.table + "' is also another column: name it with @OrderColumn(name = \"...\")");
        return null;
      }
      d.columns.add(new Column(orderColumn, null, "int", LogicalType.of(Kind.INT32), false, null, Identity.NONE, List.of(),
          "The position in the list.", null, List.of(), ElementOrigin.of(attr.element(), order.get())));
      state.orderColumn = orderColumn;
    }
    // the key, as Hibernate: a set is unique by value, a map by key, an ordered list by position; a bag has none
    List<String> key = new ArrayList<>(ownerColumns);
    if (kind.equals("OneToMany") && !isMap && orderColumn == null) {
      key = new ArrayList<>(valueColumns); // a target row belongs to one owner at most: its key is the key
    } else if (isMap) {
      key.addAll(keyedByTarget ? valueColumns : keyColumns);
    } else if (orderColumn != null) {
      key.add(orderColumn);
    } else if (isSet && valueColumns.stream().allMatch(v -> JoinColumns.columnOf(d, v, Map.of()) != null)) {
      List<Column> values = valueColumns.stream().map(v -> JoinColumns.columnOf(d, v, Map.of())).toList();
      if (!elements || values.size() == 1 || values.stream().noneMatch(Column::nullable)) {
        for (int i = 0; i < d.columns.size(); i++) { // the elements of a set are never NULL
          Column col = d.columns.get(i);
          if (valueColumns.contains(col.name()) && col.nullable()) {
            d.columns.set(i, withNullable(col, false));
          }
        }
        key.addAll(valueColumns);
      } else {
        // a nullable column cannot be in a key: unique instead, as Hibernate (NULLs are distinct in it)
        List<String> unique = new ArrayList<>(ownerColumns);
        unique.addAll(valueColumns);
        state.setUnique = unique;
        key = null;
      }
    } else {
      key = null;
    }
    if (key != null) {
      d.pkColumns.addAll(key);
    }
    return d;
  }

  /**
   * The collection's type argument {@code index} (a map's key 0, its value 1; a collection's
   * element 0), or what the annotation's {@code element} says (JPA's way for a raw type:
   * {@code @ElementCollection(targetClass)}, {@code @MapKeyClass}); null when neither does.
   */
  private TypeMirror typeArgument(Attribute attr, int index, String annotation, String element) {
    AnnotationMirror stated = attr.get(annotation).orElse(null);
    AnnotationValue explicit = stated == null ? null : Mirrors.explicitValue(stated, element);
    if (explicit != null && explicit.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.DECLARED) {
      return type;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) attr.type()).getTypeArguments();
    return arguments.size() > index ? arguments.get(index) : null;
  }

  /** A collection attribute's annotations without its {@code @Convert}s, which say which part they convert. */
  private static List<AnnotationMirror> withoutConverts(List<AnnotationMirror> annotations) {
    return annotations.stream().filter(a -> !JpaContext.isJpa(Mirrors.typeName(a), "Convert")
        && !JpaContext.isJpa(Mirrors.typeName(a), "Converts")).toList();
  }

  private boolean isA(TypeMirror type, String qualified) {
    TypeElement element = ctx.elements.getTypeElement(qualified);
    return element != null && type.getKind() == TypeKind.DECLARED
        && ctx.types.isAssignable(ctx.types.erasure(type), ctx.types.erasure(element.asType()));
  }

  private static Column withNullable(Column c, boolean nullable) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), nullable, c.defaultValue(), c.identity(), c.markers(),
        c.comment(), c.renamedFrom(), c.suppressions(), c.origin(), c.generated());
  }

  private static Column withSuppression(Column c, String id) {
    List<String> suppressions = new ArrayList<>(c.suppressions());
    suppressions.add(id);
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), c.defaultValue(), c.identity(),
        c.markers(), c.comment(), c.renamedFrom(), suppressions.stream().distinct().sorted().toList(), c.origin(),
        c.generated());
  }

  /**
   * The attribute of the other entity (or a class above it) that maps this many-to-many back: a
   * {@code @ManyToMany(mappedBy)} naming it, over a collection of the owner entity (or of a class
   * above it); if any.
   */
  private Optional<String> inverseAttribute(TypeElement target, TypeElement ownerEntity, Attribute attr) {
    for (TypeElement t = target; t != null; t = EntityAttributes.superclassOf(t)) {
      for (Element member : t.getEnclosedElements()) {
        Optional<AnnotationMirror> many = jpa(member.getAnnotationMirrors(), "ManyToMany");
        if (many.isEmpty() || !ctx.mirrors.string(many.get(), "mappedBy").strip().equals(attr.name())) {
          continue;
        }
        TypeMirror type = member.getKind() == ElementKind.METHOD ? ((ExecutableElement) member).getReturnType()
            : member.asType();
        AnnotationValue explicit = Mirrors.explicitValue(many.get(), "targetEntity");
        TypeElement held = explicit != null && explicit.getValue() instanceof TypeMirror tm && tm.getKind() == TypeKind.DECLARED
            ? EntityAttributes.classOf(tm)
            : type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()
                ? EntityAttributes.classOf(declared.getTypeArguments().get(declared.getTypeArguments().size() - 1))
                : null;
        if (held != null && ctx.types.isSubtype(ctx.types.erasure(ownerEntity.asType()), ctx.types.erasure(held.asType()))) {
          return Optional.of(EntityAttributes.nameOf(member));
        }
      }
    }
    return Optional.empty();
  }

  private List<AnnotationMirror> annotations(AnnotationMirror annotation, String element) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationValue v : ctx.mirrors.list(annotation, element)) {
      out.add((AnnotationMirror) v.getValue());
    }
    return out;
  }

  /** Whether {@code @MapKey(name)} names an attribute of the map's entity (reported when not); no name is its key. */
  private boolean mapKeyExists(TypeElement target, Attribute attr) {
    AnnotationMirror mapKey = attr.get("MapKey").orElseThrow();
    String name = ctx.mirrors.string(mapKey, "name").strip();
    if (name.isEmpty()) {
      return true;
    }
    List<String> names = new ArrayList<>();
    for (TypeElement t = target; t != null; t = EntityAttributes.superclassOf(t)) {
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD) {
          names.add(EntityAttributes.nameOf(member));
        }
      }
    }
    if (names.contains(name)) {
      return true;
    }
    ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
        new ElementOrigin(attr.element(), mapKey, ctx.mirrors.value(mapKey, "name")), "@MapKey(name = \"" + name
        + "\"): " + target.getSimpleName() + " has no attribute " + name + "; name the attribute of "
        + target.getSimpleName() + " that keys the map, or leave name out to key it by the entity's id");
    return false;
  }

  /** The key column of a map: {@code @MapKeyColumn}, else {@code <attribute>_key}; typed like a basic attribute. */
  private Column keyColumn(Draft d, EntityState state, Attribute attr, TypeMirror keyType) {
    TypeElement keyClass = EntityAttributes.classOf(keyType);
    if (attr.has("MapKeyJoinColumn") || keyClass != null && (isEntity(keyClass) || has(keyClass, "Embeddable"))) {
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
          ElementOrigin.of(attr.element()), attr.path() + ": a map keyed by an entity or an embeddable"
          + " (@MapKeyJoinColumn, @MapKeyClass) is not read by schemac; key the map by a basic value (its id, a"
          + " String, an enum)");
      return null;
    }
    AnnotationMirror keyColumn = attr.get("MapKeyColumn").orElse(null);
    List<AnnotationMirror> keyAnnotations = new ArrayList<>();
    attr.get("MapKeyEnumerated").ifPresent(keyAnnotations::add);
    attr.get("MapKeyTemporal").ifPresent(keyAnnotations::add);
    String written = keyColumn == null ? "" : ctx.mirrors.string(keyColumn, "name");
    Attribute key = new Attribute(written.isEmpty() ? attr.name() + "_key" : written, attr.path() + ".key",
        attr.element(), keyType, keyAnnotations, keyColumn, attr.element(), null, List.of(),
        ctx.attributes.converts(attr.element()).get("key"));
    Column column = entityColumns.readColumn(d, key, false, null);
    return column == null ? null : withNullable(column, false);
  }


  /**
   * The {@code @OrderColumn} of a one-to-many that has no table of its own ({@code mappedBy}, or a
   * join column): a nullable {@code integer} in the table of the entities it holds, as Hibernate
   * writes it, with the CHECK that refuses a negative position; none when that table already has
   * the column (the entity maps it).
   */
  void inverseOrderColumns(Map<String, Draft> byType) {
    for (AttributeWalker.InverseOrder order : walker.inverseOrders()) {
      Attribute attr = order.attr();
      AnnotationMirror orderColumn = attr.get("OrderColumn").orElseThrow();
      Draft target = order.target() == null ? null : byType.get(order.target().getQualifiedName().toString());
      if (target == null || !target.entity) {
        continue; // the relationship's own reading reports a target that is not an entity
      }
      String explicit = ctx.mirrors.string(orderColumn, "name");
      ElementOrigin at = ElementOrigin.of(attr.element(), orderColumn);
      String name = explicit.isEmpty() ? ctx.physical(attr.name() + "_order", at, "order column name")
          : ctx.physical(explicit, new ElementOrigin(attr.element(), orderColumn, ctx.mirrors.value(orderColumn,
              "name")), "order column name");
      if (name == null || !ctx.noOptions(orderColumn, attr.element())) {
        continue;
      }
      if (target.column(name) == null) {
        target.columns.add(new Column(name, null, "int", LogicalType.of(Kind.INT32), true, null, Identity.NONE, List.of(),
            "The position in " + attr.path() + ".", null, List.of(), at));
        target.reportOn.put(name, attr.element());
      }
      ctx.state(target).orderChecks.add(new EntityState.OrderCheck(name, at));
    }
  }

  /** A set of embeddables' UNIQUE, and the order column's CHECK (as Hibernate: no negative position). */
  void constraints(Draft d, EntityState state, Set<String> relationNames, TableConstraints out) {
    if (state.setUnique != null) {
      out.uniques.add(new UniqueConstraint(ConstraintNames.relationName(relationNames, d.table,
          String.join("_", state.setUnique), "key"), state.setUnique, d.origin));
    }
    for (EntityState.OrderCheck order : state.orderChecks) {
      out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, order.column(), "check"),
          new Condition.Range(order.column(), 0, null), order.column(), order.at()));
    }
    if (state.orderColumn != null) {
      out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, state.orderColumn, "check"),
          new Condition.Range(state.orderColumn, 0, null), state.orderColumn, d.column(state.orderColumn).origin()));
    }
  }
}
