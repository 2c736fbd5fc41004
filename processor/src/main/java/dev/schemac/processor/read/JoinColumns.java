package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.declares;
import static dev.schemac.processor.read.JpaContext.isEntity;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Associations and their join columns: the columns of a {@code @ManyToOne}, an owning {@code
 * @OneToOne}, a {@code @OneToMany} with a join column, a joined subclass's key and a join or
 * collection table's key columns, typed like the key they reference; their foreign keys and
 * UNIQUE constraints.
 */
final class JoinColumns {
  /** A relationship to resolve once every table's own columns are known. */
  record Join(Draft draft, Attribute attr, AnnotationMirror relation, List<AnnotationMirror> joinColumns,
      int position, boolean id, boolean optional, Kind kind, TypeElement target, String prefix, boolean annotate,
      TypeElement subclass) {
    enum Kind { TO_ONE, PARENT_KEY, INVERSE, TABLE }

    Join(Draft draft, Attribute attr, AnnotationMirror relation, List<AnnotationMirror> joinColumns, int position,
        boolean id, boolean optional, Kind kind, TypeElement target) {
      this(draft, attr, relation, joinColumns, position, id, optional, kind, target, null, true, null);
    }

    /** A to-one relationship of {@code subclass}, a subclass of a single-table hierarchy (null for another entity). */
    static Join toOne(Draft draft, Attribute attr, AnnotationMirror relation, List<AnnotationMirror> joinColumns,
        int position, boolean id, TypeElement target, TypeElement subclass) {
      return new Join(draft, attr, relation, joinColumns, position, id, subclass != null, Kind.TO_ONE, target, null,
          true, subclass);
    }
  }

  /** A join whose columns were added: its foreign key and, for a one-to-one, its uniqueness. */
  record Resolved(Join join, List<String> columns, String targetTable, List<String> targetColumns, boolean unique) {
    Resolved asUnique() {
      return new Resolved(join, columns, targetTable, targetColumns, true);
    }
  }

  /** A join's columns, before they are placed in their table. */
  record Added(Join join, List<Column> columns) {}

  private final JpaContext ctx;
  private final EntityHierarchy hierarchy;
  private final EntityColumns entityColumns;

  JoinColumns(JpaContext ctx, EntityHierarchy hierarchy, EntityColumns entityColumns) {
    this.ctx = ctx;
    this.hierarchy = hierarchy;
    this.entityColumns = entityColumns;
  }

  /**
   * The columns of every relationship: join columns typed like the key they reference, and the
   * key columns of joined subclasses. A key that is itself a join column ({@code @MapsId}, an
   * {@code @Id} relationship, a joined subclass) is resolved before the joins that reference it.
   */
  void readJoinColumns(List<Draft> drafts, Map<String, Draft> byType) {
    List<Join> pending = new ArrayList<>();
    for (Draft d : drafts) {
      EntityState state = ctx.existingState(d);
      if (state != null) {
        pending.addAll(state.joins);
      }
    }
    Map<Draft, List<Added>> added = new IdentityHashMap<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Iterator<Join> it = pending.iterator(); it.hasNext(); ) {
        Join join = it.next();
        Draft referenced = referenced(join, byType);
        if (referenced == null) {
          it.remove();
          progress = true;
          continue;
        }
        EntityState referencedState = ctx.existingState(referenced);
        if (referencedState != null && referencedState.pendingKeys > 0) {
          continue; // its key is not known yet
        }
        resolve(join, referenced, byType, added);
        it.remove();
        progress = true;
      }
    }
    for (Join join : pending) {
      ctx.diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          origin(join), "the key of table '" + join.draft().table + "' depends on itself through "
          + describe(join) + ": one table of the cycle must have a key of its own");
    }
    for (Draft d : drafts) {
      List<Added> columns = added.getOrDefault(d, List.of());
      List<Added> inOrder = new ArrayList<>(columns);
      EntityState state = ctx.existingState(d);
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
      if (JavaTypes.containsErrorType(join.attr().type())) {
        ctx.diagnostics.markIncomplete();
        return null;
      }
    }
    Draft draft = target == null ? null : byType.get(target.getQualifiedName().toString());
    if (draft == null && target != null && ctx.diagnostics.failed(target.getQualifiedName().toString())) {
      join.draft().columnsIncomplete = true; // its join columns are unknown
      return null; // the referenced entity's own error says what is wrong
    }
    boolean otherModule = draft == null && target != null && join.kind() == Join.Kind.TO_ONE && ctx.classPath != null
        && isEntity(target) && ctx.classPath.otherCompilations(target);
    if (otherModule) {
      draft = ctx.classPath.table(target); // another module's entity, read from its class file
    }
    if (draft == null || !draft.entity) {
      String why = otherModule
          ? target.getSimpleName() + " is an @Entity of another compilation, on the class path, without a table of its"
              + " own to reference (an abstract entity of a TABLE_PER_CLASS hierarchy, a view, or one its own"
              + " compilation refuses): reference an entity with a table"
          : target != null && isEntity(target) && hierarchy.home(target) == null
          ? target.getSimpleName() + " is an abstract entity of a TABLE_PER_CLASS hierarchy, which has no table to"
              + " reference: reference one of its concrete subclasses"
          : join.attr().type() + " is not an @Entity of this compilation or of one on its class path, so there is"
              + " no table to reference";
      ctx.diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          origin(join), "@" + Mirrors.simpleName(join.relation()) + " on " + join.attr().path() + ": "
          + why);
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
    if (draft == null && join.target() != null && ctx.diagnostics.failed(join.target().getQualifiedName().toString())) {
      return null; // the entity's own error says what is wrong
    }
    if (draft == null || !draft.entity) {
      ctx.diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          origin(join), "@OneToMany on " + join.attr().path() + ": " + join.attr().type() + " does"
          + " not hold an @Entity of this compilation, so there is no table for its join column");
      return null;
    }
    return draft;
  }

  /** Adds a join's columns to {@code added} (for its holder table) and notes its foreign key; reports what is wrong. */
  void resolve(Join join, Draft referenced, Map<String, Draft> byType, Map<Draft, List<Added>> added) {
    Draft holder = holder(join, byType);
    EntityState holderState = holder == null ? null : ctx.state(holder);
    try {
      if (holder == null || referenced.unreadable || holder.unreadable) {
        return; // reported (or javac's), once
      }
      if (referenced.keyDamaged) {
        holder.columnsIncomplete = true; // its join columns are unknown
        return; // a key column of the referenced entity could not be read: its error says what is wrong
      }
      List<String> key = referenced.pkColumns;
      List<AnnotationMirror> joinColumns = join.joinColumns();
      List<String> refs = new ArrayList<>();
      boolean allNamed = !joinColumns.isEmpty()
          && joinColumns.stream().allMatch(jc -> !ctx.mirrors.string(jc, "referencedColumnName").isEmpty());
      if (allNamed) {
        for (AnnotationMirror jc : joinColumns) {
          String written = ctx.mirrors.string(jc, "referencedColumnName");
          String column = ctx.naming.physical(written.strip());
          if (columnOf(referenced, column, added) == null) {
            ctx.diagnostics.error(ErrorId.UNKNOWN_COLUMN,
                new ElementOrigin(element(join), jc, ctx.mirrors.value(jc, "referencedColumnName")),
                ColumnResolution.unknownColumn(referenced, "referencedColumnName", written));
            return;
          }
          refs.add(column);
        }
      } else {
        if (key.isEmpty()) {
          ctx.diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
              origin(join), describe(join) + ": table '" + referenced.table + "' has no primary key;"
              + " mark its key with @Id");
          return;
        }
        if (!joinColumns.isEmpty() && joinColumns.size() != key.size()) {
          ctx.diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
              origin(join), describe(join) + ": " + joinColumns.size() + " join column(s) for the "
              + key.size() + "-column key (" + String.join(", ", key) + ") of table '" + referenced.table + "': give"
              + " one per key column, each with referencedColumnName");
          return;
        }
        refs.addAll(key);
      }
      List<Column> columns = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        AnnotationMirror jc = joinColumns.isEmpty() ? null : joinColumns.get(i);
        String explicit = jc == null ? "" : ctx.mirrors.string(jc, "name");
        String implicit = switch (join.kind()) {
          case PARENT_KEY -> refs.get(i);
          case TABLE -> join.prefix() + "_" + refs.get(i);
          default -> join.attr().name() + "_" + refs.get(i);
        };
        String name = explicit.isEmpty()
            ? ctx.physical(implicit, origin(join), "join column name")
            : ctx.physical(explicit, new ElementOrigin(element(join), jc, ctx.mirrors.value(jc, "name")),
                "join column name");
        if (name == null || jc != null && !ctx.noOptions(jc, element(join))) {
          return;
        }
        if (columnOf(holder, name, added) != null || names.contains(name)) {
          ctx.diagnostics.error(ErrorId.DUPLICATE_NAME,
              jc == null ? origin(join) : ElementOrigin.of(element(join), jc), "column '" + name
              + "' of table '" + holder.table + "' is already used by another attribute: give this join column a"
              + " name with @JoinColumn(name = \"...\")");
          return;
        }
        Column target = columnOf(referenced, refs.get(i), added);
        boolean nullable = switch (join.kind()) {
          case PARENT_KEY, TABLE -> false;
          case INVERSE -> jc == null || ctx.mirrors.bool(jc, "nullable");
          case TO_ONE -> !join.id() && (join.optional() || ctx.mirrors.bool(join.relation(), "optional")
              && !entityColumns.notNull(join.attr().annotations(), jc));
        };
        if (join.kind() == Join.Kind.TO_ONE && join.subclass() != null && !join.id()
            && (!ctx.mirrors.bool(join.relation(), "optional") || entityColumns.notNull(join.attr().annotations(), jc))) {
          // required for the subclass's rows, the only ones that have the column
          holderState.subclassNotNull.add(new EntityState.SubclassNotNull(name, join.subclass(),
              ElementOrigin.of(element(join), join.relation())));
        }
        Element at = element(join);
        String comment = join.attr() == null ? null
            : entityColumns.comment(at, join.kind() == Join.Kind.TABLE ? List.of() : join.attr().annotations(), jc);
        columns.add(new Column(name, join.attr() == null ? null : join.attr().path(), target.javaType(), target.type(),
            nullable, null, Identity.NONE, List.of(), comment, null,
            join.attr() == null ? List.of() : EntityColumns.suppressions(join.attr()), ElementOrigin.of(at)));
        if (jc != null && declares(jc, "check")) {
          for (AnnotationValue check : ctx.mirrors.list(jc, "check")) {
            holderState.joinColumnChecks.add(new EntityState.ColumnCheck(name, (AnnotationMirror) check.getValue(), at));
          }
        }
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
              || joinColumns.stream().anyMatch(jc -> ctx.mirrors.bool(jc, "unique")));
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
  static Column columnOf(Draft d, String name, Map<Draft, List<Added>> added) {
    Column own = d.column(name);
    if (own != null) {
      return own;
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

  ElementOrigin origin(Join join) {
    return join.attr() == null ? ElementOrigin.of(join.draft().type)
        : ElementOrigin.of(join.attr().element(), join.relation());
  }

  private static String describe(Join join) {
    return join.attr() == null ? "its parent table"
        : join.relation() == null ? join.attr().path()
            : "@" + Mirrors.simpleName(join.relation()) + " " + join.attr().path();
  }

  /** The UNIQUE constraints and foreign keys of the table's resolved joins. */
  void constraints(Draft d, EntityState state, Set<String> relationNames, TableConstraints out) {
    for (Resolved r : state.resolved) {
      Element at = element(r.join());
      if (r.unique()) {
        out.uniques.add(new UniqueConstraint(ConstraintNames.relationName(relationNames, d.table,
            String.join("_", r.columns()), "key"), r.columns(), origin(r.join())));
      }
      foreignKey(d, r, at).ifPresent(out.foreignKeys::add);
    }
  }

  private Optional<ForeignKey> foreignKey(Draft d, Resolved r, Element at) {
    Join join = r.join();
    AnnotationMirror fk = null;
    AnnotationMirror carrier = null;
    String carrierElement = "foreignKey";
    for (AnnotationMirror jc : join.joinColumns()) {
      if (declares(jc, "foreignKey")) {
        fk = (AnnotationMirror) ctx.mirrors.value(jc, "foreignKey").getValue();
        carrier = jc;
        break;
      }
    }
    EntityState state = ctx.existingState(d);
    if (join.kind() == Join.Kind.TABLE && state != null && state.tableAnnotation != null) {
      // @JoinTable(foreignKey) for the owner's columns, inverseForeignKey for the target's; @CollectionTable(foreignKey)
      String element = join == state.ownerJoin ? "foreignKey" : "inverseForeignKey";
      if (declares(state.tableAnnotation, element) && Mirrors.explicitValue(state.tableAnnotation, element) != null) {
        fk = (AnnotationMirror) ctx.mirrors.value(state.tableAnnotation, element).getValue();
        carrier = state.tableAnnotation;
        carrierElement = element;
      }
    }
    if (join.kind() != Join.Kind.TABLE && join.attr() != null) {
      Optional<AnnotationMirror> container = join.attr().get("JoinColumns");
      if (container.isPresent() && declares(container.get(), "foreignKey")
          && Mirrors.explicitValue(container.get(), "foreignKey") != null) {
        fk = (AnnotationMirror) ctx.mirrors.value(container.get(), "foreignKey").getValue();
        carrier = container.get();
      }
    }
    String explicit = "";
    ElementOrigin nameAt = null;
    if (fk != null) {
      if (ctx.mirrors.enumConstant(fk, "value").equals("NO_CONSTRAINT")) {
        return Optional.empty();
      }
      explicit = ctx.mirrors.string(fk, "name").toLowerCase(Locale.ROOT);
      nameAt = new ElementOrigin(at, carrier, ctx.mirrors.value(carrier, carrierElement));
    }
    String name = ctx.names.foreignKey(d, r.columns(), explicit, nameAt);
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new ForeignKey(name, r.columns(), r.targetTable(), r.targetColumns(), onDelete(d, join, state),
        ForeignKey.Action.NO_ACTION, origin(join)));
  }

  /**
   * Hibernate's {@code @OnDelete(action)}: on the relationship (a to-one, a unidirectional
   * one-to-many's join column, a collection's owner columns) or on a joined subclass (its key).
   */
  private ForeignKey.Action onDelete(Draft d, Join join, EntityState state) {
    Element carrier = switch (join.kind()) {
      case PARENT_KEY -> join.draft().type;
      case TABLE -> state != null && join == state.ownerJoin ? join.attr().element() : null;
      default -> join.attr().element();
    };
    List<? extends AnnotationMirror> annotations = carrier == null ? List.of()
        : join.kind() == Join.Kind.PARENT_KEY ? carrier.getAnnotationMirrors() : join.attr().annotations();
    return Mirrors.find(annotations, HibernateMappings.ON_DELETE)
        .map(a -> ForeignKey.Action.valueOf(ctx.mirrors.enumConstant(a, "action")))
        .orElse(ForeignKey.Action.NO_ACTION);
  }
}
