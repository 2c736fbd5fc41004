package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.Column.Marker;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.RawSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * What schemac's own annotations add to a column or a table, on a record component or an entity
 * field alike: {@code @Default}, {@code @CreatedAt}, {@code @UpdatedAt}, {@code @Hashed}, {@code
 * @Encrypted}, {@code @Json}, {@code @RenamedFrom} and {@code @SoftDelete}.
 */
final class SchemacColumns {
  private static final Set<String> TIMESTAMP_TYPES =
      Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDateTime");

  private final Mirrors mirrors;
  private final Diagnostics diagnostics;
  private final ConstraintNames names;
  private final UserSql userSql;

  SchemacColumns(Mirrors mirrors, Diagnostics diagnostics, ConstraintNames names, UserSql userSql) {
    this.mirrors = mirrors;
    this.diagnostics = diagnostics;
    this.names = names;
    this.userSql = userSql;
  }

  /** What schemac's own column annotations add to a column of known type: markers and a default (or null). */
  record Extras(List<Marker> markers, ColumnDefault defaultValue) {}

  /** The markers and default of a column of known type; null after an error. */
  Extras extras(Draft d, String name, String javaName, TypeMirror type, LogicalType sqlType,
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
        diagnostics.error(ErrorId.INVALID_DEFAULT, defAt, "@Default(\"" + defaultSql + "\") " + problem);
        return null;
      }
      if (sqlType.isEnum() && defaultSql.startsWith("'") && defaultSql.endsWith("'")
          && !sqlType.enumValues().contains(defaultSql.substring(1, defaultSql.length() - 1))) {
        diagnostics.error(ErrorId.INVALID_DEFAULT,
            defAt, "@Default(" + defaultSql + ") is not a constant of " + type + ": use one of "
            + String.join(", ", sqlType.enumValues()));
        return null;
      }
    }

    boolean createdAt = Mirrors.find(annotations, CREATED_AT).isPresent();
    boolean updatedAt = Mirrors.find(annotations, UPDATED_AT).isPresent();
    if (createdAt || updatedAt) {
      String which = createdAt && updatedAt ? "@CreatedAt and @UpdatedAt" : createdAt ? "@CreatedAt" : "@UpdatedAt";
      if (createdAt && updatedAt) {
        diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
            at, "column '" + name + "' carries both @CreatedAt and @UpdatedAt: keep one, and declare the"
            + " other time as its own component");
        return null;
      }
      if (!JavaTypes.isDeclared(type, TIMESTAMP_TYPES)) {
        diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
            at, which + " needs a point in time: declare " + javaName + " as Instant (or OffsetDateTime),"
            + " not " + type);
        return null;
      }
      markers.add(createdAt ? Marker.CREATED_AT : Marker.UPDATED_AT);
      if (defaultSql == null) {
        return markers(annotations, type, javaName, sqlType, at, markers, ColumnDefault.NOW);
      }
    }
    return markers(annotations, type, javaName, sqlType, at, markers,
        defaultSql == null ? null : userSql.defaultValue(defaultSql));
  }

  /** The markers of {@code @Hashed}, {@code @Encrypted} and {@code @Json}, with the default found; null after an error. */
  private Extras markers(List<AnnotationMirror> annotations, TypeMirror type, String javaName, LogicalType sqlType,
      ElementOrigin at, List<Marker> markers, ColumnDefault defaultValue) {
    if (Mirrors.find(annotations, HASHED).isPresent()) {
      markers.add(Marker.HASHED);
    }
    if (Mirrors.find(annotations, ENCRYPTED).isPresent()) {
      if (sqlType.kind() != Kind.BINARY) {
        diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
            at, "@Encrypted marks ciphertext, which is bytes: declare " + javaName + " as byte[] (stored"
            + " as binary), not " + type);
        return null;
      }
      markers.add(Marker.ENCRYPTED);
    }
    if (Mirrors.find(annotations, JSON).isPresent()) {
      markers.add(Marker.JSON);
    }
    return new Extras(markers, defaultValue);
  }

  /** What {@link #generated} read: the expression of a generated column (null for none), or a failure. */
  record Generation(RawSql expression, boolean failed) {
    static final Generation NONE = new Generation(null, false);
    static final Generation FAILED = new Generation(null, true);
  }

  /**
   * The expression of a stored generated column: schemac's {@code @GeneratedColumn}, or one of
   * {@code others} (Hibernate's, on an entity), at most one of them; refused with a DEFAULT, an
   * identity, on a key column and with {@code @CreatedAt}/{@code @UpdatedAt}, which each give the
   * value another way.
   */
  Generation generated(List<AnnotationMirror> annotations, List<String> others, Element reportOn, String name,
      ColumnDefault defaultValue, Identity identity, boolean key, List<Marker> markers) {
    List<AnnotationMirror> found = new ArrayList<>();
    Mirrors.find(annotations, GENERATED_COLUMN).ifPresent(found::add);
    others.forEach(other -> Mirrors.find(annotations, other).ifPresent(found::add));
    if (found.isEmpty()) {
      return Generation.NONE;
    }
    AnnotationMirror annotation = found.get(0);
    ElementOrigin at = new ElementOrigin(reportOn, annotation, mirrors.value(annotation, "value"));
    if (found.size() > 1) {
      diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS, ElementOrigin.of(reportOn, found.get(1)), "column '" + name
          + "' has schemac's and Hibernate's @GeneratedColumn: keep one");
      return Generation.FAILED;
    }
    String sql = mirrors.string(annotation, "value").strip();
    String problem = sql.isEmpty() ? "is empty: write the SQL expression the column is computed from"
        : SqlFragments.problem(sql);
    if (problem != null) {
      diagnostics.error(ErrorId.INVALID_SQL, at, "@GeneratedColumn(\"" + sql + "\") " + problem);
      return Generation.FAILED;
    }
    String conflict = key ? "is a primary-key column, whose values the application (or an identity) gives"
        : identity != Identity.NONE ? "is an identity column"
        : markers.contains(Marker.CREATED_AT) || markers.contains(Marker.UPDATED_AT)
            ? "is set to the current time by @CreatedAt or @UpdatedAt"
        : defaultValue != null ? "has a DEFAULT, and a generated column has none: remove the default" : null;
    if (conflict != null) {
      diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS, at, "column '" + name + "' is computed by @GeneratedColumn and "
          + conflict + ": keep one of the two");
      return Generation.FAILED;
    }
    return new Generation(userSql.of(sql), false);
  }

  /**
   * The old name {@code @RenamedFrom} gives (the column's or the table's, by {@code what}): empty
   * without one, null after an error.
   */
  Optional<String> renamedFrom(List<? extends AnnotationMirror> annotations, Element at, String what) {
    AnnotationMirror renamed = Mirrors.find(annotations, RENAMED_FROM).orElse(null);
    if (renamed == null) {
      return Optional.empty();
    }
    String name = names.checkedName(mirrors.string(renamed, "value"),
        new ElementOrigin(at, renamed, mirrors.value(renamed, "value")), what);
    return name == null ? null : Optional.of(name);
  }

  /** {@code @SoftDelete}: the nullable {@code deleted_at} timestamp, the component's own if it declares one. */
  void softDelete(Draft d, AnnotationMirror softDelete) {
    String name = "deleted_at";
    Column c = d.column(name);
    if (c != null) {
      Kind kind = c.type().kind();
      if (!c.nullable() || c.type().array() || (kind != Kind.INSTANT && kind != Kind.LOCAL_DATE_TIME)) {
        diagnostics.error(ErrorId.WRONG_JAVA_TYPE, ElementOrigin.of(d.reportOn.get(name)),
            "@SoftDelete uses column 'deleted_at' of table '" + d.table + "', which must be a nullable"
                + " timestamp (NULL while the row is live): declare it `@Nullable Instant deletedAt`");
        return;
      }
      List<Marker> markers = new ArrayList<>(c.markers());
      markers.add(Marker.SOFT_DELETE);
      d.columns.set(d.columns.indexOf(c), new Column(c.name(), c.javaName(), c.javaType(), c.type(), true,
          c.defaultValue(), c.identity(), markers, c.comment(), c.renamedFrom(), c.suppressions(), c.origin(),
          c.generated()));
    } else {
      d.columns.add(new Column(name, null, null, LogicalType.of(Kind.INSTANT), true, null, Identity.NONE,
          List.of(Marker.SOFT_DELETE), null, null, List.of(), ElementOrigin.of(d.type, softDelete)));
    }
    d.softDeleteColumn = name;
  }
}
