package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.has;

import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.read.EntityHierarchy.Family;
import dev.schemac.processor.read.EntityHierarchy.Strategy;
import dev.schemac.processor.read.JoinColumns.Join;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The JPA front end: reads Jakarta Persistence entities ({@code jakarta.persistence} or, for
 * older code, {@code javax.persistence}, both by name) into the same drafts as {@code @Table}
 * records, following the defaults of the Jakarta Persistence specification and Hibernate
 * (docs/jpa.md). The {@link SchemaReader} drives the phases; this class gives each to the part of
 * the front end that knows its concept: {@link EntityHierarchy} (hierarchies and inheritance),
 * {@link AttributeWalker} and {@link EntityAttributes} (the attribute walk and access), {@link
 * EntityColumns} (columns and types), {@link IdGenerators} (key generation and sequences), {@link
 * JoinColumns} (associations and join columns), {@link CollectionTables} (join and collection
 * tables) and {@link EntityTables} (table-level annotations).
 */
final class EntityReader {
  private final JpaContext ctx;
  private final EntityHierarchy hierarchy;
  private final EntityTables tables;
  private final IdGenerators generators;
  private final EntityColumns columns;
  private final JoinColumns joins;
  private final AttributeWalker walker;
  private final CollectionTables collectionTables;
  private final EntityConstraints constraints;

  EntityReader(JpaContext ctx) {
    this.ctx = ctx;
    this.hierarchy = new EntityHierarchy(ctx);
    this.tables = new EntityTables(ctx, hierarchy);
    this.generators = new IdGenerators(ctx, hierarchy);
    this.columns = new EntityColumns(ctx, generators);
    this.joins = new JoinColumns(ctx, hierarchy, columns);
    this.walker = new AttributeWalker(ctx, columns);
    this.collectionTables = new CollectionTables(ctx, hierarchy, tables, columns, joins, walker);
    this.constraints = new EntityConstraints(ctx);
  }

  /**
   * Groups the entities into hierarchies, notes the auto-applied converters among {@code
   * converters}, and the registry the native enum types of this read go to.
   */
  void prepare(List<TypeElement> entities, List<TypeElement> converters, NativeEnumTypes enumTypes) {
    hierarchy.prepare(entities);
    columns.prepare(converters, enumTypes);
  }

  /** The entity whose table holds this entity's columns (see {@link EntityHierarchy#home}). */
  TypeElement home(TypeElement entity) {
    return hierarchy.home(entity);
  }

  /** A single-table subclass that declares a table of its own: an error, which is reported here. */
  boolean misplacedTable(TypeElement entity) {
    return hierarchy.misplacedTable(entity);
  }

  String tableName(TypeElement type) {
    return tables.tableName(type);
  }

  EntityTables.SchemaName schemaName(TypeElement type) {
    return tables.schemaName(type);
  }

  /** The columns of an entity's table: its hierarchy's attributes, the discriminator, and joins to resolve later. */
  void readColumns(Draft d) {
    if (!tables.supportedShape(d)) {
      d.unreadable = true;
      return;
    }
    Family family = hierarchy.family(d.type);
    AttributeWalker.Walk walk = walker.walk(d);
    List<TypeElement> rootChain = EntityHierarchy.persistentChain(family.root(), null);
    walk.access = ctx.attributes.defaultAccess(rootChain);
    if (rootChain.stream().anyMatch(EntityAttributes::unresolvedSuperclass)) {
      ctx.diagnostics.markIncomplete(); // a superclass javac cannot find may be a mapped superclass: javac reports it
      d.unreadable = true;
      return;
    }

    if (family.strategy() == Strategy.JOINED && d.type != family.root()) {
      TypeElement parent = EntityHierarchy.parentEntity(d.type);
      walk.state.joins.add(new Join(d, null, null, ctx.attributes.repeated(d.type.getAnnotationMirrors(),
          "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns"), 0, true, false, Join.Kind.PARENT_KEY, parent));
      walk.state.pendingKeys++;
      walker.walkClasses(walk, EntityHierarchy.persistentChain(d.type, parent), d.type);
    } else {
      walker.walkClasses(walk, family.strategy() == Strategy.TABLE_PER_CLASS
          ? EntityHierarchy.persistentChain(d.type, null) : rootChain, d.type);
    }
    if (family.strategy() == Strategy.SINGLE_TABLE && family.members().size() > 1
        || has(family.root(), "DiscriminatorColumn") && d.type == family.root()) {
      hierarchy.discriminator(d, walk.state, walk.byName, family);
    }
    if (family.strategy() == Strategy.SINGLE_TABLE) {
      for (TypeElement sub : family.members()) {
        if (sub == family.root()) {
          continue;
        }
        walk.subclassValues = hierarchy.concreteValues(family, sub);
        walker.walkClasses(walk, EntityHierarchy.persistentChain(sub, EntityHierarchy.parentEntity(sub)), sub);
      }
      walk.subclassValues = null;
    }
    if (d.type == family.root()) {
      tables.softDelete(d, walk.state, walk.byName);
    }
    d.comment = tables.comment(d.type);
    d.columns.addAll(walk.byName.values());
  }

  /** The join columns of every entity table, once every table's own columns are known. */
  void readJoinColumns(List<Draft> drafts, Map<String, Draft> byType) {
    joins.readJoinColumns(drafts, byType);
    collectionTables.inverseOrderColumns(byType);
  }

  /** The tables of collection attributes, built once every key is known. */
  List<Draft> collectionTables(Map<String, Draft> byType) {
    return collectionTables.collectionTables(byType);
  }

  /**
   * Foreign keys of the join columns, {@code unique} columns, the enum ordinals' and the
   * discriminator's CHECKs, a collection table's constraints, and {@code @Table}'s constraints and
   * indexes.
   */
  void readConstraints(Draft d, Set<String> relationNames, TableConstraints out) {
    EntityState existing = ctx.existingState(d);
    EntityState state = existing != null ? existing : new EntityState();
    columns.uniqueColumns(d, state, relationNames, out);
    joins.constraints(d, state, relationNames, out);
    columns.ordinalChecks(d, state, out);
    collectionTables.constraints(d, state, relationNames, out);
    hierarchy.discriminatorCheck(d, state, out);
    tables.constraints(d, state, relationNames, out);
    constraints.read(d, state, relationNames, out);
  }

  /**
   * Merges the columns of {@code twin}, an entity mapped to the table of {@code table}'s entity,
   * into that table, as Hibernate does: one column per name, typed alike (a column of another type,
   * or another primary key, is a located error on the twin), nullable unless both say NOT NULL, an
   * identity when either generates it (BY DEFAULT accepts the other's own ids), and the columns
   * only the twin maps added; the twin's relationships keep their foreign keys. Table-level
   * annotations are the first entity's (by qualified name); the twin's are reported when it has some.
   */
  void mergeTwin(Draft twin, Draft table) {
    new SharedTables(ctx).merge(twin, table);
  }

  /** The tables of the {@code @TableGenerator}s the keys use. */
  List<Draft> generatorTables() {
    return generators.tables();
  }

  /** Whether the entity maps a query (Hibernate's {@code @Subselect} or {@code @View}), not a table. */
  boolean isView(TypeElement type) {
    return Mirrors.find(type, HibernateMappings.SUBSELECT).isPresent()
        || Mirrors.find(type, HibernateMappings.VIEW).isPresent();
  }

  /** A table's name as Hibernate writes it (capitals kept under JPA's naming); the name itself when the same. */
  String spelling(String table) {
    return ctx.spelling(table);
  }

  /** The sequences of the entities' keys, by qualified name. */
  List<Sequence> sequences() {
    return generators.sequences();
  }
}
