package dev.schemac.processor.read;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** The constraints and indexes of one table, collected in order by the assembler and the front ends. */
final class TableConstraints {
  final List<ForeignKey> foreignKeys = new ArrayList<>();
  final List<UniqueConstraint> uniques = new ArrayList<>();
  final List<CheckConstraint> checks = new ArrayList<>();
  final List<Index> indexes = new ArrayList<>();
}
