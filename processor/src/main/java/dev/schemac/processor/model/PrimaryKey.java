package dev.schemac.processor.model;

import java.util.List;

/** The primary key: its constraint name and columns in key order. */
public record PrimaryKey(String name, List<String> columns, Origin origin) {
  public PrimaryKey {
    columns = List.copyOf(columns);
  }
}
