package dev.schemac.processor.read;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.PrimaryKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One table being read, from a record, an entity or a collection attribute: its columns first,
 * then (with every table known) its constraints.
 */
final class Draft {
  final TypeElement type;
  final String table;
  final Origin origin;
  final List<Column> columns = new ArrayList<>();
  /** The annotations of each column's component or field, for the constraint phase. */
  final Map<String, List<AnnotationMirror>> annotationsOf = new HashMap<>();
  final Map<String, Element> reportOn = new HashMap<>();
  final List<String> pkColumns = new ArrayList<>();
  /** The constraint names taken in this table (PostgreSQL's are unique per table). */
  final Set<String> constraintNames = new HashSet<>();
  DocComment doc;
  /** The table comment an annotation states; null for the type's Javadoc. */
  String comment;
  boolean entity;
  /** The table's schema, null for the default one. */
  String schema;
  PrimaryKey primaryKey;
  String softDeleteColumn;
  String renamedFrom;
  /**
   * The Java and SQL names of columns that could not be read (an error was reported on each): a
   * later mention of one is a consequence, not a second mistake, and is not reported.
   */
  final Set<String> failedColumns = new HashSet<>();
  /** Whether a column of the primary key could not be read: the key's shape is unknown, so references to it are not checked. */
  boolean keyDamaged;
  /**
   * Whether columns are missing because of an error elsewhere (a join column whose referenced
   * entity could not be read): no mention of a column is reported as unknown here.
   */
  boolean columnsIncomplete;

  /** A join table or an element collection's table: no type of its own; it belongs to its owner entity. */
  boolean collectionTable;
  /** Of a collection table: whether it is a relationship's join table (else an element collection's table). */
  boolean joinTable;
  /** The table of a {@code @TableGenerator} (also a {@link #collectionTable}: it belongs to an entity, no type of its own). */
  boolean generatorTable;
  /**
   * Its type could not be read (an error was reported, or javac reports a missing class): a
   * reference to it must not add a second error ("no primary key") for the same cause.
   */
  boolean unreadable;

  Draft(TypeElement type, String table) {
    this(type, table, ElementOrigin.of(type));
  }

  Draft(TypeElement type, String table, Origin origin) {
    this.type = type;
    this.table = table;
    this.origin = origin;
  }

  /** The column of that SQL name, or null. */
  Column column(String name) {
    for (Column c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
