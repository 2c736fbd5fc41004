package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One table as a MongoDB collection: the collection's name, each column's field, the validator
 * (a {@code $jsonSchema} with {@code bsonType}, {@code required}, {@code enum}, lengths, bounds and
 * patterns from the types and the checks that translate), the indexes, and what does not
 * translate (checks the validator cannot express, indexes MongoDB cannot build), each with why.
 * Pure: the same table gives the same spec, key for key.
 */
final class CollectionSpec {
  /** The collation of a case-insensitive index ({@code lower(column)}): strength 2 ignores case. */
  static final String COLLATION_LOCALE = "en";

  /** An index as {@code createIndex} takes it. */
  record IndexSpec(String name, ObjectNode key, ObjectNode options, Origin origin) {}

  /** A check or an index that does not translate, and why. */
  record Untranslated(String name, String column, String sql, String why, Origin origin) {}

  /** An array field without a bound on its length: its path in the document, and where it is declared. */
  record UnboundedArray(String path, Column column) {}

  final Table table;
  final Map<String, String> fields = new LinkedHashMap<>();
  final ObjectNode validator;
  final List<IndexSpec> indexes = new ArrayList<>();
  final List<Untranslated> untranslatedChecks = new ArrayList<>();
  final List<Untranslated> untranslatedIndexes = new ArrayList<>();
  final List<UnboundedArray> unboundedArrays = new ArrayList<>();
  /** The translated keywords of the checks, by column. */
  private final Map<String, List<ObjectNode>> checkKeywords = new LinkedHashMap<>();

  private CollectionSpec(Table table) {
    this.table = table;
    for (Column c : table.columns()) {
      fields.put(c.name(), fieldName(table, c));
    }
    for (CheckConstraint check : table.checks()) {
      translateCheck(check);
    }
    this.validator = validator();
    findUnboundedArrays(table.columns(), validator.path("$jsonSchema").path("properties"), "", true);
    indexes();
  }

  static CollectionSpec of(Table table) {
    return new CollectionSpec(table);
  }

  /** The collection's name: the table's. */
  String name() {
    return table.name();
  }

  /**
   * A column's field: {@code _id} for a key of one column, else the Java name (what the MongoDB
   * Java driver's record codec and Spring Data write), else the column's name.
   */
  static String fieldName(Table table, Column column) {
    if (table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()))) {
      return "_id";
    }
    return column.javaName() != null ? column.javaName() : column.name();
  }

  String field(String column) {
    return fields.getOrDefault(column, column);
  }

  // ------------------------------------------------------------------ validator

  private ObjectNode validator() {
    ObjectNode schema = MongoJson.object();
    schema.put("bsonType", "object");
    if (table.comment() != null) {
      schema.put("description", table.comment());
    }
    ArrayNode required = schema.putArray("required");
    ObjectNode properties = schema.putObject("properties");
    for (Column c : table.columns()) {
      String field = field(c.name());
      // the soft-delete field is written by every writer (null while live): the unique indexes' filter counts on it
      if (!c.nullable()) {
        required.add(field);
      }
      ObjectNode property = property(c, field);
      for (ObjectNode keywords : checkKeywords.getOrDefault(c.name(), List.of())) {
        merge(property, keywords);
      }
      properties.set(field, property);
    }
    if (required.isEmpty()) {
      schema.remove("required");
    }
    ObjectNode validator = MongoJson.object();
    validator.set("$jsonSchema", schema);
    return validator;
  }

  /** The schema of one field: its BSON type (with null when nullable), sizes and values. */
  private ObjectNode property(Column c, String path) {
    ObjectNode p = MongoJson.object();
    String element = BsonTypes.element(c);
    boolean array = BsonTypes.array(c);
    String outer = array ? "array" : element;
    if (c.nullable()) {
      p.set("bsonType", MongoJson.array().add(outer).add("null"));
    } else {
      p.put("bsonType", outer);
    }
    if (c.comment() != null) {
      p.put("description", c.comment());
    }
    ObjectNode target = p;
    if (array) {
      ObjectNode items = MongoJson.object();
      items.put("bsonType", element);
      p.set("items", items);
      target = items;
    }
    LogicalType type = c.type();
    int length = type.kind() == LogicalType.Kind.STRING || type.kind() == LogicalType.Kind.FIXED_STRING ? type.length()
        : BsonTypes.rawLength(type);
    if (length > 0) {
      target.put("maxLength", length);
    }
    if (type.isEnum()) {
      ArrayNode values = target.putArray("enum");
      type.enumValues().forEach(values::add);
      if (c.nullable() && !array) {
        values.addNull();
      }
    }
    if (type.isDocument()) {
      document(target, type.fields(), path);
    }
    return p;
  }

  /** The required fields and properties of an embedded document. */
  private void document(ObjectNode target, List<Column> fields, String path) {
    ArrayNode required = MongoJson.array();
    ObjectNode properties = MongoJson.object();
    for (Column f : fields) {
      String name = f.javaName() != null ? f.javaName() : f.name();
      if (!f.nullable()) {
        required.add(name);
      }
      properties.set(name, property(f, path + "." + name));
    }
    if (!required.isEmpty()) {
      target.set("required", required);
    }
    target.set("properties", properties);
  }

  /**
   * Adds a check's keywords to a field's schema: an array's length bounds go on the array, every
   * other keyword on its values (the items of an array). Keywords the schema has already are
   * stated again in an {@code allOf}, so that both hold.
   */
  private static void merge(ObjectNode property, ObjectNode keywords) {
    ObjectNode onArray = MongoJson.object();
    ObjectNode onValues = MongoJson.object();
    keywords.fields().forEachRemaining(e -> (e.getKey().endsWith("Items") ? onArray : onValues)
        .set(e.getKey(), e.getValue()));
    ObjectNode values = property.has("items") ? (ObjectNode) property.get("items") : property;
    for (var pair : List.of(Map.entry(property, onArray), Map.entry(values, onValues))) {
      ObjectNode target = pair.getKey();
      ObjectNode add = pair.getValue();
      if (add.isEmpty()) {
        continue;
      }
      boolean clash = false;
      for (var names = add.fieldNames(); names.hasNext(); ) {
        clash |= target.has(names.next());
      }
      if (clash) {
        ArrayNode all = target.has("allOf") ? (ArrayNode) target.get("allOf") : target.putArray("allOf");
        all.add(add);
      } else {
        target.setAll(add);
      }
    }
  }

  /** The array fields, at any depth, whose schema bounds no length ({@code maxItems}). */
  private void findUnboundedArrays(List<Column> columns, JsonNode properties, String prefix, boolean top) {
    for (Column c : columns) {
      String name = top ? field(c.name()) : c.javaName() != null ? c.javaName() : c.name();
      JsonNode p = properties.get(name);
      if (p == null) {
        continue;
      }
      String path = prefix + name;
      boolean array = p.path("bsonType").isArray() ? p.path("bsonType").get(0).asText().equals("array")
          : p.path("bsonType").asText().equals("array");
      if (array && !p.has("maxItems")) {
        unboundedArrays.add(new UnboundedArray(path, c));
      }
      if (c.type().isDocument()) {
        JsonNode inner = array ? p.path("items") : p;
        findUnboundedArrays(c.type().fields(), inner.path("properties"), path + ".", false);
      }
    }
  }

  // ------------------------------------------------------------------ checks

  private void translateCheck(CheckConstraint check) {
    Condition condition = check.condition();
    if (condition instanceof Condition.OneOf one) {
      Column c = table.column(one.column()).orElse(null);
      if (c != null && c.type().isEnum() && c.type().enumValues().equals(one.values())) {
        return; // the type's enum says it already
      }
      ObjectNode k = MongoJson.object();
      ArrayNode values = k.putArray("enum");
      one.values().forEach(values::add);
      if (c != null && c.nullable() && !one.elements()) {
        values.addNull();
      }
      add(one.column(), k);
      return;
    }
    if (condition instanceof Condition.Range range) {
      ObjectNode k = MongoJson.object();
      k.put("minimum", range.min());
      if (range.max() != null) {
        k.put("maximum", range.max());
      }
      add(range.column(), k);
      return;
    }
    String sql = check.raw().sql();
    Predicates.Node node = Predicates.parse(sql);
    if (node == null) {
      untranslatedChecks.add(new Untranslated(check.name(), check.column(), sql, "it is not a condition on one field"
          + " that $jsonSchema can state (a length, a bound, a list of values or a pattern)", check.origin()));
      return;
    }
    Map<String, List<ObjectNode>> found = new LinkedHashMap<>();
    String why = keywords(node, found);
    if (why != null) {
      untranslatedChecks.add(new Untranslated(check.name(), check.column(), sql, why, check.origin()));
      return;
    }
    found.forEach((column, list) -> list.forEach(k -> add(column, k)));
  }

  private void add(String column, ObjectNode keywords) {
    checkKeywords.computeIfAbsent(column, c -> new ArrayList<>()).add(keywords);
  }

  /** Adds the keywords {@code node} states to {@code out}; returns why it cannot, or null. */
  private String keywords(Predicates.Node node, Map<String, List<ObjectNode>> out) {
    if (node instanceof Predicates.And and) {
      for (Predicates.Node part : and.parts()) {
        String why = keywords(part, out);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (node instanceof Predicates.Or or) {
      // column IS NULL OR <about column>: a null passes the keywords of the other part anyway
      if (or.parts().size() == 2) {
        for (int i = 0; i < 2; i++) {
          if (or.parts().get(i) instanceof Predicates.IsNull n && !n.negated()) {
            Map<String, List<ObjectNode>> other = new LinkedHashMap<>();
            String why = keywords(or.parts().get(1 - i), other);
            if (why == null && other.keySet().equals(Set.of(n.column()))) {
              other.forEach((c, l) -> out.computeIfAbsent(c, x -> new ArrayList<>()).addAll(l));
              return null;
            }
          }
        }
      }
      return "$jsonSchema states conditions that all hold, and this one is an OR of conditions";
    }
    Column column = columnOf(node);
    if (column == null) {
      return "it names a column that " + table.name() + " does not have";
    }
    ObjectNode k = MongoJson.object();
    String why = keywords(node, column, k);
    if (why == null) {
      out.computeIfAbsent(column.name(), c -> new ArrayList<>()).add(k);
    }
    return why;
  }

  private Column columnOf(Predicates.Node node) {
    String name = null;
    if (node instanceof Predicates.Compare c) {
    name = c.subject().column();
    } else if (node instanceof Predicates.Between b) {
    name = b.subject().column();
    } else if (node instanceof Predicates.In in) {
    name = in.subject().column();
    } else if (node instanceof Predicates.IsNull n) {
    name = n.column();
    } else if (node instanceof Predicates.Matches m) {
    name = m.column();
    } else if (node instanceof Predicates.Flag f) {
    name = f.column();
    } else if (node instanceof Predicates.Not n) {
    Column inner = columnOf(n.inner());
    name = inner == null ? null : inner.name();
    }
    return name == null ? null : table.column(name).orElse(null);
  }

  private String keywords(Predicates.Node node, Column column, ObjectNode k) {
    String bson = BsonTypes.element(column);
    boolean array = BsonTypes.array(column);
    boolean string = "string".equals(bson);
    boolean number = List.of("int", "long", "double", "decimal").contains(bson);
    if (node instanceof Predicates.Compare c) {
      if (c.subject().measure() != Predicates.Measure.VALUE) {
        return measure(c.subject(), column, array, string, c.op(), c.value(), k);
      }
      if (array) {
        return "it compares a whole array";
      }
      if (number && c.value() instanceof BigDecimal n) {
        return bound(c.op(), n, "minimum", "maximum", k, true);
      }
      if (string && c.value() instanceof String s) {
        if (c.op().equals("=")) {
          k.set("enum", values(List.of(s), column));
          return null;
        }
        if (c.op().equals("<>")) {
          if (s.isEmpty()) {
            k.put("minLength", 1);
          } else {
            k.set("not", MongoJson.object().set("enum", MongoJson.array().add(s)));
          }
          return null;
        }
        return "$jsonSchema does not order strings";
      }
      if ("bool".equals(bson) && c.value() instanceof Boolean b && c.op().equals("=")) {
        k.set("enum", MongoJson.array().add(b));
        return null;
      }
      return "the constant is not of the field's type, or $jsonSchema cannot compare the field's type";
    }
    if (node instanceof Predicates.Between b) {
      if (b.subject().measure() != Predicates.Measure.VALUE) {
        String why = measure(b.subject(), column, array, string, ">=", b.low(), k);
        return why != null ? why : measure(b.subject(), column, array, string, "<=", b.high(), k);
      }
      if (!number || array || !(b.low() instanceof BigDecimal low) || !(b.high() instanceof BigDecimal high)) {
        return "BETWEEN translates on numbers only";
      }
      bound(">=", low, "minimum", "maximum", k, true);
      return bound("<=", high, "minimum", "maximum", k, true);
    }
    if (node instanceof Predicates.In in) {
      if (in.subject().measure() != Predicates.Measure.VALUE || array) {
        return "IN translates on a plain field only";
      }
      for (Object v : in.values()) {
        if (!(string && v instanceof String || number && v instanceof BigDecimal)) {
          return "a value of the IN list is not of the field's type";
        }
      }
      k.set("enum", values(in.values(), column));
      return null;
    }
    if (node instanceof Predicates.Matches m) {
      if (!string || array) {
        return "a pattern matches strings only";
      }
      k.put("pattern", (m.caseInsensitive() ? "(?i)" : "") + (m.like() ? likeToRegex(m.pattern()) : m.pattern()));
      return null;
    }
    if (node instanceof Predicates.Flag f) {
      if (!"bool".equals(bson) || array) {
        return "a field on its own is a condition only when it is a boolean";
      }
      k.set("enum", MongoJson.array().add(true));
      return null;
    }
    if (node instanceof Predicates.Not n) {
      ObjectNode inner = MongoJson.object();
      String why = n.inner() instanceof Predicates.In || n.inner() instanceof Predicates.Matches
          ? keywords(n.inner(), column, inner) : "NOT translates on IN and LIKE only";
      if (why != null) {
        return why;
      }
      inner.remove("enum");
      if (n.inner() instanceof Predicates.In in) {
        inner.set("enum", MongoJson.array());
        in.values().forEach(v -> ((ArrayNode) inner.get("enum")).add(v instanceof String s ? MongoJson.NODES.textNode(s)
            : MongoJson.number((BigDecimal) v)));
      }
      k.set("not", inner);
      return null;
    }
    if (node instanceof Predicates.IsNull n) {
      return n.negated() ? "IS NOT NULL is what NOT NULL (no @Nullable) says: remove @Nullable instead"
          : "a field that must be null holds nothing";
    }
    return "it is not a condition on one field";
  }

  /** A length (of a string) or a number of elements (of an array) compared with a whole number. */
  private static String measure(Predicates.Subject subject, Column column, boolean array, boolean string, String op,
      Object value, ObjectNode k) {
    if (!(value instanceof BigDecimal n) || n.stripTrailingZeros().scale() > 0 || n.signum() < 0) {
      return "a length is compared with a whole number";
    }
    if (subject.measure() == Predicates.Measure.LENGTH) {
      if (!string || array) {
        return "char_length measures strings";
      }
      return bound(op, n, "minLength", "maxLength", k, false);
    }
    if (!array) {
      return "cardinality measures arrays";
    }
    return bound(op, n, "minItems", "maxItems", k, false);
  }

  /**
   * {@code op n} as a lower or upper bound. A number's strict bound is exclusive (draft 4's boolean
   * {@code exclusiveMinimum}); a count's is the next whole number.
   */
  private static String bound(String op, BigDecimal n, String min, String max, ObjectNode k, boolean numeric) {
    switch (op) {
      case ">=" -> k.set(min, MongoJson.number(n));
      case "<=" -> k.set(max, MongoJson.number(n));
      case ">" -> {
        if (numeric) {
          k.set(min, MongoJson.number(n));
          k.put("exclusiveMinimum", true);
        } else {
          k.set(min, MongoJson.number(n.add(BigDecimal.ONE)));
        }
      }
      case "<" -> {
        if (numeric) {
          k.set(max, MongoJson.number(n));
          k.put("exclusiveMaximum", true);
        } else if (n.signum() == 0) {
          return "a length below 0 is no length";
        } else {
          k.set(max, MongoJson.number(n.subtract(BigDecimal.ONE)));
        }
      }
      case "=" -> {
        k.set(min, MongoJson.number(n));
        k.set(max, MongoJson.number(n));
      }
      default -> {
        return "$jsonSchema has no 'not equal' bound";
      }
    }
    return null;
  }

  private static ArrayNode values(List<Object> values, Column column) {
    ArrayNode out = MongoJson.array();
    for (Object v : values) {
      out.add(v instanceof String s ? MongoJson.NODES.textNode(s) : MongoJson.number((BigDecimal) v));
    }
    if (column.nullable()) {
      out.addNull();
    }
    return out;
  }

  /** {@code LIKE 'ab%c_'} as an anchored regular expression: {@code ^ab.*c.$}. */
  static String likeToRegex(String like) {
    StringBuilder out = new StringBuilder("^");
    for (char ch : like.toCharArray()) {
      switch (ch) {
        case '%' -> out.append(".*");
        case '_' -> out.append('.');
        default -> out.append("\\^$.|?*+()[]{}".indexOf(ch) >= 0 ? "\\" + ch : String.valueOf(ch));
      }
    }
    return out.append('$').toString();
  }

  // ------------------------------------------------------------------ indexes

  private void indexes() {
    if (table.primaryKey() != null && table.primaryKey().columns().size() > 1) {
      ObjectNode key = MongoJson.object();
      table.primaryKey().columns().forEach(c -> key.put(field(c), 1));
      ObjectNode options = MongoJson.object();
      options.put("name", table.primaryKey().name());
      options.put("unique", true);
      indexes.add(new IndexSpec(table.primaryKey().name(), key, options, table.primaryKey().origin()));
    }
    for (UniqueConstraint u : table.uniques()) {
      ObjectNode key = MongoJson.object();
      u.columns().forEach(c -> key.put(field(c), 1));
      ObjectNode options = MongoJson.object();
      options.put("name", u.name());
      options.put("unique", true);
      ObjectNode filter = uniqueFilter(u.columns());
      if (!filter.isEmpty()) {
        options.set("partialFilterExpression", filter);
      }
      add(u.name(), key, options, u.origin());
    }
    for (Index index : table.indexes()) {
      index(index);
    }
  }

  /**
   * Which documents a unique index holds, so that it means what UNIQUE means in SQL: only those
   * whose key fields all have a value (SQL's NULLs are never duplicates, MongoDB's are), and on a
   * soft-delete collection only the live ones ({@code deletedAt: null}: null or missing, an
   * equality that {@code partialFilterExpression} allows, where {@code $exists: false} and {@code
   * $ne} are refused).
   */
  private ObjectNode uniqueFilter(List<String> columns) {
    ObjectNode filter = MongoJson.object();
    for (String name : columns) {
      Column c = table.column(name).orElse(null);
      if (c != null && c.nullable()) {
        filter.set(field(name), MongoJson.object().put("$type", BsonTypes.array(c) ? "array" : BsonTypes.element(c)));
      }
    }
    if (table.softDeleteColumn() != null) {
      filter.putNull(field(table.softDeleteColumn()));
    }
    return filter;
  }

  private void add(String name, ObjectNode key, ObjectNode options, Origin origin) {
    if (key.size() == 1 && key.has("_id")) {
      return; // the collection's _id index already serves it
    }
    indexes.add(new IndexSpec(name, key, options, origin));
  }

  private static final Pattern LOWER = Pattern.compile("(?i)\\s*lower\\s*\\(\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*\\)\\s*");

  private void index(Index index) {
    ObjectNode key = MongoJson.object();
    ObjectNode options = MongoJson.object();
    options.put("name", index.name());
    String refused = null;
    for (Index.Element e : index.elements()) {
      String column = e.column();
      if (column == null) {
        var m = LOWER.matcher(e.expression().sql());
        if (!m.matches() || table.column(m.group(1).toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
          refused = "MongoDB indexes fields, and of expressions only lower(column) (as a case-insensitive collation)";
          break;
        }
        column = m.group(1).toLowerCase(java.util.Locale.ROOT);
        ObjectNode collation = MongoJson.object();
        collation.put("locale", COLLATION_LOCALE);
        collation.put("strength", 2);
        options.set("collation", collation);
      }
      Column c = table.column(column).orElse(null);
      if (c == null) {
        refused = "it names a column that " + table.name() + " does not have";
        break;
      }
      String field = field(column);
      switch (index.method()) {
        case ORDERED, BLOCK_RANGE -> key.put(field, e.descending() ? -1 : 1);
        case HASH -> {
          if (index.unique() || index.elements().size() > 1) {
            refused = "a hashed index has one field and is never unique";
          }
          key.put(field, "hashed");
        }
        case INVERTED -> {
          LogicalType t = c.type();
          if (BsonTypes.array(c)) {
            key.put(field, 1); // an index on an array field indexes each element
          } else if (t.kind() == LogicalType.Kind.JSON || t.isDocument()) {
            key.put(field + ".$**", 1); // every key of the document, like GIN on jsonb
          } else {
            refused = "an inverted index on " + c.javaType() + " (trigrams, words) has no MongoDB index:"
                + " text indexes match whole words, and substring search needs Atlas Search";
          }
        }
        case SPATIAL -> refused = "a spatial index needs GeoJSON fields and a 2dsphere index, which the model does not"
            + " describe";
      }
      if (refused != null) {
        break;
      }
    }
    if (refused == null && index.unique() && !index.include().isEmpty()) {
      refused = "a unique index with INCLUDE columns would change what is unique: MongoDB has no INCLUDE";
    }
    if (refused == null && index.method() != Index.Method.INVERTED) {
      for (String column : index.include()) {
        key.put(field(column), 1); // covering: the included fields trail the key
      }
    }
    if (refused == null && index.unique()) {
      options.put("unique", true);
    }
    if (refused == null && index.where() != null) {
      ObjectNode filter = MongoJson.object();
      refused = PartialFilters.translate(index.where().sql(), this, filter);
      if (refused == null) {
        options.set("partialFilterExpression", filter);
      }
    } else if (refused == null && index.unique()) {
      ObjectNode filter = uniqueFilter(index.columns());
      if (!filter.isEmpty()) {
        options.set("partialFilterExpression", filter);
      }
    }
    if (refused == null && index.expireAfterSeconds() != null) {
      options.put("expireAfterSeconds", index.expireAfterSeconds());
    }
    if (refused != null) {
      untranslatedIndexes.add(new Untranslated(index.name(), null, null, refused, index.origin()));
      return;
    }
    add(index.name(), key, options, index.origin());
  }

  /** The names of the fields of the collection, sorted: for messages. */
  Set<String> fieldNames() {
    return new TreeSet<>(fields.values());
  }
}
