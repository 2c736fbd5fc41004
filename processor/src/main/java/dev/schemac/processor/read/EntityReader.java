package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.SqlType;
import dev.schemac.processor.model.SqlType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.RecordReader.Draft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads Jakarta Persistence entities ({@code jakarta.persistence} or, for older code, {@code
 * javax.persistence}, both by name) with field access into the same drafts as {@code @Table}
 * records, following the defaults of the Jakarta Persistence specification (docs/jpa.md). The
 * {@link RecordReader} drives the phases; this class adds what is JPA's: names, types and
 * nullability from {@code @Column}, keys from {@code @Id} and {@code @GeneratedValue}, join
 * columns from {@code @ManyToOne} / {@code @OneToOne}, and the constraints of {@code @Table}.
 */
final class EntityReader {
  private static final List<String> PACKAGES = List.of("jakarta.persistence.", "javax.persistence.");
  private static final int DEFAULT_LENGTH = 255;
  /** Mapping features a later slice of issue 5 reads: an error until then, never a silent gap. */
  private static final List<String> NOT_YET_ON_FIELDS =
      List.of("Embedded", "EmbeddedId", "ElementCollection", "Convert", "MapsId", "JoinColumns", "JoinTable");

  private final RecordReader owner;
  private final Elements elements;
  private final Mirrors mirrors;
  private final EntityNaming naming;
  /** Per entity (qualified name): its relationship fields, resolved once every table's key is known. */
  private final Map<String, List<Join>> joins = new HashMap<>();
  /** Per entity: its join columns, by column name. */
  private final Map<String, Map<String, ResolvedJoin>> resolved = new HashMap<>();

  EntityReader(RecordReader owner, Elements elements, Mirrors mirrors, EntityNaming naming) {
    this.owner = owner;
    this.elements = elements;
    this.mirrors = mirrors;
    this.naming = naming;
  }

  /** A {@code @ManyToOne} or owning {@code @OneToOne} field; {@code position} is where its column goes. */
  private record Join(VariableElement field, AnnotationMirror relation, AnnotationMirror joinColumn, int position,
      List<AnnotationMirror> annotations) {}

  /** A join column that was added, and what its foreign key references. */
  private record ResolvedJoin(Join join, String targetTable, String targetColumn, boolean oneToOne) {}

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

  // ---------------------------------------------------------------- the table

  /** {@code @Table(name)}, else {@code @Entity(name)}, else the class's simple name; null after an error. */
  String tableName(TypeElement type) {
    AnnotationMirror entity = jpa(type.getAnnotationMirrors(), "Entity").orElseThrow();
    AnnotationMirror table = jpa(type.getAnnotationMirrors(), "Table").orElse(null);
    if (table != null) {
      for (String element : List.of("schema", "catalog")) {
        if (!mirrors.string(table, element).isEmpty()) {
          owner.error(new ElementOrigin(type, table, mirrors.value(table, element)), "@Table(" + element
              + ") is not read by schemac yet: every table goes to the default schema. Remove it, or keep this"
              + " entity out of the schemac compilation for now");
          return null;
        }
      }
    }
    if (table != null && !mirrors.string(table, "name").isEmpty()) {
      return physical(mirrors.string(table, "name"), new ElementOrigin(type, table, mirrors.value(table, "name")),
          "table name");
    }
    String entityName = mirrors.string(entity, "name");
    if (!entityName.isEmpty()) {
      return physical(entityName, new ElementOrigin(type, entity, mirrors.value(entity, "name")), "table name");
    }
    return physical(type.getSimpleName().toString(), ElementOrigin.of(type), "table name");
  }

  /** The physical name of a logical one, checked; null after an error. */
  private String physical(String logical, ElementOrigin at, String what) {
    String name = naming.physical(logical.strip());
    if (!Identifiers.isValid(name)) {
      owner.error(at, "invalid " + what + " \"" + logical + "\" (\"" + name + "\" in PostgreSQL): write a name of"
          + " letters, digits and _ that does not start with a digit; schemac does not write quoted identifiers");
      return null;
    }
    return name;
  }

  // ---------------------------------------------------------------- columns

  void readColumns(Draft d, Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    if (!supportedShape(d)) {
      return;
    }
    Map<String, Column> byName = new LinkedHashMap<>();
    List<Join> pending = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(d.type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      List<? extends AnnotationMirror> annotations = field.getAnnotationMirrors();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT) || has(annotations, "Transient")) {
        continue;
      }
      if (!supportedField(field, annotations)) {
        continue;
      }
      AnnotationMirror toMany = jpa(annotations, "OneToMany").or(() -> jpa(annotations, "ManyToMany")).orElse(null);
      if (toMany != null) {
        if (mirrors.string(toMany, "mappedBy").isEmpty()) {
          owner.error(ElementOrigin.of(field, toMany), "@" + Mirrors.simpleName(toMany) + " without mappedBy needs a"
              + " join table or a join column on the other table, which schemac does not read yet: map the owning"
              + " side with @ManyToOne on the other entity and use mappedBy here");
        }
        continue; // the inverse side: its column is the other table's join column
      }
      AnnotationMirror toOne = jpa(annotations, "ManyToOne").or(() -> jpa(annotations, "OneToOne")).orElse(null);
      if (toOne != null) {
        if (Mirrors.typeName(toOne).endsWith("OneToOne") && !mirrors.string(toOne, "mappedBy").isEmpty()) {
          continue; // the inverse side of a one-to-one has no column
        }
        if (has(annotations, "Id")) {
          owner.error(ElementOrigin.of(field, jpa(annotations, "Id").get()), "an @Id that is a relationship (derived"
              + " identity) is not read by schemac yet: key the table with its own @Id column");
          continue;
        }
        pending.add(new Join(field, toOne, jpa(annotations, "JoinColumn").orElse(null),
            byName.size(), List.copyOf(annotations)));
        continue;
      }
      Column column = readColumn(d, field, List.copyOf(annotations), enumTypes, enumTypeSources);
      if (column == null) {
        continue;
      }
      if (byName.containsKey(column.name())) {
        owner.error(origin(field, "Column", "name"), "column '" + column.name() + "' of table '" + d.table
            + "' is already used by field '" + byName.get(column.name()).javaName()
            + "': give one of them @Column(name = \"...\")");
        continue;
      }
      byName.put(column.name(), column);
      d.annotationsOf.put(column.name(), List.copyOf(annotations));
      d.reportOn.put(column.name(), field);
    }
    d.columns.addAll(byName.values());
    joins.put(d.type.getQualifiedName().toString(), pending);
  }

  /** What this slice reads: field access, no inheritance, no id class. Reports and returns false otherwise. */
  private boolean supportedShape(Draft d) {
    List<? extends AnnotationMirror> annotations = d.type.getAnnotationMirrors();
    for (String name : List.of("IdClass", "Inheritance", "SecondaryTable", "SecondaryTables")) {
      Optional<AnnotationMirror> found = jpa(annotations, name);
      if (found.isPresent()) {
        owner.error(ElementOrigin.of(d.type, found.get()), "@" + name + " is not read by schemac yet (issue 5);"
            + " this entity gets no table until it is");
        return false;
      }
    }
    Optional<AnnotationMirror> access = jpa(annotations, "Access");
    if (access.isPresent() && mirrors.enumConstant(access.get(), "value").equals("PROPERTY")) {
      owner.error(ElementOrigin.of(d.type, access.get()), "property access is not read by schemac yet: only field"
          + " access (the persistence annotations on the fields) is");
      return false;
    }
    if (d.type.getKind() != ElementKind.RECORD) {
      for (ExecutableElement method : ElementFilter.methodsIn(d.type.getEnclosedElements())) {
        Optional<AnnotationMirror> id = jpa(method.getAnnotationMirrors(), "Id")
            .or(() -> jpa(method.getAnnotationMirrors(), "EmbeddedId"));
        if (id.isPresent()) {
          owner.error(ElementOrigin.of(method, id.get()), "@Id on a getter means property access, which schemac does"
              + " not read yet: put the persistence annotations on the fields");
          return false;
        }
      }
    }
    TypeMirror superclass = d.type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (has(parent.getAnnotationMirrors(), "MappedSuperclass") || has(parent.getAnnotationMirrors(), "Entity")) {
        owner.error(ElementOrigin.of(d.type), d.type.getSimpleName() + " extends " + parent.getSimpleName()
            + ", whose persistent fields schemac does not read yet (@MappedSuperclass and entity inheritance come in"
            + " a later slice of issue 5)");
        return false;
      }
    }
    return true;
  }

  private boolean supportedField(VariableElement field, List<? extends AnnotationMirror> annotations) {
    for (String name : NOT_YET_ON_FIELDS) {
      Optional<AnnotationMirror> found = jpa(annotations, name);
      if (found.isPresent()) {
        owner.error(ElementOrigin.of(field, found.get()), "@" + name + " is not read by schemac yet (issue 5): mark the"
            + " field @Transient for now, or keep this entity out of the schemac compilation");
        return false;
      }
    }
    if (field.asType().getKind() == TypeKind.DECLARED
        && has(((DeclaredType) field.asType()).asElement().getAnnotationMirrors(), "Embeddable")) {
      owner.error(ElementOrigin.of(field), "embeddable " + field.asType() + " is not read by schemac yet (issue 5)");
      return false;
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

  private Column readColumn(Draft d, VariableElement field, List<AnnotationMirror> annotations,
      Map<String, EnumType> enumTypes, Map<String, String> enumTypeSources) {
    String javaName = field.getSimpleName().toString();
    ElementOrigin at = ElementOrigin.of(field);
    AnnotationMirror columnAnn = jpa(annotations, "Column").orElse(null);
    String name;
    if (columnAnn != null && !mirrors.string(columnAnn, "name").isEmpty()) {
      name = physical(mirrors.string(columnAnn, "name"), new ElementOrigin(field, columnAnn, mirrors.value(columnAnn, "name")),
          "column name");
    } else {
      name = physical(javaName, at, "column name");
    }
    if (name == null) {
      return null;
    }
    if (columnAnn != null && !mirrors.string(columnAnn, "table").isEmpty()) {
      owner.error(new ElementOrigin(field, columnAnn, mirrors.value(columnAnn, "table")),
          "@Column(table) names a secondary table, which schemac does not read yet");
      return null;
    }
    TypeMirror type = field.asType();
    if (RecordReader.containsErrorType(type)) {
      owner.markIncomplete();
      return null;
    }

    List<Marker> markers = new ArrayList<>();
    SqlType sqlType = sqlType(d, field, type, annotations, columnAnn, name, markers);
    if (sqlType == null) {
      return null;
    }

    AnnotationMirror id = jpa(annotations, "Id").orElse(null);
    AnnotationMirror version = jpa(annotations, "Version").orElse(null);
    boolean nullable = !type.getKind().isPrimitive() && id == null && version == null && !notNull(annotations, columnAnn);

    RecordReader.Extras extras = owner.extras(d, name, javaName, type, sqlType, annotations, at);
    if (extras == null) {
      return null;
    }
    markers.addAll(extras.markers());
    String defaultSql = extras.defaultSql();
    Identity identity = Identity.NONE;
    if (id != null) {
      d.pkColumns.add(name);
      AnnotationMirror generated = jpa(annotations, "GeneratedValue").orElse(null);
      if (generated != null) {
        String strategy = mirrors.enumConstant(generated, "strategy");
        ElementOrigin genAt = new ElementOrigin(field, generated, Mirrors.explicitValue(generated, "strategy"));
        boolean integral = sqlType.kind().isIntegral() && !sqlType.array();
        boolean uuid = sqlType.kind() == Kind.UUID && !sqlType.array();
        if (strategy.equals("IDENTITY") || integral && !strategy.equals("UUID")) {
          if (!integral) {
            owner.error(genAt, "GenerationType.IDENTITY needs a number: declare " + javaName + " as Long (or long,"
                + " Integer, int, Short), or use GenerationType.UUID for a UUID");
            return null;
          }
          identity = Identity.BY_DEFAULT;
          if (!strategy.equals("IDENTITY")) {
            owner.warning(genAt, d.table + "." + name + ": @GeneratedValue(strategy = " + strategy
                + ") on a number becomes GENERATED BY DEFAULT AS IDENTITY, because schemac does not create"
                + " sequences yet; Hibernate with " + strategy + " would call nextval on a sequence that does not"
                + " exist. Write @GeneratedValue(strategy = GenerationType.IDENTITY) to say what the table does");
          }
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
        defaultSql, identity, markers, comment(field), renamedFrom, Suppressions.on(field).stream().distinct().sorted().toList(), at);
  }

  /** The column type by the JPA defaults; null after an error. Adds ENUM_ORDINAL to {@code markers}. */
  private SqlType sqlType(Draft d, VariableElement field, TypeMirror type, List<AnnotationMirror> annotations,
      AnnotationMirror columnAnn, String name, List<Marker> markers) {
    ElementOrigin at = ElementOrigin.of(field);
    String definition = columnAnn == null ? "" : mirrors.string(columnAnn, "columnDefinition").strip().toLowerCase(Locale.ROOT);
    boolean lob = has(annotations, "Lob");
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    if (Mirrors.find(annotations, NATIVE_ENUM).isPresent()) {
      owner.error(ElementOrigin.of(field, Mirrors.find(annotations, NATIVE_ENUM).get()), "@NativeEnum is not read on"
          + " JPA entities yet: use @Enumerated(EnumType.STRING) (text + CHECK)");
      return null;
    }
    String declared = type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
    if (definition.isEmpty() && !json && (declared.equals("java.util.Date") || declared.equals("java.util.Calendar"))) {
      AnnotationMirror temporal = jpa(annotations, "Temporal").orElse(null);
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
    int length = 0, precision = 0, scale = 0;
    if (declared.equals("java.lang.String") && !lob && !json && definition.isEmpty()) {
      length = columnAnn == null ? DEFAULT_LENGTH : mirrors.integer(columnAnn, "length");
      if (length < 1 || length > 10_485_760) {
        owner.error(new ElementOrigin(field, columnAnn, mirrors.value(columnAnn, "length")), "@Column(length = " + length
            + ") must be between 1 and 10485760 (PostgreSQL's varchar limit); for unbounded text use @Lob (text)");
        return null;
      }
    }
    if (declared.equals("java.math.BigDecimal") && columnAnn != null) {
      precision = mirrors.integer(columnAnn, "precision");
      scale = mirrors.integer(columnAnn, "scale");
      if (precision < 0 || precision > 1000 || scale < 0 || scale > precision && precision > 0 || scale > 0 && precision == 0) {
        owner.error(ElementOrigin.of(field, columnAnn), "@Column(precision = " + precision + ", scale = " + scale
            + ") is not a numeric type: precision must be 1..1000 and scale 0..precision, e.g."
            + " @Column(precision = 12, scale = 2)");
        return null;
      }
    }
    boolean enumType = RecordReader.isEnum(type);
    if (enumType && definition.isEmpty() && !json) {
      AnnotationMirror enumerated = jpa(annotations, "Enumerated").orElse(null);
      String how = enumerated == null ? "ORDINAL" : mirrors.enumConstant(enumerated, "value");
      if (!how.equals("STRING")) {
        markers.add(Marker.ENUM_ORDINAL);
        return SqlType.of(Kind.INTEGER);
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

  private String comment(VariableElement field) {
    return DocComment.parse(elements.getDocComment(field)).description();
  }

  private ElementOrigin origin(VariableElement field, String jpaAnnotation, String value) {
    Optional<AnnotationMirror> m = jpa(field.getAnnotationMirrors(), jpaAnnotation);
    if (m.isEmpty()) {
      return ElementOrigin.of(field);
    }
    return new ElementOrigin(field, m.get(), value == null ? null : Mirrors.explicitValue(m.get(), value));
  }

  // ---------------------------------------------------------------- join columns

  /** The columns of {@code @ManyToOne} / {@code @OneToOne}, typed like the key they reference. */
  void readJoinColumns(Draft d, Map<String, Draft> byType) {
    List<Join> pending = joins.getOrDefault(d.type.getQualifiedName().toString(), List.of());
    Map<String, ResolvedJoin> done = new LinkedHashMap<>();
    resolved.put(d.type.getQualifiedName().toString(), done);
    int inserted = 0;
    for (Join join : pending) {
      VariableElement field = join.field();
      String relation = Mirrors.simpleName(join.relation());
      TypeMirror type = field.asType();
      if (RecordReader.containsErrorType(type)) {
        owner.markIncomplete();
        continue;
      }
      Draft target = type.getKind() == TypeKind.DECLARED
          ? byType.get(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()) : null;
      if (target == null || !target.entity) {
        owner.error(ElementOrigin.of(field, join.relation()), "@" + relation + " on " + field.getSimpleName() + ": "
            + type + " is not an @Entity of this compilation, so there is no table to reference");
        continue;
      }
      AnnotationMirror joinColumn = join.joinColumn();
      String targetColumn;
      String referenced = joinColumn == null ? "" : mirrors.string(joinColumn, "referencedColumnName");
      if (!referenced.isEmpty()) {
        targetColumn = naming.physical(referenced.strip());
        if (target.columns.stream().noneMatch(c -> c.name().equals(targetColumn))) {
          owner.error(new ElementOrigin(field, joinColumn, mirrors.value(joinColumn, "referencedColumnName")),
              RecordReader.unknownColumn(target, "@JoinColumn(referencedColumnName)", referenced));
          continue;
        }
      } else if (target.pkColumns.size() == 1) {
        targetColumn = target.pkColumns.get(0);
      } else {
        owner.error(ElementOrigin.of(field, join.relation()), "@" + relation + " on " + field.getSimpleName() + ": table '"
            + target.table + "' has " + (target.pkColumns.isEmpty() ? "no primary key; mark its key field with @Id"
                : "a composite primary key, which schemac does not reference from a relationship yet"));
        continue;
      }
      Column referencedColumn = target.columns.stream().filter(c -> c.name().equals(targetColumn)).findFirst().orElse(null);
      if (referencedColumn == null) {
        continue; // reported while reading the target
      }
      String explicit = joinColumn == null ? "" : mirrors.string(joinColumn, "name");
      String name = explicit.isEmpty()
          ? physical(field.getSimpleName() + "_" + targetColumn, ElementOrigin.of(field), "join column name")
          : physical(explicit, new ElementOrigin(field, joinColumn, mirrors.value(joinColumn, "name")), "join column name");
      if (name == null) {
        continue;
      }
      if (d.columns.stream().anyMatch(c -> c.name().equals(name))) {
        owner.error(ElementOrigin.of(field, joinColumn == null ? join.relation() : joinColumn), "column '" + name
            + "' of table '" + d.table + "' is already used by another field: give this one @JoinColumn(name = \"...\")");
        continue;
      }
      boolean nullable = !mirrors.bool(join.relation(), "optional") ? false : !notNull(join.annotations(), joinColumn);
      Column column = new Column(name, field.getSimpleName().toString(), referencedColumn.javaType(),
          referencedColumn.type(), nullable, null, Identity.NONE, List.of(), comment(field), null,
          Suppressions.on(field).stream().distinct().sorted().toList(), ElementOrigin.of(field));
      d.columns.add(join.position() + inserted, column);
      inserted++;
      d.annotationsOf.put(name, join.annotations());
      d.reportOn.put(name, field);
      done.put(name, new ResolvedJoin(join, target.table, targetColumn, relation.equals("OneToOne")));
    }
  }

  // ---------------------------------------------------------------- constraints

  /** Foreign keys of the join columns, {@code unique} columns, and {@code @Table}'s constraints and indexes. */
  void readConstraints(Draft d, Set<String> relationNames, List<ForeignKey> foreignKeys, List<UniqueConstraint> uniques,
      List<Index> indexes) {
    Map<String, ResolvedJoin> done = resolved.getOrDefault(d.type.getQualifiedName().toString(), Map.of());
    for (Column column : d.columns) {
      Element field = d.reportOn.get(column.name());
      List<AnnotationMirror> annotations = d.annotationsOf.get(column.name());
      if (annotations == null) {
        continue;
      }
      ResolvedJoin join = done.get(column.name());
      AnnotationMirror unique = join == null ? jpa(annotations, "Column").orElse(null) : join.join().joinColumn();
      boolean isUnique = unique != null && mirrors.bool(unique, "unique") || join != null && join.oneToOne();
      if (isUnique) {
        uniques.add(new UniqueConstraint(RecordReader.relationName(relationNames, d.table, column.name(), "key"),
            List.of(column.name()), ElementOrigin.of(field, unique == null ? join.join().relation() : unique)));
      }
      if (join != null) {
        foreignKey(d, column, join).ifPresent(foreignKeys::add);
      }
    }
    AnnotationMirror table = jpa(d.type.getAnnotationMirrors(), "Table").orElse(null);
    if (table == null) {
      return;
    }
    for (AnnotationValue v : declares(table, "uniqueConstraints") ? mirrors.list(table, "uniqueConstraints")
        : List.<AnnotationValue>of()) {
      AnnotationMirror constraint = (AnnotationMirror) v.getValue();
      ElementOrigin at = new ElementOrigin(d.type, table, mirrors.value(table, "uniqueConstraints"));
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
      index(d, table, (AnnotationMirror) v.getValue(), relationNames).ifPresent(indexes::add);
    }
  }

  private Optional<ForeignKey> foreignKey(Draft d, Column column, ResolvedJoin join) {
    AnnotationMirror joinColumn = join.join().joinColumn();
    VariableElement field = join.join().field();
    String name = null;
    if (joinColumn != null && declares(joinColumn, "foreignKey")) {
      AnnotationMirror fk = (AnnotationMirror) mirrors.value(joinColumn, "foreignKey").getValue();
      if (mirrors.enumConstant(fk, "value").equals("NO_CONSTRAINT")) {
        return Optional.empty();
      }
      String explicit = mirrors.string(fk, "name");
      if (!explicit.isEmpty()) {
        ElementOrigin at = new ElementOrigin(field, joinColumn, mirrors.value(joinColumn, "foreignKey"));
        name = owner.checkedName(explicit.toLowerCase(Locale.ROOT), at, "foreign key name");
        if (name == null || !owner.claimConstraint(d, name, at)) {
          return Optional.empty();
        }
      }
    }
    if (name == null) {
      name = RecordReader.constraintName(d, column.name(), "fkey");
    }
    return Optional.of(new ForeignKey(name, List.of(column.name()), join.targetTable(), List.of(join.targetColumn()),
        ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, ElementOrigin.of(field, join.join().relation())));
  }

  /** {@code @Index(columnList = "a, b DESC")} of {@code @Table(indexes)}. */
  private Optional<Index> index(Draft d, AnnotationMirror table, AnnotationMirror index, Set<String> relationNames) {
    ElementOrigin at = new ElementOrigin(d.type, table, mirrors.value(table, "indexes"));
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

  /** A column named in {@code @Table}: its physical name, or the field name; null when there is none. */
  private String column(Draft d, String written) {
    String column = RecordReader.resolveColumn(d, naming.physical(written));
    return column != null ? column : RecordReader.resolveColumn(d, written);
  }
}
