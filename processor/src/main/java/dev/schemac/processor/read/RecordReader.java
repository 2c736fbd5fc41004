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
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Suggestions;
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.SqlType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Table} records, and through {@link EntityReader} JPA entities, into one model:
 * both share the table namespace, the constraint names and the constraint phase. Structural
 * mistakes (what no schema could be built from) become error problems on the exact element;
 * reading goes on so that one compile shows every mistake.
 */
public final class RecordReader {
  static final Pattern INDEX_COLUMN =
      Pattern.compile("(?i)\\s*([A-Za-z_][A-Za-z0-9_]*)(\\s+(ASC|DESC))?(\\s+NULLS\\s+(FIRST|LAST))?\\s*");
  /** An SQL integer type: on an enum component it means the enum is stored by ordinal. */
  static final Pattern INTEGER_TYPES =
      Pattern.compile("smallint|integer|int|int2|int4|int8|bigint|tinyint");
  private static final Set<String> TIMESTAMP_TYPES =
      Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDateTime");

  private final Elements elements;
  private final Mirrors mirrors;
  private final EntityReader entities;
  private final List<Problem> problems = new ArrayList<>();
  /** Each record's members, listed once: javac builds the list anew on every call. */
  private final Map<TypeElement, List<? extends Element>> members = new HashMap<>();
  private boolean incomplete;

  private List<TypeElement> converters = List.of();

  public RecordReader(Elements elements, Types types) {
    this(elements, types, EntityNaming.JPA);
  }

  /** {@code naming}: how JPA entities' logical names become table and column names. */
  public RecordReader(Elements elements, Types types, EntityNaming naming) {
    this.elements = elements;
    this.mirrors = new Mirrors(elements);
    this.entities = new EntityReader(this, elements, types, mirrors, naming);
  }

  /** The JPA {@code @Converter} classes of the compilation: the auto-applied ones type their attributes. */
  public RecordReader withConverters(List<TypeElement> converters) {
    this.converters = List.copyOf(converters);
    return this;
  }

  /** One record or entity being read: its columns first, then (with every table known) its constraints. */
  static final class Draft {
    final TypeElement type;
    final String table;
    final Origin origin;
    final List<Column> columns = new ArrayList<>();
    /** The annotations of each column's component or field, for the constraint phase. */
    final Map<String, List<AnnotationMirror>> annotationsOf = new HashMap<>();
    final Map<String, Element> reportOn = new HashMap<>();
    final List<String> pkColumns = new ArrayList<>();
    final Set<String> constraintNames = new HashSet<>();
    DocComment doc;
    boolean entity;
    /** The table's schema, null for the default one. */
    String schema;
    PrimaryKey primaryKey;
    String softDeleteColumn;
    String renamedFrom;

    /** A join table or an element collection's table: no type of its own; it belongs to its owner entity. */
    boolean collectionTable;
    /** Of a collection table: whether it is a relationship's join table (else an element collection's table). */
    boolean joinTable;

    Draft(TypeElement type, String table) {
      this(type, table, ElementOrigin.of(type));
    }

    Draft(TypeElement type, String table, Origin origin) {
      this.type = type;
      this.table = table;
      this.origin = origin;
    }
  }

  public ReadResult read(List<TypeElement> types) {
    List<TypeElement> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));

    Map<String, Draft> byTable = new TreeMap<>();
    Map<String, Draft> byType = new HashMap<>();
    entities.prepare(sorted.stream().filter(EntityReader::isEntity).toList(), converters);
    List<TypeElement> sharing = new ArrayList<>();
    for (TypeElement type : sorted) {
      boolean entity = EntityReader.isEntity(type);
      if (entity && entities.home(type) != type) {
        if (entities.home(type) != null && !entities.misplacedTable(type)) {
          sharing.add(type); // a single-table subclass: its columns are in the root's table
        }
        continue;
      }
      if (entity && Mirrors.find(type, TABLE).isPresent()) {
        error(ElementOrigin.of(type, Mirrors.find(type, TABLE).get()), type.getSimpleName()
            + " is a JPA @Entity, so its mapping is read from the persistence annotations, and schemac's @Table"
            + " would name the table a second time: remove dev.schemac.annotations.Table, and name the table with"
            + " @jakarta.persistence.Table(name = \"...\") if the default does not suit");
        continue;
      }
      if (!entity && type.getKind() != ElementKind.RECORD) {
        error(ElementOrigin.of(type, Mirrors.find(type, TABLE).orElse(null)),
            "@Table goes on a record, and " + type.getSimpleName() + " is a " + kindName(type)
                + ": declare it as `record " + type.getSimpleName() + "(...)`"
                + " (JPA entity classes are read from their @Entity annotations instead)");
        continue;
      }
      String table = entity ? entities.tableName(type) : tableName(type);
      if (table == null) {
        continue;
      }
      String schemaName = null;
      if (entity) {
        EntityReader.SchemaName found = entities.schemaName(type);
        if (found == null) {
          continue;
        }
        schemaName = found.name();
      }
      String qualified = Identifiers.qualified(schemaName, table);
      Draft existing = byTable.get(qualified);
      if (existing != null) {
        error(ElementOrigin.of(type, entity ? EntityReader.jpa(type.getAnnotationMirrors(), "Table")
                .orElse(null) : Mirrors.find(type, TABLE).orElse(null)),
            "table '" + qualified + "' is already declared by " + existing.type.getQualifiedName()
                + ": give one of them a distinct name with @Table(name = \"...\")");
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

    Map<String, EnumType> enumTypes = new TreeMap<>();
    Map<String, String> enumTypeSources = new HashMap<>();
    for (Draft draft : byTable.values()) {
      try {
        readColumns(draft, enumTypes, enumTypeSources);
      } catch (RuntimeException e) {
        internalError(draft, e);
      }
    }
    // a join column takes the type of the key it references: every table's own columns come first
    List<Draft> entityDrafts = byTable.values().stream().filter(d -> d.entity).toList();
    try {
      entities.readJoinColumns(entityDrafts, byType);
    } catch (RuntimeException e) {
      internalError(entityDrafts.isEmpty() ? null : entityDrafts.get(0), e);
    }
    try {
      for (Draft extra : entities.collectionTables(byType)) {
        String qualified = Identifiers.qualified(extra.schema, extra.table);
        Draft existing = byTable.get(qualified);
        if (existing != null) {
          error(extra.origin, "table '" + qualified + "' of this collection is already "
              + (existing.collectionTable ? "the table of another collection attribute" : "the table of "
                  + existing.type.getQualifiedName()) + ": name it with @JoinTable(name = \"...\") or"
              + " @CollectionTable(name = \"...\")");
          continue;
        }
        byTable.put(qualified, extra);
      }
    } catch (RuntimeException e) {
      internalError(entityDrafts.isEmpty() ? null : entityDrafts.get(0), e);
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
        tables.add(readConstraints(draft, byType, namespaces.get(namespace(draft.schema))));
      } catch (RuntimeException e) {
        internalError(draft, e);
      }
    }
    List<String> sources = sorted.stream().map(t -> t.getQualifiedName().toString()).toList();
    Schema schema = new Schema(tables, List.copyOf(enumTypes.values()), sequences, sources);
    return new ReadResult(schema, problems, incomplete);
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

  // ---------------------------------------------------------------- names only

  /** A record's table and column names as the full read gives them, in table order. */
  public record Names(String table, List<String> columns) {}

  /**
   * The table and column names of one record, without checking anything else: what the
   * generated metamodel needs, which must exist even when the schema has errors (so that user
   * code referring to it does not bury the real error in "cannot find symbol"). A name that is
   * invalid is given as written; the full read reports it.
   */
  public Names names(TypeElement type) {
    AnnotationMirror table = Mirrors.find(type, TABLE).orElse(null);
    String explicit = table == null ? "" : mirrors.string(table, "name");
    String tableName = explicit.isEmpty() ? Naming.tableName(type.getSimpleName().toString()) : explicit;
    List<String> columns = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      Element field = backingField(type, component);
      AnnotationMirror column = Mirrors.find(annotationsOf(component, field), COLUMN).orElse(null);
      String name = column == null ? "" : mirrors.string(column, "name");
      columns.add(name.isEmpty() ? Naming.snakeCase(component.getSimpleName().toString()) : name);
    }
    if (Mirrors.find(type, SOFT_DELETE).isPresent() && !columns.contains("deleted_at")) {
      columns.add("deleted_at");
    }
    return new Names(tableName, columns);
  }

  // ---------------------------------------------------------------- tables and columns

  private String tableName(TypeElement type) {
    AnnotationMirror table = Mirrors.find(type, TABLE).orElse(null);
    String explicit = table == null ? "" : mirrors.string(table, "name");
    if (explicit.isEmpty()) {
      return Naming.tableName(type.getSimpleName().toString());
    }
    return checkedName(explicit, new ElementOrigin(type, table, mirrors.value(table, "name")), "table name");
  }

  /** A user-written identifier, or null (after an error) when it is not one. */
  String checkedName(String name, Origin origin, String what) {
    if (!Identifiers.isValid(name)) {
      error(origin, "invalid " + what + " \"" + name + "\": write a lowercase SQL identifier"
          + " (letters a-z, digits and _, not starting with a digit), such as \""
          + suggestIdentifier(name) + "\"");
      return null;
    }
    return name;
  }

  private static String suggestIdentifier(String name) {
    String s = Naming.snakeCase(name.strip()).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
    s = s.replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "my_name";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  private void readColumns(Draft d, Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    d.doc = DocComment.parse(elements.getDocComment(d.type));
    if (d.entity) {
      entities.readColumns(d, enumTypes, enumTypeSources);
    } else {
      readComponents(d, enumTypes, enumTypeSources);
    }
    AnnotationMirror softDelete = Mirrors.find(d.type, SOFT_DELETE).orElse(null);
    if (softDelete != null) {
      readSoftDelete(d, softDelete);
    }
    AnnotationMirror renamed = Mirrors.find(d.type, RENAMED_FROM).orElse(null);
    if (renamed != null) {
      d.renamedFrom = checkedName(mirrors.string(renamed, "value"),
          new ElementOrigin(d.type, renamed, mirrors.value(renamed, "value")), "@RenamedFrom table name");
    }
  }

  private void readComponents(Draft d, Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    Map<String, Column> byName = new LinkedHashMap<>();
    for (RecordComponentElement component : d.type.getRecordComponents()) {
      Element reportOn = backingField(d.type, component);
      Column column = readColumn(d, component, reportOn, enumTypes, enumTypeSources);
      if (column == null) {
        continue;
      }
      if (byName.containsKey(column.name())) {
        error(origin(reportOn, component, COLUMN, "name"),
            "column '" + column.name() + "' of table '" + d.table + "' is already used by component '"
                + byName.get(column.name()).javaName() + "': give one of them @Column(name = \"...\")");
        continue;
      }
      byName.put(column.name(), column);
      d.annotationsOf.put(column.name(), annotationsOf(component, reportOn));
      d.reportOn.put(column.name(), reportOn);
    }
    d.columns.addAll(byName.values());
  }

  private void readSoftDelete(Draft d, AnnotationMirror softDelete) {
    String name = "deleted_at";
    Optional<Column> existing = d.columns.stream().filter(c -> c.name().equals(name)).findFirst();
    if (existing.isPresent()) {
      Column c = existing.get();
      Kind kind = c.type().kind();
      if (!c.nullable() || c.type().array() || (kind != Kind.TIMESTAMPTZ && kind != Kind.TIMESTAMP)) {
        error(ElementOrigin.of(d.reportOn.get(name)),
            "@SoftDelete uses column 'deleted_at' of table '" + d.table + "', which must be a nullable"
                + " timestamp (NULL while the row is live): declare it `@Nullable Instant deletedAt`");
        return;
      }
      List<Marker> markers = new ArrayList<>(c.markers());
      markers.add(Marker.SOFT_DELETE);
      d.columns.set(d.columns.indexOf(c), new Column(c.name(), c.javaName(), c.javaType(), c.type(), true,
          c.defaultSql(), c.identity(), markers, c.comment(), c.renamedFrom(), c.suppressions(), c.origin()));
    } else {
      d.columns.add(new Column(name, null, null, SqlType.of(Kind.TIMESTAMPTZ), true, null, Identity.NONE,
          List.of(Marker.SOFT_DELETE), null, null, List.of(), ElementOrigin.of(d.type, softDelete)));
    }
    d.softDeleteColumn = name;
  }

  /** The record's private field for the component: diagnostics there get a file and line (JDK-8295184). */
  private Element backingField(TypeElement type, RecordComponentElement component) {
    for (Element e : members.computeIfAbsent(type, TypeElement::getEnclosedElements)) {
      if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)
          && e.getSimpleName().equals(component.getSimpleName())) {
        return e;
      }
    }
    return component;
  }

  /** Annotations on the component, its field and its accessor: where javac propagates them. */
  private static List<AnnotationMirror> annotationsOf(RecordComponentElement component, Element field) {
    Map<String, AnnotationMirror> found = new LinkedHashMap<>();
    List<Element> places = new ArrayList<>();
    places.add(component);
    places.add(field);
    if (component.getAccessor() != null) {
      places.add(component.getAccessor());
    }
    for (Element place : places) {
      for (AnnotationMirror m : place.getAnnotationMirrors()) {
        found.putIfAbsent(Mirrors.typeName(m), m);
      }
    }
    return List.copyOf(found.values());
  }

  private ElementOrigin origin(Element reportOn, RecordComponentElement component, String annotation, String value) {
    Optional<AnnotationMirror> m = Mirrors.find(annotationsOf(component, reportOn), annotation);
    if (m.isEmpty()) {
      return ElementOrigin.of(reportOn);
    }
    AnnotationValue v = value == null ? null : Mirrors.explicitValue(m.get(), value);
    return new ElementOrigin(reportOn, m.get(), v);
  }

  private Column readColumn(Draft d, RecordComponentElement component, Element reportOn,
      Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    List<AnnotationMirror> annotations = annotationsOf(component, reportOn);
    String javaName = component.getSimpleName().toString();
    ElementOrigin at = ElementOrigin.of(reportOn);
    AnnotationMirror columnAnn = Mirrors.find(annotations, COLUMN).orElse(null);

    String name = Naming.snakeCase(javaName);
    int length = 0, precision = 0, scale = 0;
    String custom = "";
    if (columnAnn != null) {
      String explicit = mirrors.string(columnAnn, "name");
      if (!explicit.isEmpty()) {
        name = checkedName(explicit, new ElementOrigin(reportOn, columnAnn, mirrors.value(columnAnn, "name")), "column name");
        if (name == null) {
          return null;
        }
      }
      length = mirrors.integer(columnAnn, "length");
      precision = mirrors.integer(columnAnn, "precision");
      scale = mirrors.integer(columnAnn, "scale");
      custom = mirrors.string(columnAnn, "type").strip();
      ElementOrigin colAt = ElementOrigin.of(reportOn, columnAnn);
      if (length < 0 || length > 10_485_760) {
        error(colAt, "@Column(length = " + length + ") must be between 1 and 10485760 (PostgreSQL's varchar limit); leave it out for unbounded text");
        return null;
      }
      if (precision < 0 || precision > 1000 || scale < 0 || scale > precision && precision > 0 || scale > 0 && precision == 0) {
        error(colAt, "@Column(precision = " + precision + ", scale = " + scale + ") is not a numeric type:"
            + " precision must be 1..1000 and scale 0..precision, e.g. @Column(precision = 12, scale = 2)");
        return null;
      }
    }

    TypeMirror type = component.asType();
    if (containsErrorType(type)) {
      incomplete = true; // a missing class: javac says so after processing; no second message here
      return null;
    }
    boolean nullable = isNullable(annotations, component, reportOn);
    if (!nullable && component.asType() instanceof javax.lang.model.type.ArrayType array
        && array.getComponentType().getAnnotationMirrors().stream().anyMatch(m -> Mirrors.simpleName(m).equals("Nullable"))) {
      String element = withoutTypeAnnotations(array.getComponentType().toString());
      warning(at, "@Nullable on " + element + "[] " + javaName + " annotates the elements (a type-use @Nullable binds to"
          + " the type right after it), so column '" + name + "' is NOT NULL. For a nullable column write " + element
          + " @Nullable [] " + javaName + "; if NOT NULL is meant, remove @Nullable");
    }
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    AnnotationMirror nativeEnum = Mirrors.find(annotations, NATIVE_ENUM).orElse(null);
    String nativeEnumName = null;
    if (nativeEnum != null) {
      if (!isEnum(type)) {
        error(ElementOrigin.of(reportOn, nativeEnum), "@NativeEnum applies to enum components; " + javaName + " is " + type);
        return null;
      }
      String explicit = mirrors.string(nativeEnum, "name");
      nativeEnumName = explicit.isEmpty()
          ? Naming.snakeCase(((DeclaredType) type).asElement().getSimpleName().toString())
          : checkedName(explicit, new ElementOrigin(reportOn, nativeEnum, mirrors.value(nativeEnum, "name")), "enum type name");
      if (nativeEnumName == null) {
        return null;
      }
    }
    TypeMapper.Mapped mapped =
        TypeMapper.map(type, new TypeMapper.Hints(length, precision, scale, custom, json, nativeEnumName));
    if (mapped.error() != null) {
      error(at, "column '" + name + "' of table '" + d.table + "': " + mapped.error());
      return null;
    }
    SqlType sqlType = mapped.type();
    if (sqlType.kind() == Kind.NATIVE_ENUM) {
      String enumClass = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      String previous = enumTypeSources.putIfAbsent(sqlType.enumTypeName(), enumClass);
      if (previous != null && !previous.equals(enumClass)) {
        error(ElementOrigin.of(reportOn, nativeEnum), "enum type '" + sqlType.enumTypeName() + "' is already the type of "
            + previous + ": name this one apart with @NativeEnum(name = \"...\")");
        return null;
      }
      enumTypes.putIfAbsent(sqlType.enumTypeName(), new EnumType(sqlType.enumTypeName(), sqlType.enumValues()));
    }

    Extras extras = extras(d, name, javaName, type, sqlType, annotations, at);
    if (extras == null) {
      return null;
    }
    List<Marker> markers = new ArrayList<>(extras.markers());
    String defaultSql = extras.defaultSql();

    Identity identity = Identity.NONE;
    AnnotationMirror id = Mirrors.find(annotations, ID).orElse(null);
    if (id != null) {
      if (nullable) {
        error(at, "primary-key column '" + name + "' is marked Nullable, but a key is never NULL: remove the Nullable annotation");
        return null;
      }
      d.pkColumns.add(name);
      String generated = mirrors.enumConstant(id, "generated");
      ElementOrigin idAt = new ElementOrigin(reportOn, id, Mirrors.explicitValue(id, "generated"));
      switch (generated) {
        case "IDENTITY", "IDENTITY_ALWAYS" -> {
          if (!sqlType.kind().isIntegral() || sqlType.array()) {
            error(idAt, "identity keys are numbers: declare " + javaName + " as long (or int, short), or use Generated.RANDOM_UUID for a UUID");
            return null;
          }
          identity = generated.equals("IDENTITY") ? Identity.BY_DEFAULT : Identity.ALWAYS;
        }
        case "RANDOM_UUID" -> {
          if (sqlType.kind() != Kind.UUID || sqlType.array()) {
            error(idAt, "Generated.RANDOM_UUID needs a UUID component; " + javaName + " is " + type);
            return null;
          }
          if (defaultSql == null) {
            defaultSql = "gen_random_uuid()";
          }
        }
        default -> { }
      }
      if (generated.equals("AUTO") && sqlType.kind() == Kind.UUID && !sqlType.array() && defaultSql == null
          && d.type.getRecordComponents().stream().filter(c -> hasAnnotation(c, ID)).count() == 1
          && Mirrors.find(annotations, REFERENCES).isEmpty()) {
        defaultSql = "gen_random_uuid()";
      }
    }
    if (identity != Identity.NONE && defaultSql != null) {
      error(at, "column '" + name + "' is an identity column and cannot also have a DEFAULT: remove @Default");
      return null;
    }

    String renamedFrom = null;
    AnnotationMirror renamed = Mirrors.find(annotations, RENAMED_FROM).orElse(null);
    if (renamed != null) {
      renamedFrom = checkedName(mirrors.string(renamed, "value"),
          new ElementOrigin(reportOn, renamed, mirrors.value(renamed, "value")), "@RenamedFrom column name");
      if (renamedFrom == null) {
        return null;
      }
    }
    if (isEnum(type) && sqlType.kind() == Kind.CUSTOM && INTEGER_TYPES.matcher(sqlType.custom()).matches()) {
      markers.add(Marker.ENUM_ORDINAL);
    }
    String comment = d.doc.params().get(javaName);
    List<String> suppressions = new ArrayList<>(Suppressions.on(reportOn));
    if (component.getAccessor() != null) {
      suppressions.addAll(Suppressions.on(component.getAccessor()));
    }
    return new Column(name, javaName, withoutTypeAnnotations(type.toString()), sqlType, nullable, defaultSql, identity, markers, comment,
        renamedFrom, suppressions.stream().distinct().sorted().toList(), at);
  }

  /** What schemac's own column annotations add to a column of known type: markers and a default. */
  record Extras(List<Marker> markers, String defaultSql) {}

  /**
   * {@code @Default}, {@code @CreatedAt}, {@code @UpdatedAt}, {@code @Hashed}, {@code @Encrypted}
   * and {@code @Json}, on a record component or an entity field alike; null after an error.
   */
  Extras extras(Draft d, String name, String javaName, TypeMirror type, SqlType sqlType,
      List<AnnotationMirror> annotations, ElementOrigin at) {
    Element reportOn = at.element();
    List<Marker> markers = new ArrayList<>();
    String defaultSql = null;
    AnnotationMirror defaultAnn = Mirrors.find(annotations, DEFAULT).orElse(null);
    if (defaultAnn != null) {
      defaultSql = mirrors.string(defaultAnn, "value").strip();
      ElementOrigin defAt = new ElementOrigin(reportOn, defaultAnn, mirrors.value(defaultAnn, "value"));
      String problem = SqlFragments.problem(defaultSql);
      if (problem != null) {
        error(defAt, "@Default(\"" + defaultSql + "\") " + problem);
        return null;
      }
      if (sqlType.isEnum() && defaultSql.startsWith("'") && defaultSql.endsWith("'")
          && !sqlType.enumValues().contains(defaultSql.substring(1, defaultSql.length() - 1))) {
        error(defAt, "@Default(" + defaultSql + ") is not a constant of " + type + ": use one of "
            + String.join(", ", sqlType.enumValues()));
        return null;
      }
    }

    boolean createdAt = Mirrors.find(annotations, CREATED_AT).isPresent();
    boolean updatedAt = Mirrors.find(annotations, UPDATED_AT).isPresent();
    if (createdAt || updatedAt) {
      String which = createdAt && updatedAt ? "@CreatedAt and @UpdatedAt" : createdAt ? "@CreatedAt" : "@UpdatedAt";
      if (createdAt && updatedAt) {
        error(at, "column '" + name + "' carries both @CreatedAt and @UpdatedAt: keep one, and declare the other time as its own component");
        return null;
      }
      if (!isDeclared(type, TIMESTAMP_TYPES)) {
        error(at, which + " needs a point in time: declare " + javaName + " as Instant (or OffsetDateTime), not " + type);
        return null;
      }
      markers.add(createdAt ? Marker.CREATED_AT : Marker.UPDATED_AT);
      if (defaultSql == null) {
        defaultSql = "now()";
      }
    }
    if (Mirrors.find(annotations, HASHED).isPresent()) {
      markers.add(Marker.HASHED);
    }
    if (Mirrors.find(annotations, ENCRYPTED).isPresent()) {
      if (sqlType.kind() != Kind.BYTEA) {
        error(at, "@Encrypted marks ciphertext, which is bytes: declare " + javaName + " as byte[] (stored as bytea), not " + type);
        return null;
      }
      markers.add(Marker.ENCRYPTED);
    }
    if (Mirrors.find(annotations, JSON).isPresent()) {
      markers.add(Marker.JSON);
    }
    return new Extras(markers, defaultSql);
  }

  private boolean hasAnnotation(RecordComponentElement component, String name) {
    return Mirrors.find(annotationsOf(component, backingField((TypeElement) component.getEnclosingElement(), component)), name).isPresent();
  }

  /** Any annotation named Nullable, as a declaration annotation or on the type (JSpecify's TYPE_USE one). */
  private static boolean isNullable(List<AnnotationMirror> annotations, RecordComponentElement component, Element field) {
    if (component.asType().getKind().isPrimitive()) {
      return false;
    }
    List<AnnotationMirror> all = new ArrayList<>(annotations);
    all.addAll(component.asType().getAnnotationMirrors());
    all.addAll(field.asType().getAnnotationMirrors());
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      all.addAll(accessor.getReturnType().getAnnotationMirrors());
    }
    return all.stream().anyMatch(m -> Mirrors.simpleName(m).equals("Nullable"));
  }

  /**
   * {@code @org.jspecify.annotations.Nullable java.lang.String} -> {@code java.lang.String}: a
   * class file keeps no TYPE_USE annotations (JDK 17), and the snapshot must not differ by where
   * the record was read from.
   */
  static String withoutTypeAnnotations(String type) {
    return type.indexOf('@') < 0 ? type : TYPE_ANNOTATION.matcher(type).replaceAll("");
  }

  private static final Pattern TYPE_ANNOTATION = Pattern.compile("@[\\w.$]+(\\([^)]*\\))?\\s+");

  static boolean containsErrorType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof javax.lang.model.type.ArrayType array) {
      return containsErrorType(array.getComponentType());
    }
    return type instanceof DeclaredType declared && declared.getTypeArguments().stream().anyMatch(RecordReader::containsErrorType);
  }

  static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  private static boolean isDeclared(TypeMirror type, Set<String> names) {
    return type.getKind() == TypeKind.DECLARED
        && names.contains(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
  }

  // ---------------------------------------------------------------- constraints

  private Table readConstraints(Draft d, Map<String, Draft> byType, Set<String> relationNames) {
    if (!d.pkColumns.isEmpty()) {
      d.primaryKey = new PrimaryKey(relationName(relationNames, d.table, "pkey"), d.pkColumns, d.origin);
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();

    for (Column column : d.columns) {
      List<AnnotationMirror> annotations = d.annotationsOf.get(column.name());
      if (annotations == null) {
        continue;
      }
      Element reportOn = d.reportOn.get(column.name());
      for (AnnotationMirror ref : repeated(annotations, REFERENCES, REFERENCES_LIST)) {
        foreignKey(d, ref, List.of(column.name()), reportOn, byType).ifPresent(foreignKeys::add);
      }
      for (AnnotationMirror unique : repeated(annotations, UNIQUE, UNIQUE_LIST)) {
        uniques.add(unique(d, unique, List.of(column.name()), reportOn, relationNames));
      }
      for (AnnotationMirror check : repeated(annotations, CHECK, CHECK_LIST)) {
        check(d, check, column.name(), reportOn).ifPresent(checks::add);
      }
      if (column.type().kind() == Kind.TEXT && column.type().isEnum()) {
        String values = String.join(", ", column.type().enumValues().stream().map(v -> "'" + v + "'").toList());
        checks.add(new CheckConstraint(constraintName(d, column.name(), "check"), column.type().array()
            ? column.name() + " <@ ARRAY[" + values + "]::text[]" // every element one of the constants
            : column.name() + " IN (" + values + ")", column.name(), true, column.origin()));
      }
      AnnotationMirror indexed = Mirrors.find(annotations, INDEXED).orElse(null);
      if (indexed != null) {
        String explicit = mirrors.string(indexed, "name");
        String name = explicit.isEmpty()
            ? relationName(relationNames, "idx", d.table, column.name())
            : explicitRelationName(relationNames, explicit, new ElementOrigin(reportOn, indexed, mirrors.value(indexed, "name")), "index");
        if (name != null) {
          indexes.add(new Index(name, List.of(new Index.Element(column.name(), null, null, false, Index.Nulls.DEFAULT)),
              false, Index.Method.valueOf(mirrors.enumConstant(indexed, "method")), null, List.of(),
              ElementOrigin.of(reportOn, indexed)));
        }
      }
    }

    for (AnnotationMirror ref : typeLevel(d, REFERENCES, REFERENCES_LIST)) {
      List<String> cols = resolveColumns(d, ref, "columns", "@References on a record");
      if (cols == null) {
        continue;
      }
      if (cols.isEmpty()) {
        error(ElementOrigin.of(d.type, ref), "@References on a record needs columns = {...}: the referencing columns of the composite foreign key");
        continue;
      }
      foreignKey(d, ref, cols, d.type, byType).ifPresent(foreignKeys::add);
    }
    for (AnnotationMirror unique : typeLevel(d, UNIQUE, UNIQUE_LIST)) {
      List<String> cols = resolveColumns(d, unique, "columns", "@Unique");
      if (cols == null) {
        continue;
      }
      if (cols.isEmpty()) {
        error(ElementOrigin.of(d.type, unique), "@Unique on a record needs columns = {...}; for one column put @Unique on its component");
        continue;
      }
      uniques.add(unique(d, unique, cols, d.type, relationNames));
    }
    for (AnnotationMirror check : typeLevel(d, CHECK, CHECK_LIST)) {
      check(d, check, null, d.type).ifPresent(checks::add);
    }
    for (AnnotationMirror index : typeLevel(d, INDEX, INDEX_LIST)) {
      index(d, index, relationNames).ifPresent(indexes::add);
    }
    if (d.entity) {
      entities.readConstraints(d, relationNames, foreignKeys, uniques, checks, indexes);
    }

    List<Trigger> triggers = new ArrayList<>();
    List<Column> updated = d.columns.stream().filter(c -> c.has(Marker.UPDATED_AT)).toList();
    if (updated.size() > 1) {
      error(updated.get(1).origin(), "table '" + d.table + "' has more than one @UpdatedAt column ('"
          + updated.get(0).name() + "', '" + updated.get(1).name() + "'): keep one");
    } else if (updated.size() == 1) {
      triggers.add(new Trigger(Identifiers.generated(List.of(d.table, "set", updated.get(0).name())),
          Trigger.Kind.SET_UPDATED_AT, updated.get(0).name()));
    }

    return new Table(d.schema, d.table, d.type.getQualifiedName().toString(), d.columns, d.primaryKey, foreignKeys,
        uniques, checks, indexes, triggers, d.doc.description(), d.softDeleteColumn, d.renamedFrom,
        Suppressions.around(d.type), d.origin,
        d.collectionTable ? (d.joinTable ? Table.Source.JOIN_TABLE : Table.Source.COLLECTION_TABLE)
            : d.entity ? Table.Source.ENTITY : Table.Source.RECORD);
  }

  private List<AnnotationMirror> repeated(List<AnnotationMirror> annotations, String name, String container) {
    List<AnnotationMirror> found = new ArrayList<>();
    Mirrors.find(annotations, name).ifPresent(found::add);
    Mirrors.find(annotations, container).ifPresent(c -> {
      for (AnnotationValue v : mirrors.list(c, "value")) {
        found.add((AnnotationMirror) v.getValue());
      }
    });
    return found;
  }

  /** Columns named in an annotation (SQL or component names), or null after an error. */
  private List<String> resolveColumns(Draft d, AnnotationMirror ann, String element, String what) {
    List<String> out = new ArrayList<>();
    AnnotationValue value = mirrors.value(ann, element);
    for (String written : mirrors.strings(ann, element)) {
      String column = resolveColumn(d, written.strip());
      if (column == null) {
        error(new ElementOrigin(d.type, ann, value), unknownColumn(d, what, written.strip()));
        return null;
      }
      out.add(column);
    }
    return out;
  }

  static String resolveColumn(Draft d, String written) {
    for (Column c : d.columns) {
      if (c.name().equals(written)) {
        return c.name();
      }
    }
    for (Column c : d.columns) {
      if (written.equals(c.javaName())) {
        return c.name();
      }
    }
    return null;
  }

  static String unknownColumn(Draft d, String what, String written) {
    List<String> names = d.columns.stream().map(Column::name).toList();
    String closest = Suggestions.closest(written.toLowerCase(Locale.ROOT), names);
    return what + " names column '" + written + "', which table '" + d.table + "' does not have"
        + (closest == null ? "." : ": did you mean '" + closest + "'?")
        + " Its columns are: " + String.join(", ", names) + ".";
  }

  private Optional<ForeignKey> foreignKey(Draft d, AnnotationMirror ref, List<String> columns, Element reportOn,
      Map<String, Draft> byType) {
    AnnotationValue targetValue = mirrors.value(ref, "value");
    ElementOrigin at = new ElementOrigin(reportOn, ref, targetValue);
    if (!(targetValue.getValue() instanceof TypeMirror targetType) || targetType.getKind() == TypeKind.ERROR) {
      incomplete = true; // javac reports the missing class itself ("cannot find symbol")
      return Optional.empty();
    }
    String targetName = targetType.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) targetType).asElement()).getQualifiedName().toString()
        : targetType.toString();
    Draft target = byType.get(targetName);
    if (target == null) {
      error(at, "@References(" + simple(targetName) + ".class) must name a @Table record of this compilation,"
          + " and " + targetName + " is not one: add @Table to it, or reference the record that owns the table");
      return Optional.empty();
    }
    if (target.pkColumns.isEmpty()) {
      error(at, "@References(" + simple(targetName) + ".class): table '" + target.table + "' has no primary key to"
          + " reference; mark its key component with @Id");
      return Optional.empty();
    }
    if (target.pkColumns.size() != columns.size()) {
      error(at, "@References(" + simple(targetName) + ".class): the primary key of '" + target.table + "' has "
          + target.pkColumns.size() + " column(s) (" + String.join(", ", target.pkColumns) + "), but "
          + columns.size() + " column(s) reference it"
          + (columns.size() == 1 ? "; for a composite key put @References(value = ..., columns = {...}) on the record" : ""));
      return Optional.empty();
    }
    for (int i = 0; i < columns.size(); i++) {
      String myColumn = columns.get(i);
      String targetColumn = target.pkColumns.get(i);
      Optional<SqlType> mine = d.columns.stream().filter(c -> c.name().equals(myColumn)).findFirst().map(Column::type);
      Optional<SqlType> theirs = target.columns.stream().filter(c -> c.name().equals(targetColumn)).findFirst().map(Column::type);
      if (mine.isEmpty() || theirs.isEmpty()) {
        return Optional.empty(); // a column that could not be read was reported already
      }
    }
    for (String action : List.of("onDelete", "onUpdate")) {
      String value = mirrors.enumConstant(ref, action);
      List<String> notNull = columns.stream()
          .filter(c -> d.columns.stream().anyMatch(col -> col.name().equals(c) && !col.nullable())).toList();
      if ((value.equals("SET_NULL")) && !notNull.isEmpty()) {
        error(new ElementOrigin(reportOn, ref, Mirrors.explicitValue(ref, action)), "@References(" + action
            + " = SET_NULL) on NOT NULL column " + String.join(", ", notNull) + " of table " + d.table
            + ": every " + (action.equals("onDelete") ? "DELETE" : "key UPDATE") + " of a referenced row would fail"
            + " with a not-null violation. Mark the column @Nullable, or choose CASCADE, RESTRICT or NO_ACTION");
        return Optional.empty();
      }
    }
    String explicit = mirrors.string(ref, "name");
    String name;
    if (explicit.isEmpty()) {
      name = constraintName(d, String.join("_", columns), "fkey");
    } else {
      name = checkedName(explicit, new ElementOrigin(reportOn, ref, mirrors.value(ref, "name")), "foreign key name");
      if (name == null || !claimConstraint(d, name, new ElementOrigin(reportOn, ref, mirrors.value(ref, "name")))) {
        return Optional.empty();
      }
    }
    return Optional.of(new ForeignKey(name, columns, target.table, target.pkColumns,
        ForeignKey.Action.valueOf(mirrors.enumConstant(ref, "onDelete")),
        ForeignKey.Action.valueOf(mirrors.enumConstant(ref, "onUpdate")), ElementOrigin.of(reportOn, ref)));
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  private UniqueConstraint unique(Draft d, AnnotationMirror unique, List<String> columns, Element reportOn,
      Set<String> relationNames) {
    String explicit = mirrors.string(unique, "name");
    String name = explicit.isEmpty()
        ? relationName(relationNames, d.table, String.join("_", columns), "key")
        : explicitRelationName(relationNames, explicit, new ElementOrigin(reportOn, unique, mirrors.value(unique, "name")), "unique constraint");
    return new UniqueConstraint(name, columns, ElementOrigin.of(reportOn, unique));
  }

  private Optional<CheckConstraint> check(Draft d, AnnotationMirror check, String column, Element reportOn) {
    AnnotationValue value = mirrors.value(check, "value");
    ElementOrigin at = new ElementOrigin(reportOn, check, value);
    String expression = ((String) value.getValue()).strip();
    if (!validExpression(expression, at, "@Check(\"" + expression + "\")")) {
      return Optional.empty();
    }
    String explicit = mirrors.string(check, "name");
    String name;
    if (explicit.isEmpty()) {
      name = column == null ? constraintName(d, null, "check") : constraintName(d, column, "check");
    } else {
      ElementOrigin nameAt = new ElementOrigin(reportOn, check, mirrors.value(check, "name"));
      name = checkedName(explicit, nameAt, "check constraint name");
      if (name == null || !claimConstraint(d, name, nameAt)) {
        return Optional.empty();
      }
    }
    return Optional.of(new CheckConstraint(name, expression, column, false, ElementOrigin.of(reportOn, check)));
  }

  /**
   * One expression that cannot end the statement; reports and returns false otherwise. Whether
   * its column names exist is the unknown-column-in-expression rule's business.
   */
  private boolean validExpression(String expression, ElementOrigin at, String what) {
    String problem = SqlFragments.problem(expression);
    if (problem != null) {
      error(at, what + " " + problem);
      return false;
    }
    return true;
  }

  private Optional<Index> index(Draft d, AnnotationMirror index, Set<String> relationNames) {
    ElementOrigin at = ElementOrigin.of(d.type, index);
    List<String> written = mirrors.strings(index, "columns");
    String expression = mirrors.string(index, "expression").strip();
    String opclass = mirrors.string(index, "opclass").strip();
    if (written.isEmpty() == expression.isEmpty()) {
      error(at, "@Index needs either columns = {...} or expression = \"...\", not " + (written.isEmpty() ? "neither" : "both"));
      return Optional.empty();
    }
    if (!opclass.isEmpty() && !Identifiers.isValid(opclass)) {
      error(new ElementOrigin(d.type, index, mirrors.value(index, "opclass")),
          "@Index(opclass = \"" + opclass + "\") is not an operator class name such as gin_trgm_ops or jsonb_path_ops");
      return Optional.empty();
    }
    String oc = opclass.isEmpty() ? null : opclass;
    List<Index.Element> keys = new ArrayList<>();
    List<String> nameParts = new ArrayList<>();
    if (!expression.isEmpty()) {
      ElementOrigin exprAt = new ElementOrigin(d.type, index, mirrors.value(index, "expression"));
      if (!validExpression(expression, exprAt, "@Index(expression = \"" + expression + "\")")) {
        return Optional.empty();
      }
      keys.add(new Index.Element(null, expression, oc, false, Index.Nulls.DEFAULT));
      nameParts.add(expressionWords(expression));
    } else {
      AnnotationValue columnsValue = mirrors.value(index, "columns");
      for (String entry : written) {
        Matcher m = INDEX_COLUMN.matcher(entry);
        if (!m.matches()) {
          error(new ElementOrigin(d.type, index, columnsValue), "@Index column \"" + entry
              + "\" is not a column name optionally followed by ASC or DESC and NULLS FIRST or NULLS LAST;"
              + " for an expression use @Index(expression = \"...\")");
          return Optional.empty();
        }
        String column = resolveColumn(d, m.group(1));
        if (column == null) {
          error(new ElementOrigin(d.type, index, columnsValue), unknownColumn(d, "@Index", m.group(1)));
          return Optional.empty();
        }
        boolean desc = m.group(3) != null && m.group(3).equalsIgnoreCase("DESC");
        Index.Nulls nulls = m.group(5) == null ? Index.Nulls.DEFAULT
            : Index.Nulls.valueOf(m.group(5).toUpperCase(Locale.ROOT));
        keys.add(new Index.Element(column, null, oc, desc, nulls));
        nameParts.add(column);
      }
    }
    List<String> include = resolveColumns(d, index, "include", "@Index(include)");
    if (include == null) {
      return Optional.empty();
    }
    String where = mirrors.string(index, "where").strip();
    if (!where.isEmpty()) {
      ElementOrigin whereAt = new ElementOrigin(d.type, index, mirrors.value(index, "where"));
      if (!validExpression(where, whereAt, "@Index(where = \"" + where + "\")")) {
        return Optional.empty();
      }
    }
    boolean unique = mirrors.bool(index, "unique");
    Index.Method method = Index.Method.valueOf(mirrors.enumConstant(index, "method"));
    String refused = refusedByMethod(method, unique, !include.isEmpty(), keys.size(), oc);
    if (refused != null) {
      error(at, "@Index on table " + d.table + ": " + refused);
      return Optional.empty();
    }
    if (unique && d.softDeleteColumn != null
        && !Pattern.compile("\\b" + d.softDeleteColumn + "\\b").matcher(where).find()) {
      String live = d.softDeleteColumn + " IS NULL";
      where = where.isEmpty() ? live : "(" + where + ") AND " + live;
    }
    String explicit = mirrors.string(index, "name");
    List<String> parts = new ArrayList<>(List.of("idx", d.table));
    parts.addAll(nameParts);
    String name = explicit.isEmpty()
        ? relationName(relationNames, parts.toArray(String[]::new))
        : explicitRelationName(relationNames, explicit, new ElementOrigin(d.type, index, mirrors.value(index, "name")), "index");
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new Index(name, keys, unique, method, where.isEmpty() ? null : where, include, at));
  }

  /** Operator classes that exist for one access method only. */
  private static final Map<String, Index.Method> OPCLASS_METHODS = Map.of(
      "gin_trgm_ops", Index.Method.GIN, "gist_trgm_ops", Index.Method.GIST, "jsonb_path_ops", Index.Method.GIN,
      "jsonb_ops", Index.Method.GIN, "array_ops", Index.Method.GIN, "text_pattern_ops", Index.Method.BTREE,
      "varchar_pattern_ops", Index.Method.BTREE, "inet_ops", Index.Method.GIST, "range_ops", Index.Method.GIST);

  /** What PostgreSQL would refuse in this combination, or null: caught here instead of at migration time. */
  private static String refusedByMethod(Index.Method method, boolean unique, boolean include, int keys, String opclass) {
    String m = method.name();
    if (unique && method != Index.Method.BTREE) {
      return "unique = true needs method BTREE: PostgreSQL's " + m + " indexes cannot be unique";
    }
    if (include && method != Index.Method.BTREE && method != Index.Method.GIST) {
      return "include = {...} needs method BTREE or GIST: " + m + " indexes cannot include columns";
    }
    if (keys > 1 && method == Index.Method.HASH) {
      return "a HASH index has exactly one key column; use BTREE for several";
    }
    if (opclass != null && OPCLASS_METHODS.containsKey(opclass) && OPCLASS_METHODS.get(opclass) != method) {
      return "operator class " + opclass + " exists for method " + OPCLASS_METHODS.get(opclass) + " only: add method = "
          + "IndexMethod." + OPCLASS_METHODS.get(opclass);
    }
    return null;
  }

  /** {@code lower(email)} -> {@code lower_email}: the expression's words, for a readable name. */
  private static String expressionWords(String expression) {
    String words = expression.toLowerCase(Locale.ROOT).replaceAll("'[^']*'", " ")
        .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    return words.isEmpty() ? "expr" : words;
  }

  // ---------------------------------------------------------------- names

  /**
   * A generated name in the schema-wide namespace PostgreSQL shares between tables and indexes
   * (primary keys and UNIQUE constraints are indexes too): a collision gets {@code _2}, {@code _3}...
   */
  static String relationName(Set<String> taken, String... parts) {
    String base = Identifiers.generated(List.of(parts));
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = Identifiers.fit(base + "_" + n);
    }
    taken.add(name);
    return name;
  }

  String explicitRelationName(Set<String> taken, String explicit, ElementOrigin at, String what) {
    String name = checkedName(explicit, at, what + " name");
    if (name == null) {
      return null;
    }
    if (!taken.add(name)) {
      error(at, what + " name '" + name + "' is already used by another table, index or constraint: choose another");
      return null;
    }
    return name;
  }

  /** A generated constraint name, unique within its table: {@code <table>_<column>_check}, then {@code ...check2}. */
  static String constraintName(Draft d, String columns, String suffix) {
    String base = columns == null ? Identifiers.generated(List.of(d.table, suffix))
        : Identifiers.generated(List.of(d.table, columns, suffix));
    String name = base;
    for (int n = 2; d.constraintNames.contains(name); n++) {
      name = Identifiers.fit(base + n);
    }
    d.constraintNames.add(name);
    return name;
  }

  boolean claimConstraint(Draft d, String name, ElementOrigin at) {
    if (!d.constraintNames.add(name)) {
      error(at, "constraint name '" + name + "' is already used in table '" + d.table + "': choose another");
      return false;
    }
    return true;
  }

  private static String kindName(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case ANNOTATION_TYPE -> "annotation type";
      default -> "class";
    };
  }

  /** A bug of schemac's, not the user's: one error on the record, with the trace, and reading goes on. */
  /** schemac's repeatable annotations on the record or entity; none for a collection's table, which has no type. */
  private List<AnnotationMirror> typeLevel(Draft d, String name, String container) {
    return d.collectionTable ? List.of() : mirrors.findRepeated(d.type, name, container);
  }

  private void internalError(Draft draft, RuntimeException e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    error(draft == null ? Origin.NONE : draft.origin, "internal error while reading "
        + (draft == null ? "the entities" : draft.type.getQualifiedName())
        + ". Nothing was written. Please report this with the trace:\n" + trace);
  }

  void error(Origin origin, String message) {
    problems.add(Problem.error(message, origin));
  }

  void warning(Origin origin, String message) {
    problems.add(Problem.warning(message, origin));
  }

  /** A type javac could not resolve: it reports that itself; nothing must be written. */
  void markIncomplete() {
    incomplete = true;
  }

  /** As {@link #markIncomplete()}, with a note saying what schemac would need to read the entity anyway. */
  void markIncomplete(Origin origin, String why) {
    incomplete = true;
    problems.add(Problem.note(why, origin));
  }
}
