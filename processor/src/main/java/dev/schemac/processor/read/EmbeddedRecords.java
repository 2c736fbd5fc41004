package dev.schemac.processor.read;

import dev.schemac.processor.model.ErrorId;
import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.LogicalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A record inside a {@code @Table} record (not {@code @Json}): an embedded document whose fields
 * are the nested record's components, read with the same type mapping, nullability and {@code
 * @Column} sizes as columns; {@code List<Record>} and {@code Record[]} are arrays of them. Keys,
 * references, uniqueness, checks, defaults, timestamps and renames belong to the table's own
 * components: on a nested component they are errors that say so. A record that contains itself
 * has no finite validator and is an error too.
 */
final class EmbeddedRecords {
  /** Annotations that mean nothing on a field of an embedded document, with what to do instead. */
  private static final Map<String, String> TABLE_ONLY = new LinkedHashMap<>();

  static {
    for (String name : List.of(ID, REFERENCES, REFERENCES_LIST, UNIQUE, UNIQUE_LIST, INDEXED, CHECK, CHECK_LIST,
        DEFAULT, CREATED_AT, UPDATED_AT, RENAMED_FROM, NATIVE_ENUM)) {
      TABLE_ONLY.put(name, "@" + name.substring(name.lastIndexOf('.') + 1).replace(".List", ""));
    }
  }

  private final Mirrors mirrors;
  private final Diagnostics diagnostics;
  private final UserSql userSql;
  /** The records being read, outermost first: a record met again is a cycle. */
  private final Deque<TypeElement> reading = new ArrayDeque<>();

  EmbeddedRecords(Mirrors mirrors, Diagnostics diagnostics, UserSql userSql) {
    this.mirrors = mirrors;
    this.diagnostics = diagnostics;
    this.userSql = userSql;
  }

  /** The record a component embeds, directly or as the elements of a List or an array; null for any other type. */
  static TypeElement embedded(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return record(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.List")
          && declared.getTypeArguments().size() == 1) {
        return record(declared.getTypeArguments().get(0));
      }
    }
    return record(type);
  }

  private static TypeElement record(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD
        ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  /**
   * The document type of a component whose type embeds {@code nested} ({@link #embedded}), read
   * from the nested record's components; null after an error (reported on {@code at}, or on the
   * nested component at fault).
   */
  LogicalType document(TypeMirror type, TypeElement nested, String column, String table, ElementOrigin at) {
    if (Mirrors.find(nested, TABLE).isPresent()) {
      diagnostics.error(ErrorId.UNMAPPED_TYPE, at, "column '" + column + "' of table '" + table + "' embeds " + nested.getSimpleName()
          + ", a @Table record: a table's rows are not copied into another table's. Reference it with"
          + " @References(" + nested.getSimpleName() + ".class) on a component of its key's type, or embed a"
          + " record that is not a @Table");
      return null;
    }
    if (reading.contains(nested)) {
      List<String> path = new ArrayList<>();
      reading.descendingIterator().forEachRemaining(t -> path.add(t.getSimpleName().toString()));
      path.add(nested.getSimpleName().toString());
      diagnostics.error(ErrorId.UNMAPPED_TYPE, at, "embedded record " + nested.getSimpleName() + " contains itself (" + String.join(" -> ", path)
          + "): a document validator cannot describe an endless nesting. Keep the inner one in a table of its own"
          + " and reference it by key, or store it as JSON with @Json");
      return null;
    }
    reading.push(nested);
    try {
      List<Column> fields = fields(nested);
      if (fields == null) {
        return null;
      }
      if (fields.isEmpty()) {
        diagnostics.error(ErrorId.UNMAPPED_TYPE, at, "embedded record " + nested.getSimpleName() + " has no components, so column '" + column
            + "' of table '" + table + "' could hold nothing: give it components, or remove the column");
        return null;
      }
      LogicalType document = LogicalType.document(fields);
      return record(type) == null ? document.asArray() : document;
    } finally {
      reading.pop();
    }
  }

  /** The fields of a nested record, in component order; null after an error. */
  private List<Column> fields(TypeElement nested) {
    DocComment doc = DocComment.parse(mirrors.elements().getDocComment(nested));
    Map<String, Column> byName = new LinkedHashMap<>();
    boolean failed = false;
    for (RecordComponentElement component : nested.getRecordComponents()) {
      Element field = RecordReader.backingField(nested.getEnclosedElements(), component);
      Column f = field(nested, component, field, doc);
      if (f == null) {
        failed = true;
        continue;
      }
      Column other = byName.putIfAbsent(f.name(), f);
      if (other != null) {
        diagnostics.error(ErrorId.DUPLICATE_NAME, ElementOrigin.of(field), "field '" + f.name() + "' of embedded record "
            + nested.getSimpleName() + " is already used by component '" + other.javaName()
            + "': give one of them @Column(name = \"...\")");
        failed = true;
      }
    }
    return failed ? null : List.copyOf(byName.values());
  }

  private Column field(TypeElement nested, RecordComponentElement component, Element reportOn, DocComment doc) {
    List<AnnotationMirror> annotations = RecordReader.annotationsOf(component, reportOn);
    String javaName = component.getSimpleName().toString();
    ElementOrigin at = ElementOrigin.of(reportOn);
    for (AnnotationMirror a : annotations) {
      String refused = TABLE_ONLY.get(Mirrors.typeName(a));
      if (refused != null) {
        diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS, ElementOrigin.of(reportOn, a), refused + " on " + javaName + " has no meaning inside "
            + nested.getSimpleName() + ", which is embedded in a table as a document: keys, references,"
            + " uniqueness, checks, indexes, defaults, timestamps and renames are declared on the @Table record's own"
            + " components. Remove " + refused + " here");
        return null;
      }
    }
    String name = Naming.snakeCase(javaName);
    int length = 0, precision = 0, scale = 0;
    String custom = "";
    AnnotationMirror columnAnn = Mirrors.find(annotations, COLUMN).orElse(null);
    if (columnAnn != null) {
      String explicit = mirrors.string(columnAnn, "name");
      if (!explicit.isEmpty()) {
        if (!dev.schemac.processor.model.Identifiers.isValid(explicit)) {
          diagnostics.error(ErrorId.INVALID_NAME, new ElementOrigin(reportOn, columnAnn, mirrors.value(columnAnn, "name")), "@Column(name = \""
              + explicit + "\") is not a field name: use letters, digits and underscores, starting with a letter");
          return null;
        }
        name = explicit;
      }
      length = mirrors.integer(columnAnn, "length");
      precision = mirrors.integer(columnAnn, "precision");
      scale = mirrors.integer(columnAnn, "scale");
      custom = mirrors.string(columnAnn, "type").strip();
      if (!ColumnSizes.check(diagnostics, ElementOrigin.of(reportOn, columnAnn), length, precision, scale)) {
        return null;
      }
    }
    TypeMirror type = component.asType();
    if (JavaTypes.containsErrorType(type)) {
      diagnostics.markIncomplete();
      return null;
    }
    boolean json = Mirrors.find(annotations, JSON).isPresent();
    LogicalType logical;
    TypeElement inner = json || !custom.isEmpty() ? null : embedded(type);
    if (inner != null) {
      logical = document(type, inner, name, nested.getSimpleName().toString(), at);
      if (logical == null) {
        return null;
      }
    } else {
      TypeMapper.Mapped mapped = TypeMapper.map(type, new TypeMapper.Hints(length, precision, scale, custom, json, null),
          userSql);
      if (mapped.error() != null) {
        diagnostics.error(mapped.errorId(), at, "field '" + name + "' of embedded record " + nested.getSimpleName() + ": " + mapped.error());
        return null;
      }
      logical = mapped.type();
    }
    List<Marker> markers = new ArrayList<>();
    if (Mirrors.find(annotations, HASHED).isPresent()) {
      markers.add(Marker.HASHED);
    }
    if (Mirrors.find(annotations, ENCRYPTED).isPresent()) {
      markers.add(Marker.ENCRYPTED);
    }
    if (json) {
      markers.add(Marker.JSON);
    }
    boolean nullable = RecordReader.isNullable(annotations, component, reportOn);
    return new Column(name, javaName, JavaTypes.withoutTypeAnnotations(type.toString()), logical, nullable, null,
        Identity.NONE, markers, doc.params().get(javaName), null, List.of(), at);
  }
}
