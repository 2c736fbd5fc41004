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
  /** Enum columns stored by ordinal: the number of constants, by column name. */
  final Map<String, Integer> ordinals = new HashMap<>();
  String discriminator;
  List<String> discriminatorValues;
  Element discriminatorAt;
  /** Key columns still to come from a relationship ({@code @MapsId}, {@code @Id @ManyToOne}) or the parent table. */
  int pendingKeys;
}
