package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The records front end: a {@code @Table} record's table name and its components' columns, as
 * schemac's own annotations describe them. The {@link SchemaReader} drives the phases and reads
 * the constraints.
 */
public final class RecordReader {
  private final Mirrors mirrors;
  private final Diagnostics diagnostics;
  private final ConstraintNames names;
  private final SchemacColumns schemacColumns;
  private final UserSql userSql;
  private final EmbeddedRecords embedded;
  /** Each record's members, listed once: javac builds the list anew on every call. */
  private final Map<TypeElement, List<? extends Element>> members = new HashMap<>();

  /** A reader for {@link #names} only: what the metamodel needs. */
  public RecordReader(Elements elements, Types types) {
    this(new Mirrors(elements), new Diagnostics(), null, null, null);
  }

  RecordReader(Mirrors mirrors, Diagnostics diagnostics, ConstraintNames names, SchemacColumns schemacColumns,
      UserSql userSql) {
    this.mirrors = mirrors;
    this.diagnostics = diagnostics;
    this.names = names;
    this.schemacColumns = schemacColumns;
    this.userSql = userSql;
    this.embedded = new EmbeddedRecords(mirrors, diagnostics, userSql);
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

  /** {@code @Table(name)}, else the plural snake_case of the record's name; null after an error. */
  String tableName(TypeElement type) {
    AnnotationMirror table = Mirrors.find(type, TABLE).orElse(null);
    String explicit = table == null ? "" : mirrors.string(table, "name");
    if (explicit.isEmpty()) {
      return Naming.tableName(type.getSimpleName().toString());
    }
    return names.checkedName(explicit, new ElementOrigin(type, table, mirrors.value(table, "name")), "table name");
  }

  /** A component whose column could not be read (reported): later mentions of it are not reported again. */
  static void failed(Draft d, String javaName, boolean key) {
    d.failedColumns.add(javaName);
    d.failedColumns.add(Naming.snakeCase(javaName));
    d.keyDamaged |= key;
  }

  /**
   * The nullable columns of records read from class files, by record, from the snapshot the last
   * full read of each wrote: javac 17 does not give TYPE_USE annotations read from a class file
   * (JDK-8225377, fixed in JDK 22), so JSpecify's {@code @Nullable} is invisible there.
   */
  private Map<String, Set<String>> classFileNullable = Map.of();

  void classFileNullable(Map<String, Set<String>> nullable) {
    this.classFileNullable = Map.copyOf(nullable);
  }

  void readComponents(Draft d, NativeEnumTypes enumTypes) {
    Map<String, Column> byName = new LinkedHashMap<>();
    for (RecordComponentElement component : d.type.getRecordComponents()) {
      Element reportOn = backingField(d.type, component);
      Column column = readColumn(d, component, reportOn, enumTypes);
      if (column == null) {
        failed(d, component.getSimpleName().toString(), Mirrors.find(annotationsOf(component, reportOn), ID).isPresent());
        continue;
      }
      if (byName.containsKey(column.name())) {
        diagnostics.error(ErrorId.DUPLICATE_NAME, origin(reportOn, component, COLUMN, "name"),
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

  /** The record's private field for the component: diagnostics there get a file and line (JDK-8295184). */
  private Element backingField(TypeElement type, RecordComponentElement component) {
    return backingField(members.computeIfAbsent(type, TypeElement::getEnclosedElements), component);
  }

  /** The field among a record's {@code members} that backs {@code component}; the component itself when none does. */
  static Element backingField(List<? extends Element> members, RecordComponentElement component) {
    for (Element e : members) {
      if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)
          && e.getSimpleName().equals(component.getSimpleName())) {
        return e;
      }
    }
    return component;
  }

  /** Annotations on the component, its field and its accessor: where javac propagates them. */
  static List<AnnotationMirror> annotationsOf(RecordComponentElement component, Element field) {
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
      NativeEnumTypes enumTypes) {
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
        name = names.checkedName(explicit, new ElementOrigin(reportOn, columnAnn, mirrors.value(columnAnn, "name")),
            "column name");
        if (name == null) {
          return null;
        }
      }
      length = mirrors.integer(columnAnn, "length");
      precision = mirrors.integer(columnAnn, "precision");
      scale = mirrors.integer(columnAnn, "scale");
      custom = mirrors.string(columnAnn, "type").strip();
      ElementOrigin colAt = ElementOrigin.of(reportOn, columnAnn);
      if (length != 0 && !ColumnSizes.validLength(length)) {
        diagnostics.error(ErrorId.INVALID_COLUMN_SIZE,
            colAt, ColumnSizes.lengthProblem(length) + "; leave it out for unbounded text");
        return null;
      }
      String numeric = ColumnSizes.numericProblem(precision, scale);
      if (numeric != null) {
        diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, colAt, numeric);
        return null;
      }
    }

    TypeMirror type = component.asType();
    if (JavaTypes.containsErrorType(type)) {
      diagnostics.markIncomplete(); // a missing class: javac says so after processing; no second message here
      return null;
    }
    boolean nullable = isNullable(annotations, component, reportOn)
        || classFileNullable.getOrDefault(d.type.getQualifiedName().toString(), Set.of()).contains(name);
    if (!nullable && component.asType() instanceof ArrayType array
        && array.getComponentType().getAnnotationMirrors().stream().anyMatch(m -> Mirrors.simpleName(m).equals("Nullable"))) {
      String element = JavaTypes.withoutTypeAnnotations(array.getComponentType().toString());
      diagnostics.warning(ErrorId.NULLABLE_ARRAY,
          at, "@Nullable on " + element + "[] " + javaName + " annotates the elements (a type-use"
          + " @Nullable binds to the type right after it), so column '" + name + "' is NOT NULL. For a nullable column"
          + " write " + element + " @Nullable [] " + javaName + "; if NOT NULL is meant, remove @Nullable");
    }
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    AnnotationMirror nativeEnum = Mirrors.find(annotations, NATIVE_ENUM).orElse(null);
    String nativeEnumName = null;
    if (nativeEnum != null) {
      if (!JavaTypes.isEnum(type)) {
        diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
            ElementOrigin.of(reportOn, nativeEnum), "@NativeEnum applies to enum components; " + javaName
            + " is " + type);
        return null;
      }
      String explicit = mirrors.string(nativeEnum, "name");
      nativeEnumName = explicit.isEmpty()
          ? Naming.snakeCase(((DeclaredType) type).asElement().getSimpleName().toString())
          : names.checkedName(explicit, new ElementOrigin(reportOn, nativeEnum, mirrors.value(nativeEnum, "name")),
              "enum type name");
      if (nativeEnumName == null) {
        return null;
      }
    }
    TypeElement nested = json || !custom.isEmpty() ? null : EmbeddedRecords.embedded(type);
    LogicalType sqlType;
    if (nested != null) {
      // a record inside the record: an embedded document (an SQL target reports it, with @Json as the fix)
      if (length != 0 || precision != 0 || scale != 0) {
        diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, ElementOrigin.of(reportOn, columnAnn), "@Column(length, precision, scale) apply to String"
            + " and BigDecimal columns; " + javaName + " embeds record " + nested.getSimpleName() + ": size its"
            + " components instead");
        return null;
      }
      sqlType = embedded.document(type, nested, name, d.table, at);
      if (sqlType == null) {
        return null;
      }
    } else {
      TypeMapper.Mapped mapped =
          TypeMapper.map(type, new TypeMapper.Hints(length, precision, scale, custom, json, nativeEnumName), userSql);
      if (mapped.error() != null) {
        diagnostics.error(mapped.errorId(), at, "column '" + name + "' of table '" + d.table + "': " + mapped.error());
        return null;
      }
      sqlType = mapped.type();
    }
    if (sqlType.isNamedEnum()) {
      String enumClass = JavaTypes.qualifiedName(type);
      String previous = enumTypes.register(sqlType.enumTypeName(), sqlType.enumValues(), enumClass);
      if (previous != null) {
        diagnostics.error(ErrorId.DUPLICATE_NAME, ElementOrigin.of(reportOn, nativeEnum), "enum type '" + sqlType.enumTypeName() + "' is"
            + " already the type of " + previous + ": name this one apart with @NativeEnum(name = \"...\")");
        return null;
      }
    }

    SchemacColumns.Extras extras = schemacColumns.extras(d, name, javaName, type, sqlType, annotations, at);
    if (extras == null) {
      return null;
    }
    List<Marker> markers = new ArrayList<>(extras.markers());
    ColumnDefault defaultValue = extras.defaultValue();

    Identity identity = Identity.NONE;
    AnnotationMirror id = Mirrors.find(annotations, ID).orElse(null);
    if (id != null) {
      if (nullable) {
        diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
            at, "primary-key column '" + name + "' is marked Nullable, but a key is never NULL: remove"
            + " the Nullable annotation");
        return null;
      }
      d.pkColumns.add(name);
      String generated = mirrors.enumConstant(id, "generated");
      ElementOrigin idAt = new ElementOrigin(reportOn, id, Mirrors.explicitValue(id, "generated"));
      switch (generated) {
        case "IDENTITY", "IDENTITY_ALWAYS" -> {
          if (!sqlType.kind().isIntegral() || sqlType.array()) {
            diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
                idAt, "identity keys are numbers: declare " + javaName + " as long (or int, short), or"
                + " use Generated.RANDOM_UUID for a UUID");
            return null;
          }
          identity = generated.equals("IDENTITY") ? Identity.BY_DEFAULT : Identity.ALWAYS;
        }
        case "RANDOM_UUID" -> {
          if (sqlType.kind() != Kind.UUID || sqlType.array()) {
            diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
                idAt, "Generated.RANDOM_UUID needs a UUID component; " + javaName + " is " + type);
            return null;
          }
          if (defaultValue == null) {
            defaultValue = ColumnDefault.RANDOM_UUID;
          }
        }
        default -> { }
      }
      if (generated.equals("AUTO") && sqlType.kind() == Kind.UUID && !sqlType.array() && defaultValue == null
          && d.type.getRecordComponents().stream().filter(c -> hasAnnotation(c, ID)).count() == 1
          && Mirrors.find(annotations, REFERENCES).isEmpty()) {
        defaultValue = ColumnDefault.RANDOM_UUID;
      }
    }
    if (identity != Identity.NONE && defaultValue != null) {
      diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
          at, "column '" + name + "' is an identity column and cannot also have a DEFAULT: remove"
          + " @Default");
      return null;
    }

    Optional<String> renamedFrom = schemacColumns.renamedFrom(annotations, reportOn, "@RenamedFrom column name");
    if (renamedFrom == null) {
      return null;
    }
    SchemacColumns.Generation generation = schemacColumns.generated(annotations, List.of(), reportOn, name,
        defaultValue, identity, id != null, markers);
    if (generation.failed()) {
      return null;
    }
    if (JavaTypes.isEnum(type) && sqlType.kind() == Kind.RAW && TypeMapper.isIntegerType(sqlType.rawSql())) {
      markers.add(Marker.ENUM_ORDINAL);
    }
    String comment = d.doc.params().get(javaName);
    List<String> suppressions = new ArrayList<>(Suppressions.on(reportOn));
    if (component.getAccessor() != null) {
      suppressions.addAll(Suppressions.on(component.getAccessor()));
    }
    return new Column(name, javaName, JavaTypes.withoutTypeAnnotations(type.toString()), sqlType, nullable, defaultValue,
        identity, markers, comment, renamedFrom.orElse(null), suppressions.stream().distinct().sorted().toList(), at,
        generation.expression());
  }

  private boolean hasAnnotation(RecordComponentElement component, String name) {
    return Mirrors.find(annotationsOf(component, backingField((TypeElement) component.getEnclosingElement(), component)),
        name).isPresent();
  }

  /** Any annotation named Nullable, as a declaration annotation or on the type (JSpecify's TYPE_USE one). */
  static boolean isNullable(List<AnnotationMirror> annotations, RecordComponentElement component, Element field) {
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
}
