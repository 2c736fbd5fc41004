package dev.schemac.processor.migrate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.PrimaryKey;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.targets.LegacySnapshots;
import dev.schemac.processor.targets.SqlTarget;
import dev.schemac.processor.targets.Targets;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code snapshots/v{N}.json}: a schema version as people read it in review. Written field by
 * field in a fixed order (never by reflection), so the format stays stable when the model's
 * records change; values equal to their default are left out, and {@code "sequences"} and a
 * table's {@code "schema"} only when there are any.
 *
 * <p>{@code "format": 3} is the engine-neutral model: logical types ({@code "INSTANT"}),
 * structured defaults and checks, index methods as intents, and the user's SQL as {@code {"sql",
 * "target"}}. Formats 1 and 2 were written when PostgreSQL was the only engine, in its terms (2
 * added sequences and schemas); released snapshots keep them forever, and they are read through
 * {@link LegacySnapshots}, the PostgreSQL target's reading of them. A schemac that knows only the
 * older formats refuses format 3 instead of misreading it.
 */
public final class SnapshotJson {
  /** What this schemac writes. */
  public static final int FORMAT = 3;
  /** Written before targets existed: PostgreSQL's kinds and SQL, without sequences or schemas. */
  public static final int LEGACY_FORMAT = 1;
  /** Format 1 plus {@code "sequences"} and a table's {@code "schema"}. */
  public static final int LEGACY_FORMAT_WITH_NAMESPACES = 2;

  /**
   * Trees are built with the node factory and written and read through jackson-core's generator
   * and parser, never through an {@code ObjectMapper}: setting one up (serializers,
   * deserializers, type factory) took about 120 ms of each build, reading or writing.
   */
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON = new JsonFactory();

  private SnapshotJson() {}

  /** The JSON text, two-space indented, {@code \n} line endings, ending with a newline. */
  public static String write(Snapshot snapshot) {
    ObjectNode root = NODES.objectNode();
    Schema schema = snapshot.schema();
    root.put("format", FORMAT);
    root.put("version", snapshot.version());
    root.put("description", snapshot.description());
    ObjectNode files = root.putObject("files");
    new TreeMap<>(snapshot.files()).forEach(files::put);
    ArrayNode enums = root.putArray("enumTypes");
    for (EnumType e : snapshot.schema().enumTypes()) {
      ObjectNode n = enums.addObject();
      n.put("name", e.name());
      strings(n.putArray("labels"), e.labels());
    }
    if (!schema.sequences().isEmpty()) {
      ArrayNode sequences = root.putArray("sequences");
      for (Sequence s : schema.sequences()) {
        ObjectNode n = sequences.addObject();
        optional(n, "schema", s.schema());
        n.put("name", s.name());
        spelling(n, s.name(), s.writtenName());
        n.put("start", s.start());
        n.put("increment", s.increment());
        optional(n, "source", s.sourceType());
      }
    }
    ArrayNode tables = root.putArray("tables");
    for (Table t : schema.tables()) {
      tables.add(table(t));
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setPrettyPrinter(printer);
      writeTree(generator, root);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
    return out + "\n";
  }

  /**
   * {@code "writtenName"}: the name with the capitals its source writes, only where it differs from
   * {@code "name"} (and only in a build with a target that keeps them: see {@code
   * TargetFacts#keepsTableNameCase}), so that the next version knows what MariaDB's table is called.
   */
  private static void spelling(ObjectNode n, String name, String written) {
    if (!written.equals(name)) {
      n.put("writtenName", written);
    }
  }

  private static ObjectNode table(Table t) {
    ObjectNode n = NODES.objectNode();
    optional(n, "schema", t.schema());
    n.put("name", t.name());
    spelling(n, t.name(), t.writtenName());
    n.put("source", t.sourceType());
    optional(n, "comment", t.comment());
    optional(n, "softDeleteColumn", t.softDeleteColumn());
    ArrayNode columns = n.putArray("columns");
    for (Column c : t.columns()) {
      columns.add(column(c));
    }
    if (t.primaryKey() != null) {
      ObjectNode pk = n.putObject("primaryKey");
      pk.put("name", t.primaryKey().name());
      strings(pk.putArray("columns"), t.primaryKey().columns());
    }
    ArrayNode fks = n.putArray("foreignKeys");
    for (ForeignKey fk : t.foreignKeys()) {
      ObjectNode f = fks.addObject();
      f.put("name", fk.name());
      strings(f.putArray("columns"), fk.columns());
      f.put("targetTable", fk.targetTable());
      strings(f.putArray("targetColumns"), fk.targetColumns());
      f.put("onDelete", fk.onDelete().name());
      f.put("onUpdate", fk.onUpdate().name());
    }
    ArrayNode uniques = n.putArray("uniques");
    for (UniqueConstraint u : t.uniques()) {
      ObjectNode un = uniques.addObject();
      un.put("name", u.name());
      strings(un.putArray("columns"), u.columns());
    }
    ArrayNode checks = n.putArray("checks");
    for (CheckConstraint c : t.checks()) {
      ObjectNode cn = checks.addObject();
      cn.put("name", c.name());
      optional(cn, "column", c.column());
      cn.set("condition", condition(c.condition()));
    }
    ArrayNode indexes = n.putArray("indexes");
    for (Index i : t.indexes()) {
      ObjectNode in = indexes.addObject();
      in.put("name", i.name());
      ArrayNode elements = in.putArray("elements");
      for (Index.Element e : i.elements()) {
        ObjectNode en = elements.addObject();
        optional(en, "column", e.column());
        raw(en, "expression", e.expression());
        raw(en, "opclass", e.opclass());
        if (e.descending()) {
          en.put("descending", true);
        }
        if (e.nulls() != Index.Nulls.DEFAULT) {
          en.put("nulls", e.nulls().name());
        }
      }
      if (i.unique()) {
        in.put("unique", true);
      }
      in.put("method", i.method().name());
      raw(in, "where", i.where());
      if (!i.include().isEmpty()) {
        strings(in.putArray("include"), i.include());
      }
      if (i.expireAfterSeconds() != null) {
        in.put("expireAfterSeconds", i.expireAfterSeconds());
      }
    }
    ArrayNode triggers = n.putArray("triggers");
    for (Trigger tr : t.triggers()) {
      ObjectNode tn = triggers.addObject();
      tn.put("name", tr.name());
      tn.put("kind", tr.kind().name());
      tn.put("column", tr.column());
    }
    return n;
  }

  /** One column, or one field of an embedded document. */
  private static ObjectNode column(Column c) {
    ObjectNode cn = NODES.objectNode();
    cn.put("name", c.name());
    optional(cn, "javaName", c.javaName());
    optional(cn, "javaType", c.javaType());
    cn.set("type", type(c.type()));
    if (c.nullable()) {
      cn.put("nullable", true);
    }
    if (c.defaultValue() != null) {
      cn.set("default", defaultValue(c.defaultValue()));
    }
    if (c.identity() != Column.Identity.NONE) {
      cn.put("identity", c.identity().name());
    }
    raw(cn, "generated", c.generated());
    if (!c.markers().isEmpty()) {
      strings(cn.putArray("markers"), c.markers().stream().map(Enum::name).toList());
    }
    optional(cn, "comment", c.comment());
    return cn;
  }

  private static ObjectNode type(LogicalType t) {
    ObjectNode n = NODES.objectNode();
    n.put("kind", t.kind().name());
    if (t.length() != 0) {
      n.put("length", t.length());
    }
    if (t.precision() != 0) {
      n.put("precision", t.precision());
      n.put("scale", t.scale());
    }
    if (t.array()) {
      n.put("array", true);
    }
    if (t.raw() != null) {
      n.put("sql", t.raw().sql());
      n.put("target", t.raw().target());
    }
    if (!t.enumValues().isEmpty()) {
      strings(n.putArray("enumValues"), t.enumValues());
    }
    optional(n, "enumTypeName", t.enumTypeName());
    if (!t.fields().isEmpty()) {
      ArrayNode fields = n.putArray("fields");
      t.fields().forEach(f -> fields.add(column(f)));
    }
    return n;
  }

  private static ObjectNode defaultValue(ColumnDefault d) {
    ObjectNode n = NODES.objectNode();
    if (d instanceof ColumnDefault.Now) {
      n.put("kind", "NOW");
    } else if (d instanceof ColumnDefault.RandomUuid) {
      n.put("kind", "RANDOM_UUID");
    } else if (d instanceof ColumnDefault.Literal literal) {
      n.put("kind", "LITERAL");
      n.put("literal", literal.kind().name());
      n.put("value", literal.text());
    } else {
      RawSql raw = ((ColumnDefault.Raw) d).sql();
      n.put("kind", "RAW");
      n.put("sql", raw.sql());
      n.put("target", raw.target());
    }
    return n;
  }

  private static ObjectNode condition(Condition c) {
    ObjectNode n = NODES.objectNode();
    if (c instanceof Condition.OneOf oneOf) {
      n.put("kind", "ONE_OF");
      n.put("column", oneOf.column());
      strings(n.putArray("values"), oneOf.values());
      if (oneOf.elements()) {
        n.put("elements", true);
      }
    } else if (c instanceof Condition.Range range) {
      n.put("kind", "RANGE");
      n.put("column", range.column());
      n.put("min", range.min());
      if (range.max() != null) {
        n.put("max", range.max());
      }
    } else {
      RawSql raw = ((Condition.Raw) c).sql();
      n.put("kind", "RAW");
      n.put("sql", raw.sql());
      n.put("target", raw.target());
    }
    return n;
  }

  /** The user's SQL as {@code {"sql": ..., "target": ...}}, left out when null. */
  private static void raw(ObjectNode n, String key, RawSql raw) {
    if (raw != null) {
      ObjectNode r = n.putObject(key);
      r.put("sql", raw.sql());
      r.put("target", raw.target());
    }
  }

  private static void optional(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** The tree as an ObjectMapper writes it: fields in insertion order, numbers as they were put. */
  private static void writeTree(JsonGenerator g, JsonNode n) throws IOException {
    if (n.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> fields = n.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        g.writeFieldName(field.getKey());
        writeTree(g, field.getValue());
      }
      g.writeEndObject();
    } else if (n.isArray()) {
      g.writeStartArray();
      for (JsonNode element : n) {
        writeTree(g, element);
      }
      g.writeEndArray();
    } else if (n.isTextual()) {
      g.writeString(n.textValue());
    } else if (n.isInt()) {
      g.writeNumber(n.intValue());
    } else if (n.isLong()) {
      g.writeNumber(n.longValue());
    } else if (n.isBoolean()) {
      g.writeBoolean(n.booleanValue());
    } else if (n.isNull()) {
      g.writeNull();
    } else {
      throw new IllegalStateException("a snapshot holds no " + n.getNodeType());
    }
  }

  /** The value the parser is on, as a tree, as an ObjectMapper reads it (a repeated field: the last wins). */
  private static JsonNode readTree(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          object.set(field, readTree(p));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(readTree(p));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(p.getBooleanValue());
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
    }
  }

  // ------------------------------------------------------------------ reading

  /** Reads a snapshot; throws {@link IllegalArgumentException} saying what is wrong with the text. */
  /**
   * Only the version, the description and the file hashes, {@code "format"} checked: what a
   * released snapshot other than the base of the next diff is read for. They are written first,
   * so the rest of the file (the model, megabytes for a large schema) is not even scanned.
   */
  public static Snapshot readHead(String json) {
    int format = -1;
    int version = 0;
    String description = "";
    Map<String, String> files = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (seen.size() < 4 && p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "format" -> format = p.getValueAsInt(-1);
          case "version" -> version = p.getValueAsInt(0);
          case "description" -> description = p.getValueAsString("");
          case "files" -> {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String path = p.currentName();
                p.nextToken();
                files.put(path, p.getValueAsString(""));
                p.skipChildren();
              }
            } else {
              p.skipChildren();
            }
          }
          default -> { }
        }
        p.skipChildren();
        seen.add(field);
        seen.retainAll(HEAD);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
    checkFormat(format);
    return new Snapshot(version, description, new Schema(List.of(), List.of(), List.of(), List.of()), files, format);
  }

  private static final Set<String> HEAD = Set.of("format", "version", "description", "files");

  /** The source type of each table, in file order, without building the model. */
  public static List<String> readSources(String json) {
    List<String> sources = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() != JsonToken.START_ARRAY || !field.equals("tables")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("source") && p.currentToken() == JsonToken.VALUE_STRING) {
              sources.add(p.getText());
            }
            p.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
    return sources;
  }

  private static void checkFormat(int format) {
    if (format != FORMAT && format != LEGACY_FORMAT && format != LEGACY_FORMAT_WITH_NAMESPACES) {
      throw new IllegalArgumentException("snapshot format " + format + " is not format " + LEGACY_FORMAT + ", "
          + LEGACY_FORMAT_WITH_NAMESPACES + " or " + FORMAT + " (written by another schemac version?)");
    }
  }

  public static Snapshot read(String json) {
    JsonNode root;
    try (JsonParser p = JSON.createParser(json)) {
      root = p.nextToken() == null ? null : readTree(p);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    int format = root.path("format").asInt(-1);
    checkFormat(format);
    Reading reading = format == FORMAT ? new Reading(null) : new Reading(legacy());
    Map<String, String> files = new TreeMap<>();
    root.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    List<EnumType> enums = new ArrayList<>();
    for (JsonNode e : root.path("enumTypes")) {
      enums.add(new EnumType(text(e, "name"), strings(e.path("labels"))));
    }
    List<Sequence> sequences = new ArrayList<>();
    for (JsonNode s : root.path("sequences")) {
      sequences.add(new Sequence(optional(s, "schema"), text(s, "name"), number(s, "start"), number(s, "increment"),
          optional(s, "source"), List.of(), Origin.NONE, optional(s, "writtenName")));
    }
    List<Table> tables = new ArrayList<>();
    for (JsonNode t : root.path("tables")) {
      tables.add(reading.table(t));
    }
    List<String> sources = tables.stream().map(Table::sourceType).sorted().toList();
    return new Snapshot(root.path("version").asInt(), root.path("description").asText(""),
        new Schema(tables, enums, sequences, sources), files, format);
  }

  /** The reading of the formats before targets: the registered target that wrote them (PostgreSQL). */
  static LegacySnapshots legacy() {
    return Targets.registered().values().stream().filter(SqlTarget.class::isInstance)
        .map(t -> ((SqlTarget) t).legacySnapshots()).flatMap(Optional::stream)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("snapshot formats " + LEGACY_FORMAT + " and "
            + LEGACY_FORMAT_WITH_NAMESPACES + " are read by the target that wrote them, and none is registered"));
  }

  /** Reads tables of one format: the neutral one ({@code legacy} null), or an older one through {@code legacy}. */
  private record Reading(LegacySnapshots legacy) {
    Table table(JsonNode n) {
      List<Column> columns = new ArrayList<>();
      for (JsonNode c : n.path("columns")) {
        columns.add(column(c));
      }
      PrimaryKey pk = null;
      if (n.has("primaryKey")) {
        JsonNode p = n.path("primaryKey");
        pk = new PrimaryKey(text(p, "name"), strings(p.path("columns")), Origin.NONE);
      }
      List<ForeignKey> fks = new ArrayList<>();
      for (JsonNode f : n.path("foreignKeys")) {
        fks.add(new ForeignKey(text(f, "name"), strings(f.path("columns")), text(f, "targetTable"),
            strings(f.path("targetColumns")), ForeignKey.Action.valueOf(f.path("onDelete").asText("NO_ACTION")),
            ForeignKey.Action.valueOf(f.path("onUpdate").asText("NO_ACTION")), Origin.NONE));
      }
      List<UniqueConstraint> uniques = new ArrayList<>();
      for (JsonNode u : n.path("uniques")) {
        uniques.add(new UniqueConstraint(text(u, "name"), strings(u.path("columns")), Origin.NONE));
      }
      List<CheckConstraint> checks = new ArrayList<>();
      for (JsonNode c : n.path("checks")) {
        String column = optional(c, "column");
        Condition condition = legacy == null ? condition(c.path("condition"))
            : legacy.condition(text(c, "expression"), column, c.path("enumCheck").asBoolean(false));
        checks.add(new CheckConstraint(text(c, "name"), condition, column, Origin.NONE));
      }
      List<Index> indexes = new ArrayList<>();
      for (JsonNode i : n.path("indexes")) {
        List<Index.Element> elements = new ArrayList<>();
        for (JsonNode e : i.path("elements")) {
          elements.add(new Index.Element(optional(e, "column"), raw(e, "expression"), raw(e, "opclass"),
              e.path("descending").asBoolean(false), Index.Nulls.valueOf(e.path("nulls").asText("DEFAULT"))));
        }
        String method = i.path("method").asText(legacy == null ? Index.Method.ORDERED.name() : "BTREE");
        indexes.add(new Index(text(i, "name"), elements, i.path("unique").asBoolean(false),
            legacy == null ? Index.Method.valueOf(method) : legacy.method(method), raw(i, "where"),
            strings(i.path("include")), Origin.NONE,
            i.has("expireAfterSeconds") ? i.path("expireAfterSeconds").asLong() : null));
      }
      List<Trigger> triggers = new ArrayList<>();
      for (JsonNode t : n.path("triggers")) {
        triggers.add(new Trigger(text(t, "name"), Trigger.Kind.valueOf(text(t, "kind")), text(t, "column")));
      }
      return new Table(optional(n, "schema"), text(n, "name"), text(n, "source"), columns, pk, fks, uniques, checks,
          indexes, triggers, optional(n, "comment"), optional(n, "softDeleteColumn"), null, List.of(), Origin.NONE,
          Table.Source.RECORD, optional(n, "writtenName"));
    }

    /** One column, or one field of an embedded document. */
    private Column column(JsonNode c) {
      List<Column.Marker> markers = new ArrayList<>();
      for (JsonNode m : c.path("markers")) {
        markers.add(Column.Marker.valueOf(m.asText()));
      }
      LogicalType type = type(c.path("type"));
      return new Column(text(c, "name"), optional(c, "javaName"), optional(c, "javaType"), type,
          c.path("nullable").asBoolean(false), defaultValue(c.get("default"), type, markers),
          Column.Identity.valueOf(c.path("identity").asText("NONE")), markers, optional(c, "comment"), null,
          List.of(), Origin.NONE, raw(c, "generated"));
    }

    private LogicalType type(JsonNode n) {
      if (legacy != null) {
        return legacy.type(text(n, "kind"), n.path("length").asInt(0), n.path("precision").asInt(0),
            n.path("scale").asInt(0), n.path("array").asBoolean(false), optional(n, "custom"),
            strings(n.path("enumValues")), optional(n, "enumTypeName"));
      }
      LogicalType.Kind kind = LogicalType.Kind.valueOf(text(n, "kind"));
      RawSql raw = kind == LogicalType.Kind.RAW ? new RawSql(text(n, "target"), text(n, "sql")) : null;
      List<Column> fields = new ArrayList<>();
      for (JsonNode f : n.path("fields")) {
        fields.add(column(f));
      }
      return new LogicalType(kind, n.path("length").asInt(0), n.path("precision").asInt(0), n.path("scale").asInt(0),
          n.path("array").asBoolean(false), raw, strings(n.path("enumValues")), optional(n, "enumTypeName"), fields);
    }

    private ColumnDefault defaultValue(JsonNode n, LogicalType type, List<Column.Marker> markers) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (legacy != null) {
        return legacy.defaultValue(n.asText(), type, markers);
      }
      return switch (text(n, "kind")) {
        case "NOW" -> ColumnDefault.NOW;
        case "RANDOM_UUID" -> ColumnDefault.RANDOM_UUID;
        case "LITERAL" -> new ColumnDefault.Literal(ColumnDefault.LiteralKind.valueOf(text(n, "literal")),
            text(n, "value"));
        case "RAW" -> new ColumnDefault.Raw(new RawSql(text(n, "target"), text(n, "sql")));
        default -> throw new IllegalArgumentException("unknown default " + n);
      };
    }

    private static Condition condition(JsonNode n) {
      return switch (text(n, "kind")) {
        case "ONE_OF" -> new Condition.OneOf(text(n, "column"), strings(n.path("values")),
            n.path("elements").asBoolean(false));
        case "RANGE" -> new Condition.Range(text(n, "column"), number(n, "min"),
            n.has("max") ? Long.valueOf(number(n, "max")) : null);
        case "RAW" -> new Condition.Raw(new RawSql(text(n, "target"), text(n, "sql")));
        default -> throw new IllegalArgumentException("unknown condition " + n);
      };
    }

    /** The user's SQL of {@code key}: {@code {"sql", "target"}}, or, in an older format, text for the legacy target. */
    private RawSql raw(JsonNode n, String key) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (legacy != null) {
        return new RawSql(legacy.target().id(), v.asText());
      }
      return new RawSql(text(v, "target"), text(v, "sql"));
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing \"" + key + "\" in " + n);
    }
    return v.asText();
  }

  private static long number(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("missing whole number \"" + key + "\" in " + n);
    }
    return v.asLong();
  }

  private static String optional(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
