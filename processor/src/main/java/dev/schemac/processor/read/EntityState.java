package dev.schemac.processor.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The JPA front end's notes on one table draft, beyond the draft itself. */
final class EntityState {
  final List<JoinColumns.Join> joins = new ArrayList<>();
  final List<JoinColumns.Resolved> resolved = new ArrayList<>();
  /** The {@code @Column} (or override) in effect for each basic column, by column name. */
  final Map<String, AnnotationMirror> columnAnnotations = new HashMap<>();
  final Map<String, Element> columnAnnotationAt = new HashMap<>();
  /** A join or collection table: the {@code @JoinTable}/{@code @CollectionTable} (may be null) and its attribute. */
  AnnotationMirror tableAnnotation;
  Element tableAt;
  boolean collectionTable;
  /** Of a join or collection table: the join of the owner's columns ({@code foreignKey}; the other is {@code inverseForeignKey}). */
  JoinColumns.Join ownerJoin;
  /** Of a collection table: a UNIQUE over these columns (a set of embeddables with a nullable column, as Hibernate). */
  List<String> setUnique;
  /** Of a collection table: the {@code @OrderColumn}, whose CHECK refuses a negative position (as Hibernate). */
  String orderColumn;
  /** An order column of a one-to-many held in this (its elements') table, and where it is declared. */
  record OrderCheck(String column, ElementOrigin at) {}

  /** The order columns of one-to-many attributes without a table of their own: each a CHECK of no negative position. */
  final List<OrderCheck> orderChecks = new ArrayList<>();
  /** Enum columns stored by ordinal: the number of constants, by column name. */
  final Map<String, Integer> ordinals = new HashMap<>();
  String discriminator;
  /** The discriminator value of each concrete entity of the table's hierarchy. */
  final java.util.Map<javax.lang.model.element.TypeElement, String> entityValues = new java.util.LinkedHashMap<>();
  /** The values of the concrete entities, when they can be checked (strings, or numbers of an INTEGER discriminator). */
  List<String> discriminatorValues;
  /** Whether the discriminator is an INTEGER one: its values are numbers. */
  boolean discriminatorNumeric;
  Element discriminatorAt;
  /** A column of {@code subclass}, in a single-table hierarchy, whose mapping says NOT NULL: for its rows (and its subclasses'). */
  record SubclassNotNull(String column, javax.lang.model.element.TypeElement subclass, ElementOrigin at) {}

  /** The NOT NULL columns of single-table subclasses, each a CHECK on the rows of its entities. */
  final List<SubclassNotNull> subclassNotNull = new ArrayList<>();
  /** Check constraints of JPA 3.2's {@code @JoinColumn(check)}: by join column name, the annotations and where written. */
  final List<ColumnCheck> joinColumnChecks = new ArrayList<>();
  /** The values Hibernate's {@code @SoftDelete} column takes through its converter: a CHECK, as Hibernate (null: none). */
  List<String> softDeleteValues;
  String softDeleteColumn;

  /** A {@code @CheckConstraint} of a column, and where it is written. */
  record ColumnCheck(String column, AnnotationMirror check, Element at) {}

  /** Key columns still to come from a relationship ({@code @MapsId}, {@code @Id @ManyToOne}) or the parent table. */
  int pendingKeys;
}
