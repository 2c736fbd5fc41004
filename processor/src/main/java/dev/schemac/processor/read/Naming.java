package dev.schemac.processor.read;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How Java names become SQL names (documented in docs/naming.md): columns are the snake_case of
 * the component, tables the snake_case of the record with its last word made plural.
 */
public final class Naming {
  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("person", "people"),
          Map.entry("child", "children"),
          Map.entry("man", "men"),
          Map.entry("woman", "women"),
          Map.entry("mouse", "mice"),
          Map.entry("goose", "geese"),
          Map.entry("foot", "feet"),
          Map.entry("tooth", "teeth"),
          Map.entry("criterion", "criteria"),
          Map.entry("datum", "data"),
          Map.entry("medium", "media"),
          Map.entry("index", "indexes"),
          Map.entry("leaf", "leaves"),
          Map.entry("life", "lives"),
          Map.entry("knife", "knives"),
          Map.entry("wife", "wives"),
          Map.entry("half", "halves"),
          Map.entry("shelf", "shelves"));

  /** Words that are the same in the plural, or already plural. */
  private static final Set<String> UNCHANGED =
      Set.of(
          "data", "metadata", "information", "equipment", "news", "series", "species", "sheep",
          "fish", "deer", "feedback", "software", "hardware", "media", "people", "children",
          "settings", "preferences", "credentials", "analytics", "statistics", "stats", "details",
          "permissions", "access", "staff", "inventory", "aircraft", "money", "music", "traffic");

  private Naming() {}

  /** {@code passwordHash} -> {@code password_hash}; {@code HTTPRequest} -> {@code http_request}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = javaName.charAt(i - 1);
        boolean nextIsLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextIsLower)) {
          if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
            out.append('_');
          }
        }
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code OrderItem} -> {@code order_items}; {@code Category} -> {@code categories}. */
  public static String tableName(String recordSimpleName) {
    String snake = snakeCase(recordSimpleName);
    int cut = snake.lastIndexOf('_') + 1;
    return snake.substring(0, cut) + plural(snake.substring(cut));
  }

  /** The English plural of one lowercase word, by the rules in docs/naming.md. */
  public static String plural(String word) {
    if (word.isEmpty() || UNCHANGED.contains(word)) {
      return word;
    }
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    if (word.endsWith("is")) {
      return word.substring(0, word.length() - 2) + "es"; // analysis -> analyses
    }
    if (word.endsWith("us") || word.endsWith("ss")) {
      return word + "es"; // status -> statuses, address -> addresses
    }
    if (word.endsWith("s")) {
      return word; // most words ending in a single s are plural already
    }
    if (word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) {
      return word + "es";
    }
    if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
