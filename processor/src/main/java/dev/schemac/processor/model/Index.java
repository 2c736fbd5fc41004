package dev.schemac.processor.model;

import java.util.List;

/**
 * An index: key elements (columns or one expression), uniqueness, what it is for ({@link Method},
 * an intent each target maps to an access method of its own), an optional predicate ({@code
 * where}, the user's SQL, null when none), INCLUDE columns, and {@code expireAfterSeconds}: a
 * time-to-live index on one timestamp column, whose rows the engine deletes that many seconds after
 * the column's time (null: none; only a document target can do that).
 */
public record Index(
    String name,
    List<Element> elements,
    boolean unique,
    Method method,
    RawSql where,
    List<String> include,
    Origin origin,
    Long expireAfterSeconds) {

  public Index {
    elements = List.copyOf(elements);
    include = List.copyOf(include);
  }

  /** An index without a time to live. */
  public Index(String name, List<Element> elements, boolean unique, Method method, RawSql where, List<String> include,
      Origin origin) {
    this(name, elements, unique, method, where, include, origin, null);
  }

  /** The columns this index keys on, in order; empty for an expression index. */
  public List<String> columns() {
    return elements.stream().filter(e -> e.column() != null).map(Element::column).toList();
  }

  /**
   * One key element: a column or the user's expression, with ordering and, for the target it is
   * written for, an operator class.
   */
  public record Element(
      String column, RawSql expression, RawSql opclass, boolean descending, Nulls nulls) {}

  /** NULLS FIRST / LAST, or the default. */
  public enum Nulls {
    DEFAULT,
    FIRST,
    LAST
  }

  /** What the index is for; each target chooses the access method that serves it. */
  public enum Method {
    /** Ordered: equality, ranges, sorting, uniqueness (a B-tree). */
    ORDERED,
    /** Equality only. */
    HASH,
    /** What a value contains: array elements, JSON keys, words, trigrams (an inverted index). */
    INVERTED,
    /** Overlap, nearness and containment of ranges, geometry and similar values (a search tree). */
    SPATIAL,
    /** A small summary per range of blocks, for values stored in their order (time series). */
    BLOCK_RANGE
  }
}
