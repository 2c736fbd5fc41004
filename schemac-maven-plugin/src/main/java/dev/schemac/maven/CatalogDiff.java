package dev.schemac.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The differences between the catalog a database should have and the one it has: objects
 * missing, objects only the database has, and attributes that differ. An object whose table is
 * itself missing or extra is not listed again (the table says it all).
 */
final class CatalogDiff {
  /**
   * One difference: the object's key, its kind ({@link PluginErrorId#DRIFT_MISSING}, {@link
   * PluginErrorId#DRIFT_EXTRA}, {@link PluginErrorId#DRIFT_CHANGED}) and what differs.
   */
  record Difference(String object, PluginErrorId kind, String text) {
    /** The line the user reads: {@code [schemac:drift-changed] column orders.note: type is ...}. */
    String line() {
      return kind.message(text);
    }
  }

  private CatalogDiff() {}

  static List<Difference> compare(Map<String, CatalogItem> expected, Map<String, CatalogItem> actual) {
    TreeSet<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<Difference> out = new ArrayList<>();
    for (String key : keys) {
      CatalogItem want = expected.get(key);
      CatalogItem have = actual.get(key);
      if (want != null && have != null) {
        for (Map.Entry<String, String> attribute : want.attributes().entrySet()) {
          String value = have.attributes().getOrDefault(attribute.getKey(), "");
          if (!value.equals(attribute.getValue())) {
            out.add(new Difference(key, PluginErrorId.DRIFT_CHANGED, key + ": " + attribute.getKey() + " is " + shown(value) + " in the database, "
                + shown(attribute.getValue()) + " in the committed schema"));
          }
        }
      } else if (want != null) {
        if (want.parent() == null || !differsWhole(want.parent(), expected, actual)) {
          out.add(new Difference(key, PluginErrorId.DRIFT_MISSING, key + ": missing from the database" + summary(want)));
        }
      } else if (have.parent() == null || !differsWhole(have.parent(), expected, actual)) {
        out.add(new Difference(key, PluginErrorId.DRIFT_EXTRA, key + ": only in the database, not in the committed schema" + summary(have)));
      }
    }
    return out;
  }

  private static boolean differsWhole(String parent, Map<String, CatalogItem> expected,
      Map<String, CatalogItem> actual) {
    return expected.containsKey(parent) != actual.containsKey(parent);
  }

  private static String summary(CatalogItem item) {
    String definition = item.attributes().getOrDefault("definition", item.attributes().get("type"));
    return definition == null || definition.isEmpty() ? "" : " (" + firstLine(definition) + ")";
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }

  private static String shown(String value) {
    return value.isEmpty() ? "(none)" : "'" + firstLine(value) + "'";
  }
}
