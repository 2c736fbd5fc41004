package dev.schemac.processor.read;

import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names of tables' constraints and indexes, generated or written, for both front ends. Two
 * namespaces: the schema-wide one PostgreSQL shares between tables, sequences and indexes
 * (primary keys and UNIQUE constraints are indexes too), passed in as {@code relationNames}; and
 * each table's own for its other constraints ({@link Draft#constraintNames}).
 */
final class ConstraintNames {
  private final Diagnostics diagnostics;

  ConstraintNames(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A user-written identifier, or null (after an error) when it is not one. */
  String checkedName(String name, Origin origin, String what) {
    if (!Identifiers.isValid(name)) {
      diagnostics.error(origin, "invalid " + what + " \"" + name + "\": write a lowercase SQL identifier"
          + " (letters a-z, digits and _, not starting with a digit), such as \""
          + suggestIdentifier(name) + "\"");
      return null;
    }
    return name;
  }

  private static String suggestIdentifier(String name) {
    return Identifiers.suggestion(Naming.snakeCase(name.strip()), "my_name");
  }

  /** A generated name in the schema-wide namespace: a collision gets {@code _2}, {@code _3}... */
  static String relationName(Set<String> taken, String... parts) {
    String base = Identifiers.generated(List.of(parts));
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = Identifiers.fit(base + "_" + n);
    }
    taken.add(name);
    return name;
  }

  /** A written name in the schema-wide namespace; null after an error. */
  String explicitRelationName(Set<String> taken, String explicit, ElementOrigin at, String what) {
    String name = checkedName(explicit, at, what + " name");
    if (name == null) {
      return null;
    }
    if (!taken.add(name)) {
      diagnostics.error(at, what + " name '" + name + "' is already used by another table, index or constraint:"
          + " choose another");
      return null;
    }
    return name;
  }

  /** A generated constraint name, unique within its table: {@code <table>_<column>_check}, then {@code ...check2}. */
  static String constraintName(Draft d, String columns, String suffix) {
    String base = columns == null ? Identifiers.generated(List.of(d.table, suffix))
        : Identifiers.generated(List.of(d.table, columns, suffix));
    String name = base;
    for (int n = 2; d.constraintNames.contains(name); n++) {
      name = Identifiers.fit(base + n);
    }
    d.constraintNames.add(name);
    return name;
  }

  boolean claimConstraint(Draft d, String name, ElementOrigin at) {
    if (!d.constraintNames.add(name)) {
      diagnostics.error(at, "constraint name '" + name + "' is already used in table '" + d.table + "': choose another");
      return false;
    }
    return true;
  }

  /**
   * A table constraint's name: {@code explicit} when written (checked, and claimed in the table),
   * else {@code <table>_<columns>_<suffix>} ({@code columns} null for none); null after an error.
   */
  String constraint(Draft d, String columns, String suffix, String explicit, ElementOrigin at, String what) {
    if (explicit.isEmpty()) {
      return constraintName(d, columns, suffix);
    }
    String name = checkedName(explicit, at, what + " name");
    return name == null || !claimConstraint(d, name, at) ? null : name;
  }

  /** A foreign key's name: written, or {@code <table>_<columns>_fkey}; null after an error. */
  String foreignKey(Draft d, List<String> columns, String explicit, ElementOrigin at) {
    return constraint(d, String.join("_", columns), "fkey", explicit, at, "foreign key");
  }

  /** A UNIQUE constraint's name: written, or {@code <table>_<columns>_key}; null after an error. */
  String unique(Set<String> relationNames, Draft d, List<String> columns, String explicit, ElementOrigin at) {
    return explicit.isEmpty() ? relationName(relationNames, d.table, String.join("_", columns), "key")
        : explicitRelationName(relationNames, explicit, at, "unique constraint");
  }

  /** An index's name: written, or {@code idx_<table>_<parts>}; null after an error. */
  String index(Set<String> relationNames, Draft d, List<String> parts, String explicit, ElementOrigin at) {
    if (!explicit.isEmpty()) {
      return explicitRelationName(relationNames, explicit, at, "index");
    }
    List<String> all = new ArrayList<>(List.of("idx", d.table));
    all.addAll(parts);
    return relationName(relationNames, all.toArray(String[]::new));
  }
}
