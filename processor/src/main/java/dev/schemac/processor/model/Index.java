package dev.schemac.processor.model;

import java.util.List;

/**
 * An index: key elements (columns or one expression), uniqueness, access method, an optional
 * predicate ({@code where}, null when none) and INCLUDE columns.
 */
public record Index(
    String name,
    List<Element> elements,
    boolean unique,
    Method method,
    String where,
    List<String> include,
    Origin origin) {

  public Index {
    elements = List.copyOf(elements);
    include = List.copyOf(include);
  }

  /** The columns this index keys on, in order; empty for an expression index. */
  public List<String> columns() {
    return elements.stream().filter(e -> e.column() != null).map(Element::column).toList();
  }

  /** One key element: a column or an expression, with operator class and ordering. */
  public record Element(
      String column, String expression, String opclass, boolean descending, Nulls nulls) {}

  /** NULLS FIRST / LAST, or the default. */
  public enum Nulls {
    DEFAULT,
    FIRST,
    LAST
  }

  /** Access methods. */
  public enum Method {
    BTREE,
    HASH,
    GIN,
    GIST,
    BRIN
  }
}
