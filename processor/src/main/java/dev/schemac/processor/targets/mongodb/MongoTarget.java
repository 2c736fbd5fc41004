package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.targets.DocumentTarget;
import dev.schemac.processor.targets.MigrationPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MongoDB (6.0 and later): one collection per table, named as the table; a {@code $jsonSchema}
 * validator per collection with {@code validationLevel: "strict"} and {@code validationAction:
 * "error"}, stated in every command rather than left to the server's defaults; the indexes as
 * {@code createIndex} takes them; per version a mongosh script for the up and one for the down
 * ({@code mongodb/migration/V{N}__d.js}, {@code mongodb/undo/U{N}__d.js}); the current schema as
 * {@code mongodb/schema.js} and the plain JSON of each validator as {@code
 * mongodb/validators/<collection>.json}. docs/mongodb.md says what maps to what, and what was
 * verified against what.
 */
public final class MongoTarget implements DocumentTarget {
  public static final String ID = "mongodb";
  /** A collection's indexes, _id's included: MongoDB refuses the 65th. */
  static final int MAX_INDEXES = 64;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "MongoDB";
  }

  /** A namespace ({@code database.collection}) has at most 255 bytes. */
  @Override
  public int maxIdentifierBytes() {
    return 255;
  }

  /** Field names are not words of a language: only {@code $} first and dots are refused, and no identifier has them. */
  @Override
  public boolean isReserved(String word) {
    return false;
  }

  /** The BSON type, as {@code $jsonSchema} names it: {@code date}, {@code binData}, {@code array of string}. */
  @Override
  public String typeName(LogicalType type) {
    Column probe = new Column("x", null, null, type, false, null, Column.Identity.NONE, List.of(), null, null,
        List.of(), Origin.NONE);
    String element = BsonTypes.element(probe);
    String name = element == null ? "none" : element;
    return BsonTypes.array(probe) ? "array of " + name : name;
  }

  /** No type is spelled in MongoDB's terms: a type written in SQL is read by the target it is written for. */
  @Override
  public LogicalType readType(String sql) {
    return null;
  }

  /** References are plain fields: MongoDB checks no referenced document. */
  @Override
  public boolean enforcesForeignKeys() {
    return false;
  }

  /** Field and collection names are written as JSON strings, never quoted otherwise. */
  @Override
  public String quote(String identifier) {
    return identifier;
  }

  /** MongoDB has no defaults: the application writes every value (docs/mongodb.md). */
  @Override
  public String defaultExpression(Table table, Column column) {
    return null;
  }

  @Override
  public String checkExpression(Table table, CheckConstraint check) {
    return check.raw() != null ? check.raw().sql() : check.condition().toString();
  }

  @Override
  public String indexDefinition(Table table, Index index) {
    CollectionSpec spec = CollectionSpec.of(table);
    return spec.indexes.stream().filter(i -> i.name().equals(index.name())).findFirst()
        .map(i -> "createIndex(" + MongoJson.compact(i.key()) + ", " + MongoJson.compact(i.options()) + ")")
        .orElse("not built on MongoDB");
  }

  @Override
  public List<Rule> rules() {
    return MongoRules.all();
  }

  @Override
  public List<Problem> unsupported(Schema schema) {
    List<Problem> problems = new ArrayList<>();
    String off = " Fix: change it, or leave " + ID + " out of -Aschemac.targets.";
    for (Sequence sequence : schema.sequences()) {
      problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "sequence " + sequence.qualifiedName() + " cannot be created: MongoDB has no"
          + " sequences (target " + ID + "). Fix: use a UUID key that the application generates, or leave " + ID
          + " out of -Aschemac.targets.", sequence.origin()));
    }
    for (Table table : schema.tables()) {
      if (table.schema() != null) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "table " + table.qualifiedName() + " is in schema " + table.schema() + ", and a"
            + " MongoDB collection lives in the database of the connection, not in a schema (target " + ID + ")."
            + off, table.origin()));
      }
      Map<String, String> fields = new HashMap<>();
      for (Column column : table.columns()) {
        Origin at = column.origin() == null || column.origin() == Origin.NONE ? table.origin() : column.origin();
        String field = CollectionSpec.fieldName(table, column);
        String other = fields.putIfAbsent(field, column.name());
        if (other != null) {
          problems.add(Problem.error(ErrorId.DUPLICATE_NAME, "columns " + other + " and " + column.name() + " of " + table.name() + " would"
              + " both be field '" + field + "' of collection " + table.name() + " (target " + ID + ")." + off, at));
        }
        unsupportedType(table, column, column.type(), column.name(), at, problems);
        if (column.isGenerated()) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "column " + table.name() + "." + column.name()
              + " is computed by @GeneratedColumn(\"" + column.generated().sql() + "\"), and MongoDB computes no field"
              + " of a stored document (target " + ID + "). Fix: compute the value in the application and store it as"
              + " a plain field (remove @GeneratedColumn), or leave " + ID + " out of -Aschemac.targets.", at));
        }
      }
      CollectionSpec spec = CollectionSpec.of(table);
      int count = 1 + spec.indexes.size();
      if (count > MAX_INDEXES) {
        problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "collection " + table.name() + " would have " + count + " indexes (_id's included),"
            + " and MongoDB refuses more than " + MAX_INDEXES + " (target " + ID + "). Fix: drop the indexes queries"
            + " do not need, or leave " + ID + " out of -Aschemac.targets.", table.origin()));
      }
    }
    return problems;
  }

  /** A type, at any depth of an embedded document, that has no BSON type. */
  private static void unsupportedType(Table table, Column column, LogicalType type, String path, Origin at,
      List<Problem> problems) {
    if (type.isDocument()) {
      for (Column f : type.fields()) {
        Origin fieldAt = f.origin() == null || f.origin() == Origin.NONE ? at : f.origin();
        unsupportedType(table, f, f.type(), path + "." + f.name(), fieldAt, problems);
      }
      return;
    }
    if (BsonTypes.element(column) != null) {
      return;
    }
    String fix = type.kind() == LogicalType.Kind.DURATION
        ? "store it as a number of a unit named in the component, such as long timeoutMillis, or as its ISO-8601 text"
            + " (String)"
        : type.kind() == LogicalType.Kind.OFFSET_TIME
            ? "store it as its ISO-8601 text (String) without the @JdbcTypeCode, or leave " + ID + " out of -Aschemac.targets"
        : "remove @Column(type = \"" + type.rawSql() + "\") so that the Java type maps, or leave " + ID
            + " out of -Aschemac.targets";
    problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "column " + table.name() + "." + path + " is "
        + (type.kind() == LogicalType.Kind.RAW ? "of SQL type " + type.rawSql() : column.javaType())
        + ", which has no BSON type that MongoDB's driver writes for it (target " + ID + "). Fix: " + fix + ".", at));
  }

  @Override
  public Map<String, String> schemaFiles(Schema schema, List<String> header) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> statements = new ArrayList<>();
    for (Table table : schema.tables()) {
      MongoMigration.create(table).forEach(c -> statements.add(c.javascript()));
      files.put("validators/" + table.name() + ".json", MongoJson.pretty(CollectionSpec.of(table).validator) + "\n");
    }
    List<String> lines = new ArrayList<>(header);
    lines.add("Creates every collection with its validator and indexes, on an empty database: run it with");
    lines.add("mongosh \"mongodb://host/<database>\" schema.js (the database of the connection string).");
    files.put("schema.js", migrationFile(lines, statements, "No collections."));
    return files;
  }

  @Override
  public String scriptExtension() {
    return "js";
  }

  /** MongoDB runs no DDL in a transaction: each command on its own, in order. */
  @Override
  public String howToRun(boolean transactional) {
    return "Runs each command on its own, in order, against the database of the connection string: mongosh"
        + " \"mongodb://host/<database>\" <this file>";
  }

  @Override
  public MigrationPlan migration(SchemaChanges changes) {
    MongoMigration m = MongoMigration.of(changes);
    return new MigrationPlan(m.up(), List.of(), m.down(), List.of(), m.problems());
  }

  @Override
  public String migrationFile(List<String> header, List<String> statements, String emptyNote) {
    StringBuilder js = new StringBuilder();
    for (String line : header) {
      js.append("// ").append(line.replace("\n", " ")).append('\n');
    }
    js.append('\n');
    if (statements.isEmpty()) {
      js.append("// ").append(emptyNote).append('\n');
    } else {
      js.append(String.join("\n\n", statements)).append('\n');
    }
    return js.toString();
  }
}
