package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Table} records and JPA entities into one model: the assembler of the two front
 * ends, {@link RecordReader} and {@link EntityReader}. It owns what they share: the drafts of the
 * tables, the table namespace, the constraint names, one diagnostics sink and the phases (every
 * table's own columns, then the join columns and collection tables that need every key, then the
 * constraints). Structural mistakes (what no schema could be built from) become error problems on
 * the exact element; reading goes on so that one compile shows every mistake.
 */
public final class SchemaReader {
  private final Elements elements;
  private final Mirrors mirrors;
  private final Diagnostics diagnostics = new Diagnostics();
  private final ConstraintNames names;
  private final SchemacColumns schemacColumns;
  private final SchemacConstraints schemacConstraints;
  private final RecordReader records;
  private final EntityReader entities;
  private final ClassPathTables classPath;

  private List<TypeElement> converters = List.of();

  /**
   * {@code naming}: how JPA entities' logical names become table and column names; {@code
   * userSqlTarget}: the id of the target the SQL users write in annotations is taken as written
   * for (the build's first).
   */
  public SchemaReader(Elements elements, Types types, EntityNaming naming, String userSqlTarget) {
    this.elements = elements;
    this.mirrors = new Mirrors(elements);
    this.names = new ConstraintNames(diagnostics);
    UserSql userSql = new UserSql(userSqlTarget);
    ColumnResolution resolution = new ColumnResolution(mirrors, diagnostics, naming);
    this.schemacColumns = new SchemacColumns(mirrors, diagnostics, names, userSql);
    this.classPath = new ClassPathTables(elements, types, mirrors, naming, userSql);
    this.schemacConstraints = new SchemacConstraints(mirrors, diagnostics, names, resolution, userSql, classPath);
    this.records = new RecordReader(mirrors, diagnostics, names, schemacColumns, userSql);
    this.entities = new EntityReader(new JpaContext(elements, types, mirrors, naming, diagnostics, names,
        schemacColumns, resolution, userSql, classPath));
  }

  /**
   * The nullable columns of the records this build reads from class files, by record (qualified
   * name), as the latest snapshot has them: on JDK 17 a class file's TYPE_USE {@code @Nullable}
   * cannot be seen, and checks that depend on nullability (soft delete, SET NULL) run while reading.
   */
  public SchemaReader withClassFileNullability(Map<String, Set<String>> nullable) {
    records.classFileNullable(nullable);
    return this;
  }

  /** The JPA {@code @Converter} classes of the compilation: the auto-applied ones type their attributes. */
  public SchemaReader withConverters(List<TypeElement> converters) {
    this.converters = List.copyOf(converters);
    return this;
  }

  public ReadResult read(List<TypeElement> types) {
    List<TypeElement> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    classPath.compiling(sorted);

    Map<String, Draft> byTable = new TreeMap<>();
    Map<String, Draft> byType = new HashMap<>();
    NativeEnumTypes enumTypes = new NativeEnumTypes();
    entities.prepare(sorted.stream().filter(JpaContext::isEntity).toList(), converters, enumTypes);
    List<TypeElement> sharing = new ArrayList<>();
    // an entity mapped to the table of an entity read before it (two entities, one table, as Hibernate allows)
    Map<Draft, Draft> twins = new java.util.LinkedHashMap<>();
    for (TypeElement type : sorted) {
      boolean entity = JpaContext.isEntity(type);
      if (entity && entities.isView(type)) {
        continue; // Hibernate's @Subselect or @View: the entity reads a query, it has no table
      }
      if (entity && entities.home(type) != type) {
        if (entities.home(type) != null && !entities.misplacedTable(type)) {
          sharing.add(type); // a single-table subclass: its columns are in the root's table
        }
        continue;
      }
      if (entity && Mirrors.find(type, TABLE).isPresent()) {
        diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
            ElementOrigin.of(type, Mirrors.find(type, TABLE).get()), type.getSimpleName()
            + " is a JPA @Entity, so its mapping is read from the persistence annotations, and schemac's @Table"
            + " would name the table a second time: remove dev.schemac.annotations.Table, and name the table with"
            + " @jakarta.persistence.Table(name = \"...\") if the default does not suit");
        diagnostics.typeFailed(type);
        continue;
      }
      if (!entity && type.getKind() != ElementKind.RECORD) {
        diagnostics.error(ErrorId.WRONG_JAVA_TYPE, ElementOrigin.of(type, Mirrors.find(type, TABLE).orElse(null)),
            "@Table goes on a record, and " + type.getSimpleName() + " is a " + kindName(type)
                + ": declare it as `record " + type.getSimpleName() + "(...)`"
                + " (JPA entity classes are read from their @Entity annotations instead)");
        diagnostics.typeFailed(type);
        continue;
      }
      String table = entity ? entities.tableName(type) : records.tableName(type);
      if (table == null) {
        diagnostics.typeFailed(type);
        continue;
      }
      String schemaName = null;
      if (entity) {
        EntityTables.SchemaName found = entities.schemaName(type);
        if (found == null) {
          diagnostics.typeFailed(type);
          continue;
        }
        schemaName = found.name();
      }
      String qualified = Identifiers.qualified(schemaName, table);
      Draft existing = byTable.get(qualified);
      if (existing != null && entity && existing.entity) {
        Draft twin = new Draft(type, table);
        twin.entity = true;
        twin.schema = schemaName;
        twins.put(twin, existing); // merged into the table once both are read, or a located error
        byType.put(type.getQualifiedName().toString(), existing);
        continue;
      }
      if (existing != null) {
        diagnostics.error(ErrorId.DUPLICATE_NAME,
            ElementOrigin.of(type, entity ? JpaContext.jpa(type.getAnnotationMirrors(), "Table")
                .orElse(null) : Mirrors.find(type, TABLE).orElse(null)),
            "table '" + qualified + "' is already declared by " + existing.type.getQualifiedName()
                + ": give one of them a distinct name with @Table(name = \"...\")");
        diagnostics.typeFailed(type);
        continue;
      }
      Draft draft = new Draft(type, table);
      draft.entity = entity;
      draft.schema = schemaName;
      byTable.put(qualified, draft);
      byType.put(type.getQualifiedName().toString(), draft);
    }
    for (TypeElement type : sharing) {
      Draft home = byType.get(entities.home(type).getQualifiedName().toString());
      if (home != null) {
        byType.put(type.getQualifiedName().toString(), home);
      }
    }

    for (Draft draft : byTable.values()) {
      try {
        readColumns(draft, enumTypes);
      } catch (RuntimeException e) {
        diagnostics.internalError(draft, e);
      }
    }
    for (Draft twin : twins.keySet()) {
      try {
        readColumns(twin, enumTypes);
      } catch (RuntimeException e) {
        diagnostics.internalError(twin, e);
      }
    }
    // a join column takes the type of the key it references: every table's own columns come first
    List<Draft> entityDrafts = byTable.values().stream().filter(d -> d.entity).toList();
    try {
      List<Draft> withTwins = new ArrayList<>(entityDrafts);
      withTwins.addAll(twins.keySet());
      entities.readJoinColumns(withTwins, byType);
      twins.forEach(entities::mergeTwin);
    } catch (RuntimeException e) {
      diagnostics.internalError(entityDrafts.isEmpty() ? null : entityDrafts.get(0), e);
    }
    try {
      for (Draft extra : entities.collectionTables(byType)) {
        String qualified = Identifiers.qualified(extra.schema, extra.table);
        Draft existing = byTable.get(qualified);
        if (existing != null) {
          diagnostics.error(ErrorId.DUPLICATE_NAME,
              extra.origin, "table '" + qualified + "' of this collection is already "
              + (existing.collectionTable ? "the table of another collection attribute" : "the table of "
                  + existing.type.getQualifiedName()) + ": name it with @JoinTable(name = \"...\") or"
              + " @CollectionTable(name = \"...\")");
          continue;
        }
        byTable.put(qualified, extra);
      }
    } catch (RuntimeException e) {
      diagnostics.internalError(entityDrafts.isEmpty() ? null : entityDrafts.get(0), e);
    }
    try {
      for (Draft generator : entities.generatorTables()) {
        String qualified = Identifiers.qualified(generator.schema, generator.table);
        Draft existing = byTable.get(qualified);
        if (existing != null) {
          diagnostics.error(ErrorId.DUPLICATE_NAME, generator.origin, "table '" + qualified + "' of this @TableGenerator is already the table"
              + " of " + (existing.collectionTable ? "a collection attribute" : existing.type.getQualifiedName())
              + ": name it with @TableGenerator(table = \"...\")");
          continue;
        }
        byTable.put(qualified, generator);
      }
    } catch (RuntimeException e) {
      diagnostics.internalError(entityDrafts.isEmpty() ? null : entityDrafts.get(0), e);
    }
    // tables, sequences, indexes and constraints' indexes share one namespace per schema
    Map<String, Set<String>> namespaces = new HashMap<>();
    for (Draft draft : byTable.values()) {
      namespaces.computeIfAbsent(namespace(draft.schema), k -> new HashSet<>()).add(draft.table);
    }
    List<Sequence> sequences = entities.sequences();
    for (Sequence sequence : sequences) {
      namespaces.computeIfAbsent(namespace(sequence.schema()), k -> new HashSet<>()).add(sequence.name());
    }
    List<Table> tables = new ArrayList<>();
    for (Draft draft : byTable.values()) {
      try {
        Table table = readConstraints(draft, byType, namespaces.get(namespace(draft.schema)));
        tables.add(draft.entity ? table.withWrittenName(entities.spelling(table.name())) : table);
      } catch (RuntimeException e) {
        diagnostics.internalError(draft, e);
      }
    }
    List<String> sources = sorted.stream().map(t -> t.getQualifiedName().toString()).toList();
    Schema schema = new Schema(tables, enumTypes.all(), sequences, sources);
    return new ReadResult(schema, diagnostics.problems(), diagnostics.incomplete());
  }

  /**
   * The name a schema may give the default schema explicitly ({@code @Table(schema = "public")}):
   * for name collisions they are one namespace. The targets check the same, each by its own rules.
   */
  private static final String DEFAULT_SCHEMA_NAME = "public";

  /** The namespace of a schema: the default schema and an explicit {@code public} are one. */
  private static String namespace(String schema) {
    return schema == null ? DEFAULT_SCHEMA_NAME : schema;
  }

  private void readColumns(Draft d, NativeEnumTypes enumTypes) {
    d.doc = DocComment.parse(elements.getDocComment(d.type));
    if (d.entity) {
      entities.readColumns(d);
    } else {
      records.readComponents(d, enumTypes);
    }
    AnnotationMirror softDelete = Mirrors.find(d.type, SOFT_DELETE).orElse(null);
    if (softDelete != null) {
      schemacColumns.softDelete(d, softDelete);
    }
    Optional<String> renamed = schemacColumns.renamedFrom(d.type.getAnnotationMirrors(), d.type,
        "@RenamedFrom table name");
    d.renamedFrom = renamed == null ? null : renamed.orElse(null);
  }

  private Table readConstraints(Draft d, Map<String, Draft> byType, Set<String> relationNames) {
    if (!d.pkColumns.isEmpty()) {
      d.primaryKey = new PrimaryKey(ConstraintNames.relationName(relationNames, d.table, "pkey"), d.pkColumns, d.origin);
    }
    TableConstraints constraints = new TableConstraints();
    schemacConstraints.read(d, byType, relationNames, constraints);
    if (d.entity) {
      entities.readConstraints(d, relationNames, constraints);
    }

    List<Trigger> triggers = new ArrayList<>();
    List<Column> updated = d.columns.stream().filter(c -> c.has(Marker.UPDATED_AT)).toList();
    if (updated.size() > 1) {
      diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
          updated.get(1).origin(), "table '" + d.table + "' has more than one @UpdatedAt column ('"
          + updated.get(0).name() + "', '" + updated.get(1).name() + "'): keep one");
    } else if (updated.size() == 1) {
      triggers.add(new Trigger(Identifiers.generated(List.of(d.table, "set", updated.get(0).name())),
          Trigger.Kind.SET_UPDATED_AT, updated.get(0).name()));
    }

    return new Table(d.schema, d.table, d.type.getQualifiedName().toString(), d.columns, d.primaryKey,
        constraints.foreignKeys, constraints.uniques, constraints.checks, constraints.indexes, triggers,
        d.comment != null ? d.comment : d.doc.description(), d.softDeleteColumn, d.renamedFrom, Suppressions.around(d.type), d.origin,
        d.generatorTable ? Table.Source.GENERATOR_TABLE
            : d.collectionTable ? (d.joinTable ? Table.Source.JOIN_TABLE : Table.Source.COLLECTION_TABLE)
            : d.entity ? Table.Source.ENTITY : Table.Source.RECORD);
  }

  private static String kindName(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case ANNOTATION_TYPE -> "annotation type";
      default -> "class";
    };
  }
}
