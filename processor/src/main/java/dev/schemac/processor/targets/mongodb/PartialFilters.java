package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemac.processor.model.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An index predicate ({@code @Index(where)}, SQL) as a {@code partialFilterExpression}, within what
 * MongoDB accepts there: equality (null included: null or missing), {@code $gt}/{@code $gte}/
 * {@code $lt}/{@code $lte}, {@code $type}, {@code $in} and a top-level {@code $and}. MongoDB
 * refuses {@code $ne}, {@code $not}, {@code $exists: false} and {@code $nin} in a partial filter,
 * so a {@code <>} or {@code NOT IN} on an enum becomes the {@code $in} of its other values, and on
 * anything else does not translate. {@code IS NOT NULL} is {@code $type} of the field's type.
 */
final class PartialFilters {
  /** The operators MongoDB 6.0 and later accept in a partialFilterExpression (besides plain equality). */
  static final Set<String> ALLOWED = Set.of("$and", "$or", "$in", "$eq", "$gt", "$gte", "$lt", "$lte", "$type", "$exists");

  private PartialFilters() {}

  /** Puts the filter of {@code sql} into {@code out}; returns why it does not translate, or null. */
  static String translate(String sql, CollectionSpec spec, ObjectNode out) {
    Predicates.Node node = Predicates.parse(sql);
    if (node == null) {
      return "its predicate '" + sql + "' is not a condition on fields that a partial index can state";
    }
    List<Map.Entry<String, JsonNode>> conditions = new ArrayList<>();
    for (Predicates.Node part : node instanceof Predicates.And and ? and.parts() : List.of(node)) {
      String why = condition(part, spec, conditions);
      if (why != null) {
        return "its predicate '" + sql + "' does not translate: " + why;
      }
    }
    Set<String> fields = new LinkedHashSet<>();
    conditions.forEach(c -> fields.add(c.getKey()));
    if (fields.size() == conditions.size()) {
      conditions.forEach(c -> out.set(c.getKey(), c.getValue()));
    } else {
      ArrayNode all = out.putArray("$and");
      conditions.forEach(c -> all.add(MongoJson.object().set(c.getKey(), c.getValue())));
    }
    return null;
  }

  private static String condition(Predicates.Node node, CollectionSpec spec, List<Map.Entry<String, JsonNode>> out) {
    if (node instanceof Predicates.IsNull n) {
      Column c = column(spec, n.column());
      if (c == null) {
        return "no column " + n.column();
      }
      out.add(Map.entry(spec.field(c.name()), n.negated()
          ? MongoJson.object().put("$type", BsonTypes.array(c) ? "array" : BsonTypes.element(c))
          : MongoJson.NODES.nullNode()));
      return null;
    }
    if (node instanceof Predicates.Flag f) {
      return flag(spec, f.column(), true, out);
    }
    if (node instanceof Predicates.Not n && n.inner() instanceof Predicates.Flag f) {
      return flag(spec, f.column(), false, out);
    }
    if (node instanceof Predicates.Not n && n.inner() instanceof Predicates.In in
        && in.subject().measure() == Predicates.Measure.VALUE) {
      return complement(spec, in.subject().column(), in.values(), out);
    }
    if (node instanceof Predicates.Compare cmp && cmp.subject().measure() == Predicates.Measure.VALUE) {
      Column c = column(spec, cmp.subject().column());
      if (c == null) {
        return "no column " + cmp.subject().column();
      }
      JsonNode value = value(c, cmp.value());
      if (value == null) {
        return "the constant is not of " + c.name() + "'s type";
      }
      String field = spec.field(c.name());
      if (cmp.op().equals("=")) {
        out.add(Map.entry(field, value));
        return null;
      }
      if (cmp.op().equals("<>")) {
        return complement(spec, c.name(), List.of(cmp.value()), out);
      }
      if (!value.isNumber()) {
        return "a partial index compares numbers only";
      }
      String op = switch (cmp.op()) {
        case "<" -> "$lt";
        case "<=" -> "$lte";
        case ">" -> "$gt";
        default -> "$gte";
      };
      out.add(Map.entry(field, MongoJson.object().set(op, value)));
      return null;
    }
    if (node instanceof Predicates.Between b && b.subject().measure() == Predicates.Measure.VALUE) {
      Column c = column(spec, b.subject().column());
      JsonNode low = c == null ? null : value(c, b.low());
      JsonNode high = c == null ? null : value(c, b.high());
      if (low == null || high == null || !low.isNumber() || !high.isNumber()) {
        return "BETWEEN translates on numbers only";
      }
      ObjectNode range = MongoJson.object();
      range.set("$gte", low);
      range.set("$lte", high);
      out.add(Map.entry(spec.field(c.name()), range));
      return null;
    }
    if (node instanceof Predicates.In in && in.subject().measure() == Predicates.Measure.VALUE) {
      Column c = column(spec, in.subject().column());
      if (c == null) {
        return "no column " + in.subject().column();
      }
      ArrayNode values = MongoJson.array();
      for (Object v : in.values()) {
        JsonNode value = value(c, v);
        if (value == null) {
          return "a value of the IN list is not of " + c.name() + "'s type";
        }
        values.add(value);
      }
      out.add(Map.entry(spec.field(c.name()), MongoJson.object().set("$in", values)));
      return null;
    }
    return "a partial index takes equality, ranges, IN, IS [NOT] NULL and AND of them, on fields";
  }

  private static String flag(CollectionSpec spec, String name, boolean value, List<Map.Entry<String, JsonNode>> out) {
    Column c = column(spec, name);
    if (c == null || !"bool".equals(BsonTypes.element(c))) {
      return name + " is not a boolean field";
    }
    out.add(Map.entry(spec.field(c.name()), MongoJson.NODES.booleanNode(value)));
    return null;
  }

  /** {@code <>} or {@code NOT IN} on an enum: the {@code $in} of its other values. */
  private static String complement(CollectionSpec spec, String name, List<Object> excluded,
      List<Map.Entry<String, JsonNode>> out) {
    Column c = column(spec, name);
    if (c == null || !c.type().isEnum() || BsonTypes.array(c)) {
      return "a partial index cannot say 'not equal' ($ne and $not are refused), except on an enum, as the $in of"
          + " its other values";
    }
    ArrayNode values = MongoJson.array();
    c.type().enumValues().stream().filter(v -> !excluded.contains(v)).forEach(values::add);
    out.add(Map.entry(spec.field(c.name()), MongoJson.object().set("$in", values)));
    return null;
  }

  private static Column column(CollectionSpec spec, String name) {
    return spec.table.column(name).orElse(null);
  }

  /** A constant as the field stores it, or null when it is not of the field's type. */
  private static JsonNode value(Column c, Object constant) {
    String bson = BsonTypes.element(c);
    if (constant instanceof String s && "string".equals(bson)) {
      return c.type().isEnum() && !c.type().enumValues().contains(s) ? null : MongoJson.NODES.textNode(s);
    }
    if (constant instanceof BigDecimal n && List.of("int", "long", "double", "decimal").contains(bson)) {
      return MongoJson.number(n);
    }
    if (constant instanceof Boolean b && "bool".equals(bson)) {
      return MongoJson.NODES.booleanNode(b);
    }
    return null;
  }
}
