package dev.schemac.processor.targets.mongodb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB target on a small shop (test resources {@code mongodb/shop}: an embedded address,
 * embedded order lines, an enum, references, a soft-deleted collection with a unique field, a
 * compound, a partial and a TTL index), verified as far as it can be without a {@code mongod}:
 *
 * <ul>
 *   <li>the files, byte for byte, against golden files a person has read ({@code mongodb/golden});
 *       the same bytes when the sources come in the other order;
 *   <li>each validator loads as JSON Schema draft 4 restricted to the keywords MongoDB's {@code
 *       $jsonSchema} supports, with {@code bsonType} ({@link JsonSchemaValidators}), accepts the
 *       documents the Java driver would write for valid records and refuses invalid ones;
 *   <li>each script runs under Node.js against a recording stand-in for {@code db} ({@link
 *       MongoshStub}) and makes exactly the expected calls, with the validator of the JSON file;
 *   <li>version 2 (a field added, one renamed, an enum value added, an index added, a TTL changed):
 *       the up and the down make the expected calls, and version 1's scripts stay as they were.
 * </ul>
 */
class MongoTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final String[] OPTIONS = {"-Aschemac.targets=mongodb"};

  @TempDir static Path temp;
  private static Path v1;
  private static Map<String, String> v1Files;

  @BeforeAll
  static void compileVersion1() throws IOException {
    v1 = temp.resolve("v1");
    SchemacCompiler.Result result = SchemacCompiler.compile(v1, SchemacCompiler.resourcesUnder("mongodb/shop"), OPTIONS);
    assertThat(result.compilation()).succeededWithoutWarnings();
    v1Files = files(v1);
  }

  /** Every file under {@code dir}, by relative path with {@code /}, sorted. */
  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, UTF_8));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ files

  @Test
  void files_areTheGoldenOnes() throws IOException {
    assertThat(v1Files.keySet()).containsExactly("schema.md", "snapshots/v1.json", "mongodb/schema.js",
        "mongodb/validators/customers.json", "mongodb/validators/orders.json", "mongodb/validators/sessions.json",
        "mongodb/migration/V1__initial_schema.js", "mongodb/undo/U1__initial_schema.js");
    for (String file : List.of("mongodb/schema.js", "mongodb/validators/customers.json",
        "mongodb/validators/orders.json", "mongodb/validators/sessions.json", "mongodb/undo/U1__initial_schema.js")) {
      assertWithMessage(file).that(v1Files.get(file)).isEqualTo(golden(file));
    }
    // the first up is the schema of version 1, with the migration's own header
    String up = v1Files.get("mongodb/migration/V1__initial_schema.js");
    String schema = v1Files.get("mongodb/schema.js");
    assertThat(body(up)).isEqualTo(body(schema));
  }

  /** A script without its comment lines. */
  private static String body(String script) {
    return script.lines().filter(l -> !l.startsWith("//")).reduce("", (a, b) -> a + b + "\n").strip();
  }

  private static String golden(String file) throws IOException {
    Path path = Path.of("src/test/resources/mongodb/golden", file);
    return Files.readString(path, UTF_8);
  }

  @Test
  void files_areTheSameBytes_whateverTheOrderOfTheSources() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>(SchemacCompiler.resourcesUnder("mongodb/shop"));
    Collections.reverse(sources);
    Path again = temp.resolve("again");
    assertThat(SchemacCompiler.compile(again, sources, OPTIONS).compilation()).succeeded();
    assertThat(files(again)).isEqualTo(v1Files);
  }

  // ------------------------------------------------------------------ validators

  private static Schema validator(String collection) throws IOException {
    JsonNode file = JSON.readTree(v1Files.get("mongodb/validators/" + collection + ".json"));
    return JsonSchemaValidators.load(file.get("$jsonSchema"));
  }

  private static ObjectNode address() {
    ObjectNode a = NODES.objectNode();
    a.put("street", "1 Main St");
    a.put("zip", "12345");
    a.putNull("country");
    return a;
  }

  /** A customer as the Java driver writes the record: a UUID as binData, an Instant as a date. */
  private static ObjectNode customer() {
    ObjectNode c = NODES.objectNode();
    c.set("_id", NODES.binaryNode(new byte[16]));
    c.put("email", "ada@example.com");
    c.put("name", "Ada");
    c.set("address", address());
    c.putArray("phones").add("+1 555 0100");
    c.put("age", 36);
    c.putNull("deletedAt");
    return c;
  }

  private static ObjectNode order() {
    ObjectNode o = NODES.objectNode();
    o.put("_id", 7L);
    o.set("customerId", NODES.binaryNode(new byte[16]));
    o.put("status", "NEW");
    ObjectNode line = o.putArray("lines").addObject();
    line.put("sku", "A-1");
    line.put("quantity", 2);
    line.put("price", new BigDecimal("9.99"));
    o.put("total", new BigDecimal("19.98"));
    o.putNull("note");
    o.set("createdAt", NODES.pojoNode(Instant.parse("2026-01-02T03:04:05Z")));
    return o;
  }

  private static ObjectNode session() {
    ObjectNode s = NODES.objectNode();
    s.set("_id", NODES.binaryNode(new byte[16]));
    s.set("customerId", NODES.binaryNode(new byte[16]));
    s.set("createdAt", NODES.pojoNode(Instant.parse("2026-01-02T03:04:05Z")));
    return s;
  }

  @Test
  void validators_acceptTheDocumentsOfValidRecords() throws IOException {
    assertThat(JsonSchemaValidators.errors(validator("customers"), customer())).isEmpty();
    assertThat(JsonSchemaValidators.errors(validator("orders"), order())).isEmpty();
    assertThat(JsonSchemaValidators.errors(validator("sessions"), session())).isEmpty();
    // optional fields may be missing, as well as null
    ObjectNode sparse = customer();
    sparse.remove(List.of("age", "deletedAt"));
    ((ObjectNode) sparse.get("address")).remove("country");
    assertThat(JsonSchemaValidators.errors(validator("customers"), sparse)).isEmpty();
  }

  @Test
  void validators_refuseEveryMissingRequiredField_andEveryValueOfAnotherBsonType() throws IOException {
    Map<String, ObjectNode> valid = new LinkedHashMap<>();
    valid.put("customers", customer());
    valid.put("orders", order());
    valid.put("sessions", session());
    int refused = 0;
    for (Map.Entry<String, ObjectNode> e : valid.entrySet()) {
      Schema schema = validator(e.getKey());
      JsonNode required = JSON.readTree(v1Files.get("mongodb/validators/" + e.getKey() + ".json"))
          .path("$jsonSchema").path("required");
      for (JsonNode field : required) {
        ObjectNode doc = e.getValue().deepCopy();
        doc.remove(field.asText());
        assertWithMessage("%s without %s", e.getKey(), field).that(JsonSchemaValidators.errors(schema, doc)).isNotEmpty();
        refused++;
      }
      for (Iterator<String> it = e.getValue().fieldNames(); it.hasNext(); ) {
        String field = it.next();
        ObjectNode doc = e.getValue().deepCopy();
        // a long where a string (or null) belongs, a bool where anything else does (no field is a bool)
        boolean string = doc.get(field).isTextual() || doc.get(field).isNull();
        doc.set(field, string ? NODES.numberNode(1L) : NODES.booleanNode(true));
        assertWithMessage("%s with %s = %s", e.getKey(), field, doc.get(field))
            .that(JsonSchemaValidators.errors(schema, doc)).isNotEmpty();
        refused++;
      }
    }
    assertThat(refused).isEqualTo(5 + 7 + 6 + 7 + 3 + 3);
  }

  @Test
  void validators_enforceTheColumnsSizesTheEnumAndTheChecksThatTranslate() throws IOException {
    Schema customers = validator("customers");
    Schema orders = validator("orders");
    Map<String, ObjectNode> invalid = new LinkedHashMap<>();
    invalid.put("email longer than @Column(length = 200)", with(customer(), "email", "a@" + "x".repeat(199)));
    invalid.put("email without @ (@Check LIKE '%@%')", with(customer(), "email", "ada.example.com"));
    invalid.put("age 17 (@Check BETWEEN 18 AND 150)", with(customer(), "age", NODES.numberNode(17)));
    invalid.put("age as a long", with(customer(), "age", NODES.numberNode(36L)));
    ObjectNode sixPhones = customer();
    ArrayNode phones = sixPhones.putArray("phones");
    for (int i = 0; i < 6; i++) {
      phones.add("+1 555 010" + i);
    }
    invalid.put("six phones (@Check cardinality <= 5)", sixPhones);
    ObjectNode longZip = customer();
    ((ObjectNode) longZip.get("address")).put("zip", "12345678901");
    invalid.put("zip longer than the nested @Column(length = 10)", longZip);
    ObjectNode noStreet = customer();
    ((ObjectNode) noStreet.get("address")).remove("street");
    invalid.put("address without its street", noStreet);
    for (Map.Entry<String, ObjectNode> e : invalid.entrySet()) {
      assertWithMessage(e.getKey()).that(JsonSchemaValidators.errors(customers, e.getValue())).isNotEmpty();
    }
    Map<String, ObjectNode> invalidOrders = new LinkedHashMap<>();
    invalidOrders.put("status LOST (not a constant of OrderStatus)", with(order(), "status", "LOST"));
    invalidOrders.put("total -1 (@Check total >= 0)", with(order(), "total", NODES.numberNode(new BigDecimal("-1"))));
    invalidOrders.put("total as a double", with(order(), "total", NODES.numberNode(19.98)));
    invalidOrders.put("no lines (@Check cardinality BETWEEN 1 AND 100)", with(order(), "lines", NODES.arrayNode()));
    ObjectNode badLine = order();
    ((ObjectNode) badLine.get("lines").get(0)).put("quantity", "two");
    invalidOrders.put("a line whose quantity is a string", badLine);
    invalidOrders.put("_id as an int", with(order(), "_id", NODES.numberNode(7)));
    for (Map.Entry<String, ObjectNode> e : invalidOrders.entrySet()) {
      assertWithMessage(e.getKey()).that(JsonSchemaValidators.errors(orders, e.getValue())).isNotEmpty();
    }
  }

  private static ObjectNode with(ObjectNode doc, String field, String value) {
    return with(doc, field, NODES.textNode(value));
  }

  private static ObjectNode with(ObjectNode doc, String field, JsonNode value) {
    doc.set(field, value);
    return doc;
  }

  /** The control: the validator set-up refuses what MongoDB's $jsonSchema does not support. */
  @Test
  void theJsonSchemaSetUp_refusesTheKeywordsMongoDbDoesNotSupport() throws IOException {
    for (String schema : List.of("{\"$ref\": \"#/definitions/a\"}", "{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}",
        "{\"properties\": {\"a\": {\"default\": 1}}}", "{\"definitions\": {\"a\": {}}}",
        "{\"properties\": {\"a\": {\"format\": \"email\"}}}", "{\"id\": \"x\"}", "{\"type\": \"integer\"}",
        "{\"properties\": {\"a\": {\"type\": [\"integer\", \"null\"]}}}", "{\"bsonTyp\": \"int\"}")) {
      boolean refused;
      try {
        JsonSchemaValidators.load(JSON.readTree(schema));
        refused = false;
      } catch (RuntimeException e) {
        refused = true;
      }
      assertWithMessage(schema).that(refused).isTrue();
    }
    Schema ok = JsonSchemaValidators.load(JSON.readTree("{\"bsonType\": [\"int\", \"null\"], \"minimum\": 1}"));
    assertThat(JsonSchemaValidators.errors(ok, NODES.numberNode(2))).isEmpty();
    assertThat(JsonSchemaValidators.errors(ok, NODES.nullNode())).isEmpty();
    assertThat(JsonSchemaValidators.errors(ok, NODES.numberNode(2L))).isNotEmpty();
    assertThat(JsonSchemaValidators.errors(ok, NODES.numberNode(0))).isNotEmpty();
  }

  // ------------------------------------------------------------------ scripts under Node.js

  /** {@code on.method} of each call, in order. */
  private static List<String> calls(JsonNode recorded) {
    List<String> out = new ArrayList<>();
    recorded.forEach(c -> out.add(c.get("on").asText() + "." + c.get("method").asText()
        + (c.get("method").asText().endsWith("Index") && c.get("arguments").size() > 0
            ? "(" + name(c.get("arguments")) + ")" : "")));
    return out;
  }

  private static String name(JsonNode args) {
    JsonNode last = args.get(args.size() - 1);
    return last.isTextual() ? last.asText() : last.path("name").asText();
  }

  @Test
  void schemaScript_runsUnderNode_andCreatesEachCollectionWithTheValidatorOfItsJsonFile() throws Exception {
    JsonNode recorded = MongoshStub.run(v1.resolve("mongodb/schema.js"));
    assertThat(calls(recorded)).containsExactly(
        "db.createCollection",
        "customers.createIndex(customers_email_key)",
        "db.createCollection",
        "orders.createIndex(orders_customer_recent)",
        "orders.createIndex(orders_new)",
        "db.createCollection",
        "sessions.createIndex(idx_sessions_customer_id)",
        "sessions.createIndex(idx_sessions_created_at)").inOrder();
    for (JsonNode call : recorded) {
      if (call.get("method").asText().equals("createCollection")) {
        String collection = call.get("arguments").get(0).asText();
        JsonNode options = call.get("arguments").get(1);
        assertThat(options.get("validator")).isEqualTo(JSON.readTree(v1Files.get("mongodb/validators/" + collection
            + ".json")));
        assertThat(options.get("validationLevel").asText()).isEqualTo("strict");
        assertThat(options.get("validationAction").asText()).isEqualTo("error");
      }
    }
    // the unique email counts live customers only; the TTL and the partial index keep their options
    assertThat(recorded.get(1).get("arguments")).isEqualTo(JSON.readTree(
        "[{\"email\": 1}, {\"name\": \"customers_email_key\", \"unique\": true,"
            + " \"partialFilterExpression\": {\"deletedAt\": null}}]"));
    assertThat(recorded.get(4).get("arguments")).isEqualTo(JSON.readTree(
        "[{\"createdAt\": 1}, {\"name\": \"orders_new\", \"partialFilterExpression\": {\"status\": \"NEW\"}}]"));
    assertThat(recorded.get(7).get("arguments")).isEqualTo(JSON.readTree(
        "[{\"createdAt\": 1}, {\"name\": \"idx_sessions_created_at\", \"expireAfterSeconds\": 86400}]"));

    assertThat(calls(MongoshStub.run(v1.resolve("mongodb/undo/U1__initial_schema.js"))))
        .containsExactly("customers.drop", "orders.drop", "sessions.drop").inOrder();
    assertThat(MongoshStub.run(v1.resolve("mongodb/migration/V1__initial_schema.js"))).isEqualTo(recorded);
  }

  /** The control: the stand-in refuses a shell helper and a method it does not offer. */
  @Test
  void theStandIn_refusesShellHelpersAndUnknownMethods() throws IOException {
    for (String script : List.of("use shop;\n", "db.dropDatabase();\n", "db.getCollection(\"a\").insertOne({});\n")) {
      Path file = temp.resolve("bad" + Math.abs(script.hashCode()) + ".js");
      Files.writeString(file, script, UTF_8);
      boolean refused;
      try {
        MongoshStub.run(file);
        refused = false;
      } catch (AssertionError | Exception e) {
        refused = true;
      }
      assertWithMessage(script).that(refused).isTrue();
    }
  }

  // ------------------------------------------------------------------ indexes through the wire protocol

  /**
   * Every createIndex of schema.js, sent as a createIndexes command through the Java driver to
   * mongo-java-server (an in-memory server: it ignores validators, so none is tested here), then
   * listed back with listIndexes: the keys, names, uniqueness and compound order come back as
   * sent. What this server keeps of the other options is pinned below, so that a change of it
   * shows; docs/mongodb.md says what that does and does not prove.
   */
  @Test
  void indexes_roundTripThroughCreateIndexesAndListIndexes_onMongoJavaServer() throws Exception {
    JsonNode recorded = MongoshStub.run(v1.resolve("mongodb/schema.js"));
    de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(
        new de.bwaldvogel.mongo.backend.memory.MemoryBackend().version(de.bwaldvogel.mongo.ServerVersion.MONGO_5_0));
    String uri = server.bindAndGetConnectionString();
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
      com.mongodb.client.MongoDatabase db = client.getDatabase("shop");
      Map<String, JsonNode> sent = new LinkedHashMap<>();
      for (JsonNode call : recorded) {
        String method = call.get("method").asText();
        if (method.equals("createCollection")) {
          db.createCollection(call.get("arguments").get(0).asText());
        } else if (method.equals("createIndex")) {
          ObjectNode index = NODES.objectNode();
          index.set("key", call.get("arguments").get(0));
          index.setAll((ObjectNode) call.get("arguments").get(1));
          sent.put(call.get("on").asText() + "." + index.get("name").asText(), index);
          org.bson.Document command = new org.bson.Document("createIndexes", call.get("on").asText())
              .append("indexes", List.of(org.bson.Document.parse(index.toString())));
          assertThat(db.runCommand(command).get("ok", Number.class).intValue()).isEqualTo(1);
        }
      }
      Map<String, JsonNode> listed = new LinkedHashMap<>();
      for (String collection : List.of("customers", "orders", "sessions")) {
        for (org.bson.Document index : db.getCollection(collection).listIndexes()) {
          listed.put(collection + "." + index.getString("name"), JSON.readTree(index.toJson()));
        }
      }
      assertThat(listed.keySet()).containsExactly("customers._id_", "customers.customers_email_key", "orders._id_",
          "orders.orders_customer_recent", "orders.orders_new", "sessions._id_", "sessions.idx_sessions_customer_id",
          "sessions.idx_sessions_created_at");
      for (Map.Entry<String, JsonNode> e : sent.entrySet()) {
        JsonNode back = listed.get(e.getKey());
        assertWithMessage(e.getKey()).that(back.get("key")).isEqualTo(e.getValue().get("key"));
        assertWithMessage(e.getKey()).that(back.path("unique").asBoolean(false))
            .isEqualTo(e.getValue().path("unique").asBoolean(false));
        // the compound key keeps its order
        assertWithMessage(e.getKey()).that(iterable(back.get("key").fieldNames()))
            .isEqualTo(iterable(e.getValue().get("key").fieldNames()));
      }
      KEPT_BY_MONGO_JAVA_SERVER.forEach((option, kept) -> {
        for (Map.Entry<String, JsonNode> e : sent.entrySet()) {
          if (e.getValue().has(option)) {
            assertWithMessage("%s of %s kept by mongo-java-server", option, e.getKey())
                .that(listed.get(e.getKey()).has(option)).isEqualTo(kept);
            if (kept) {
              assertThat(listed.get(e.getKey()).get(option)).isEqualTo(e.getValue().get(option));
            }
          }
        }
      });
    } finally {
      server.shutdownNow();
    }
  }

  /** What mongo-java-server keeps of each index option it is sent (found by running it; see docs/mongodb.md). */
  private static final Map<String, Boolean> KEPT_BY_MONGO_JAVA_SERVER = Map.of(
      "partialFilterExpression", true, "expireAfterSeconds", true);

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  // ------------------------------------------------------------------ version 2

  @Test
  void version2_upAndDown_makeTheExpectedCalls_andVersion1StaysFrozen() throws Exception {
    Path dir = temp.resolve("v2");
    for (Map.Entry<String, String> f : v1Files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), UTF_8);
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFileObject s : SchemacCompiler.resourcesUnder("mongodb/shop")) {
      String name = s.getName();
      if (!name.endsWith("Customer.java") && !name.endsWith("Order.java") && !name.endsWith("Session.java")
          && !name.endsWith("OrderStatus.java") && !name.endsWith("package-info.java")) {
        sources.add(s);
      }
    }
    sources.addAll(SchemacCompiler.resourcesUnder("mongodb/shop2"));
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, sources, OPTIONS);
    assertThat(result.compilation()).succeededWithoutWarnings();
    Map<String, String> now = files(dir);
    for (String frozen : List.of("mongodb/migration/V1__initial_schema.js", "mongodb/undo/U1__initial_schema.js")) {
      assertWithMessage(frozen).that(now.get(frozen)).isEqualTo(v1Files.get(frozen));
    }
    String up = now.keySet().stream().filter(f -> f.startsWith("mongodb/migration/V2__")).findFirst().orElseThrow();
    String down = now.keySet().stream().filter(f -> f.startsWith("mongodb/undo/U2__")).findFirst().orElseThrow();

    JsonNode upCalls = MongoshStub.run(dir.resolve(up));
    assertThat(calls(upCalls)).containsExactly(
        "db.runCommand",
        "customers.createIndex(idx_customers_name)",
        "orders.updateMany",
        "db.runCommand",
        "sessions.dropIndex(idx_sessions_created_at)",
        "sessions.createIndex(idx_sessions_created_at)").inOrder();
    // the collMods carry the validators of version 2's JSON files
    assertThat(upCalls.get(0).get("arguments").get(0).get("validator"))
        .isEqualTo(JSON.readTree(now.get("mongodb/validators/customers.json")));
    assertThat(upCalls.get(3).get("arguments").get(0).get("validator"))
        .isEqualTo(JSON.readTree(now.get("mongodb/validators/orders.json")));
    assertThat(upCalls.get(2).get("arguments")).isEqualTo(JSON.readTree(
        "[{}, {\"$rename\": {\"note\": \"comment\"}}, {\"bypassDocumentValidation\": true}]"));
    assertThat(upCalls.get(5).get("arguments").get(1).get("expireAfterSeconds").asLong()).isEqualTo(3600);

    JsonNode downCalls = MongoshStub.run(dir.resolve(down));
    assertThat(calls(downCalls)).containsExactly(
        "db.runCommand",
        "customers.dropIndex(idx_customers_name)",
        "customers.updateMany",
        "orders.updateMany",
        "db.runCommand",
        "sessions.dropIndex(idx_sessions_created_at)",
        "sessions.createIndex(idx_sessions_created_at)").inOrder();
    // the down puts back version 1's validators, and its TTL
    assertThat(downCalls.get(0).get("arguments").get(0).get("validator"))
        .isEqualTo(JSON.readTree(v1Files.get("mongodb/validators/customers.json")));
    assertThat(downCalls.get(4).get("arguments").get(0).get("validator"))
        .isEqualTo(JSON.readTree(v1Files.get("mongodb/validators/orders.json")));
    assertThat(downCalls.get(2).get("arguments")).isEqualTo(JSON.readTree(
        "[{}, {\"$unset\": {\"nickname\": \"\"}}, {\"bypassDocumentValidation\": true}]"));
    assertThat(downCalls.get(3).get("arguments")).isEqualTo(JSON.readTree(
        "[{}, {\"$rename\": {\"comment\": \"note\"}}, {\"bypassDocumentValidation\": true}]"));
    assertThat(downCalls.get(6).get("arguments").get(1).get("expireAfterSeconds").asLong()).isEqualTo(86400);
  }
}
