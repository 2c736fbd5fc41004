package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One call a script makes, on the database ({@code collection} null: {@code db.createCollection},
 * {@code db.runCommand}) or on one collection ({@code db.getCollection(name).createIndex(...)}),
 * with its arguments as JSON. {@link #javascript()} is its line in the mongosh script; {@link
 * #toJson()} is what a stand-in for {@code db} records when the script runs, so that a test can
 * hold the one against the other. Only methods of the mongosh API are used, no shell helpers
 * ({@code use}, {@code show}): a script runs against the database of its connection string.
 */
record Command(String collection, String method, List<JsonNode> arguments) {
  Command {
    arguments = List.copyOf(arguments);
  }

  static Command createCollection(String name, ObjectNode validator, String level, String action) {
    ObjectNode options = MongoJson.object();
    options.set("validator", validator);
    options.put("validationLevel", level);
    options.put("validationAction", action);
    return new Command(null, "createCollection", List.of(MongoJson.NODES.textNode(name), options));
  }

  static Command collMod(String name, ObjectNode validator, String level, String action) {
    ObjectNode command = MongoJson.object();
    command.put("collMod", name);
    command.set("validator", validator);
    command.put("validationLevel", level);
    command.put("validationAction", action);
    return new Command(null, "runCommand", List.of(command));
  }

  static Command createIndex(String collection, ObjectNode key, ObjectNode options) {
    return new Command(collection, "createIndex", List.of(key, options));
  }

  static Command dropIndex(String collection, String name) {
    return new Command(collection, "dropIndex", List.of(MongoJson.NODES.textNode(name)));
  }

  static Command drop(String collection) {
    return new Command(collection, "drop", List.of());
  }

  static Command renameCollection(String from, String to) {
    return new Command(from, "renameCollection", List.of(MongoJson.NODES.textNode(to)));
  }

  /**
   * A change of every document ({@code $rename}, {@code $unset}) that moves data the new validator
   * expects elsewhere: it bypasses validation, since documents are checked by the validator of the
   * version they are being moved to only once the move is complete.
   */
  static Command updateAll(String collection, String operator, ObjectNode fields) {
    ObjectNode update = MongoJson.object();
    update.set(operator, fields);
    ObjectNode options = MongoJson.object();
    options.put("bypassDocumentValidation", true);
    return new Command(collection, "updateMany", List.of(MongoJson.object(), update, options));
  }

  /**
   * Sets {@code field} to {@code value} in every document that lacks it, validation bypassed (the
   * validator that requires it comes next). {@code value} is a JSON value, a typed one as Extended
   * JSON ({@code {"$numberLong": "5"}}, written as mongosh's {@code NumberLong("5")}), or, for
   * {@code pipeline}, an aggregation expression such as {@code "$$NOW"}, which needs the pipeline
   * form of the update.
   */
  static Command backfill(String collection, String field, JsonNode value, boolean pipeline) {
    ObjectNode filter = MongoJson.object();
    filter.putObject(field).put("$exists", false);
    ObjectNode set = MongoJson.object();
    set.putObject("$set").set(field, value);
    ObjectNode options = MongoJson.object();
    options.put("bypassDocumentValidation", true);
    JsonNode update = pipeline ? MongoJson.array().add(set) : set;
    return new Command(collection, "updateMany", List.of(filter, update, options));
  }

  /** Extended JSON's one-key wrappers of a typed value, and mongosh's constructor of each. */
  private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile(
      "\\{\\s*\"\\$(numberLong|numberInt|numberDecimal|date|uuid)\":\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*}");
  private static final Map<String, String> CONSTRUCTORS = Map.of("numberLong", "NumberLong", "numberInt", "NumberInt",
      "numberDecimal", "NumberDecimal", "date", "ISODate", "uuid", "UUID");

  /** The statement in a mongosh script, ending with {@code ;}. */
  String javascript() {
    StringBuilder js = new StringBuilder(collection == null ? "db." : "db.getCollection(" + MongoJson.string(collection) + ").");
    js.append(method).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      JsonNode a = arguments.get(i);
      js.append(i == 0 ? "" : ", ");
      // a validator is read by people: one key per line; keys and options fit on one
      String json = a.isObject() && a.toString().length() > 100 ? MongoJson.pretty(a) : MongoJson.compact(a);
      // a typed value is written as mongosh writes it (a JSON string cannot hold an unescaped {" sequence)
      js.append(TYPED.matcher(json).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
          CONSTRUCTORS.get(m.group(1)) + "(" + m.group(2) + ")")));
    }
    return js.append(");").toString();
  }

  /** What a recording stand-in for {@code db} notes of the call: {@code {"on": ..., "method": ..., "arguments": [...]}}. */
  ObjectNode toJson() {
    ObjectNode n = MongoJson.object();
    n.put("on", collection == null ? "db" : collection);
    n.put("method", method);
    ArrayNode args = n.putArray("arguments");
    arguments.forEach(args::add);
    return n;
  }
}
