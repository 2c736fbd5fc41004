package dev.schemac.processor.model;

import java.util.List;

/**
 * What a CHECK constraint requires: one of the conditions schemac derives itself, which each
 * target spells, or the user's SQL for one target ({@code @Check}).
 */
public sealed interface Condition {
  /**
   * {@code column} holds one of {@code values} (an enum's constants, a discriminator's values);
   * with {@code elements}, the column is an array and each of its elements does.
   */
  record OneOf(String column, List<String> values, boolean elements) implements Condition {
    public OneOf {
      values = List.copyOf(values);
    }
  }

  /** {@code column} is a whole number at least {@code min} and, unless {@code max} is null, at most {@code max}. */
  record Range(String column, long min, Long max) implements Condition {}

  /** The user's SQL expression, for the target it is written for. */
  record Raw(RawSql sql) implements Condition {}

  /** The same condition with {@code column} renamed {@code to} (a raw one is left to the caller). */
  default Condition renamed(String from, String to) {
    if (this instanceof OneOf o && o.column().equals(from)) {
      return new OneOf(to, o.values(), o.elements());
    }
    if (this instanceof Range r && r.column().equals(from)) {
      return new Range(to, r.min(), r.max());
    }
    return this;
  }
}
