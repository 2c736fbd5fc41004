package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.COLUMN;
import static dev.schemac.processor.read.Annotations.ID;
import static dev.schemac.processor.read.JpaContext.has;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.read.EntityAttributes.Access;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import dev.schemac.processor.read.JoinColumns.Join;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The walk over an entity's persistent attributes, into its table: basic attributes become
 * columns ({@link EntityColumns}), embedded ones are walked into (with their overrides), to-one
 * relationships become joins to resolve later ({@link JoinColumns}), and collections with a table
 * of their own are noted for {@link CollectionTables}.
 */
final class AttributeWalker {
  /**
   * A collection attribute stored in a table of its own: a join table or an element collection's
   * table. {@code entity} is the entity the attribute belongs to, which names the table and its
   * owner columns: the subclass of a single-table hierarchy that declares it, or the entity of a
   * table-per-class hierarchy that declares it (once for the hierarchy, as Hibernate).
   */
  record Collection(Draft owner, TypeElement entity, Attribute attr, AnnotationMirror mapping, Walk walk) {
    boolean elements() {
      return Mirrors.simpleName(mapping).equals("ElementCollection");
    }
  }

  /** What is being collected for one table while its attributes are walked. */
  final class Walk {
    final Draft d;
    final EntityState state;
    final Map<String, Column> byName = new LinkedHashMap<>();
    /** Attribute paths whose column a {@code @MapsId} relationship provides. */
    final Set<String> mappedIds = new HashSet<>();
    /** Where the columns of a {@code @MapsId} relationship go: where the key attribute it maps was. */
    final Map<String, Integer> mappedIdPositions = new HashMap<>();
    Access access;
    /** Within a subclass of a single-table hierarchy: the discriminator values its NOT NULL columns apply to. */
    List<String> subclassValues;
    /** The entity whose attributes are being walked (a subclass of a single-table hierarchy walks in the root's table). */
    TypeElement entity;
    /** Walking the embeddable of an element collection, which cannot hold a collection itself. */
    boolean inCollection;
    /** The subclass of a single-table hierarchy whose attribute made each column, by column name (a subclass walk's). */
    final Map<String, TypeElement> subclassOf = new HashMap<>();
    /** The {@code @Convert(attributeName)} of embedding attributes, by the path of the attribute they convert. */
    final Map<String, AnnotationMirror> converts = new HashMap<>();

    Walk(Draft d) {
      this.d = d;
      this.state = ctx.state(d);
    }
  }

  private final JpaContext ctx;
  private final EntityColumns entityColumns;
  /** The collection attributes with a table of their own, in reading order. */
  private final List<Collection> collections = new ArrayList<>();
  /** The ordered one-to-many attributes whose order column is in the table of the entities they hold. */
  private final List<InverseOrder> inverseOrders = new ArrayList<>();

  /** A one-to-many whose {@code @OrderColumn} goes to the table of {@code target}, which holds its join column. */
  record InverseOrder(Attribute attr, TypeElement target) {}

  /** The ordered one-to-many attributes without a table of their own, in reading order. */
  List<InverseOrder> inverseOrders() {
    return inverseOrders;
  }

  AttributeWalker(JpaContext ctx, EntityColumns entityColumns) {
    this.ctx = ctx;
    this.entityColumns = entityColumns;
  }

  Walk walk(Draft d) {
    return new Walk(d);
  }

  /** The collection attributes with a table of their own, in reading order. */
  List<Collection> collections() {
    return collections;
  }

  /** Walks the attributes of {@code classes} (top-down), seen from {@code entity}, into the walk's table. */
  void walkClasses(Walk walk, List<TypeElement> classes, TypeElement entity) {
    walk.entity = entity;
    Map<String, AnnotationMirror> overrides = ctx.attributes.overrides(entity, "AttributeOverride",
        "AttributeOverrides", "column");
    Map<String, Element> overrideAt = new HashMap<>();
    overrides.keySet().forEach(k -> overrideAt.put(k, entity));
    Map<String, List<AnnotationMirror>> associations = ctx.attributes.associationOverrides(entity);
    List<Element> members = new ArrayList<>();
    for (TypeElement c : classes) {
      members.addAll(ctx.attributes.declared(c, walk.access));
    }
    for (Element member : members) {
      Optional<AnnotationMirror> mapsId = jpa(member.getAnnotationMirrors(), "MapsId");
      if (mapsId.isPresent()) {
        String value = ctx.mirrors.string(mapsId.get(), "value").strip();
        for (Element m : members) {
          if (value.isEmpty() && (has(m, "Id") || has(m, "EmbeddedId"))) {
            walk.mappedIds.add(EntityAttributes.nameOf(m)); // the whole key, an embedded one too (its columns all)
          } else if (!value.isEmpty() && has(m, "EmbeddedId")) {
            walk.mappedIds.add(EntityAttributes.nameOf(m) + "." + value);
          }
        }
      }
    }
    walkMembers(walk, members, entity, "", List.of(), overrides, overrideAt, associations, false);
  }

  /** Walks attributes into the walk's table; {@code prefix} and {@code embeddedIn} say which embedded one they are in. */
  void walkMembers(Walk walk, List<Element> members, TypeElement seenFrom, String prefix, List<Element> embeddedIn,
      Map<String, AnnotationMirror> overrides, Map<String, Element> overrideAt,
      Map<String, List<AnnotationMirror>> associations, boolean inId) {
    for (Element member : members) {
      String name = EntityAttributes.nameOf(member);
      String path = prefix + name;
      List<? extends AnnotationMirror> annotations = member.getAnnotationMirrors();
      if (!supportedField(member, annotations)) {
        continue;
      }
      if (Mirrors.find(annotations, HibernateMappings.FORMULA).isPresent()) {
        continue; // Hibernate's @Formula: computed by a query, no column
      }
      AnnotationMirror column = overrides.containsKey(path) ? overrides.get(path) : jpa(annotations, "Column").orElse(null);
      Element columnAt = overrides.containsKey(path) ? overrideAt.get(path) : member;
      Attribute attr = new Attribute(name, path, member, ctx.attributes.typeOf(member, seenFrom),
          List.copyOf(annotations), column, columnAt, associations.get(path), embeddedIn, walk.converts.get(path));
      if (walk.mappedIds.contains(path)) {
        walk.mappedIdPositions.put(path, walk.byName.size());
        continue; // its column is the join column of the @MapsId relationship
      }
      AnnotationMirror elementCollection = jpa(annotations, "ElementCollection").orElse(null);
      AnnotationMirror toMany = jpa(annotations, "OneToMany").or(() -> jpa(annotations, "ManyToMany")).orElse(null);
      if (walk.inCollection && (elementCollection != null || toMany != null)) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
            ElementOrigin.of(member, elementCollection != null ? elementCollection : toMany), "@"
            + Mirrors.simpleName(elementCollection != null ? elementCollection : toMany) + " on " + path + ": the"
            + " embeddable of an element collection cannot hold a collection (JPA 2.6); map the element as an entity"
            + " with a @OneToMany");
        continue;
      }
      if (elementCollection != null) {
        addCollection(walk, attr, elementCollection, embeddedIn);
        continue;
      }
      if (toMany != null) {
        toMany(walk, attr, toMany, embeddedIn);
        continue;
      }
      AnnotationMirror toOne = jpa(annotations, "ManyToOne").or(() -> jpa(annotations, "OneToOne")).orElse(null);
      if (toOne != null) {
        if (Mirrors.simpleName(toOne).equals("OneToOne") && !ctx.mirrors.string(toOne, "mappedBy").isEmpty()) {
          continue; // the inverse side of a one-to-one has no column
        }
        boolean id = inId || attr.has("Id") || attr.has("MapsId");
        List<AnnotationMirror> joinColumns = attr.joinColumns() != null ? attr.joinColumns()
            : ctx.attributes.repeated(annotations, "JoinColumn", "JoinColumns");
        int position = walk.byName.size();
        Optional<AnnotationMirror> mapsId = attr.get("MapsId");
        if (mapsId.isPresent()) {
          String value = ctx.mirrors.string(mapsId.get(), "value").strip();
          for (Map.Entry<String, Integer> mapped : walk.mappedIdPositions.entrySet()) {
            if (value.isEmpty() ? !mapped.getKey().contains(".") : mapped.getKey().endsWith("." + value)) {
              position = mapped.getValue();
            }
          }
        }
        walk.state.joins.add(Join.toOne(walk.d, attr, toOne, joinColumns, position, id,
            EntityAttributes.classOf(attr.type()), walk.subclassValues != null ? walk.entity : null));
        if (id) {
          walk.state.pendingKeys++;
        }
        continue;
      }
      boolean embeddedId = attr.has("EmbeddedId");
      TypeElement embeddable = EntityAttributes.classOf(attr.type());
      if (embeddedId || attr.has("Embedded") || embeddable != null && has(embeddable, "Embeddable")) {
        if (JavaTypes.containsErrorType(attr.type())) {
          ctx.diagnostics.markIncomplete();
          continue;
        }
        if (embeddable == null || !has(embeddable, "Embeddable")) {
          ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
              ElementOrigin.of(member, attr.get(embeddedId ? "EmbeddedId" : "Embedded").orElse(null)),
              "@" + (embeddedId ? "EmbeddedId" : "Embedded") + " on " + name + ": " + attr.type() + " is not an"
                  + " @Embeddable class; annotate it with @Embeddable (its fields become columns of this table)");
          continue;
        }
        if (embeddedIn.contains(member)) {
          ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
              ElementOrigin.of(member), "embeddable " + embeddable.getSimpleName() + " contains itself");
          continue;
        }
        Map<String, AnnotationMirror> inner = new HashMap<>(overrides);
        Map<String, Element> innerAt = new HashMap<>(overrideAt);
        ctx.attributes.overrides(member, "AttributeOverride", "AttributeOverrides", "column").forEach((k, v) -> {
          if (inner.putIfAbsent(path + "." + k, v) == null) {
            innerAt.put(path + "." + k, member);
          }
        });
        ctx.attributes.converts(member).forEach((k, v) -> {
          if (!k.isEmpty()) {
            walk.converts.putIfAbsent(path + "." + k, v); // an outer attribute's @Convert wins, as its overrides
          }
        });
        Map<String, List<AnnotationMirror>> innerAssociations = new HashMap<>(associations);
        ctx.attributes.associationOverrides(member).forEach((k, v) -> innerAssociations.putIfAbsent(path + "." + k, v));
        Access saved = walk.access;
        Access declared = ctx.attributes.declaredAccess(embeddable);
        if (declared != null) {
          walk.access = declared;
        }
        List<Element> inside = new ArrayList<>();
        for (TypeElement c : EntityHierarchy.persistentEmbeddableChain(embeddable)) {
          inside.addAll(ctx.attributes.declared(c, walk.access));
        }
        List<Element> nested = new ArrayList<>(embeddedIn);
        nested.add(member);
        walkMembers(walk, inside, embeddable, path + ".", List.copyOf(nested), inner, innerAt, innerAssociations,
            inId || embeddedId);
        walk.access = saved;
        continue;
      }
      Column c = entityColumns.readColumn(walk.d, attr, inId,
          walk.subclassValues != null ? walk.entity : null);
      if (c == null) {
        RecordReader.failed(walk.d, member.getSimpleName().toString(), inId
            || JpaContext.jpa(attr.annotations(), "Id").isPresent());
        continue;
      }
      if (walk.byName.containsKey(c.name()) && sibling(walk, c)) {
        continue; // sibling subclasses of a single-table hierarchy that each map the column: one column (as Hibernate)
      }
      if (walk.byName.containsKey(c.name())) {
        ctx.diagnostics.error(ErrorId.DUPLICATE_NAME,
            ElementOrigin.of(member, column), "column '" + c.name() + "' of table '" + walk.d.table
            + "' is already used by '" + walk.byName.get(c.name()).javaName() + "': give one of them"
            + (embeddedIn.isEmpty() ? " @Column(name = \"...\")" : " a name with @AttributeOverride(name = \""
                + path.substring(path.indexOf('.') + 1) + "\", column = @Column(name = \"...\")) on "
                + embeddedIn.get(0).getSimpleName()));
        continue;
      }
      walk.byName.put(c.name(), c);
      if (walk.subclassValues != null) {
        walk.subclassOf.put(c.name(), walk.entity);
      }
      walk.d.annotationsOf.put(c.name(), attr.annotations());
      walk.d.reportOn.put(c.name(), member);
      if (column != null) {
        walk.state.columnAnnotations.put(c.name(), column);
        walk.state.columnAnnotationAt.put(c.name(), columnAt);
      }
    }
  }

  /**
   * Whether column {@code c} of the subclass being walked is the same column another subclass of
   * the single-table hierarchy maps, and neither extends the other: sibling entities that each
   * declare it share it, as in Hibernate, when its type is the same (otherwise it is a conflict).
   */
  private boolean sibling(Walk walk, Column c) {
    TypeElement other = walk.subclassOf.get(c.name());
    if (walk.subclassValues == null || other == null || walk.entity == null) {
      return false;
    }
    boolean related = ctx.types.isSubtype(ctx.types.erasure(walk.entity.asType()), ctx.types.erasure(other.asType()))
        || ctx.types.isSubtype(ctx.types.erasure(other.asType()), ctx.types.erasure(walk.entity.asType()));
    return !related && walk.byName.get(c.name()).type().sameStorageAs(c.type());
  }

  /**
   * schemac's {@code @Id} and {@code @Column} on an entity field, and Hibernate's annotations that
   * schemac does not read: reported, and the field is not read.
   */
  private boolean supportedField(Element field, List<? extends AnnotationMirror> annotations) {
    if (!ctx.hibernate.supported(field, annotations)) {
      return false;
    }
    for (String schemac : List.of(ID, COLUMN)) {
      Optional<AnnotationMirror> found = Mirrors.find(annotations, schemac);
      if (found.isPresent()) {
        String simple = schemac.substring(schemac.lastIndexOf('.') + 1);
        ctx.diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
            ElementOrigin.of(field, found.get()), "schemac's @" + simple + " on a field of a JPA"
            + " entity: use @jakarta.persistence." + simple + ", which is what the entity's mapping is read from");
        return false;
      }
    }
    return true;
  }

  private void toMany(Walk walk, Attribute attr, AnnotationMirror toMany, List<Element> embeddedIn) {
    if (!ctx.mirrors.string(toMany, "mappedBy").isEmpty()) {
      if (attr.has("OrderColumn")) {
        inverseOrders.add(new InverseOrder(attr, elementClass(attr)));
      }
      return; // the inverse side: its column is the other table's join column
    }
    List<AnnotationMirror> joinColumns = ctx.attributes.repeated(attr.annotations(), "JoinColumn", "JoinColumns");
    if (Mirrors.simpleName(toMany).equals("OneToMany") && !joinColumns.isEmpty() && !attr.has("JoinTable")) {
      TypeElement target = elementClass(attr);
      walk.state.joins.add(new Join(walk.d, attr, toMany, joinColumns, -1, false, true, Join.Kind.INVERSE, target));
      if (attr.has("OrderColumn")) {
        inverseOrders.add(new InverseOrder(attr, target));
      }
      return;
    }
    addCollection(walk, attr, toMany, embeddedIn);
  }

  /**
   * Notes a collection attribute for its table, once per entity it belongs to: in a table-per-class
   * hierarchy every concrete entity walks the attributes of the entities above it, whose collection
   * has one table for the hierarchy.
   */
  private void addCollection(Walk walk, Attribute attr, AnnotationMirror mapping, List<Element> embeddedIn) {
    TypeElement entity = EntityHierarchy.owningEntity(walk.entity, embeddedIn.isEmpty() ? attr.element()
        : embeddedIn.get(0));
    for (Collection c : collections) {
      if (c.entity() == entity && c.attr().path().equals(attr.path())) {
        return;
      }
    }
    collections.add(new Collection(walk.d, entity, attr, mapping, walk));
  }

  /** The entity a collection-valued relationship holds: its {@code targetEntity}, or the collection's element type. */
  static TypeElement elementClass(Attribute attr) {
    AnnotationMirror relation = jpa(attr.annotations(), "OneToMany").or(() -> jpa(attr.annotations(), "ManyToMany"))
        .orElse(null);
    if (relation != null) {
      AnnotationValue explicit = Mirrors.explicitValue(relation, "targetEntity");
      if (explicit != null && explicit.getValue() instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED) {
        return EntityAttributes.classOf(t);
      }
    }
    if (attr.type() instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
      List<? extends TypeMirror> args = declared.getTypeArguments();
      return EntityAttributes.classOf(args.get(args.size() - 1)); // a Map's value
    }
    return null;
  }
}
