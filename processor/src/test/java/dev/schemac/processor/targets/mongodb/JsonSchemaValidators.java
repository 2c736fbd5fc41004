package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft4;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * MongoDB's {@code $jsonSchema} as far as a JSON Schema validator can check it: networknt's
 * draft-4 dialect with only the keywords MongoDB supports (anything else, {@code $ref}, {@code
 * $schema}, {@code default}, {@code definitions}, {@code format}, {@code id}..., refuses to load),
 * {@code type: "integer"} refused too (MongoDB has no such JSON type), and MongoDB's {@code
 * bsonType} added.
 *
 * <p>A document is a Jackson tree whose node classes stand for BSON types, as the Java driver
 * writes a record: {@code IntNode} int, {@code LongNode} long, {@code DoubleNode} double, {@code
 * DecimalNode} decimal (Decimal128), {@code TextNode} string, {@code BooleanNode} bool, {@code
 * BinaryNode} binData, a {@code POJONode} holding an {@code Instant} date, {@code NullNode} null,
 * objects and arrays.
 */
final class JsonSchemaValidators {
  /** The keywords of MongoDB's $jsonSchema (MongoDB manual, $jsonSchema, "Available Keywords"), bsonType aside. */
  static final Set<String> MONGODB_KEYWORDS = Set.of("additionalItems", "additionalProperties", "allOf", "anyOf",
      "dependencies", "description", "enum", "exclusiveMaximum", "exclusiveMinimum", "items", "maximum", "maxItems",
      "maxLength", "maxProperties", "minimum", "minItems", "minLength", "minProperties", "multipleOf", "not", "oneOf",
      "pattern", "patternProperties", "properties", "required", "title", "type", "uniqueItems");

  private static final SchemaRegistry REGISTRY = registry();

  private JsonSchemaValidators() {}

  private static SchemaRegistry registry() {
    Dialect draft4 = Draft4.getInstance();
    Keyword type = draft4.getKeywords().get("type");
    Dialect mongo = Dialect.builder("https://schemac.dev/mongodb/jsonSchema", draft4)
        .keywords(all -> all.keySet().removeIf(k -> !MONGODB_KEYWORDS.contains(k)))
        .keyword(new BsonType())
        .keyword(new NoInteger(type))
        .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
        .build();
    return SchemaRegistry.withDefaultDialect(mongo);
  }

  /** The schema of a validator file's {@code $jsonSchema}; throws when it uses a keyword MongoDB does not have. */
  static Schema load(JsonNode jsonSchema) {
    // networknt reads $schema to choose a dialect, never as a keyword: MongoDB refuses it anywhere
    if (!jsonSchema.findValues("$schema").isEmpty()) {
      throw new SchemaException("$schema is not supported by MongoDB's $jsonSchema");
    }
    Schema schema = REGISTRY.getSchema(jsonSchema);
    schema.initializeValidators();
    return schema;
  }

  /** The errors of {@code document} against {@code schema}, as text; empty when it is valid. */
  static List<String> errors(Schema schema, JsonNode document) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      out.add(e.toString());
    }
    return out;
  }

  /** The BSON type a node stands for (see the class comment), as bsonType names it. */
  static String bsonType(JsonNode node) {
    if (node instanceof POJONode pojo && (pojo.getPojo() instanceof Instant || pojo.getPojo() instanceof Date)) {
      return "date";
    }
    return switch (node.getNodeType()) {
      case NULL, MISSING -> "null";
      case BOOLEAN -> "bool";
      case STRING -> "string";
      case BINARY -> "binData";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NUMBER -> node.isInt() || node.isShort() ? "int" : node.isLong() ? "long" : node.isBigDecimal() ? "decimal"
          : node.isDouble() || node.isFloat() ? "double" : "a number BSON has no type for (" + node + ")";
      case POJO -> "a Java value BSON has no type for (" + node + ")";
    };
  }

  /** MongoDB's bsonType: one alias or a list of them; "number" is any of int, long, double and decimal. */
  private static final class BsonType extends AbstractKeyword {
    BsonType() {
      super("bsonType");
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent,
        SchemaContext context) {
      Set<String> allowed = new java.util.TreeSet<>();
      if (schemaNode.isTextual()) {
        allowed.add(schemaNode.asText());
      } else if (schemaNode.isArray()) {
        schemaNode.forEach(n -> allowed.add(n.asText()));
      } else {
        throw new SchemaException("bsonType is a string or an array of strings, not " + schemaNode);
      }
      if (allowed.contains("number")) {
        allowed.addAll(List.of("int", "long", "double", "decimal"));
      }
      return new BaseKeywordValidator(this, schemaNode, location, parent, context) {
        @Override
        public void validate(ExecutionContext execution, JsonNode node, JsonNode root, NodePath at) {
          String actual = bsonType(node);
          if (!allowed.contains(actual)) {
            execution.addError(Error.builder().keyword("bsonType").instanceLocation(at).instanceNode(node)
                .message(at + ": bsonType " + actual + ", expected " + allowed).build());
          }
        }
      };
    }
  }

  /** Draft 4's type, refusing "integer", which MongoDB's $jsonSchema does not support (bsonType int or long). */
  private static final class NoInteger extends AbstractKeyword {
    private final Keyword draft4;

    NoInteger(Keyword draft4) {
      super("type");
      this.draft4 = draft4;
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent,
        SchemaContext context) throws Exception {
      if (schemaNode.toString().contains("\"integer\"")) {
        throw new SchemaException("type \"integer\" is not supported by MongoDB's $jsonSchema: " + location);
      }
      return draft4.newValidator(location, schemaNode, parent, context);
    }
  }
}
