package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What PostgreSQL would refuse about the names of a schema as a whole, found before any SQL is
 * written: two relations of one name in one schema (tables, indexes, the indexes behind primary
 * keys and UNIQUE constraints, and sequences share a namespace per schema), an enum type named
 * like a table (a table has a row type of its name), a sequence named like the identity sequence
 * PostgreSQL gives a column, a schema name PostgreSQL reserves, and sequence bounds it rejects.
 * Each problem is an error on the element that came last. A reader that checks names as it goes
 * reports these first; this is the check that holds whatever built the model.
 */
public final class PostgresNamespaces {
  /**
   * The schema every PostgreSQL database starts with, and the default schema on the default
   * {@code search_path}. schemac never creates or drops it; for name collisions it is the same
   * namespace as the default schema.
   */
  public static final String PUBLIC = "public";

  private PostgresNamespaces() {}

  /** One name taken in a namespace: what it is ("table billing.invoices"), its schema, where it came from. */
  private record Taken(String what, String schema, Origin origin) {}

  public static List<Problem> check(Schema schema) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Origin> schemas = new LinkedHashMap<>();
    schema.tables().forEach(t -> {
      if (t.schema() != null) {
        schemas.putIfAbsent(t.schema(), t.origin());
      }
    });
    schema.sequences().forEach(s -> {
      if (s.schema() != null) {
        schemas.putIfAbsent(s.schema(), s.origin());
      }
    });
    schemas.forEach((name, origin) -> {
      if (name.startsWith("pg_") || name.equals("information_schema")) {
        problems.add(Problem.error(ErrorId.SYSTEM_CATALOG_NAME,
            "schema name '" + name + "' is reserved by PostgreSQL for its system schemas"
            + " (CREATE SCHEMA refuses names starting with pg_, and information_schema is the standard catalog):"
            + " choose another schema name", origin));
      }
    });

    Map<String, Map<String, Taken>> relations = new HashMap<>();
    for (Table t : schema.tables()) {
      String where = t.qualifiedName();
      claim(relations, problems, t.schema(), t.name(), new Taken("table " + where, t.schema(), t.origin()));
      if (t.primaryKey() != null) {
        claim(relations, problems, t.schema(), t.primaryKey().name(),
            new Taken("the index of primary key " + t.primaryKey().name() + " of table " + where, t.schema(),
                origin(t.primaryKey().origin(), t)));
      }
      for (UniqueConstraint u : t.uniques()) {
        claim(relations, problems, t.schema(), u.name(),
            new Taken("the index of unique constraint " + u.name() + " of table " + where, t.schema(),
                origin(u.origin(), t)));
      }
      for (Index i : t.indexes()) {
        claim(relations, problems, t.schema(), i.name(), new Taken("index " + i.name() + " on table " + where,
            t.schema(), origin(i.origin(), t)));
      }
    }
    Map<String, String> identitySequences = new HashMap<>();
    for (Table t : schema.tables()) {
      for (Column c : t.columns()) {
        if (c.identity() != Column.Identity.NONE) {
          identitySequences.put(namespace(t.schema()) + "." + PostgresNames.identitySequence(t.name(), c.name()),
              t.qualifiedName() + "." + c.name());
        }
      }
    }
    for (Sequence s : schema.sequences()) {
      String identity = identitySequences.get(namespace(s.schema()) + "." + s.name());
      if (identity != null) {
        problems.add(Problem.error(ErrorId.INVALID_SEQUENCE,
            "sequence " + s.qualifiedName() + " has the name PostgreSQL gives the identity"
            + " sequence of column " + identity + ": a migration that adds one while the other exists fails."
            + " Fix: give the sequence another name", s.origin()));
        continue;
      }
      claim(relations, problems, s.schema(), s.name(), new Taken("sequence " + s.qualifiedName(), s.schema(), s.origin()));
      if (s.increment() == 0) {
        problems.add(Problem.error(ErrorId.INVALID_SEQUENCE,
            "sequence " + s.qualifiedName() + " has increment 0, which PostgreSQL rejects:"
            + " give it a positive allocation size (Hibernate hands out that many ids per nextval)", s.origin()));
      } else if (s.increment() > 0 && s.start() < 1) {
        problems.add(Problem.error(ErrorId.INVALID_SEQUENCE,
            "sequence " + s.qualifiedName() + " starts at " + s.start() + ", below 1, the"
            + " lowest value of an ascending sequence: PostgreSQL rejects it. Fix: start it at 1 or more",
            s.origin()));
      } else if (s.increment() < 0 && s.start() > -1) {
        problems.add(Problem.error(ErrorId.INVALID_SEQUENCE,
            "sequence " + s.qualifiedName() + " counts down from " + s.start() + ", above -1,"
            + " the highest value of a descending sequence: PostgreSQL rejects it. Fix: start it at -1 or less",
            s.origin()));
      }
    }
    Map<String, Table> rowTypes = new HashMap<>();
    schema.tables().stream().filter(t -> namespace(t.schema()).equals(PUBLIC)).forEach(t -> rowTypes.put(t.name(), t));
    for (EnumType type : schema.enumTypes()) {
      Table table = rowTypes.get(type.name());
      if (table != null) {
        problems.add(Problem.error(ErrorId.DUPLICATE_NAME,
            "enum type " + type.name() + " has the name of table " + table.qualifiedName()
            + ", whose row type PostgreSQL names after it, so one of the two CREATEs fails. Fix: give the enum"
            + " type another name, such as @NativeEnum(name = \"" + type.name() + "_type\")", table.origin()));
      }
    }
    return problems;
  }

  /** The namespace a schema's relations live in: the default schema counts as public. */
  private static String namespace(String schema) {
    return schema == null ? PUBLIC : schema;
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }

  private static void claim(Map<String, Map<String, Taken>> relations, List<Problem> problems, String schema,
      String name, Taken taken) {
    Map<String, Taken> names = relations.computeIfAbsent(namespace(schema), k -> new HashMap<>());
    Taken first = names.putIfAbsent(name, taken);
    if (first != null) {
      problems.add(Problem.error(ErrorId.DUPLICATE_NAME,
          (first.what().equals(taken.what()) ? "there are two of " + taken.what()
          : taken.what() + " has the name of " + first.what()) + ": PostgreSQL keeps the"
          + " tables, indexes and sequences of a schema in one namespace" + (Objects.equals(first.schema(), schema)
          ? "" : " (and the default schema is public on the default search_path)") + ", so the second CREATE"
          + " would fail. Fix: give one of them another name", taken.origin()));
    }
  }
}
