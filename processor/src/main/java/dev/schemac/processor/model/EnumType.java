package dev.schemac.processor.model;

import java.util.List;

/** A native (CREATE TYPE ... AS ENUM) enum type, with its labels in declaration order. */
public record EnumType(String name, List<String> labels) {
  public EnumType {
    labels = List.copyOf(labels);
  }
}
