package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.model.change.SchemaChanges;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version's up and down as mongosh commands, from the same diff the SQL targets render. A
 * validator is replaced whole ({@code collMod}) whenever anything it states changed, so the
 * migration compares the validators of both versions rather than listing column changes; an
 * index MongoDB cannot alter is dropped and created again. The down is the same transition with
 * the versions swapped.
 *
 * <p>Order, per collection: renamed collections first; then renamed fields ({@code $rename}),
 * the new validator, dropped and created indexes, and last the fields of dropped columns ({@code
 * $unset}: their data goes, as a dropped column's does); new collections are created with their
 * validator and indexes, dropped ones dropped.
 */
final class MongoMigration {
  static final String LEVEL = "strict";
  static final String ACTION = "error";

  private final List<String> up = new ArrayList<>();
  private final List<String> down = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  /** A table of both versions, and which of its columns each column of the other version was. */
  private record Pair(Table from, Table to, Map<String, String> previousColumn) {}

  static MongoMigration of(SchemaChanges changes) {
    MongoMigration m = new MongoMigration();
    List<Pair> forward = new ArrayList<>();
    List<Pair> backward = new ArrayList<>();
    for (SchemaChanges.Pair p : changes.kept()) {
      Map<String, String> renamed = new HashMap<>();
      for (Change.RenameColumn r : changes.of(Change.RenameColumn.class)) {
        if (r.table().equals(p.after().qualifiedName())) {
          renamed.put(r.to(), r.from());
        }
      }
      Map<String, String> previous = new LinkedHashMap<>();
      for (Column c : p.after().columns()) {
        String was = renamed.getOrDefault(c.name(), c.name());
        if (p.before().column(was).isPresent()) {
          previous.put(c.name(), was);
        }
      }
      Map<String, String> inverse = new LinkedHashMap<>();
      previous.forEach((now, was) -> inverse.put(was, now));
      forward.add(new Pair(p.before(), p.after(), previous));
      backward.add(new Pair(p.after(), p.before(), inverse));
    }
    Set<String> keptBefore = new HashSet<>();
    Set<String> keptAfter = new HashSet<>();
    changes.kept().forEach(p -> {
      keptBefore.add(p.before().qualifiedName());
      keptAfter.add(p.after().qualifiedName());
    });
    List<Table> created = changes.after().tables().stream().filter(t -> !keptAfter.contains(t.qualifiedName())).toList();
    List<Table> dropped = changes.before().tables().stream().filter(t -> !keptBefore.contains(t.qualifiedName())).toList();
    m.transition(forward, created, dropped, m.up);
    m.transition(backward, dropped, created, m.down);
    return m;
  }

  List<String> up() {
    return up;
  }

  List<String> down() {
    return down;
  }

  List<Problem> problems() {
    return problems;
  }

  /** The whole schema of {@code tables}, for an empty database: each collection with its validator and indexes. */
  static List<Command> create(Table table) {
    CollectionSpec spec = CollectionSpec.of(table);
    List<Command> commands = new ArrayList<>();
    commands.add(Command.createCollection(spec.name(), spec.validator, LEVEL, ACTION));
    for (CollectionSpec.IndexSpec index : spec.indexes) {
      commands.add(Command.createIndex(spec.name(), index.key(), index.options()));
    }
    return commands;
  }

  private void transition(List<Pair> kept, List<Table> created, List<Table> dropped, List<String> out) {
    for (Pair p : kept) {
      if (!p.from().name().equals(p.to().name())) {
        out.add(Command.renameCollection(p.from().name(), p.to().name()).javascript());
      }
    }
    for (Table t : created) {
      create(t).forEach(c -> out.add(c.javascript()));
    }
    for (Pair p : kept) {
      change(p, out);
    }
    for (Table t : dropped) {
      out.add(Command.drop(t.name()).javascript());
    }
  }

  private void change(Pair p, List<String> out) {
    CollectionSpec from = CollectionSpec.of(p.from());
    CollectionSpec to = CollectionSpec.of(p.to());
    String name = to.name();
    ObjectNode renames = MongoJson.object();
    p.previousColumn().forEach((now, was) -> {
      String a = from.field(was);
      String b = to.field(now);
      if (!a.equals(b)) {
        if (a.equals("_id") || b.equals("_id")) {
          problems.add(Problem.error(ErrorId.UNSUPPORTED_BY_TARGET, "table " + p.to().name() + ": column " + now + " would move between _id and a"
              + " field of its own (" + a + " -> " + b + "), which MongoDB cannot do in place (target mongodb). Fix:"
              + " keep the key's columns, or copy the collection into a new one by hand", p.to().origin()));
        } else {
          renames.put(a, b);
        }
      }
    });
    if (!renames.isEmpty()) {
      out.add(Command.updateAll(name, "$rename", renames).javascript());
    }
    for (Column c : p.to().columns()) {
      if (!p.previousColumn().containsKey(c.name())) {
        backfill(name, to.field(c.name()), c, out);
      }
    }
    if (!from.validator.equals(to.validator)) {
      out.add(Command.collMod(name, to.validator, LEVEL, ACTION).javascript());
    }
    Map<String, CollectionSpec.IndexSpec> before = new LinkedHashMap<>();
    from.indexes.forEach(i -> before.put(i.name(), i));
    Map<String, CollectionSpec.IndexSpec> after = new LinkedHashMap<>();
    to.indexes.forEach(i -> after.put(i.name(), i));
    for (CollectionSpec.IndexSpec i : before.values()) {
      if (!same(i, after.get(i.name()))) {
        out.add(Command.dropIndex(name, i.name()).javascript());
      }
    }
    for (CollectionSpec.IndexSpec i : after.values()) {
      if (!same(i, before.get(i.name()))) {
        out.add(Command.createIndex(name, i.key(), i.options()).javascript());
      }
    }
    Set<String> kept = new HashSet<>(p.previousColumn().values());
    ObjectNode unset = MongoJson.object();
    for (Column c : p.from().columns()) {
      String field = from.field(c.name());
      if (!kept.contains(c.name()) && !field.equals("_id")) {
        unset.put(field, "");
      }
    }
    if (!unset.isEmpty()) {
      out.add(Command.updateAll(name, "$unset", unset).javascript());
    }
  }

  /**
   * A field the validator starts to require, with a default: every document that lacks it gets the
   * default, typed as the validator's {@code bsonType} wants it, before the validator that
   * requires it (as ADD COLUMN ... DEFAULT fills the rows of an SQL table). A default MongoDB cannot
   * compute on the server (a random UUID, SQL) leaves the documents as they are, which the script
   * says in a comment.
   */
  private void backfill(String collection, String field, Column c, List<String> out) {
    if (c.nullable() || c.defaultValue() == null || field.equals("_id")) {
      return;
    }
    String bson = BsonTypes.array(c) ? null : BsonTypes.element(c);
    JsonNode value = null;
    boolean pipeline = false;
    if (c.defaultValue() instanceof ColumnDefault.Now && "date".equals(bson)) {
      value = TextNode.valueOf("$$NOW"); // the time of the update, on the server
      pipeline = true;
    } else if (c.defaultValue() instanceof ColumnDefault.Literal literal && bson != null) {
      value = typed(bson, literal);
    }
    if (value == null) {
      out.add("// " + collection + "." + field + " is required from here on and has a default MongoDB cannot"
          + " compute: documents without it are left so, and cannot be updated until the application writes it.");
      return;
    }
    out.add(Command.backfill(collection, field, value, pipeline).javascript());
  }

  /** A literal default as a value of BSON type {@code bson}, or null when it is not one. */
  private static JsonNode typed(String bson,
      ColumnDefault.Literal literal) {
    String text = literal.text();
    ObjectNode wrapped = MongoJson.object();
    switch (literal.kind()) {
      case BOOLEAN -> {
        return bson.equals("bool")
            ? BooleanNode.valueOf(text.equalsIgnoreCase("true")) : null;
      }
      case NUMBER -> {
        switch (bson) {
          case "int" -> wrapped.put("$numberInt", text);
          case "long" -> wrapped.put("$numberLong", text);
          case "decimal" -> wrapped.put("$numberDecimal", text);
          case "double" -> {
            return DecimalNode.valueOf(new BigDecimal(text));
          }
          default -> {
            return null;
          }
        }
        return wrapped;
      }
      default -> {
        return bson.equals("string") ? TextNode.valueOf(text) : null;
      }
    }
  }

  private static boolean same(CollectionSpec.IndexSpec a, CollectionSpec.IndexSpec b) {
    return b != null && a.key().equals(b.key()) && a.options().equals(b.options());
  }
}
