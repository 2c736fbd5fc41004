package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The JSON of validators, index keys and options, written the same way every time (keys in the
 * order they were put, two-space indentation, {@code \n}): the text is both a JSON file and a
 * JavaScript object literal in the mongosh scripts. U+2028 and U+2029, which JSON allows in a
 * string but older JavaScript reads as line ends, are escaped.
 */
final class MongoJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final JsonFactory JSON = new JsonFactory(new ObjectMapper());

  private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
    }
  };

  private MongoJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A number as JSON: a whole number as an integer, anything else as a decimal. */
  static JsonNode number(BigDecimal n) {
    BigDecimal plain = n.stripTrailingZeros();
    if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      return NODES.numberNode(plain.intValueExact());
    }
    if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return NODES.numberNode(plain.longValueExact());
    }
    return NODES.numberNode(n);
  }

  /** Several lines, two-space indented, no newline at the end. */
  static String pretty(JsonNode node) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return write(node, printer);
  }

  /** One line: {@code {"email": 1, "name": -1}}. */
  static String compact(JsonNode node) {
    StringBuilder out = new StringBuilder();
    compact(node, out);
    return out.toString();
  }

  private static void compact(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      var fields = node.fields();
      boolean first = true;
      while (fields.hasNext()) {
        var e = fields.next();
        out.append(first ? "" : ", ").append(string(e.getKey())).append(": ");
        compact(e.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        compact(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(write(node, null));
    }
  }

  /** A JSON string literal, which is a JavaScript string literal too. */
  static String string(String text) {
    return write(NODES.textNode(text), null);
  }

  private static String write(JsonNode node, DefaultPrettyPrinter printer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setCharacterEscapes(ESCAPES);
      if (printer != null) {
        generator.setPrettyPrinter(printer);
      }
      generator.writeTree(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
