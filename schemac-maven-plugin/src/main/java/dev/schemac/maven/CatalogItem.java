package dev.schemac.maven;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object of a database's catalog, as the engine's catalog reader ({@link PostgresCatalog},
 * {@link MariaDbCatalog}, {@link SqliteCatalog}) saw it: {@code kind} and {@code name}, its table's
 * key as {@code parent} (or null), and its attributes as text, compared by {@link CatalogDiff}.
 */
record CatalogItem(String kind, String name, String parent, Map<String, String> attributes) {
  String key() {
    return kind + " " + name;
  }

  /** What a reader does with each row of a query. */
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  static void query(Connection connection, String sql, RowReader reader) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  /** Adds an item; {@code attributes} are name, value pairs (a null value reads as ""). */
  static void add(Map<String, CatalogItem> items, String kind, String name, String parent, String... attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      map.put(attributes[i], attributes[i + 1] == null ? "" : attributes[i + 1]);
    }
    CatalogItem item = new CatalogItem(kind, name, parent, map);
    items.put(item.key(), item);
  }
}
