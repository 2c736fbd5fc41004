package dev.schemac.processor.model;

import java.util.List;

/**
 * A UNIQUE constraint over {@code columns}. On a soft-delete table it is rendered as a partial
 * unique index of the same name.
 */
public record UniqueConstraint(String name, List<String> columns, Origin origin) {
  public UniqueConstraint {
    columns = List.copyOf(columns);
  }
}
