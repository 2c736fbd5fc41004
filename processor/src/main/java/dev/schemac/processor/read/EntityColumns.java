package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;
import static dev.schemac.processor.read.JpaContext.has;
import static dev.schemac.processor.read.JpaContext.jpa;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The column of a basic attribute and its type, by the JPA defaults: names and sizes from {@code
 * @Column}, {@code @Lob}, {@code @Temporal}, {@code @Enumerated}, converters ({@code @Convert}
 * and the auto-applied ones), nullability from JPA and Bean Validation, and the key's generation
 * through {@link IdGenerators}.
 */
final class EntityColumns {
  private static final int DEFAULT_LENGTH = 255;
  /** The types a @Lob makes the model's CLOB or BLOB (Hibernate 6+; each target spells them). */
  private static final Set<String> LOB_TYPES = Set.of("java.lang.String", "byte[]", "char[]", "java.lang.Byte[]",
      "java.lang.Character[]", "java.sql.Clob", "java.sql.Blob", "java.sql.NClob");
  /** Of those, the ones of bytes: a large object of bytes; the others hold characters. */
  private static final Set<String> BINARY_LOB_TYPES = Set.of("byte[]", "java.lang.Byte[]", "java.sql.Blob");
  /** The types other than String whose column has {@code @Column(length)} (and Bean Validation's maximum). */
  private static final Set<String> LENGTH_TYPES = Set.of("char[]", "java.lang.Character[]");
  /** The types whose column length Bean Validation's {@code @Size(max)} sets, as in Hibernate. */
  private static final Set<String> SIZED_TYPES = Set.of("java.lang.String", "char[]", "java.lang.Character[]");
  /** The types whose column has {@code @Column(precision, scale)} (and Bean Validation's {@code @Digits}). */
  private static final Set<String> PRECISION_TYPES = Set.of("java.math.BigDecimal", "java.math.BigInteger");

  private final JpaContext ctx;
  private final IdGenerators generators;
  private final HibernateTypes hibernateTypes;
  /** The native enum types of this read ({@code @JdbcTypeCode(NAMED_ENUM)}). */
  private NativeEnumTypes enumTypes;
  /** The {@code @Converter(autoApply = true)} converters of the compilation: database type by attribute type. */
  private final Map<String, TypeMirror> autoApplied = new HashMap<>();

  EntityColumns(JpaContext ctx, IdGenerators generators) {
    this.ctx = ctx;
    this.generators = generators;
    this.hibernateTypes = new HibernateTypes(ctx);
  }

  /** Notes the auto-applied converters among {@code converters}, and where this read's native enum types go. */
  void prepare(List<TypeElement> converters, NativeEnumTypes enumTypes) {
    this.enumTypes = enumTypes;
    for (TypeElement converter : converters) {
      Optional<AnnotationMirror> annotation = jpa(converter.getAnnotationMirrors(), "Converter");
      if (annotation.isPresent() && ctx.mirrors.bool(annotation.get(), "autoApply")) {
        List<? extends TypeMirror> args = converterTypes(converter.asType());
        if (args != null && args.get(0).getKind() == TypeKind.DECLARED) {
          autoApplied.putIfAbsent(ctx.types.erasure(args.get(0)).toString(), args.get(1));
        }
      }
    }
  }

  /**
   * The column of a basic attribute of table {@code d}; {@code inId} inside an embedded id; {@code
   * subclass} the subclass of a single-table hierarchy whose attribute it is (nullable: other
   * entities' rows have no value; when the mapping says NOT NULL, a CHECK says it for its rows),
   * else null. Null after an error.
   */
  Column readColumn(Draft d, Attribute attr, boolean inId, TypeElement subclass) {
    Element field = attr.element();
    String javaName = attr.path();
    ElementOrigin at = ElementOrigin.of(field);
    AnnotationMirror columnAnn = attr.column();
    Element columnAt = attr.columnAt();
    String name;
    if (columnAnn != null && !ctx.mirrors.string(columnAnn, "name").isEmpty()) {
      name = ctx.physical(ctx.mirrors.string(columnAnn, "name"), new ElementOrigin(columnAt, columnAnn,
          ctx.mirrors.value(columnAnn, "name")), "column name");
    } else {
      name = ctx.physical(attr.name(), at, "column name");
    }
    if (name == null) {
      return null;
    }
    if (columnAnn != null && !ctx.noOptions(columnAnn, columnAt)) {
      return null;
    }
    if (columnAnn != null && !ctx.mirrors.string(columnAnn, "table").isEmpty()) {
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
          new ElementOrigin(columnAt, columnAnn, ctx.mirrors.value(columnAnn, "table")),
          "@Column(table) names a secondary table, which schemac does not read: map it as an entity of its own");
      return null;
    }
    TypeMirror type = attr.type();
    List<AnnotationMirror> annotations = attr.annotations();

    List<Marker> markers = new ArrayList<>();
    LogicalType sqlType = sqlType(d, attr, type, annotations, columnAnn, name, markers);
    if (sqlType == null) {
      return null;
    }

    AnnotationMirror id = jpa(annotations, "Id").orElse(null);
    AnnotationMirror version = jpa(annotations, "Version").orElse(null);
    boolean key = id != null || inId;
    boolean generatedTimestamp = Mirrors.find(annotations, HibernateMappings.CREATION_TIMESTAMP).isPresent()
        || Mirrors.find(annotations, HibernateMappings.UPDATE_TIMESTAMP).isPresent();
    boolean notNull = type.getKind().isPrimitive() || key || version != null || notNull(annotations, columnAnn)
        || generatedTimestamp;
    boolean nullable = !notNull;
    if (subclass != null) {
      nullable = true; // a row of another entity of the hierarchy has no value here (as Hibernate)
      if (notNull) { // but a row of this entity has one
        ctx.state(d).subclassNotNull.add(new EntityState.SubclassNotNull(name, subclass, at));
      }
    }

    SchemacColumns.Extras extras = ctx.schemacColumns.extras(d, name, javaName, type, sqlType, annotations, at);
    if (extras == null) {
      return null;
    }
    markers.addAll(extras.markers());
    ColumnDefault defaultValue = extras.defaultValue();
    AnnotationMirror columnDefault = Mirrors.find(annotations, HibernateMappings.COLUMN_DEFAULT).orElse(null);
    if (columnDefault != null) {
      ElementOrigin defaultAt = new ElementOrigin(field, columnDefault, ctx.mirrors.value(columnDefault, "value"));
      if (defaultValue != null) {
        ctx.diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS, defaultAt, "column '" + name + "' has a default from schemac's annotations and"
            + " Hibernate's @ColumnDefault: keep one");
        return null;
      }
      String defaultSql = ctx.mirrors.string(columnDefault, "value").strip();
      String problem = SqlFragments.problem(defaultSql);
      if (problem != null) {
        ctx.diagnostics.error(ErrorId.INVALID_DEFAULT, defaultAt, "@ColumnDefault(\"" + defaultSql + "\") " + problem);
        return null;
      }
      defaultValue = ctx.userSql.defaultValue(defaultSql);
    }
    if (generatedTimestamp && defaultValue == null
        && (sqlType.kind() == Kind.INSTANT || sqlType.kind() == Kind.LOCAL_DATE_TIME) && !sqlType.array()) {
      defaultValue = ColumnDefault.NOW; // Hibernate sets it; the default serves SQL inserts (and a migration adding it)
    }
    Identity identity = Identity.NONE;
    if (key) {
      d.pkColumns.add(name);
      AnnotationMirror generated = jpa(annotations, "GeneratedValue").orElse(null);
      if (generated != null) {
        IdGenerators.Generation generation = generators.generation(d, attr, generated, type, sqlType, defaultValue);
        if (generation == null) {
          return null;
        }
        identity = generation.identity();
        defaultValue = generation.defaultValue();
      }
    }
    if (identity != Identity.NONE && defaultValue != null) {
      ctx.diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
          at, "column '" + name + "' is an identity column and cannot also have a DEFAULT: remove"
          + " @Default");
      return null;
    }
    Optional<String> renamedFrom = ctx.schemacColumns.renamedFrom(annotations, field, "@RenamedFrom column name");
    if (renamedFrom == null) {
      return null;
    }
    SchemacColumns.Generation generation = ctx.schemacColumns.generated(annotations,
        List.of(HibernateMappings.GENERATED_COLUMN), field, name, defaultValue, identity, key, markers);
    if (generation.failed()) {
      return null;
    }
    return new Column(name, javaName, JavaTypes.withoutTypeAnnotations(type.toString()), sqlType, nullable,
        defaultValue, identity, markers, comment(field, annotations, columnAnn), renamedFrom.orElse(null),
        suppressions(attr), at, generation.expression());
  }

  /** The rule suppressions on the attribute and on the embedded attributes around it. */
  static List<String> suppressions(Attribute attr) {
    List<String> all = new ArrayList<>(Suppressions.on(attr.element()));
    for (Element around : attr.embeddedIn()) {
      all.addAll(Suppressions.on(around));
    }
    return all.stream().distinct().sorted().toList();
  }

  /** The column type by the JPA defaults and Hibernate's; null after an error. Adds ENUM_ORDINAL and JSON to {@code markers}. */
  private LogicalType sqlType(Draft d, Attribute attr, TypeMirror type, List<AnnotationMirror> annotations,
      AnnotationMirror columnAnn, String name, List<Marker> markers) {
    Element field = attr.element();
    ElementOrigin at = ElementOrigin.of(field);
    String definition = columnAnn == null ? ""
        : ctx.mirrors.string(columnAnn, "columnDefinition").strip().toLowerCase(Locale.ROOT);
    boolean lob = has(annotations, "Lob");
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    if (Mirrors.find(annotations, NATIVE_ENUM).isPresent()) {
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
          ElementOrigin.of(field, Mirrors.find(annotations, NATIVE_ENUM).get()), "@NativeEnum is not"
          + " read on JPA entities yet: use @Enumerated(EnumType.STRING) (text + CHECK)");
      return null;
    }
    if (definition.isEmpty() && JavaTypes.containsErrorType(type) && !attr.has("Convert") && attr.convert() == null) {
      // javac reports the missing class itself; schemac says how to read the entity without it
      ctx.diagnostics.markIncomplete(at, "nothing written: the type of " + attr.path() + " (" + type + ") cannot be"
          + " resolved, so its column type is unknown. Put its class on the compile class path, or state the column"
          + " type with @Column(columnDefinition = \"...\"), or mark the attribute @Transient if it is not persistent");
      return null;
    }
    if (JavaTypes.containsErrorType(type)) {
      type = ctx.elements.getTypeElement("java.lang.Object").asType(); // the definition or the converter gives the type
    }
    Converted converted = definition.isEmpty() ? convertedType(attr, type) : Converted.NONE;
    if (converted.failed()) {
      return null;
    }
    if (converted.type() != null) {
      type = converted.type();
    }
    String declared = JavaTypes.qualifiedName(type);
    String javaType = HibernateTypes.javaType(type);
    boolean explicitLength = columnAnn != null && Mirrors.explicitValue(columnAnn, "length") != null;
    int length = columnAnn == null ? DEFAULT_LENGTH : ctx.mirrors.integer(columnAnn, "length");
    AnnotationMirror sizeMax = hibernateTypes.sizeMax(annotations);
    if (sizeMax != null && SIZED_TYPES.contains(javaType)) { // Bean Validation's maximum is the length, as in Hibernate
      length = ctx.mirrors.integer(sizeMax, "max");
      explicitLength = true;
      if (!ColumnSizes.validLength(length)) {
        ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, hibernateTypes.at(field, sizeMax, "max"), ColumnSizes.lengthProblem(length).replace(
            "@Column(length", "@" + Mirrors.simpleName(sizeMax) + "(max") + ": it is the column's length");
        return null;
      }
    }
    int precision = columnAnn == null ? 0 : ctx.mirrors.integer(columnAnn, "precision");
    int scale = columnAnn == null ? 0 : ctx.mirrors.integer(columnAnn, "scale");
    AnnotationMirror digits = HibernateTypes.digits(annotations);
    if (digits != null && (declared.equals("java.math.BigDecimal") || declared.equals("java.math.BigInteger"))) {
      scale = ctx.mirrors.integer(digits, "fraction");
      precision = ctx.mirrors.integer(digits, "integer") + scale;
    }
    if (definition.isEmpty() && !json) {
      HibernateTypes.Code code = hibernateTypes.code(field, annotations);
      if (code.failed()) {
        return null;
      }
      if (code.code() != null) {
        String numeric = ColumnSizes.numericProblem(precision, scale);
        if (numeric != null) {
          ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, columnAnn == null ? at : ElementOrigin.of(attr.columnAt(), columnAnn), numeric);
          return null;
        }
        EntityState state = ctx.state(d);
        return hibernateTypes.forCode(code.code(), type, new HibernateTypes.Sizes(length, precision, scale,
            explicitLength), at, name, d, markers, enumTypes, constants -> state.ordinals.put(name, constants));
      }
    }
    if (definition.isEmpty() && !json && (declared.equals("java.util.Date") || declared.equals("java.util.Calendar"))) {
      AnnotationMirror temporal = jpa(annotations, "Temporal").or(() -> jpa(annotations, "MapKeyTemporal")).orElse(null);
      if (temporal == null) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
            at, "column '" + name + "' of table '" + d.table + "': a " + declared + " needs"
            + " @Temporal(DATE, TIME or TIMESTAMP); better, declare it as java.time.Instant, LocalDate or LocalTime");
        return null;
      }
      return LogicalType.of(switch (ctx.mirrors.enumConstant(temporal, "value")) {
        case "DATE" -> Kind.DATE;
        case "TIME" -> Kind.TIME;
        default -> Kind.LOCAL_DATE_TIME;
      });
    }
    if (lob && definition.isEmpty() && !json && LOB_TYPES.contains(type.toString())) {
      return LogicalType.of(BINARY_LOB_TYPES.contains(type.toString()) ? Kind.BLOB : Kind.CLOB);
    }
    if (definition.isEmpty() && !json && (LENGTH_TYPES.contains(javaType) || javaType.equals("java.lang.String"))) {
      if (!ColumnSizes.validLength(length)) {
        ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE,
            new ElementOrigin(attr.columnAt(), columnAnn, ctx.mirrors.value(columnAnn, "length")),
            ColumnSizes.lengthProblem(length));
        return null;
      }
    }
    if (PRECISION_TYPES.contains(declared) && (columnAnn != null || digits != null)) {
      String numeric = ColumnSizes.numericProblem(precision, scale);
      if (numeric != null) {
        ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, digits != null ? ElementOrigin.of(field, digits) : ElementOrigin.of(attr.columnAt(),
            columnAnn), numeric);
        return null;
      }
    }
    if (definition.isEmpty() && !json) {
      LogicalType legacy = hibernateTypes.legacy(type, LENGTH_TYPES.contains(javaType) ? length : 0, precision);
      if (legacy != null) {
        return legacy;
      }
    }
    boolean enumType = JavaTypes.isEnum(type);
    if (enumType && definition.isEmpty() && !json) {
      AnnotationMirror enumerated = jpa(annotations, "Enumerated").or(() -> jpa(annotations, "MapKeyEnumerated"))
          .orElse(null);
      String how = enumerated == null ? "ORDINAL" : ctx.mirrors.enumConstant(enumerated, "value");
      if (!how.equals("STRING")) {
        markers.add(Marker.ENUM_ORDINAL);
        // as Hibernate 6: smallint, and a CHECK on the range of ordinals (ordinalChecks)
        ctx.state(d).ordinals.put(name, HibernateTypes.constants(type).size());
        return LogicalType.of(Kind.INT16);
      }
      if (explicitLength && sizeMax == null) {
        // what the user wrote wins: varchar(n), and the CHECK of the values all the same
        if (!ColumnSizes.validLength(length)) {
          ctx.diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, new ElementOrigin(attr.columnAt(), columnAnn, ctx.mirrors.value(columnAnn, "length")),
              ColumnSizes.lengthProblem(length));
          return null;
        }
        return LogicalType.enumOf(HibernateTypes.constants(type), length);
      }
    }
    int stringLength = declared.equals("java.lang.String") && !lob && !json && definition.isEmpty() ? length : 0;
    int decimalPrecision = declared.equals("java.math.BigDecimal") ? precision : 0;
    int decimalScale = declared.equals("java.math.BigDecimal") ? scale : 0;
    TypeMapper.Mapped mapped = TypeMapper.map(type, new TypeMapper.Hints(stringLength, decimalPrecision, decimalScale,
        definition, json, null), ctx.userSql);
    if (mapped.error() != null) {
      String error = mapped.error().replace("@Column(type = ", "@Column(columnDefinition = ")
          .replace("give the SQL type with @Column(type = \"...\")",
              "give the SQL type with @Column(columnDefinition = \"...\")");
      ctx.diagnostics.error(mapped.errorId(), at, "column '" + name + "' of table '" + d.table + "': " + error);
      return null;
    }
    if (enumType && mapped.type().kind() == Kind.RAW && TypeMapper.isIntegerType(mapped.type().rawSql())) {
      markers.add(Marker.ENUM_ORDINAL);
    }
    return mapped.type();
  }

  /** The outcome of looking for a converter: its database type (null for none), or a reported error. */
  private record Converted(TypeMirror type, boolean failed) {
    static final Converted NONE = new Converted(null, false);
    static final Converted FAILED = new Converted(null, true);
  }

  /** The database type of the attribute's converter ({@code @Convert} or an auto-applied one), or null. */
  private Converted convertedType(Attribute attr, TypeMirror type) {
    Optional<AnnotationMirror> convert = Optional.ofNullable(attr.convert());
    if (convert.isEmpty()) {
      for (AnnotationMirror own : ctx.attributes.repeated(attr.annotations(), "Convert", "Converts")) {
        if (ctx.mirrors.string(own, "attributeName").isEmpty() || convert.isEmpty()) {
          convert = Optional.of(own);
        }
      }
    }
    if (convert.isPresent()) {
      if (ctx.mirrors.bool(convert.get(), "disableConversion")) {
        return Converted.NONE;
      }
      if (attr.convert() == null && !ctx.mirrors.string(convert.get(), "attributeName").isEmpty()) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING, ElementOrigin.of(attr.element(), convert.get()), "@Convert(attributeName) on a basic"
            + " attribute: attributeName is for an embedded or a map attribute; put the @Convert on the attribute"
            + " itself");
        return Converted.FAILED;
      }
      TypeMirror converter = ctx.mirrors.type(convert.get(), "converter");
      if (converter == null || converter.getKind() == TypeKind.ERROR) {
        ctx.diagnostics.markIncomplete();
        return Converted.FAILED;
      }
      List<? extends TypeMirror> args = converterTypes(converter);
      if (args == null) {
        ctx.diagnostics.error(ErrorId.INVALID_MAPPING,
            new ElementOrigin(attr.element(), convert.get(), ctx.mirrors.value(convert.get(),
            "converter")), "@Convert(converter = " + converter + "): not an AttributeConverter<entity type, database"
                + " type>; name the converter class");
        return Converted.FAILED;
      }
      return new Converted(args.get(1), false);
    }
    if (type.getKind() == TypeKind.DECLARED && !autoApplied.isEmpty()) {
      TypeMirror auto = autoApplied.get(ctx.types.erasure(type).toString());
      return auto == null ? Converted.NONE : new Converted(auto, false);
    }
    return Converted.NONE;
  }

  /** The two type arguments of the {@code AttributeConverter} a converter implements, or null. */
  private List<? extends TypeMirror> converterTypes(TypeMirror converter) {
    if (converter.getKind() != TypeKind.DECLARED) {
      return null;
    }
    for (TypeMirror supertype : ctx.types.directSupertypes(converter)) {
      if (supertype instanceof DeclaredType declared) {
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (JpaContext.isJpa(name, "AttributeConverter")) {
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

  /**
   * NOT NULL by JPA's {@code nullable = false} / {@code optional = false}, or Bean Validation's
   * {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} (as Hibernate applies them).
   */
  boolean notNull(List<AnnotationMirror> annotations, AnnotationMirror columnOrJoin) {
    if (columnOrJoin != null && !ctx.mirrors.bool(columnOrJoin, "nullable")) {
      return true;
    }
    Optional<AnnotationMirror> basic = jpa(annotations, "Basic");
    if (basic.isPresent() && !ctx.mirrors.bool(basic.get(), "optional")) {
      return true;
    }
    for (String constraint : List.of("NotNull", "NotBlank", "NotEmpty")) {
      if (Mirrors.find(annotations, "jakarta.validation.constraints." + constraint).isPresent()
          || Mirrors.find(annotations, "javax.validation.constraints." + constraint).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The attribute's Javadoc, for the column's comment. */
  String comment(Element field) {
    return DocComment.parse(ctx.elements.getDocComment(field)).description();
  }

  /**
   * The column's comment: Hibernate's {@code @Comment}, else the {@code comment} of JPA 3.2's
   * {@code @Column} (or {@code @JoinColumn}), else the attribute's Javadoc.
   */
  String comment(Element field, List<? extends AnnotationMirror> annotations, AnnotationMirror column) {
    String comment = ctx.comment(field, annotations, column);
    return comment != null ? comment : comment(field);
  }

  /** {@code @Column(unique = true)}: a UNIQUE of its own. */
  void uniqueColumns(Draft d, EntityState state, Set<String> relationNames, TableConstraints out) {
    for (Column column : d.columns) {
      AnnotationMirror columnAnn = state.columnAnnotations.get(column.name());
      if (columnAnn != null && ctx.mirrors.bool(columnAnn, "unique")) {
        out.uniques.add(new UniqueConstraint(ConstraintNames.relationName(relationNames, d.table, column.name(), "key"),
            List.of(column.name()), ElementOrigin.of(state.columnAnnotationAt.get(column.name()), columnAnn)));
      }
    }
  }

  /** An enum stored by ordinal: a CHECK on the range of its ordinals, as Hibernate 6. */
  void ordinalChecks(Draft d, EntityState state, TableConstraints out) {
    for (Column column : d.columns) {
      Integer constants = state.ordinals.get(column.name());
      if (constants != null && constants > 0) {
        out.checks.add(new CheckConstraint(ConstraintNames.constraintName(d, column.name(), "check"),
            new Condition.Range(column.name(), 0, (long) constants - 1), column.name(), column.origin()));
      }
    }
  }
}
