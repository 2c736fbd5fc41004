package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.*;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The constraints and indexes of schemac's own annotations ({@code @References}, {@code @Unique},
 * {@code @Check}, {@code @Indexed}, {@code @Index}) on a record or an entity and their columns,
 * and the CHECK of the enum columns stored as text.
 */
final class SchemacConstraints {
  private final Mirrors mirrors;
  private final Diagnostics diagnostics;
  private final ConstraintNames names;
  private final ColumnResolution resolution;
  private final UserSql userSql;
  private final ClassPathTables classPath;

  SchemacConstraints(Mirrors mirrors, Diagnostics diagnostics, ConstraintNames names, ColumnResolution resolution,
      UserSql userSql, ClassPathTables classPath) {
    this.classPath = classPath;
    this.mirrors = mirrors;
    this.diagnostics = diagnostics;
    this.names = names;
    this.resolution = resolution;
    this.userSql = userSql;
  }

  /** Adds the table's constraints from schemac's annotations to {@code out}. */
  void read(Draft d, Map<String, Draft> byType, Set<String> relationNames, TableConstraints out) {
    for (Column column : d.columns) {
      List<AnnotationMirror> annotations = d.annotationsOf.get(column.name());
      if (annotations == null) {
        continue;
      }
      Element reportOn = d.reportOn.get(column.name());
      for (AnnotationMirror ref : mirrors.findRepeated(annotations, REFERENCES, REFERENCES_LIST)) {
        foreignKey(d, ref, List.of(column.name()), reportOn, byType).ifPresent(out.foreignKeys::add);
      }
      for (AnnotationMirror unique : mirrors.findRepeated(annotations, UNIQUE, UNIQUE_LIST)) {
        unique(d, unique, List.of(column.name()), reportOn, relationNames).ifPresent(out.uniques::add);
      }
      for (AnnotationMirror check : mirrors.findRepeated(annotations, CHECK, CHECK_LIST)) {
        check(d, check, column.name(), reportOn).ifPresent(out.checks::add);
      }
      if (column.type().isEnum() && !column.type().isNamedEnum()) {
        out.checks.add(enumCheck(d, column));
      }
      AnnotationMirror indexed = Mirrors.find(annotations, INDEXED).orElse(null);
      if (indexed != null) {
        String name = names.index(relationNames, d, List.of(column.name()), mirrors.string(indexed, "name"),
            new ElementOrigin(reportOn, indexed, mirrors.value(indexed, "name")));
        Long ttl = timeToLive(d, column, indexed, reportOn);
        if (name != null && ttl != null) {
          out.indexes.add(new Index(name, List.of(new Index.Element(column.name(), null, null, false,
              Index.Nulls.DEFAULT)), false, UserSql.method(mirrors.enumConstant(indexed, "method")), null,
              List.of(), ElementOrigin.of(reportOn, indexed), ttl < 0 ? null : ttl));
        }
      }
    }

    for (AnnotationMirror ref : typeLevel(d, REFERENCES, REFERENCES_LIST)) {
      List<String> cols = resolution.resolveAll(d, ref, "columns", "@References on a record");
      if (cols == null) {
        continue;
      }
      if (cols.isEmpty()) {
        diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
            ElementOrigin.of(d.type, ref), "@References on a record needs columns = {...}: the"
            + " referencing columns of the composite foreign key");
        continue;
      }
      foreignKey(d, ref, cols, d.type, byType).ifPresent(out.foreignKeys::add);
    }
    for (AnnotationMirror unique : typeLevel(d, UNIQUE, UNIQUE_LIST)) {
      List<String> cols = resolution.resolveAll(d, unique, "columns", "@Unique");
      if (cols == null) {
        continue;
      }
      if (cols.isEmpty()) {
        diagnostics.error(ErrorId.INVALID_CONSTRAINT,
            ElementOrigin.of(d.type, unique), "@Unique on a record needs columns = {...}; for one column"
            + " put @Unique on its component");
        continue;
      }
      unique(d, unique, cols, d.type, relationNames).ifPresent(out.uniques::add);
    }
    for (AnnotationMirror check : typeLevel(d, CHECK, CHECK_LIST)) {
      check(d, check, null, d.type).ifPresent(out.checks::add);
    }
    for (AnnotationMirror index : typeLevel(d, INDEX, INDEX_LIST)) {
      index(d, index, relationNames).ifPresent(out.indexes::add);
    }
  }

  /**
   * {@code @Indexed(expireAfterSeconds)}: negative for none; otherwise the column must be one point
   * in time that is not the key. Null after an error.
   */
  private Long timeToLive(Draft d, Column column, AnnotationMirror indexed, Element reportOn) {
    long seconds = mirrors.longValue(indexed, "expireAfterSeconds");
    if (seconds < 0) {
      return seconds;
    }
    LogicalType.Kind kind = column.type().kind();
    ElementOrigin at = new ElementOrigin(reportOn, indexed, Mirrors.explicitValue(indexed, "expireAfterSeconds"));
    if (column.type().array() || !(kind == Kind.INSTANT || kind == Kind.LOCAL_DATE_TIME || kind == Kind.DATE)) {
      diagnostics.error(ErrorId.WRONG_JAVA_TYPE, at, "@Indexed(expireAfterSeconds = " + seconds + ") on " + d.table + "." + column.name()
          + ": a row expires a time after the point in time its column holds, and this column is "
          + column.javaType() + ". Put it on an Instant, OffsetDateTime, LocalDateTime or LocalDate component");
      return null;
    }
    if (d.pkColumns.contains(column.name())) {
      diagnostics.error(ErrorId.INVALID_INDEX, at, "@Indexed(expireAfterSeconds = " + seconds + ") on key column " + d.table + "."
          + column.name() + ": a key is never expired. Put it on a timestamp component of its own, such as"
          + " @Indexed(expireAfterSeconds = " + seconds + ") Instant createdAt");
      return null;
    }
    return seconds;
  }

  /** Every value of an enum column stored as its constant's name is one of the constants (for an array: every element). */
  private static CheckConstraint enumCheck(Draft d, Column column) {
    LogicalType type = column.type();
    return new CheckConstraint(ConstraintNames.constraintName(d, column.name(), "check"),
        new Condition.OneOf(column.name(), type.enumValues(), type.array()), column.name(), column.origin());
  }

  /** schemac's repeatable annotations on the record or entity; none for a collection's table, which has no type. */
  private List<AnnotationMirror> typeLevel(Draft d, String name, String container) {
    return d.collectionTable ? List.of() : mirrors.findRepeated(d.type, name, container);
  }

  private Optional<ForeignKey> foreignKey(Draft d, AnnotationMirror ref, List<String> columns, Element reportOn,
      Map<String, Draft> byType) {
    AnnotationValue targetValue = mirrors.value(ref, "value");
    ElementOrigin at = new ElementOrigin(reportOn, ref, targetValue);
    if (!(targetValue.getValue() instanceof TypeMirror targetType) || targetType.getKind() == TypeKind.ERROR) {
      diagnostics.markIncomplete(); // javac reports the missing class itself ("cannot find symbol")
      return Optional.empty();
    }
    String targetName = targetType.getKind() == TypeKind.DECLARED ? JavaTypes.qualifiedName(targetType)
        : targetType.toString();
    Draft target = byType.get(targetName);
    if (target == null && targetType.getKind() == TypeKind.DECLARED) {
      target = classPath.table((TypeElement) ((DeclaredType) targetType).asElement()); // another module's record
    }
    String simple = JavaTypes.simple(targetName);
    if (target == null && diagnostics.failed(targetName)) {
      return Optional.empty(); // the referenced type's own error says what is wrong
    }
    if (target == null) {
      diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          at, "@References(" + simple + ".class) must name a @Table record (of this compilation, or"
          + " compiled before it and on the class path), and " + targetName + " is not one: add @Table to it, or"
          + " reference the record that owns the table");
      return Optional.empty();
    }
    if (target.keyDamaged || target.unreadable) {
      return Optional.empty(); // its error was reported: a key column could not be read, or the entity at all
    }
    if (target.pkColumns.isEmpty()) {
      diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          at, "@References(" + simple + ".class): table '" + target.table + "' has no primary key to"
          + " reference; mark its key component with @Id");
      return Optional.empty();
    }
    if (target.pkColumns.size() != columns.size()) {
      diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
          at, "@References(" + simple + ".class): the primary key of '" + target.table + "' has "
          + target.pkColumns.size() + " column(s) (" + String.join(", ", target.pkColumns) + "), but "
          + columns.size() + " column(s) reference it"
          + (columns.size() == 1 ? "; for a composite key put @References(value = ..., columns = {...}) on the record" : ""));
      return Optional.empty();
    }
    for (int i = 0; i < columns.size(); i++) {
      if (d.column(columns.get(i)) == null || target.column(target.pkColumns.get(i)) == null) {
        return Optional.empty(); // a column that could not be read was reported already
      }
    }
    for (String action : List.of("onDelete", "onUpdate")) {
      String value = mirrors.enumConstant(ref, action);
      List<String> notNull = columns.stream()
          .filter(c -> d.columns.stream().anyMatch(col -> col.name().equals(c) && !col.nullable())).toList();
      if ((value.equals("SET_NULL")) && !notNull.isEmpty()) {
        diagnostics.error(ErrorId.INVALID_FOREIGN_KEY,
            new ElementOrigin(reportOn, ref, Mirrors.explicitValue(ref, action)), "@References(" + action
            + " = SET_NULL) on NOT NULL column " + String.join(", ", notNull) + " of table " + d.table
            + ": every " + (action.equals("onDelete") ? "DELETE" : "key UPDATE") + " of a referenced row would fail"
            + " with a not-null violation. Mark the column @Nullable, or choose CASCADE, RESTRICT or NO_ACTION");
        return Optional.empty();
      }
    }
    String name = names.foreignKey(d, columns, mirrors.string(ref, "name"),
        new ElementOrigin(reportOn, ref, mirrors.value(ref, "name")));
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new ForeignKey(name, columns, Identifiers.qualified(target.schema, target.table), target.pkColumns,
        ForeignKey.Action.valueOf(mirrors.enumConstant(ref, "onDelete")),
        ForeignKey.Action.valueOf(mirrors.enumConstant(ref, "onUpdate")), ElementOrigin.of(reportOn, ref)));
  }

  private Optional<UniqueConstraint> unique(Draft d, AnnotationMirror unique, List<String> columns, Element reportOn,
      Set<String> relationNames) {
    String name = names.unique(relationNames, d, columns, mirrors.string(unique, "name"),
        new ElementOrigin(reportOn, unique, mirrors.value(unique, "name")));
    return Optional.of(new UniqueConstraint(name, columns, ElementOrigin.of(reportOn, unique)));
  }

  private Optional<CheckConstraint> check(Draft d, AnnotationMirror check, String column, Element reportOn) {
    AnnotationValue value = mirrors.value(check, "value");
    ElementOrigin at = new ElementOrigin(reportOn, check, value);
    String expression = ((String) value.getValue()).strip();
    if (!validExpression(expression, at, "@Check(\"" + expression + "\")")) {
      return Optional.empty();
    }
    String name = names.constraint(d, column, "check", mirrors.string(check, "name"),
        new ElementOrigin(reportOn, check, mirrors.value(check, "name")), "check constraint");
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new CheckConstraint(name, new Condition.Raw(userSql.of(expression)), column,
        ElementOrigin.of(reportOn, check)));
  }

  /**
   * One expression that cannot end the statement; reports and returns false otherwise. Whether
   * its column names exist is the unknown-column-in-expression rule's business.
   */
  private boolean validExpression(String expression, ElementOrigin at, String what) {
    String problem = SqlFragments.problem(expression);
    if (problem != null) {
      diagnostics.error(ErrorId.INVALID_SQL, at, what + " " + problem);
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
      diagnostics.error(ErrorId.INVALID_INDEX, at, "@Index needs either columns = {...} or expression = \"...\", not "
          + (written.isEmpty() ? "neither" : "both"));
      return Optional.empty();
    }
    if (!opclass.isEmpty() && !Identifiers.isValid(opclass)) {
      diagnostics.error(ErrorId.INVALID_INDEX, new ElementOrigin(d.type, index, mirrors.value(index, "opclass")),
          "@Index(opclass = \"" + opclass + "\") is not an operator class name: write one identifier of letters, digits"
          + " and _, such as text_pattern_ops");
      return Optional.empty();
    }
    String oc = opclass.isEmpty() ? null : opclass;
    RawSql operatorClass = userSql.ofNullable(oc);
    List<Index.Element> keys = new ArrayList<>();
    List<String> nameParts = new ArrayList<>();
    if (!expression.isEmpty()) {
      ElementOrigin exprAt = new ElementOrigin(d.type, index, mirrors.value(index, "expression"));
      if (!validExpression(expression, exprAt, "@Index(expression = \"" + expression + "\")")) {
        return Optional.empty();
      }
      keys.add(new Index.Element(null, userSql.of(expression), operatorClass, false, Index.Nulls.DEFAULT));
      nameParts.add(expressionWords(expression));
    } else {
      AnnotationValue columnsValue = mirrors.value(index, "columns");
      for (String entry : written) {
        IndexColumns.Key key = IndexColumns.parse(entry);
        if (key == null) {
          diagnostics.error(ErrorId.INVALID_INDEX,
              new ElementOrigin(d.type, index, columnsValue), "@Index column \"" + entry
              + "\" is not a column name optionally followed by ASC or DESC and NULLS FIRST or NULLS LAST;"
              + " for an expression use @Index(expression = \"...\")");
          return Optional.empty();
        }
        String column = ColumnResolution.resolve(d, key.written());
        if (column == null) {
          if (!ColumnResolution.failedBefore(d, key.written())) {
            diagnostics.error(ErrorId.UNKNOWN_COLUMN, new ElementOrigin(d.type, index, columnsValue),
                ColumnResolution.unknownColumn(d, "@Index", key.written()));
          }
          return Optional.empty();
        }
        keys.add(key.element(column, operatorClass));
        nameParts.add(column);
      }
    }
    List<String> include = resolution.resolveAll(d, index, "include", "@Index(include)");
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
    String method = mirrors.enumConstant(index, "method");
    if (unique && d.softDeleteColumn != null
        && !Pattern.compile("\\b" + d.softDeleteColumn + "\\b").matcher(where).find()) {
      String live = d.softDeleteColumn + " IS NULL";
      where = where.isEmpty() ? live : "(" + where + ") AND " + live;
    }
    String name = names.index(relationNames, d, nameParts, mirrors.string(index, "name"),
        new ElementOrigin(d.type, index, mirrors.value(index, "name")));
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new Index(name, keys, unique, UserSql.method(method), where.isEmpty() ? null : userSql.of(where),
        include, at));
  }

  /** {@code lower(email)} -> {@code lower_email}: the expression's words, for a readable name. */
  private static String expressionWords(String expression) {
    String words = expression.toLowerCase(Locale.ROOT).replaceAll("'[^']*'", " ")
        .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    return words.isEmpty() ? "expr" : words;
  }
}
