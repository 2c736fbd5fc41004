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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Entity hierarchies and inheritance: which entities share a root and a strategy, which table
 * holds an entity's columns, the classes whose attributes a table holds, the entity an
 * attribute belongs to, and the discriminator column of a single-table hierarchy.
 */
final class EntityHierarchy {
  enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

  /** An entity hierarchy: its root, strategy and every entity of it in this compilation, by name. */
  record Family(TypeElement root, Strategy strategy, List<TypeElement> members) {}

  private final JpaContext ctx;
  /** Per entity (qualified name): its hierarchy. */
  private final Map<String, Family> families = new HashMap<>();

  EntityHierarchy(JpaContext ctx) {
    this.ctx = ctx;
  }

  /** Groups the entities into hierarchies. */
  void prepare(List<TypeElement> entities) {
    Map<String, List<TypeElement>> byRoot = new TreeMap<>();
    for (TypeElement entity : entities) {
      byRoot.computeIfAbsent(root(entity).getQualifiedName().toString(), k -> new ArrayList<>()).add(entity);
    }
    for (List<TypeElement> members : byRoot.values()) {
      TypeElement root = root(members.get(0));
      Strategy strategy = jpa(root.getAnnotationMirrors(), "Inheritance")
          .map(i -> Strategy.valueOf(ctx.mirrors.enumConstant(i, "strategy"))).orElse(Strategy.SINGLE_TABLE);
      members.sort(Comparator.comparing((TypeElement t) -> depth(t)).thenComparing(t -> t.getQualifiedName().toString()));
      Family family = new Family(root, strategy, List.copyOf(members));
      for (TypeElement member : members) {
        families.put(member.getQualifiedName().toString(), family);
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
  static TypeElement parentEntity(TypeElement entity) {
    for (TypeElement t = EntityAttributes.superclassOf(entity); t != null; t = EntityAttributes.superclassOf(t)) {
      if (isEntity(t)) {
        return t;
      }
    }
    return null;
  }

  Family family(TypeElement entity) {
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
      ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
          ElementOrigin.of(entity, table.get()), entity.getSimpleName() + " is in the single-table"
          + " hierarchy of " + family(entity).root().getSimpleName() + ", whose table holds its columns, so it has no"
          + " table of its own: remove this @Table, or give the root @Inheritance(strategy = InheritanceType.JOINED)"
          + " for a table per entity");
      return true;
    }
    return false;
  }

  /**
   * The classes whose attributes a table holds, top-down: the entities and mapped superclasses
   * from below {@code above} (exclusive; null for the top) down to {@code type}.
   */
  static List<TypeElement> persistentChain(TypeElement type, TypeElement above) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null && t != above; t = EntityAttributes.superclassOf(t)) {
      if (t == type || isEntity(t) || has(t, "MappedSuperclass")) {
        chain.add(0, t);
      }
    }
    return chain;
  }

  /** An embeddable and the embeddables or mapped superclasses it extends, top-down. */
  static List<TypeElement> persistentEmbeddableChain(TypeElement embeddable) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = embeddable; t != null; t = EntityAttributes.superclassOf(t)) {
      if (t == embeddable || has(t, "Embeddable") || has(t, "MappedSuperclass")) {
        chain.add(0, t);
      }
    }
    return chain;
  }

  /**
   * The entity an attribute of {@code walked} belongs to: the entity at or nearest below the class
   * that declares it (a mapped superclass's attribute belongs to the entity that extends it).
   */
  static TypeElement owningEntity(TypeElement walked, Element member) {
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

  /**
   * Whether an entity's rows are spread over several tables: an entity of a table-per-class
   * hierarchy with entities below it (each has a table of its own) or that is abstract.
   */
  boolean spreadOver(TypeElement entity) {
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

  /**
   * The discriminator column of a single-table hierarchy (or a joined one that declares it), added
   * to {@code byName}, the columns of the root's table so far.
   */
  void discriminator(Draft d, EntityState state, Map<String, Column> byName, Family family) {
    AnnotationMirror declared = jpa(family.root().getAnnotationMirrors(), "DiscriminatorColumn").orElse(null);
    String written = declared == null ? "" : ctx.mirrors.string(declared, "name");
    ElementOrigin at = declared == null ? ElementOrigin.of(family.root())
        : new ElementOrigin(family.root(), declared, Mirrors.explicitValue(declared, "name"));
    String name = ctx.physical(written.isEmpty() ? "DTYPE" : written, at, "discriminator column name");
    if (name == null) {
      return;
    }
    String kind = declared == null ? "STRING" : ctx.mirrors.enumConstant(declared, "discriminatorType");
    String definition = declared == null ? ""
        : ctx.mirrors.string(declared, "columnDefinition").strip().toLowerCase(Locale.ROOT);
    LogicalType type;
    if (!definition.isEmpty()) {
      TypeMapper.Mapped mapped = TypeMapper.map(ctx.elements.getTypeElement("java.lang.String").asType(),
          new TypeMapper.Hints(0, 0, 0, definition, false, null), ctx.userSql);
      if (mapped.error() != null) {
        ctx.diagnostics.error(mapped.errorId(), at, "@DiscriminatorColumn(columnDefinition): " + mapped.error());
        return;
      }
      type = mapped.type();
    } else {
      type = switch (kind) {
        case "INTEGER" -> LogicalType.of(Kind.INT32);
        case "CHAR" -> LogicalType.fixedString(1); // Hibernate's char(1)
        default -> LogicalType.string(declared == null ? 31 : ctx.mirrors.integer(declared, "length"));
      };
    }
    if (byName.containsKey(name)) {
      ctx.diagnostics.error(ErrorId.DUPLICATE_NAME,
          at, "the discriminator column '" + name + "' of table '" + d.table + "' is also the column"
          + " of '" + byName.get(name).javaName() + "': name it with @DiscriminatorColumn(name = \"...\")");
      return;
    }
    byName.put(name, new Column(name, null, null, type, false, null, Identity.NONE, List.of(),
        "The entity type of the row (JPA discriminator).", null, List.of(), at));
    state.discriminator = name;
    state.discriminatorAt = family.root();
    for (TypeElement member : family.members()) {
      if (!member.getModifiers().contains(Modifier.ABSTRACT)) {
        state.entityValues.put(member, value(member));
      }
    }
    if (definition.isEmpty() && (kind.equals("STRING") || kind.equals("INTEGER"))) {
      List<String> values = concreteValues(family, family.root());
      state.discriminatorNumeric = kind.equals("INTEGER");
      if (values != null && (!state.discriminatorNumeric || values.stream().allMatch(EntityHierarchy::isInteger))) {
        state.discriminatorValues = values;
      }
    }
  }

  /** The discriminator values of the concrete entities at or below {@code top}, or null when one is not a string. */
  List<String> concreteValues(Family family, TypeElement top) {
    List<String> values = new ArrayList<>();
    for (TypeElement member : family.members()) {
      boolean below = false;
      for (TypeElement t = member; t != null; t = EntityAttributes.superclassOf(t)) {
        below |= t == top;
      }
      if (below && !member.getModifiers().contains(Modifier.ABSTRACT)) {
        String value = value(member);
        if (value.contains("'")) {
          return null;
        }
        values.add(value);
      }
    }
    return values.stream().sorted().toList();
  }

  /** An entity's discriminator value: {@code @DiscriminatorValue}, else its entity name. */
  private String value(TypeElement entity) {
    return jpa(entity.getAnnotationMirrors(), "DiscriminatorValue").map(v -> ctx.mirrors.string(v, "value"))
        .orElse(ctx.entityName(entity));
  }

  private static boolean isInteger(String value) {
    return value.matches("-?[0-9]{1,9}");
  }

  /** Discriminator values as SQL literals: quoted strings, or the numbers of an INTEGER discriminator. */
  static String literals(EntityState state, List<String> values) {
    return String.join(", ", values.stream().map(v -> state.discriminatorNumeric ? v : "'" + v + "'").toList());
  }

  /** The discriminator's CHECK: one of the concrete entities' values. */
  void discriminatorCheck(Draft d, EntityState state, TableConstraints out) {
    if (state.discriminator != null && state.discriminatorValues != null && !state.discriminatorValues.isEmpty()) {
      out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, state.discriminator, "check"),
          new Condition.OneOf(state.discriminator, state.discriminatorValues, false), state.discriminator,
          ElementOrigin.of(state.discriminatorAt)));
    }
  }
}
