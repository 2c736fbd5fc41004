package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.SqlType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.EntityAttributes.Access;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import dev.schemac.processor.read.RecordReader.Draft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads Jakarta Persistence entities ({@code jakarta.persistence} or, for older code, {@code
 * javax.persistence}, both by name) into the same drafts as {@code @Table} records, following the
 * defaults of the Jakarta Persistence specification (docs/jpa.md). The {@link RecordReader} drives
 * the phases; this class adds what is JPA's: the table of each entity of an inheritance hierarchy,
 * the persistent attributes (field or property access, mapped superclasses, embeddables), names,
 * types and nullability from {@code @Column}, keys from {@code @Id}, {@code @EmbeddedId}, {@code
 * @IdClass} and {@code @MapsId}, join columns, and the constraints of {@code @Table}.
 */
final class EntityReader {
  private static final List<String> PACKAGES = List.of("jakarta.persistence.", "javax.persistence.");
  private static final int DEFAULT_LENGTH = 255;
  /** What Hibernate 6+ stores in a PostgreSQL large object (oid) when it is a @Lob. */
  private static final Set<String> LOB_TYPES = Set.of("java.lang.String", "byte[]", "char[]", "java.lang.Byte[]",
      "java.lang.Character[]", "java.sql.Clob", "java.sql.Blob", "java.sql.NClob");
  /** Mapping features a later slice of issue 5 reads: an error until then, never a silent gap. */
  private static final List<String> NOT_YET_ON_FIELDS = List.of();

  enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

  /** An entity hierarchy: its root, strategy and every entity of it in this compilation, by name. */
  private record Family(TypeElement root, Strategy strategy, List<TypeElement> members) {}

  private final RecordReader owner;
  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final EntityNaming naming;
  private final EntityAttributes attributes;
  /** Per entity (qualified name): its hierarchy. */
  private final Map<String, Family> families = new HashMap<>();
  /** Per table draft: what this reader knows beyond the draft. */
  private final Map<Draft, State> states = new IdentityHashMap<>();
  /** The sequences of the keys, by qualified name. */
  private final Map<String, Sequence> sequences = new TreeMap<>();
  /** The collection attributes with a table of their own, in reading order. */
  private final List<Collection> collections = new ArrayList<>();
  /** Every entity of the compilation: {@code @SequenceGenerator} names are global. */
  private final List<TypeElement> allEntities = new ArrayList<>();
  /** The {@code @Converter(autoApply = true)} converters of the compilation: database type by attribute type. */
  private final Map<String, TypeMirror> autoApplied = new HashMap<>();

  EntityReader(RecordReader owner, Elements elements, Types types, Mirrors mirrors, EntityNaming naming) {
    this.owner = owner;
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.naming = naming;
    this.attributes = new EntityAttributes(types, mirrors);
  }

  /** A relationship to resolve once every table's own columns are known. */
  private record Join(Draft draft, Attribute attr, AnnotationMirror relation, List<AnnotationMirror> joinColumns,
      int position, boolean id, boolean optional, Kind kind, TypeElement target, String prefix, boolean annotate) {
    enum Kind { TO_ONE, PARENT_KEY, INVERSE, TABLE }

    Join(Draft draft, Attribute attr, AnnotationMirror relation, List<AnnotationMirror> joinColumns, int position,
        boolean id, boolean optional, Kind kind, TypeElement target) {
      this(draft, attr, relation, joinColumns, position, id, optional, kind, target, null, true);
    }
  }

  /**
   * A collection attribute stored in a table of its own: a join table or an element collection's
   * table. {@code entity} is the entity the attribute belongs to, which names the table and its
   * owner columns: the subclass of a single-table hierarchy that declares it, or the entity of a
   * table-per-class hierarchy that declares it (once for the hierarchy, as Hibernate).
   */
  private record Collection(Draft owner, TypeElement entity, Attribute attr, AnnotationMirror mapping, Walk walk) {
    boolean elements() {
      return Mirrors.simpleName(mapping).equals("ElementCollection");
    }
  }

  /** A join whose columns were added: its foreign key and, for a one-to-one, its uniqueness. */
  private record Resolved(Join join, List<String> columns, String targetTable, List<String> targetColumns,
      boolean unique) {}

  /** The reader's own notes on one table. */
  private static final class State {
    final List<Join> joins = new ArrayList<>();
    final List<Resolved> resolved = new ArrayList<>();
    /** The {@code @Column} (or override) in effect for each basic column, by column name. */
    final Map<String, AnnotationMirror> columnAnnotations = new HashMap<>();
    final Map<String, Element> columnAnnotationAt = new HashMap<>();
    /** A join or collection table: the {@code @JoinTable}/{@code @CollectionTable} (may be null) and its attribute. */
    AnnotationMirror tableAnnotation;
    Element tableAt;
    boolean collectionTable;
    /** Of a join or collection table: the join of the owner's columns ({@code foreignKey}; the other is {@code inverseForeignKey}). */
    Join ownerJoin;
    /** Of a collection table: a UNIQUE over these columns (a set of embeddables with a nullable column, as Hibernate). */
    List<String> setUnique;
    /** Of a collection table: the {@code @OrderColumn}, whose CHECK refuses a negative position (as Hibernate). */
    String orderColumn;
    /** Enum columns stored by ordinal: the number of constants, by column name. */
    final Map<String, Integer> ordinals = new HashMap<>();
    String discriminator;
    List<String> discriminatorValues;
    Element discriminatorAt;
    /** Key columns still to come from a relationship ({@code @MapsId}, {@code @Id @ManyToOne}) or the parent table. */
    int pendingKeys;
  }

  static boolean isEntity(TypeElement type) {
    return jpa(type.getAnnotationMirrors(), "Entity").isPresent();
  }

  /** The JPA annotation of that simple name, from jakarta.persistence or javax.persistence. */
  static Optional<AnnotationMirror> jpa(List<? extends AnnotationMirror> annotations, String simpleName) {
    for (String pkg : PACKAGES) {
      Optional<AnnotationMirror> found = Mirrors.find(annotations, pkg + simpleName);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Whether the annotation type has that element: javax.persistence before 2.1 has no indexes or foreignKey. */
  private static boolean declares(AnnotationMirror annotation, String element) {
    return ElementFilter.methodsIn(annotation.getAnnotationType().asElement().getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals(element));
  }

  private static boolean has(List<? extends AnnotationMirror> annotations, String simpleName) {
    return jpa(annotations, simpleName).isPresent();
  }

  private static boolean has(Element element, String simpleName) {
    return has(element.getAnnotationMirrors(), simpleName);
  }

  // ---------------------------------------------------------------- hierarchies

  /** Groups the entities into hierarchies, and notes the auto-applied converters among {@code converters}. */
  void prepare(List<TypeElement> entities, List<TypeElement> converters) {
    allEntities.addAll(entities);
    Map<String, List<TypeElement>> byRoot = new TreeMap<>();
    for (TypeElement entity : entities) {
      byRoot.computeIfAbsent(root(entity).getQualifiedName().toString(), k -> new ArrayList<>()).add(entity);
    }
    for (List<TypeElement> members : byRoot.values()) {
      TypeElement root = root(members.get(0));
      Strategy strategy = jpa(root.getAnnotationMirrors(), "Inheritance")
          .map(i -> Strategy.valueOf(mirrors.enumConstant(i, "strategy"))).orElse(Strategy.SINGLE_TABLE);
      members.sort(Comparator.comparing((TypeElement t) -> depth(t)).thenComparing(t -> t.getQualifiedName().toString()));
      Family family = new Family(root, strategy, List.copyOf(members));
      for (TypeElement member : members) {
        families.put(member.getQualifiedName().toString(), family);
      }
    }
    for (TypeElement converter : converters) {
      Optional<AnnotationMirror> annotation = jpa(converter.getAnnotationMirrors(), "Converter");
      if (annotation.isPresent() && mirrors.bool(annotation.get(), "autoApply")) {
        List<? extends TypeMirror> args = converterTypes(converter.asType());
        if (args != null && args.get(0).getKind() == TypeKind.DECLARED) {
          autoApplied.putIfAbsent(types.erasure(args.get(0)).toString(), args.get(1));
        }
      }
    }
  }

  /** The topmost entity above (or at) an entity. */
  private static TypeElement root(TypeElement entity) {
    TypeElement root = entity;
    for (TypeElement t = EntityAttributes.superclassOf(entity); t != null; t = EntityAttributes.superclassOf(t)) {
      if (isEntity(t)) {
        root = t;
      }
    }
    return root;
  }

  private static int depth(TypeElement type) {
    int depth = 0;
    for (TypeElement t = EntityAttributes.superclassOf(type); t != null; t = EntityAttributes.superclassOf(t)) {
      depth++;
    }
    return depth;
  }

  /** The nearest entity above an entity, or null for a root. */
  private static TypeElement parentEntity(TypeElement entity) {
    for (TypeElement t = EntityAttributes.superclassOf(entity); t != null; t = EntityAttributes.superclassOf(t)) {
      if (isEntity(t)) {
        return t;
      }
    }
    return null;
  }

  private Family family(TypeElement entity) {
    Family family = families.get(entity.getQualifiedName().toString());
    return family != null ? family : new Family(entity, Strategy.SINGLE_TABLE, List.of(entity));
  }

  /**
   * The entity whose table holds this entity's columns: itself; the root of a single-table
   * hierarchy; or null for an abstract entity of a table-per-class hierarchy, which has no table.
   */
  TypeElement home(TypeElement entity) {
    Family family = family(entity);
    return switch (family.strategy()) {
      case SINGLE_TABLE -> family.root();
      case JOINED -> entity;
      case TABLE_PER_CLASS -> entity.getModifiers().contains(Modifier.ABSTRACT) ? null : entity;
    };
  }

  /** A single-table subclass that declares a table of its own: an error, which is reported here. */
  boolean misplacedTable(TypeElement entity) {
    Optional<AnnotationMirror> table = jpa(entity.getAnnotationMirrors(), "Table");
    if (table.isPresent()) {
      owner.error(ElementOrigin.of(entity, table.get()), entity.getSimpleName() + " is in the single-table hierarchy of "
          + family(entity).root().getSimpleName() + ", whose table holds its columns, so it has no table of its own:"
          + " remove this @Table, or give the root @Inheritance(strategy = InheritanceType.JOINED) for a table per"
          + " entity");
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- the table

  /** {@code @Table(name)}, else {@code @Entity(name)}, else the class's simple name; null after an error. */
  String tableName(TypeElement type) {
    AnnotationMirror table = jpa(type.getAnnotationMirrors(), "Table").orElse(null);
    if (table != null && !mirrors.string(table, "catalog").isEmpty()) {
      owner.error(new ElementOrigin(type, table, mirrors.value(table, "catalog")), "@Table(catalog): PostgreSQL has"
          + " one catalog per database and cannot name another in a statement. Remove catalog; use schema for a"
          + " namespace");
      return null;
    }
    if (table != null && !mirrors.string(table, "name").isEmpty()) {
      return physical(mirrors.string(table, "name"), new ElementOrigin(type, table, mirrors.value(table, "name")),
          "table name");
    }
    return physical(entityName(type), entityNameAt(type), "table name");
  }

  /** A table's schema: {@code name} null for the default one. */
  record SchemaName(String name) {}

  /** {@code @Table(schema)} through the physical naming; null after an error. */
  SchemaName schemaName(TypeElement type) {
    AnnotationMirror table = jpa(type.getAnnotationMirrors(), "Table").orElse(null);
    String written = table == null ? "" : mirrors.string(table, "schema");
    if (written.isBlank()) {
      return new SchemaName(null);
    }
    String name = physical(written, new ElementOrigin(type, table, mirrors.value(table, "schema")), "schema name");
    return name == null ? null : new SchemaName(name);
  }

  /** The schema of a schema element ({@code @SequenceGenerator(schema)}, ...): null for the default; "" after an error. */
  private String schemaOf(AnnotationMirror annotation, Element at) {
    String written = mirrors.string(annotation, "schema");
    if (written.isBlank()) {
      return null;
    }
    String name = physical(written, new ElementOrigin(at, annotation, mirrors.value(annotation, "schema")), "schema name");
    return name == null ? "" : name;
  }

  /** The entity name: {@code @Entity(name)}, else the simple name. */
  String entityName(TypeElement type) {
    String name = jpa(type.getAnnotationMirrors(), "Entity").map(e -> mirrors.string(e, "name")).orElse("");
    return name.isEmpty() ? type.getSimpleName().toString() : name;
  }

  private ElementOrigin entityNameAt(TypeElement type) {
    AnnotationMirror entity = jpa(type.getAnnotationMirrors(), "Entity").orElse(null);
    return entity != null && !mirrors.string(entity, "name").isEmpty()
        ? new ElementOrigin(type, entity, mirrors.value(entity, "name")) : ElementOrigin.of(type);
  }

  /** The physical name of a logical one, checked; null after an error. */
  String physical(String logical, ElementOrigin at, String what) {
    String name = naming.physical(logical.strip());
    if (!Identifiers.isValid(name)) {
      owner.error(at, "invalid " + what + " \"" + logical + "\" (\"" + name + "\" in PostgreSQL): write a name of"
          + " letters, digits and _ that does not start with a digit; schemac does not write quoted identifiers");
      return null;
    }
    return name;
  }

  // ---------------------------------------------------------------- columns

  /** What is being collected for one table while its attributes are walked. */
  private final class Walk {
    final Draft d;
    final State state;
    final Map<String, Column> byName = new LinkedHashMap<>();
    final Map<String, EnumType> enumTypes;
    final Map<String, String> enumTypeSources;
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

    Walk(Draft d, Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
      this.d = d;
      this.state = states.computeIfAbsent(d, k -> new State());
      this.enumTypes = enumTypes;
      this.enumTypeSources = enumTypeSources;
    }
  }

  void readColumns(Draft d, Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    if (!supportedShape(d)) {
      return;
    }
    Family family = family(d.type);
    Walk walk = new Walk(d, enumTypes, enumTypeSources);
    List<TypeElement> rootChain = persistentChain(family.root(), null);
    walk.access = attributes.defaultAccess(rootChain);
    if (rootChain.stream().anyMatch(EntityAttributes::unresolvedSuperclass)) {
      owner.markIncomplete(); // a superclass javac cannot find may be a mapped superclass: javac reports it
      return;
    }

    if (family.strategy() == Strategy.JOINED && d.type != family.root()) {
      walk.state.joins.add(new Join(d, null, null, attributes.repeated(d.type.getAnnotationMirrors(),
          "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns"), 0, true, false, Join.Kind.PARENT_KEY, parentEntity(d.type)));
      walk.state.pendingKeys++;
      walkClasses(walk, persistentChain(d.type, parentEntity(d.type)), d.type);
    } else {
      walkClasses(walk, family.strategy() == Strategy.TABLE_PER_CLASS ? persistentChain(d.type, null) : rootChain, d.type);
    }
    if (family.strategy() == Strategy.SINGLE_TABLE && family.members().size() > 1
        || has(family.root(), "DiscriminatorColumn") && d.type == family.root()) {
      discriminator(walk, family);
    }
    if (family.strategy() == Strategy.SINGLE_TABLE) {
      for (TypeElement sub : family.members()) {
        if (sub == family.root()) {
          continue;
        }
        walk.subclassValues = concreteValues(family, sub);
        walkClasses(walk, persistentChain(sub, parentEntity(sub)), sub);
      }
      walk.subclassValues = null;
    }
    d.columns.addAll(walk.byName.values());
  }

  /**
   * The classes whose attributes a table holds, top-down: the entities and mapped superclasses
   * from below {@code above} (exclusive; null for the top) down to {@code type}.
   */
  private List<TypeElement> persistentChain(TypeElement type, TypeElement above) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null && t != above; t = EntityAttributes.superclassOf(t)) {
      if (t == type || isEntity(t) || has(t, "MappedSuperclass")) {
        chain.add(0, t);
      }
    }
    return chain;
  }

  private void walkClasses(Walk walk, List<TypeElement> classes, TypeElement entity) {
    walk.entity = entity;
    Map<String, AnnotationMirror> overrides = attributes.overrides(entity, "AttributeOverride", "AttributeOverrides", "column");
    Map<String, Element> overrideAt = new HashMap<>();
    overrides.keySet().forEach(k -> overrideAt.put(k, entity));
    Map<String, List<AnnotationMirror>> associations = attributes.associationOverrides(entity);
    List<Element> members = new ArrayList<>();
    for (TypeElement c : classes) {
      members.addAll(attributes.declared(c, walk.access));
    }
    for (Element member : members) {
      Optional<AnnotationMirror> mapsId = jpa(member.getAnnotationMirrors(), "MapsId");
      if (mapsId.isPresent()) {
        String value = mirrors.string(mapsId.get(), "value").strip();
        for (Element m : members) {
          if (value.isEmpty() && has(m, "Id")) {
            walk.mappedIds.add(EntityAttributes.nameOf(m));
          } else if (!value.isEmpty() && has(m, "EmbeddedId")) {
            walk.mappedIds.add(EntityAttributes.nameOf(m) + "." + value);
          }
        }
      }
    }
    walkMembers(walk, members, entity, "", List.of(), overrides, overrideAt, associations, false);
  }

  private void walkMembers(Walk walk, List<Element> members, TypeElement seenFrom, String prefix, List<Element> embeddedIn,
      Map<String, AnnotationMirror> overrides, Map<String, Element> overrideAt,
      Map<String, List<AnnotationMirror>> associations, boolean inId) {
    for (Element member : members) {
      String name = EntityAttributes.nameOf(member);
      String path = prefix + name;
      List<? extends AnnotationMirror> annotations = member.getAnnotationMirrors();
      if (!supportedField(member, annotations)) {
        continue;
      }
      AnnotationMirror column = overrides.containsKey(path) ? overrides.get(path) : jpa(annotations, "Column").orElse(null);
      Element columnAt = overrides.containsKey(path) ? overrideAt.get(path) : member;
      Attribute attr = new Attribute(name, path, member, attributes.typeOf(member, seenFrom), List.copyOf(annotations),
          column, columnAt, associations.get(path), embeddedIn);
      if (walk.mappedIds.contains(path)) {
        walk.mappedIdPositions.put(path, walk.byName.size());
        continue; // its column is the join column of the @MapsId relationship
      }
      AnnotationMirror elementCollection = jpa(annotations, "ElementCollection").orElse(null);
      AnnotationMirror toMany = jpa(annotations, "OneToMany").or(() -> jpa(annotations, "ManyToMany")).orElse(null);
      if (walk.inCollection && (elementCollection != null || toMany != null)) {
        owner.error(ElementOrigin.of(member, elementCollection != null ? elementCollection : toMany), "@"
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
        if (Mirrors.simpleName(toOne).equals("OneToOne") && !mirrors.string(toOne, "mappedBy").isEmpty()) {
          continue; // the inverse side of a one-to-one has no column
        }
        boolean id = inId || attr.has("Id") || attr.has("MapsId");
        List<AnnotationMirror> joinColumns = attr.joinColumns() != null ? attr.joinColumns()
            : attributes.repeated(annotations, "JoinColumn", "JoinColumns");
        int position = walk.byName.size();
        Optional<AnnotationMirror> mapsId = attr.get("MapsId");
        if (mapsId.isPresent()) {
          String value = mirrors.string(mapsId.get(), "value").strip();
          for (Map.Entry<String, Integer> mapped : walk.mappedIdPositions.entrySet()) {
            if (value.isEmpty() ? !mapped.getKey().contains(".") : mapped.getKey().endsWith("." + value)) {
              position = mapped.getValue();
            }
          }
        }
        walk.state.joins.add(new Join(walk.d, attr, toOne, joinColumns, position, id,
            walk.subclassValues != null, Join.Kind.TO_ONE, EntityAttributes.classOf(attr.type())));
        if (id) {
          walk.state.pendingKeys++;
        }
        continue;
      }
      boolean embeddedId = attr.has("EmbeddedId");
      TypeElement embeddable = EntityAttributes.classOf(attr.type());
      if (embeddedId || attr.has("Embedded") || embeddable != null && has(embeddable, "Embeddable")) {
        if (RecordReader.containsErrorType(attr.type())) {
          owner.markIncomplete();
          continue;
        }
        if (embeddable == null || !has(embeddable, "Embeddable")) {
          owner.error(ElementOrigin.of(member, attr.get(embeddedId ? "EmbeddedId" : "Embedded").orElse(null)), "@"
              + (embeddedId ? "EmbeddedId" : "Embedded") + " on " + name + ": " + attr.type() + " is not an"
              + " @Embeddable class; annotate it with @Embeddable (its fields become columns of this table)");
          continue;
        }
        if (embeddedIn.contains(member)) {
          owner.error(ElementOrigin.of(member), "embeddable " + embeddable.getSimpleName() + " contains itself");
          continue;
        }
        Map<String, AnnotationMirror> inner = new HashMap<>(overrides);
        Map<String, Element> innerAt = new HashMap<>(overrideAt);
        attributes.overrides(member, "AttributeOverride", "AttributeOverrides", "column").forEach((k, v) -> {
          if (inner.putIfAbsent(path + "." + k, v) == null) {
            innerAt.put(path + "." + k, member);
          }
        });
        Map<String, List<AnnotationMirror>> innerAssociations = new HashMap<>(associations);
        attributes.associationOverrides(member).forEach((k, v) -> innerAssociations.putIfAbsent(path + "." + k, v));
        Access saved = walk.access;
        Access declared = attributes.declaredAccess(embeddable);
        if (declared != null) {
          walk.access = declared;
        }
        List<Element> inside = new ArrayList<>();
        for (TypeElement c : persistentEmbeddableChain(embeddable)) {
          inside.addAll(attributes.declared(c, walk.access));
        }
        List<Element> nested = new ArrayList<>(embeddedIn);
        nested.add(member);
        walkMembers(walk, inside, embeddable, path + ".", List.copyOf(nested), inner, innerAt, innerAssociations,
            inId || embeddedId);
        walk.access = saved;
        continue;
      }
      Column c = readColumn(walk, attr, inId);
      if (c == null) {
        continue;
      }
      if (walk.byName.containsKey(c.name())) {
        owner.error(ElementOrigin.of(member, column), "column '" + c.name() + "' of table '" + walk.d.table
            + "' is already used by '" + walk.byName.get(c.name()).javaName() + "': give one of them"
            + (embeddedIn.isEmpty() ? " @Column(name = \"...\")" : " a name with @AttributeOverride(name = \""
                + path.substring(path.indexOf('.') + 1) + "\", column = @Column(name = \"...\")) on "
                + embeddedIn.get(0).getSimpleName()));
        continue;
      }
      walk.byName.put(c.name(), c);
      walk.d.annotationsOf.put(c.name(), attr.annotations());
      walk.d.reportOn.put(c.name(), member);
      if (column != null) {
        walk.state.columnAnnotations.put(c.name(), column);
        walk.state.columnAnnotationAt.put(c.name(), columnAt);
      }
    }
  }

  /** An embeddable and the embeddables or mapped superclasses it extends, top-down. */
  private List<TypeElement> persistentEmbeddableChain(TypeElement embeddable) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = embeddable; t != null; t = EntityAttributes.superclassOf(t)) {
      if (t == embeddable || has(t, "Embeddable") || has(t, "MappedSuperclass")) {
        chain.add(0, t);
      }
    }
    return chain;
  }

  private void toMany(Walk walk, Attribute attr, AnnotationMirror toMany, List<Element> embeddedIn) {
    if (!mirrors.string(toMany, "mappedBy").isEmpty()) {
      return; // the inverse side: its column is the other table's join column
    }
    List<AnnotationMirror> joinColumns = attributes.repeated(attr.annotations(), "JoinColumn", "JoinColumns");
    if (Mirrors.simpleName(toMany).equals("OneToMany") && !joinColumns.isEmpty() && !attr.has("JoinTable")) {
      TypeElement target = elementClass(attr);
      walk.state.joins.add(new Join(walk.d, attr, toMany, joinColumns, -1, false, true, Join.Kind.INVERSE, target));
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
    TypeElement entity = owningEntity(walk.entity, embeddedIn.isEmpty() ? attr.element() : embeddedIn.get(0));
    for (Collection c : collections) {
      if (c.entity() == entity && c.attr().path().equals(attr.path())) {
        return;
      }
    }
    collections.add(new Collection(walk.d, entity, attr, mapping, walk));
  }

  /**
   * The entity an attribute of {@code walked} belongs to: the entity at or nearest below the class
   * that declares it (a mapped superclass's attribute belongs to the entity that extends it).
   */
  private static TypeElement owningEntity(TypeElement walked, Element member) {
    if (walked == null || !(member.getEnclosingElement() instanceof TypeElement declaring)) {
      return walked;
    }
    TypeElement owning = walked;
    for (TypeElement t = walked; t != null; t = EntityAttributes.superclassOf(t)) {
      if (isEntity(t)) {
        owning = t;
      }
      if (t.equals(declaring)) {
        return owning;
      }
    }
    return walked;
  }

  /** The entity a collection-valued relationship holds: its {@code targetEntity}, or the collection's element type. */
  private TypeElement elementClass(Attribute attr) {
    AnnotationMirror relation = jpa(attr.annotations(), "OneToMany").or(() -> jpa(attr.annotations(), "ManyToMany")).orElse(null);
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

  /** The discriminator column of a single-table hierarchy (or a joined one that declares it). */
  private void discriminator(Walk walk, Family family) {
    AnnotationMirror declared = jpa(family.root().getAnnotationMirrors(), "DiscriminatorColumn").orElse(null);
    String written = declared == null ? "" : mirrors.string(declared, "name");
    ElementOrigin at = declared == null ? ElementOrigin.of(family.root())
        : new ElementOrigin(family.root(), declared, Mirrors.explicitValue(declared, "name"));
    String name = physical(written.isEmpty() ? "DTYPE" : written, at, "discriminator column name");
    if (name == null) {
      return;
    }
    String kind = declared == null ? "STRING" : mirrors.enumConstant(declared, "discriminatorType");
    String definition = declared == null ? "" : mirrors.string(declared, "columnDefinition").strip().toLowerCase(Locale.ROOT);
    SqlType type;
    if (!definition.isEmpty()) {
      TypeMapper.Mapped mapped = TypeMapper.map(elements.getTypeElement("java.lang.String").asType(),
          new TypeMapper.Hints(0, 0, 0, definition, false, null));
      if (mapped.error() != null) {
        owner.error(at, "@DiscriminatorColumn(columnDefinition): " + mapped.error());
        return;
      }
      type = mapped.type();
    } else {
      type = switch (kind) {
        case "INTEGER" -> SqlType.of(Kind.INTEGER);
        case "CHAR" -> SqlType.custom("char(1)");
        default -> SqlType.varchar(declared == null ? 31 : mirrors.integer(declared, "length"));
      };
    }
    if (walk.byName.containsKey(name)) {
      owner.error(at, "the discriminator column '" + name + "' of table '" + walk.d.table + "' is also the column of '"
          + walk.byName.get(name).javaName() + "': name it with @DiscriminatorColumn(name = \"...\")");
      return;
    }
    walk.byName.put(name, new Column(name, null, null, type, false, null, Identity.NONE, List.of(),
        "The entity type of the row (JPA discriminator).", null, List.of(), at));
    walk.state.discriminator = name;
    walk.state.discriminatorAt = family.root();
    if (kind.equals("STRING") && definition.isEmpty()) {
      walk.state.discriminatorValues = concreteValues(family, family.root());
    }
  }

  /** The discriminator values of the concrete entities at or below {@code top}, or null when one is not a string. */
  private List<String> concreteValues(Family family, TypeElement top) {
    List<String> values = new ArrayList<>();
    for (TypeElement member : family.members()) {
      boolean below = false;
      for (TypeElement t = member; t != null; t = EntityAttributes.superclassOf(t)) {
        below |= t == top;
      }
      if (below && !member.getModifiers().contains(Modifier.ABSTRACT)) {
        String value = jpa(member.getAnnotationMirrors(), "DiscriminatorValue").map(v -> mirrors.string(v, "value"))
            .orElse(entityName(member));
        if (value.contains("'")) {
          return null;
        }
        values.add(value);
      }
    }
    return values.stream().sorted().toList();
  }

  /** What this reader reads. Reports and returns false otherwise. */
  private boolean supportedShape(Draft d) {
    List<? extends AnnotationMirror> annotations = d.type.getAnnotationMirrors();
    for (String name : List.of("SecondaryTable", "SecondaryTables")) {
      Optional<AnnotationMirror> found = jpa(annotations, name);
      if (found.isPresent()) {
        owner.error(ElementOrigin.of(d.type, found.get()), "@" + name + " is not read by schemac: this entity gets no"
            + " table. Map the secondary table as an entity of its own with a @OneToOne to this one");
        return false;
      }
    }
    Family family = family(d.type);
    if (family.strategy() == Strategy.TABLE_PER_CLASS) {
      for (TypeElement t = d.type; t != null; t = EntityAttributes.superclassOf(t)) {
        for (Element member : t.getEnclosedElements()) {
          Optional<AnnotationMirror> generated = jpa(member.getAnnotationMirrors(), "GeneratedValue");
          if (generated.isPresent() && mirrors.enumConstant(generated.get(), "strategy").equals("IDENTITY")) {
            owner.error(new ElementOrigin(member, generated.get(), Mirrors.explicitValue(generated.get(), "strategy")),
                "GenerationType.IDENTITY in a TABLE_PER_CLASS hierarchy: each table would number its rows on its own,"
                    + " so two entities of " + family.root().getSimpleName() + " could share a key. Use"
                    + " GenerationType.SEQUENCE (one sequence for the hierarchy) or a UUID key");
            return false;
          }
        }
      }
    }
    return true;
  }

  private boolean supportedField(Element field, List<? extends AnnotationMirror> annotations) {
    for (String name : NOT_YET_ON_FIELDS) {
      Optional<AnnotationMirror> found = jpa(annotations, name);
      if (found.isPresent()) {
        owner.error(ElementOrigin.of(field, found.get()), "@" + name + " is not read by schemac yet (issue 5): mark the"
            + " field @Transient for now, or keep this entity out of the schemac compilation");
        return false;
      }
    }
    for (String schemac : List.of(ID, COLUMN)) {
      Optional<AnnotationMirror> found = Mirrors.find(annotations, schemac);
      if (found.isPresent()) {
        String simple = schemac.substring(schemac.lastIndexOf('.') + 1);
        owner.error(ElementOrigin.of(field, found.get()), "schemac's @" + simple + " on a field of a JPA entity: use"
            + " @jakarta.persistence." + simple + ", which is what the entity's mapping is read from");
        return false;
      }
    }
    return true;
  }

  private Column readColumn(Walk walk, Attribute attr, boolean inId) {
    Draft d = walk.d;
    Element field = attr.element();
    String javaName = attr.path();
    ElementOrigin at = ElementOrigin.of(field);
    AnnotationMirror columnAnn = attr.column();
    Element columnAt = attr.columnAt();
    String name;
    if (columnAnn != null && !mirrors.string(columnAnn, "name").isEmpty()) {
      name = physical(mirrors.string(columnAnn, "name"), new ElementOrigin(columnAt, columnAnn,
          mirrors.value(columnAnn, "name")), "column name");
    } else {
      name = physical(attr.name(), at, "column name");
    }
    if (name == null) {
      return null;
    }
    if (columnAnn != null && !mirrors.string(columnAnn, "table").isEmpty()) {
      owner.error(new ElementOrigin(columnAt, columnAnn, mirrors.value(columnAnn, "table")),
          "@Column(table) names a secondary table, which schemac does not read: map it as an entity of its own");
      return null;
    }
    TypeMirror type = attr.type();
    List<AnnotationMirror> annotations = attr.annotations();

    List<Marker> markers = new ArrayList<>();
    SqlType sqlType = sqlType(d, attr, type, annotations, columnAnn, name, markers);
    if (sqlType == null) {
      return null;
    }

    AnnotationMirror id = jpa(annotations, "Id").orElse(null);
    AnnotationMirror version = jpa(annotations, "Version").orElse(null);
    boolean key = id != null || inId;
    boolean notNull = type.getKind().isPrimitive() || key || version != null || notNull(annotations, columnAnn);
    boolean nullable = !notNull;
    if (walk.subclassValues != null) {
      nullable = true; // a row of another entity of the hierarchy has no value here (as Hibernate)
    }

    RecordReader.Extras extras = owner.extras(d, name, javaName, type, sqlType, annotations, at);
    if (extras == null) {
      return null;
    }
    markers.addAll(extras.markers());
    String defaultSql = extras.defaultSql();
    Identity identity = Identity.NONE;
    if (key) {
      d.pkColumns.add(name);
      AnnotationMirror generated = jpa(annotations, "GeneratedValue").orElse(null);
      if (generated != null) {
        String strategy = mirrors.enumConstant(generated, "strategy");
        ElementOrigin genAt = new ElementOrigin(field, generated, Mirrors.explicitValue(generated, "strategy"));
        boolean integral = sqlType.kind().isIntegral() && !sqlType.array();
        boolean uuid = sqlType.kind() == Kind.UUID && !sqlType.array();
        if (strategy.equals("IDENTITY")) {
          if (!integral) {
            owner.error(genAt, "GenerationType.IDENTITY needs a number: declare " + attr.name() + " as Long (or long,"
                + " Integer, int, Short), or use GenerationType.UUID for a UUID");
            return null;
          }
          identity = Identity.BY_DEFAULT;
        } else if (integral && (strategy.equals("SEQUENCE") || strategy.equals("AUTO"))) {
          if (!sequence(d, attr, generated, genAt)) {
            return null; // the column is a plain number the application draws from the sequence
          }
        } else if (strategy.equals("TABLE")) {
          owner.error(genAt, "GenerationType.TABLE keeps its counters in a table of its own (Hibernate's"
              + " hibernate_sequences), which schemac does not create: use GenerationType.SEQUENCE (a database"
              + " sequence) or IDENTITY");
          return null;
        } else if (strategy.equals("SEQUENCE")) {
          owner.error(genAt, "GenerationType.SEQUENCE draws numbers: declare " + attr.name() + " as Long (or long,"
              + " Integer, int), or use GenerationType.UUID for a UUID");
          return null;
        } else if (uuid && (strategy.equals("UUID") || strategy.equals("AUTO"))) {
          if (defaultSql == null) {
            defaultSql = "gen_random_uuid()";
          }
        } else if (!(strategy.equals("UUID") || strategy.equals("AUTO")) || !sqlType.kind().isTextual()) {
          owner.error(genAt, "@GeneratedValue(strategy = " + strategy + ") cannot generate " + type + " keys:"
              + " use a number with IDENTITY, or a UUID with GenerationType.UUID");
          return null;
        }
      }
    }
    if (identity != Identity.NONE && defaultSql != null) {
      owner.error(at, "column '" + name + "' is an identity column and cannot also have a DEFAULT: remove @Default");
      return null;
    }
    String renamedFrom = null;
    AnnotationMirror renamed = Mirrors.find(annotations, RENAMED_FROM).orElse(null);
    if (renamed != null) {
      renamedFrom = owner.checkedName(mirrors.string(renamed, "value"),
          new ElementOrigin(field, renamed, mirrors.value(renamed, "value")), "@RenamedFrom column name");
      if (renamedFrom == null) {
        return null;
      }
    }
    return new Column(name, javaName, RecordReader.withoutTypeAnnotations(type.toString()), sqlType, nullable,
        defaultSql, identity, markers, comment(field), renamedFrom, suppressions(attr), at);
  }

  /** The rule suppressions on the attribute and on the embedded attributes around it. */
  private static List<String> suppressions(Attribute attr) {
    List<String> all = new ArrayList<>(Suppressions.on(attr.element()));
    for (Element around : attr.embeddedIn()) {
      all.addAll(Suppressions.on(around));
    }
    return all.stream().distinct().sorted().toList();
  }

  /** The column type by the JPA defaults; null after an error. Adds ENUM_ORDINAL to {@code markers}. */
  private SqlType sqlType(Draft d, Attribute attr, TypeMirror type, List<AnnotationMirror> annotations,
      AnnotationMirror columnAnn, String name, List<Marker> markers) {
    Element field = attr.element();
    ElementOrigin at = ElementOrigin.of(field);
    String definition = columnAnn == null ? "" : mirrors.string(columnAnn, "columnDefinition").strip().toLowerCase(Locale.ROOT);
    boolean lob = has(annotations, "Lob");
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    if (Mirrors.find(annotations, NATIVE_ENUM).isPresent()) {
      owner.error(ElementOrigin.of(field, Mirrors.find(annotations, NATIVE_ENUM).get()), "@NativeEnum is not read on"
          + " JPA entities yet: use @Enumerated(EnumType.STRING) (text + CHECK)");
      return null;
    }
    if (definition.isEmpty() && RecordReader.containsErrorType(type) && !attr.has("Convert")) {
      // javac reports the missing class itself; schemac says how to read the entity without it
      owner.markIncomplete(at, "nothing written: the type of " + attr.path() + " (" + type + ") cannot be resolved, so"
          + " its column type is unknown. Put its class on the compile class path, or state the column type with"
          + " @Column(columnDefinition = \"...\"), or mark the attribute @Transient if it is not persistent");
      return null;
    }
    if (RecordReader.containsErrorType(type)) {
      type = elements.getTypeElement("java.lang.Object").asType(); // the definition or the converter gives the type
    }
    Converted converted = definition.isEmpty() ? convertedType(attr, type) : Converted.NONE;
    if (converted.failed()) {
      return null;
    }
    if (converted.type() != null) {
      type = converted.type();
    }
    String declared = type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
    if (definition.isEmpty() && !json && (declared.equals("java.util.Date") || declared.equals("java.util.Calendar"))) {
      AnnotationMirror temporal = jpa(annotations, "Temporal").or(() -> jpa(annotations, "MapKeyTemporal")).orElse(null);
      if (temporal == null) {
        owner.error(at, "column '" + name + "' of table '" + d.table + "': a " + declared + " needs @Temporal(DATE,"
            + " TIME or TIMESTAMP); better, declare it as java.time.Instant, LocalDate or LocalTime");
        return null;
      }
      return SqlType.of(switch (mirrors.enumConstant(temporal, "value")) {
        case "DATE" -> Kind.DATE;
        case "TIME" -> Kind.TIME;
        default -> Kind.TIMESTAMP;
      });
    }
    if (lob && definition.isEmpty() && !json && LOB_TYPES.contains(type.toString())) {
      owner.warning(at, "@Lob on " + attr.path() + ": Hibernate keeps a @Lob in a PostgreSQL large object and the column"
          + " holds only its number (oid), so schemac writes oid for Hibernate to work against this schema. SQL then"
          + " sees a number, and the data is not deleted with its row (that needs the lo extension's lo_manage"
          + " trigger, or vacuumlo). Fix: remove @Lob; for a " + (type.toString().contains("byte") || type.toString()
              .endsWith("Blob") ? "byte[] Hibernate then writes bytea" : "String add @Column(columnDefinition ="
              + " \"text\")"));
      return SqlType.custom("oid");
    }
    int length = 0, precision = 0, scale = 0;
    if (declared.equals("java.lang.String") && !lob && !json && definition.isEmpty()) {
      length = columnAnn == null ? DEFAULT_LENGTH : mirrors.integer(columnAnn, "length");
      if (length < 1 || length > 10_485_760) {
        owner.error(new ElementOrigin(attr.columnAt(), columnAnn, mirrors.value(columnAnn, "length")), "@Column(length = "
            + length + ") must be between 1 and 10485760 (PostgreSQL's varchar limit); for unbounded text use @Lob (text)");
        return null;
      }
    }
    if (declared.equals("java.math.BigDecimal") && columnAnn != null) {
      precision = mirrors.integer(columnAnn, "precision");
      scale = mirrors.integer(columnAnn, "scale");
      if (precision < 0 || precision > 1000 || scale < 0 || scale > precision && precision > 0 || scale > 0 && precision == 0) {
        owner.error(ElementOrigin.of(attr.columnAt(), columnAnn), "@Column(precision = " + precision + ", scale = "
            + scale + ") is not a numeric type: precision must be 1..1000 and scale 0..precision, e.g."
            + " @Column(precision = 12, scale = 2)");
        return null;
      }
    }
    boolean enumType = RecordReader.isEnum(type);
    if (enumType && definition.isEmpty() && !json) {
      AnnotationMirror enumerated = jpa(annotations, "Enumerated").or(() -> jpa(annotations, "MapKeyEnumerated"))
          .orElse(null);
      String how = enumerated == null ? "ORDINAL" : mirrors.enumConstant(enumerated, "value");
      if (!how.equals("STRING")) {
        markers.add(Marker.ENUM_ORDINAL);
        // as Hibernate 6: smallint, and a CHECK on the range of ordinals (readConstraints)
        TypeElement enumClass = EntityAttributes.classOf(type);
        long constants = enumClass.getEnclosedElements().stream().filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).count();
        states.computeIfAbsent(d, k -> new State()).ordinals.put(name, (int) constants);
        return SqlType.of(Kind.SMALLINT);
      }
    }
    TypeMapper.Mapped mapped = TypeMapper.map(type, new TypeMapper.Hints(length, precision, scale, definition, json, null));
    if (mapped.error() != null) {
      String error = mapped.error().replace("@Column(type = ", "@Column(columnDefinition = ")
          .replace("give the SQL type with @Column(type = \"...\")", "give the SQL type with @Column(columnDefinition = \"...\")");
      owner.error(at, "column '" + name + "' of table '" + d.table + "': " + error);
      return null;
    }
    if (enumType && mapped.type().kind() == Kind.CUSTOM
        && RecordReader.INTEGER_TYPES.matcher(mapped.type().custom()).matches()) {
      markers.add(Marker.ENUM_ORDINAL);
    }
    return mapped.type();
  }

  // ---------------------------------------------------------------- sequences

  /**
   * The sequence a {@code SEQUENCE} (or {@code AUTO}, on a number) key draws from, as Hibernate 6
   * finds it: the {@code @SequenceGenerator} the {@code generator} names (on the attribute, the
   * entity and its superclasses, or any entity: generator names are global), or an unnamed one on
   * the attribute or the entity; without one, a sequence named like the generator, or {@code
   * <root entity name>_seq}. False after an error.
   */
  private boolean sequence(Draft d, Attribute attr, AnnotationMirror generated, ElementOrigin genAt) {
    String generator = mirrors.string(generated, "generator").strip();
    List<Element> places = new ArrayList<>();
    places.add(attr.element());
    for (TypeElement t = d.type; t != null; t = EntityAttributes.superclassOf(t)) {
      places.add(t);
    }
    if (attr.element().getEnclosingElement() instanceof TypeElement declaring && !places.contains(declaring)) {
      places.add(declaring);
    }
    if (!generator.isEmpty()) {
      for (TypeElement entity : allEntities) {
        for (TypeElement t = entity; t != null; t = EntityAttributes.superclassOf(t)) {
          if (!places.contains(t)) {
            places.add(t);
          }
          t.getEnclosedElements().stream().filter(m -> !places.contains(m)).forEach(places::add);
        }
      }
    }
    AnnotationMirror found = null;
    Element foundAt = null;
    for (Element place : places) {
      for (AnnotationMirror sg : attributes.repeated(place.getAnnotationMirrors(), "SequenceGenerator", "SequenceGenerators")) {
        String name = mirrors.string(sg, "name").strip();
        if (generator.isEmpty() ? name.isEmpty() || places.indexOf(place) <= 1 : name.equals(generator)) {
          found = sg;
          foundAt = place;
          break;
        }
      }
      if (found != null) {
        break;
      }
      for (AnnotationMirror tg : attributes.repeated(place.getAnnotationMirrors(), "TableGenerator", "TableGenerators")) {
        if (!generator.isEmpty() && mirrors.string(tg, "name").strip().equals(generator)) {
          owner.error(genAt, "generator '" + generator + "' is a @TableGenerator, which keeps its counters in a table"
              + " of its own; schemac does not create it: use a @SequenceGenerator (or IDENTITY)");
          return false;
        }
      }
    }
    Family family = family(d.type);
    String fallback = generator.isEmpty() ? entityName(family.root()) + "_seq" : generator;
    String name;
    String schema = null;
    long start = 1;
    long increment = 50;
    Origin at = genAt;
    List<String> suppressions = new ArrayList<>(Suppressions.on(attr.element()));
    suppressions.addAll(Suppressions.around(d.type));
    if (found != null) {
      String sequenceName = mirrors.string(found, "sequenceName").strip();
      String written = !sequenceName.isEmpty() ? sequenceName
          : !mirrors.string(found, "name").strip().isEmpty() ? mirrors.string(found, "name").strip() : fallback;
      name = physical(written, new ElementOrigin(foundAt, found, Mirrors.explicitValue(found,
          sequenceName.isEmpty() ? "name" : "sequenceName")), "sequence name");
      schema = schemaOf(found, foundAt);
      if ("".equals(schema)) {
        return false;
      }
      start = mirrors.integer(found, "initialValue");
      increment = mirrors.integer(found, "allocationSize");
      at = ElementOrigin.of(foundAt, found);
      suppressions = new ArrayList<>(Suppressions.on(foundAt));
      Element declaring = foundAt instanceof TypeElement ? foundAt : foundAt.getEnclosingElement();
      suppressions.addAll(Suppressions.around(declaring));
      if (increment == 0) {
        owner.error(new ElementOrigin(foundAt, found, mirrors.value(found, "allocationSize")), "@SequenceGenerator("
            + "allocationSize = 0): a sequence cannot step by 0; Hibernate's default is 50, 1 draws one id per call");
        return false;
      }
    } else {
      name = physical(fallback, genAt, "sequence name");
    }
    if (name == null) {
      return false;
    }
    Sequence sequence = new Sequence(schema, name, start, increment, d.type.getQualifiedName().toString(),
        suppressions.stream().distinct().sorted().toList(), at);
    Sequence existing = sequences.get(sequence.qualifiedName());
    if (existing != null && (existing.start() != start || existing.increment() != increment)) {
      owner.error(at, "sequence '" + sequence.qualifiedName() + "' is declared twice with different settings (start "
          + existing.start() + ", increment " + existing.increment() + " for " + existing.sourceType() + "; start " + start
          + ", increment " + increment + " here): one sequence has one increment. Share one @SequenceGenerator, or give"
          + " each its own sequenceName");
      return false;
    }
    sequences.putIfAbsent(sequence.qualifiedName(), sequence);
    return true;
  }

  /** The sequences of the entities' keys, by qualified name. */
  List<Sequence> sequences() {
    return List.copyOf(sequences.values());
  }

  /** The outcome of looking for a converter: its database type (null for none), or a reported error. */
  private record Converted(TypeMirror type, boolean failed) {
    static final Converted NONE = new Converted(null, false);
    static final Converted FAILED = new Converted(null, true);
  }

  /** The database type of the attribute's converter ({@code @Convert} or an auto-applied one), or null. */
  private Converted convertedType(Attribute attr, TypeMirror type) {
    Optional<AnnotationMirror> convert = attr.get("Convert");
    if (convert.isPresent()) {
      if (mirrors.bool(convert.get(), "disableConversion")) {
        return Converted.NONE;
      }
      if (!mirrors.string(convert.get(), "attributeName").isEmpty()) {
        owner.error(ElementOrigin.of(attr.element(), convert.get()), "@Convert(attributeName) on a basic attribute:"
            + " attributeName is for an embedded or a map attribute; put the @Convert on the attribute itself");
        return Converted.FAILED;
      }
      TypeMirror converter = mirrors.type(convert.get(), "converter");
      if (converter == null || converter.getKind() == TypeKind.ERROR) {
        owner.markIncomplete();
        return Converted.FAILED;
      }
      List<? extends TypeMirror> args = converterTypes(converter);
      if (args == null) {
        owner.error(new ElementOrigin(attr.element(), convert.get(), mirrors.value(convert.get(), "converter")),
            "@Convert(converter = " + converter + "): not an AttributeConverter<entity type, database type>; name the"
                + " converter class");
        return Converted.FAILED;
      }
      return new Converted(args.get(1), false);
    }
    if (type.getKind() == TypeKind.DECLARED && !autoApplied.isEmpty()) {
      TypeMirror auto = autoApplied.get(types.erasure(type).toString());
      return auto == null ? Converted.NONE : new Converted(auto, false);
    }
    return Converted.NONE;
  }

  /** The two type arguments of the {@code AttributeConverter} a converter implements, or null. */
  private List<? extends TypeMirror> converterTypes(TypeMirror converter) {
    if (converter.getKind() != TypeKind.DECLARED) {
      return null;
    }
    for (TypeMirror supertype : types.directSupertypes(converter)) {
      if (supertype instanceof DeclaredType declared) {
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (PACKAGES.stream().anyMatch(p -> name.equals(p + "AttributeConverter"))) {
          return declared.getTypeArguments().size() == 2 ? declared.getTypeArguments() : null;
        }
        List<? extends TypeMirror> found = converterTypes(supertype);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** NOT NULL by JPA's {@code nullable = false} / {@code optional = false}, or Bean Validation's {@code @NotNull}. */
  private boolean notNull(List<AnnotationMirror> annotations, AnnotationMirror columnOrJoin) {
    if (columnOrJoin != null && !mirrors.bool(columnOrJoin, "nullable")) {
      return true;
    }
    Optional<AnnotationMirror> basic = jpa(annotations, "Basic");
    if (basic.isPresent() && !mirrors.bool(basic.get(), "optional")) {
      return true;
    }
    return Mirrors.find(annotations, "jakarta.validation.constraints.NotNull").isPresent()
        || Mirrors.find(annotations, "javax.validation.constraints.NotNull").isPresent();
  }

  private String comment(Element field) {
    return DocComment.parse(elements.getDocComment(field)).description();
  }

  // ---------------------------------------------------------------- join columns

  /** A join's columns, before they are placed in their table. */
  private record Added(Join join, List<Column> columns) {}

  /**
   * The columns of every relationship: join columns typed like the key they reference, and the
   * key columns of joined subclasses. A key that is itself a join column ({@code @MapsId}, an
   * {@code @Id} relationship, a joined subclass) is resolved before the joins that reference it.
   */
  void readJoinColumns(List<Draft> drafts, Map<String, Draft> byType) {
    List<Join> pending = new ArrayList<>();
    for (Draft d : drafts) {
      State state = states.get(d);
      if (state != null) {
        pending.addAll(state.joins);
      }
    }
    Map<Draft, List<Added>> added = new IdentityHashMap<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (java.util.Iterator<Join> it = pending.iterator(); it.hasNext(); ) {
        Join join = it.next();
        Draft referenced = referenced(join, byType);
        if (referenced == null) {
          it.remove();
          progress = true;
          continue;
        }
        State referencedState = states.get(referenced);
        if (referencedState != null && referencedState.pendingKeys > 0) {
          continue; // its key is not known yet
        }
        resolve(join, referenced, byType, added);
        it.remove();
        progress = true;
      }
    }
    for (Join join : pending) {
      owner.error(origin(join), "the key of table '" + join.draft().table + "' depends on itself through " + describe(join)
          + ": one table of the cycle must have a key of its own");
    }
    for (Draft d : drafts) {
      List<Added> columns = added.getOrDefault(d, List.of());
      List<Added> inOrder = new ArrayList<>(columns);
      State state = states.get(d);
      if (state == null) {
        continue;
      }
      inOrder.sort(Comparator.comparingInt((Added a) -> a.join().kind() == Join.Kind.INVERSE ? Integer.MAX_VALUE
          : a.join().position()));
      int inserted = 0;
      for (Added a : inOrder) {
        int at = a.join().kind() == Join.Kind.INVERSE ? d.columns.size() : a.join().position() + inserted;
        for (Column c : a.columns()) {
          d.columns.add(Math.min(at++, d.columns.size()), c);
          inserted++;
        }
      }
      List<String> order = d.columns.stream().map(Column::name).toList();
      d.pkColumns.sort(Comparator.comparingInt(order::indexOf));
    }
  }

  // ---------------------------------------------------------------- join tables and collection tables

  /**
   * The tables of collection attributes, built once every key is known: the join table of an
   * owning {@code @ManyToMany} or a {@code @OneToMany} without join column, and the table of an
   * {@code @ElementCollection}. Names, columns and keys as JPA and Hibernate 6 default them
   * (docs/jpa.md).
   */
  List<Draft> collectionTables(Map<String, Draft> byType) {
    List<Draft> tables = new ArrayList<>();
    for (Collection c : collections) {
      Draft table = collectionTable(c, byType);
      if (table != null) {
        tables.add(table);
      }
    }
    return tables;
  }

  private Draft collectionTable(Collection c, Map<String, Draft> byType) {
    Attribute attr = c.attr();
    Draft ownerDraft = c.owner();
    boolean elements = c.elements();
    String kind = Mirrors.simpleName(c.mapping());
    ElementOrigin at = ElementOrigin.of(attr.element(), c.mapping());
    if (RecordReader.containsErrorType(attr.type())) {
      owner.markIncomplete();
      return null;
    }
    String container = attr.type().getKind() == TypeKind.DECLARED
        ? ((TypeElement) types.asElement(types.erasure(attr.type()))).getQualifiedName().toString() : "";
    boolean isMap = isA(attr.type(), "java.util.Map");
    boolean isSet = isA(attr.type(), "java.util.Set");
    if (!isMap && !isA(attr.type(), "java.util.Collection")) {
      owner.error(at, "@" + kind + " on " + attr.path() + ": " + attr.type() + " is not a collection; declare it as a"
          + " Set, List, Collection or Map");
      return null;
    }
    Draft target = null;
    TypeElement targetClass = elements ? null : elementClass(attr);
    if (!elements) {
      target = targetClass == null ? null : byType.get(targetClass.getQualifiedName().toString());
      if (target == null || !target.entity) {
        owner.error(at, "@" + kind + " on " + attr.path() + ": " + (targetClass != null && isEntity(targetClass)
            && home(targetClass) == null ? targetClass.getSimpleName() + " is an abstract entity of a TABLE_PER_CLASS"
                + " hierarchy, which has no table to reference: join one of its concrete subclasses"
            : (targetClass == null ? "the element type" : targetClass) + " is not an @Entity of this compilation, so"
                + " there is no table to join; for a collection of values use @ElementCollection"));
        return null;
      }
    }
    AnnotationMirror tableAnn = attr.get(elements ? "CollectionTable" : "JoinTable").orElse(null);
    String written = tableAnn == null ? "" : mirrors.string(tableAnn, "name");
    // the entity the attribute belongs to names the table and the owner's columns; its table (the
    // root's in a single-table hierarchy; its own name for the abstract entity of a table-per-class one)
    TypeElement entity = c.entity() == null ? ownerDraft.type : c.entity();
    String ownerEntity = entityName(entity);
    Draft entityDraft = byType.get(entity.getQualifiedName().toString());
    String ownerTable = entityDraft != null ? entityDraft.table : tableName(entity);
    if (ownerTable == null) {
      return null;
    }
    String implicit = elements ? ownerEntity + "_" + attr.name()
        : naming == EntityNaming.SPRING ? ownerTable + "_" + attr.name() : ownerTable + "_" + target.table;
    String name = written.isEmpty() ? physical(implicit, at, "table name")
        : physical(written, new ElementOrigin(attr.element(), tableAnn, mirrors.value(tableAnn, "name")), "table name");
    String schema = tableAnn == null ? null : schemaOf(tableAnn, attr.element());
    if (name == null || "".equals(schema)) {
      return null;
    }
    Draft d = new Draft(entity, name, at);
    d.entity = true;
    d.collectionTable = true;
    d.joinTable = !elements;
    d.schema = schema;
    d.doc = DocComment.parse(elements().getDocComment(attr.element()));
    State state = states.computeIfAbsent(d, k -> new State());
    state.tableAnnotation = tableAnn;
    state.tableAt = attr.element();
    state.collectionTable = true;
    Map<Draft, List<Added>> added = new IdentityHashMap<>();

    // the owner's key: <owner entity>_<key> (or, for a bidirectional many-to-many, <inverse attribute>_<key>)
    String ownerPrefix = elements ? ownerEntity : inverseAttribute(targetClass, entity, attr).orElse(ownerEntity);
    Join ownerJoin = new Join(d, attr, null, tableAnn == null ? List.of() : annotations(tableAnn, "joinColumns"), 0,
        false, false, Join.Kind.TABLE, entity, ownerPrefix, false);
    state.ownerJoin = ownerJoin;
    resolve(ownerJoin, ownerDraft, byType, added);
    List<Added> placed = added.getOrDefault(d, List.of());
    if (placed.isEmpty()) {
      return null; // reported
    }
    List<Column> ownerKey = placed.get(0).columns();
    if (spreadOver(entity)) {
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
      TypeMirror keyType = ((DeclaredType) attr.type()).getTypeArguments().get(0);
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
          0, false, false, Join.Kind.TABLE, targetClass, attr.name(), !kind.equals("OneToMany"));
      resolve(targetJoin, target, byType, added);
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
        resolved.set(resolved.size() - 1, new Resolved(r.join(), r.columns(), r.targetTable(), r.targetColumns(), true));
      }
    } else {
      TypeMirror elementType = ((DeclaredType) attr.type()).getTypeArguments().isEmpty() ? null
          : ((DeclaredType) attr.type()).getTypeArguments().get(isMap ? 1 : 0);
      if (elementType == null) {
        owner.error(at, "@ElementCollection on " + attr.path() + ": a raw " + container + " says nothing about its"
            + " elements; give the element type (List<String>, Set<Address>...)");
        return null;
      }
      Walk walk = new Walk(d, c.walk().enumTypes, c.walk().enumTypeSources);
      walk.access = c.walk().access;
      walk.inCollection = true;
      TypeElement embeddable = EntityAttributes.classOf(elementType);
      if (embeddable != null && has(embeddable, "Embeddable")) {
        Map<String, AnnotationMirror> overrides = new HashMap<>();
        Map<String, Element> overrideAt = new HashMap<>();
        attributes.overrides(attr.element(), "AttributeOverride", "AttributeOverrides", "column").forEach((k, v) -> {
          String key = k.startsWith("value.") ? k.substring("value.".length()) : k;
          overrides.put(attr.path() + "." + key, v);
          overrideAt.put(attr.path() + "." + key, attr.element());
        });
        List<Element> inside = new ArrayList<>();
        for (TypeElement t : persistentEmbeddableChain(embeddable)) {
          inside.addAll(attributes.declared(t, walk.access));
        }
        walkMembers(walk, inside, embeddable, attr.path() + ".", List.of(attr.element()), overrides, overrideAt,
            Map.of(), false);
        if (!walk.state.joins.isEmpty()) {
          owner.error(at, "@ElementCollection of " + embeddable.getSimpleName() + ", which has a relationship: schemac"
              + " does not read relationships inside an element collection; map the element as an entity");
          return null;
        }
      } else {
        Attribute value = new Attribute(attr.name(), attr.path(), attr.element(), elementType, attr.annotations(),
            attr.column(), attr.columnAt(), null, List.of());
        Column column = readColumn(walk, value, false);
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
          owner.error(at, "column '" + column.name() + "' of table '" + d.table + "' is both a key column and an"
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
      String explicit = mirrors.string(order.get(), "name");
      orderColumn = explicit.isEmpty() ? physical(attr.name() + "_order", at, "order column name")
          : physical(explicit, new ElementOrigin(attr.element(), order.get(), mirrors.value(order.get(), "name")),
              "order column name");
      if (orderColumn == null) {
        return null;
      }
      String orderName = orderColumn;
      if (d.columns.stream().anyMatch(x -> x.name().equals(orderName))) {
        owner.error(ElementOrigin.of(attr.element(), order.get()), "the order column '" + orderColumn + "' of table '"
            + d.table + "' is also another column: name it with @OrderColumn(name = \"...\")");
        return null;
      }
      d.columns.add(new Column(orderColumn, null, "int", SqlType.of(Kind.INTEGER), false, null, Identity.NONE, List.of(),
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
    } else if (isSet && valueColumns.stream().allMatch(v -> columnOf(d, v, Map.of()) != null)) {
      List<Column> values = valueColumns.stream().map(v -> columnOf(d, v, Map.of())).toList();
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

  private Elements elements() {
    return elements;
  }

  private boolean isA(TypeMirror type, String qualified) {
    TypeElement element = elements.getTypeElement(qualified);
    return element != null && type.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
  }

  private static Column withNullable(Column c, boolean nullable) {
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), nullable, c.defaultSql(), c.identity(), c.markers(),
        c.comment(), c.renamedFrom(), c.suppressions(), c.origin());
  }

  private static Column withSuppression(Column c, String id) {
    List<String> suppressions = new ArrayList<>(c.suppressions());
    suppressions.add(id);
    return new Column(c.name(), c.javaName(), c.javaType(), c.type(), c.nullable(), c.defaultSql(), c.identity(),
        c.markers(), c.comment(), c.renamedFrom(), suppressions.stream().distinct().sorted().toList(), c.origin());
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
        if (many.isEmpty() || !mirrors.string(many.get(), "mappedBy").strip().equals(attr.name())) {
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
        if (held != null && types.isSubtype(types.erasure(ownerEntity.asType()), types.erasure(held.asType()))) {
          return Optional.of(EntityAttributes.nameOf(member));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an entity's rows are spread over several tables: an entity of a table-per-class
   * hierarchy with entities below it (each has a table of its own) or that is abstract.
   */
  private boolean spreadOver(TypeElement entity) {
    Family family = family(entity);
    if (family.strategy() != Strategy.TABLE_PER_CLASS) {
      return false;
    }
    if (entity.getModifiers().contains(Modifier.ABSTRACT)) {
      return true;
    }
    for (TypeElement member : family.members()) {
      for (TypeElement t = EntityAttributes.superclassOf(member); t != null; t = EntityAttributes.superclassOf(t)) {
        if (t.equals(entity)) {
          return true;
        }
      }
    }
    return false;
  }

  private List<AnnotationMirror> annotations(AnnotationMirror annotation, String element) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationValue v : mirrors.list(annotation, element)) {
      out.add((AnnotationMirror) v.getValue());
    }
    return out;
  }

  /** Whether {@code @MapKey(name)} names an attribute of the map's entity (reported when not); no name is its key. */
  private boolean mapKeyExists(TypeElement target, Attribute attr) {
    AnnotationMirror mapKey = attr.get("MapKey").orElseThrow();
    String name = mirrors.string(mapKey, "name").strip();
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
    owner.error(new ElementOrigin(attr.element(), mapKey, mirrors.value(mapKey, "name")), "@MapKey(name = \"" + name
        + "\"): " + target.getSimpleName() + " has no attribute " + name + "; name the attribute of "
        + target.getSimpleName() + " that keys the map, or leave name out to key it by the entity's id");
    return false;
  }

  /** The key column of a map: {@code @MapKeyColumn}, else {@code <attribute>_key}; typed like a basic attribute. */
  private Column keyColumn(Draft d, State state, Attribute attr, TypeMirror keyType) {
    TypeElement keyClass = EntityAttributes.classOf(keyType);
    if (attr.has("MapKeyJoinColumn") || keyClass != null && (isEntity(keyClass) || has(keyClass, "Embeddable"))) {
      owner.error(ElementOrigin.of(attr.element()), attr.path() + ": a map keyed by an entity or an embeddable"
          + " (@MapKeyJoinColumn, @MapKeyClass) is not read by schemac; key the map by a basic value (its id, a"
          + " String, an enum)");
      return null;
    }
    AnnotationMirror keyColumn = attr.get("MapKeyColumn").orElse(null);
    List<AnnotationMirror> keyAnnotations = new ArrayList<>();
    attr.get("MapKeyEnumerated").ifPresent(keyAnnotations::add);
    attr.get("MapKeyTemporal").ifPresent(keyAnnotations::add);
    String written = keyColumn == null ? "" : mirrors.string(keyColumn, "name");
    Attribute key = new Attribute(written.isEmpty() ? attr.name() + "_key" : written, attr.path() + ".key",
        attr.element(), keyType, keyAnnotations, keyColumn, attr.element(), null, List.of());
    Walk walk = new Walk(d, new TreeMap<>(), new HashMap<>());
    Column column = readColumn(walk, key, false);
    return column == null ? null : withNullable(column, false);
  }

  private ElementOrigin origin(Join join) {
    return join.attr() == null ? ElementOrigin.of(join.draft().type)
        : ElementOrigin.of(join.attr().element(), join.relation());
  }

  private static String describe(Join join) {
    return join.attr() == null ? "its parent table"
        : join.relation() == null ? join.attr().path() : "@" + Mirrors.simpleName(join.relation()) + " " + join.attr().path();
  }

  /** The table a join's columns reference; null after an error. */
  private Draft referenced(Join join, Map<String, Draft> byType) {
    if (join.kind() == Join.Kind.INVERSE) {
      return join.draft();
    }
    TypeElement target = join.target();
    if (join.kind() == Join.Kind.TO_ONE) {
      AnnotationValue explicit = Mirrors.explicitValue(join.relation(), "targetEntity");
      if (explicit != null && explicit.getValue() instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED) {
        target = EntityAttributes.classOf(t);
      }
      if (RecordReader.containsErrorType(join.attr().type())) {
        owner.markIncomplete();
        return null;
      }
    }
    Draft draft = target == null ? null : byType.get(target.getQualifiedName().toString());
    if (draft == null || !draft.entity) {
      String why = target != null && isEntity(target) && home(target) == null
          ? target.getSimpleName() + " is an abstract entity of a TABLE_PER_CLASS hierarchy, which has no table to"
              + " reference: reference one of its concrete subclasses"
          : join.attr().type() + " is not an @Entity of this compilation, so there is no table to reference";
      owner.error(origin(join), "@" + Mirrors.simpleName(join.relation()) + " on " + join.attr().path() + ": " + why);
      return null;
    }
    return draft;
  }

  /** The table that receives a join's columns. */
  private Draft holder(Join join, Map<String, Draft> byType) {
    if (join.kind() != Join.Kind.INVERSE) {
      return join.draft();
    }
    Draft draft = join.target() == null ? null : byType.get(join.target().getQualifiedName().toString());
    if (draft == null || !draft.entity) {
      owner.error(origin(join), "@OneToMany on " + join.attr().path() + ": " + join.attr().type() + " does not hold"
          + " an @Entity of this compilation, so there is no table for its join column");
      return null;
    }
    return draft;
  }

  private void resolve(Join join, Draft referenced, Map<String, Draft> byType, Map<Draft, List<Added>> added) {
    Draft holder = holder(join, byType);
    State holderState = holder == null ? null : states.computeIfAbsent(holder, k -> new State());
    try {
      if (holder == null) {
        return;
      }
      List<String> key = referenced.pkColumns;
      List<AnnotationMirror> joinColumns = join.joinColumns();
      List<String> refs = new ArrayList<>();
      boolean allNamed = !joinColumns.isEmpty()
          && joinColumns.stream().allMatch(jc -> !mirrors.string(jc, "referencedColumnName").isEmpty());
      if (allNamed) {
        for (AnnotationMirror jc : joinColumns) {
          String written = mirrors.string(jc, "referencedColumnName");
          String column = naming.physical(written.strip());
          if (columnOf(referenced, column, added) == null) {
            owner.error(new ElementOrigin(element(join), jc, mirrors.value(jc, "referencedColumnName")),
                RecordReader.unknownColumn(referenced, "referencedColumnName", written));
            return;
          }
          refs.add(column);
        }
      } else {
        if (key.isEmpty()) {
          owner.error(origin(join), describe(join) + ": table '" + referenced.table + "' has no primary key; mark its key"
              + " with @Id");
          return;
        }
        if (!joinColumns.isEmpty() && joinColumns.size() != key.size()) {
          owner.error(origin(join), describe(join) + ": " + joinColumns.size() + " join column(s) for the " + key.size()
              + "-column key (" + String.join(", ", key) + ") of table '" + referenced.table + "': give one per key"
              + " column, each with referencedColumnName");
          return;
        }
        refs.addAll(key);
      }
      List<Column> columns = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        AnnotationMirror jc = joinColumns.isEmpty() ? null : joinColumns.get(i);
        String explicit = jc == null ? "" : mirrors.string(jc, "name");
        String implicit = switch (join.kind()) {
          case PARENT_KEY -> refs.get(i);
          case TABLE -> join.prefix() + "_" + refs.get(i);
          default -> join.attr().name() + "_" + refs.get(i);
        };
        String name = explicit.isEmpty()
            ? physical(implicit, origin(join), "join column name")
            : physical(explicit, new ElementOrigin(element(join), jc, mirrors.value(jc, "name")), "join column name");
        if (name == null) {
          return;
        }
        if (columnOf(holder, name, added) != null || names.contains(name)) {
          owner.error(jc == null ? origin(join) : ElementOrigin.of(element(join), jc), "column '" + name + "' of table '"
              + holder.table + "' is already used by another attribute: give this join column a name with"
              + " @JoinColumn(name = \"...\")");
          return;
        }
        Column target = columnOf(referenced, refs.get(i), added);
        boolean nullable = switch (join.kind()) {
          case PARENT_KEY, TABLE -> false;
          case INVERSE -> jc == null || mirrors.bool(jc, "nullable");
          case TO_ONE -> !join.id() && (join.optional() || mirrors.bool(join.relation(), "optional")
              && !notNull(join.attr().annotations(), jc));
        };
        Element at = element(join);
        columns.add(new Column(name, join.attr() == null ? null : join.attr().path(), target.javaType(), target.type(),
            nullable, null, Identity.NONE, List.of(), join.attr() == null ? null : comment(at), null,
            join.attr() == null ? List.of() : suppressions(join.attr()), ElementOrigin.of(at)));
        names.add(name);
        if (join.attr() != null && join.annotate()) {
          holder.annotationsOf.put(name, join.attr().annotations());
        }
        holder.reportOn.put(name, at);
      }
      if (join.id()) {
        holder.pkColumns.addAll(names);
      }
      added.computeIfAbsent(holder, k -> new ArrayList<>()).add(new Added(join, columns));
      boolean unique = join.kind() == Join.Kind.TO_ONE && !join.id()
          && (Mirrors.simpleName(join.relation()).equals("OneToOne")
              || joinColumns.stream().anyMatch(jc -> mirrors.bool(jc, "unique")));
      holderState.resolved.add(new Resolved(join, names, Identifiers.qualified(referenced.schema, referenced.table), refs,
          unique));
    } finally {
      if (join.id() && holderState != null) {
        holderState.pendingKeys--;
      }
    }
  }

  /** The element a join's diagnostics go to: its attribute, or the joined subclass. */
  private static Element element(Join join) {
    return join.attr() == null ? join.draft().type : join.attr().element();
  }

  /** A column of a table, including join columns resolved but not yet placed; null when there is none. */
  private static Column columnOf(Draft d, String name, Map<Draft, List<Added>> added) {
    for (Column c : d.columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    for (Added a : added.getOrDefault(d, List.of())) {
      for (Column c : a.columns()) {
        if (c.name().equals(name)) {
          return c;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- constraints

  /**
   * Foreign keys of the join columns, {@code unique} columns, the discriminator's CHECK, and
   * {@code @Table}'s constraints and indexes.
   */
  void readConstraints(Draft d, Set<String> relationNames, List<ForeignKey> foreignKeys, List<UniqueConstraint> uniques,
      List<CheckConstraint> checks, List<Index> indexes) {
    State state = states.getOrDefault(d, new State());
    for (Column column : d.columns) {
      AnnotationMirror columnAnn = state.columnAnnotations.get(column.name());
      if (columnAnn != null && mirrors.bool(columnAnn, "unique")) {
        uniques.add(new UniqueConstraint(RecordReader.relationName(relationNames, d.table, column.name(), "key"),
            List.of(column.name()), ElementOrigin.of(state.columnAnnotationAt.get(column.name()), columnAnn)));
      }
    }
    for (Resolved r : state.resolved) {
      Element at = element(r.join());
      if (r.unique()) {
        uniques.add(new UniqueConstraint(RecordReader.relationName(relationNames, d.table, String.join("_", r.columns()),
            "key"), r.columns(), origin(r.join())));
      }
      foreignKey(d, r, at).ifPresent(foreignKeys::add);
    }
    for (Column column : d.columns) {
      Integer constants = state.ordinals.get(column.name());
      if (constants != null && constants > 0) {
        checks.add(new CheckConstraint(RecordReader.constraintName(d, column.name(), "check"),
            column.name() + " BETWEEN 0 AND " + (constants - 1), column.name(), true, column.origin()));
      }
    }
    if (state.setUnique != null) {
      uniques.add(new UniqueConstraint(RecordReader.relationName(relationNames, d.table, String.join("_", state.setUnique),
          "key"), state.setUnique, d.origin));
    }
    if (state.orderColumn != null) {
      checks.add(new CheckConstraint(RecordReader.constraintName(d, state.orderColumn, "check"), state.orderColumn
          + " >= 0", state.orderColumn, false, d.columns.stream().filter(x -> x.name().equals(state.orderColumn))
          .findFirst().orElseThrow().origin()));
    }
    if (state.discriminator != null && state.discriminatorValues != null && !state.discriminatorValues.isEmpty()) {
      String values = String.join(", ", state.discriminatorValues.stream().map(v -> "'" + v + "'").toList());
      checks.add(new CheckConstraint(RecordReader.constraintName(d, state.discriminator, "check"),
          state.discriminator + " IN (" + values + ")", state.discriminator, true, ElementOrigin.of(state.discriminatorAt)));
    }
    AnnotationMirror table = state.tableAt != null ? state.tableAnnotation
        : jpa(d.type.getAnnotationMirrors(), "Table").orElse(null);
    Element tableAt = state.tableAt != null ? state.tableAt : d.type;
    if (table == null) {
      return;
    }
    for (AnnotationValue v : declares(table, "uniqueConstraints") ? mirrors.list(table, "uniqueConstraints")
        : List.<AnnotationValue>of()) {
      AnnotationMirror constraint = (AnnotationMirror) v.getValue();
      ElementOrigin at = new ElementOrigin(tableAt, table, mirrors.value(table, "uniqueConstraints"));
      List<String> columns = new ArrayList<>();
      for (String written : mirrors.strings(constraint, "columnNames")) {
        String column = column(d, written.strip());
        if (column == null) {
          owner.error(at, RecordReader.unknownColumn(d, "@UniqueConstraint(columnNames)", written.strip()));
          columns = null;
          break;
        }
        columns.add(column);
      }
      if (columns == null || columns.isEmpty()) {
        continue;
      }
      String explicit = mirrors.string(constraint, "name");
      String name = explicit.isEmpty()
          ? RecordReader.relationName(relationNames, d.table, String.join("_", columns), "key")
          : owner.explicitRelationName(relationNames, explicit.toLowerCase(Locale.ROOT), at, "unique constraint");
      if (name != null) {
        uniques.add(new UniqueConstraint(name, columns, at));
      }
    }
    for (AnnotationValue v : declares(table, "indexes") ? mirrors.list(table, "indexes") : List.<AnnotationValue>of()) {
      index(d, tableAt, table, (AnnotationMirror) v.getValue(), relationNames).ifPresent(indexes::add);
    }
  }

  private Optional<ForeignKey> foreignKey(Draft d, Resolved r, Element at) {
    Join join = r.join();
    AnnotationMirror fk = null;
    AnnotationMirror carrier = null;
    String carrierElement = "foreignKey";
    for (AnnotationMirror jc : join.joinColumns()) {
      if (declares(jc, "foreignKey")) {
        fk = (AnnotationMirror) mirrors.value(jc, "foreignKey").getValue();
        carrier = jc;
        break;
      }
    }
    State state = states.get(d);
    if (join.kind() == Join.Kind.TABLE && state != null && state.tableAnnotation != null) {
      // @JoinTable(foreignKey) for the owner's columns, inverseForeignKey for the target's; @CollectionTable(foreignKey)
      String element = join == state.ownerJoin ? "foreignKey" : "inverseForeignKey";
      if (declares(state.tableAnnotation, element) && Mirrors.explicitValue(state.tableAnnotation, element) != null) {
        fk = (AnnotationMirror) mirrors.value(state.tableAnnotation, element).getValue();
        carrier = state.tableAnnotation;
        carrierElement = element;
      }
    }
    if (join.kind() != Join.Kind.TABLE && join.attr() != null) {
      Optional<AnnotationMirror> container = join.attr().get("JoinColumns");
      if (container.isPresent() && declares(container.get(), "foreignKey")
          && Mirrors.explicitValue(container.get(), "foreignKey") != null) {
        fk = (AnnotationMirror) mirrors.value(container.get(), "foreignKey").getValue();
        carrier = container.get();
      }
    }
    String name = null;
    if (fk != null) {
      if (mirrors.enumConstant(fk, "value").equals("NO_CONSTRAINT")) {
        return Optional.empty();
      }
      String explicit = mirrors.string(fk, "name");
      if (!explicit.isEmpty()) {
        ElementOrigin origin = new ElementOrigin(at, carrier, mirrors.value(carrier, carrierElement));
        name = owner.checkedName(explicit.toLowerCase(Locale.ROOT), origin, "foreign key name");
        if (name == null || !owner.claimConstraint(d, name, origin)) {
          return Optional.empty();
        }
      }
    }
    if (name == null) {
      name = RecordReader.constraintName(d, String.join("_", r.columns()), "fkey");
    }
    return Optional.of(new ForeignKey(name, r.columns(), r.targetTable(), r.targetColumns(), ForeignKey.Action.NO_ACTION,
        ForeignKey.Action.NO_ACTION, origin(join)));
  }

  /** {@code @Index(columnList = "a, b DESC")} of {@code @Table(indexes)}. */
  private Optional<Index> index(Draft d, Element tableAt, AnnotationMirror table, AnnotationMirror index,
      Set<String> relationNames) {
    ElementOrigin at = new ElementOrigin(tableAt, table, mirrors.value(table, "indexes"));
    List<Index.Element> keys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String columnList = mirrors.string(index, "columnList");
    for (String entry : columnList.split(",", -1)) {
      Matcher m = RecordReader.INDEX_COLUMN.matcher(entry);
      if (!m.matches()) {
        owner.error(at, "@Index(columnList = \"" + columnList + "\"): \"" + entry.strip() + "\" is not a column name"
            + " optionally followed by ASC or DESC");
        return Optional.empty();
      }
      String column = column(d, m.group(1));
      if (column == null) {
        owner.error(at, RecordReader.unknownColumn(d, "@Index(columnList)", m.group(1)));
        return Optional.empty();
      }
      boolean desc = m.group(3) != null && m.group(3).equalsIgnoreCase("DESC");
      Index.Nulls nulls = m.group(5) == null ? Index.Nulls.DEFAULT : Index.Nulls.valueOf(m.group(5).toUpperCase(Locale.ROOT));
      keys.add(new Index.Element(column, null, null, desc, nulls));
      names.add(column);
    }
    String explicit = mirrors.string(index, "name");
    List<String> parts = new ArrayList<>(List.of("idx", d.table));
    parts.addAll(names);
    String name = explicit.isEmpty()
        ? RecordReader.relationName(relationNames, parts.toArray(String[]::new))
        : owner.explicitRelationName(relationNames, explicit.toLowerCase(Locale.ROOT), at, "index");
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new Index(name, keys, mirrors.bool(index, "unique"), Index.Method.BTREE, null, List.of(), at));
  }

  /** A column named in {@code @Table}: its physical name, or the attribute name; null when there is none. */
  private String column(Draft d, String written) {
    String column = RecordReader.resolveColumn(d, naming.physical(written));
    if (column != null) {
      return column;
    }
    column = RecordReader.resolveColumn(d, written);
    if (column != null) {
      return column;
    }
    for (Column c : d.columns) {
      if (written.equals(c.javaName())) {
        return c.name();
      }
    }
    return null;
  }
}
