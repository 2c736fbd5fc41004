package dev.schemac.maven;

import static dev.schemac.maven.CatalogItem.add;
import static dev.schemac.maven.CatalogItem.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a SQLite database holds, read from {@code sqlite_schema} and the table-valued pragmas:
 * tables with STRICT and WITHOUT ROWID ({@code pragma_table_list}); columns with their declared
 * type, nullability, default, place in the primary key and generation ({@code pragma_table_xinfo});
 * indexes with their key columns, order, collation, uniqueness and, for expression and partial
 * indexes, their SQL ({@code pragma_index_list}, {@code pragma_index_xinfo}); foreign keys with their
 * columns, references and actions ({@code pragma_foreign_key_list}); CHECK constraints; triggers
 * and views with their SQL.
 *
 * <p>SQLite keeps no catalog of CHECK constraints: they are read from the table's {@code CREATE
 * TABLE} text in {@code sqlite_schema}, named ones by name, unnamed ones (schemac's type CHECKs) by
 * their expression. Foreign keys have no name SQLite reports, so they are known by their columns.
 * SQLite stores no comments at all, and a column's collation only in the table's text: neither is
 * compared. SQL texts are compared with their spacing and identifier quotes normalized (a table
 * renamed by SQLite gets a quoted name in its definition).
 */
final class SqliteCatalog {
  private SqliteCatalog() {}

  /** The objects of the {@code main} database; {@code excludedTable} (Flyway's history) is not read. */
  static Map<String, CatalogItem> read(Connection connection, String excludedTable) throws SQLException {
    Map<String, CatalogItem> items = new TreeMap<>();
    List<String[]> objects = new ArrayList<>();
    query(connection, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%'"
        + " ESCAPE '\\' AND tbl_name <> " + literal(excludedTable == null ? "" : excludedTable) + " ORDER BY name",
        rs -> objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}));
    for (String[] object : objects) {
      String type = object[0];
      String name = object[1];
      String table = object[2];
      String sql = object[3];
      switch (type) {
        case "table" -> table(connection, items, name, sql);
        case "view" -> add(items, "view", name, null, "definition", normalized(sql));
        case "trigger" -> add(items, "trigger", table + "." + name, "table " + table, "definition", normalized(sql));
        default -> { } // indexes: with their table
      }
    }
    return items;
  }

  private static void table(Connection connection, Map<String, CatalogItem> items, String table, String sql)
      throws SQLException {
    String t = literal(table);
    String key = "table " + table;
    query(connection, "SELECT strict, wr FROM pragma_table_list(" + t + ") WHERE schema = 'main'", rs -> add(items, "table", table,
        null, "strict", rs.getInt(1) == 1 ? "yes" : "no", "without rowid", rs.getInt(2) == 1 ? "yes" : "no"));
    query(connection, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(" + t + ")",
        rs -> add(items, "column", table + "." + rs.getString(1), key, "type", rs.getString(2),
            "nullable", rs.getInt(3) == 1 ? "no" : "yes", "default", rs.getString(4),
            "primary key", rs.getInt(5) == 0 ? "" : "column " + rs.getInt(5) + " of the key",
            "generated", switch (rs.getInt(6)) {
              case 2 -> "virtual";
              case 3 -> "stored";
              default -> "";
            }));
    for (String[] check : checks(sql)) {
      add(items, "check", table + "." + (check[0] == null ? check[1] : check[0]), key, "definition", check[1]);
    }
    List<String[]> indexes = new ArrayList<>();
    query(connection, "SELECT l.name, l.\"unique\", l.origin, l.partial, s.sql FROM pragma_index_list(" + t + ") l"
        + " LEFT JOIN main.sqlite_schema s ON s.type = 'index' AND s.name = l.name",
        rs -> indexes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5)}));
    for (String[] index : indexes) {
      List<String> parts = new ArrayList<>();
      query(connection, "SELECT name, \"desc\", coll FROM pragma_index_xinfo(" + literal(index[0]) + ") WHERE key = 1"
          + " ORDER BY seqno", rs -> parts.add((rs.getString(1) == null ? "<expression>" : rs.getString(1))
              + (rs.getInt(2) == 1 ? " DESC" : "") + ("BINARY".equals(rs.getString(3)) ? "" : " COLLATE "
              + rs.getString(3))));
      String columns = "(" + String.join(", ", parts) + ")";
      boolean automatic = index[3] == null; // made by SQLite for a PRIMARY KEY or UNIQUE of the table's text
      String origin = switch (index[2]) {
        case "pk" -> "PRIMARY KEY";
        case "u" -> "UNIQUE constraint";
        default -> "CREATE INDEX";
      };
      add(items, "index", automatic ? table + "." + origin + " " + columns : index[0], key,
          "definition", automatic ? ("1".equals(index[1]) ? "UNIQUE " : "") + columns : normalized(index[3]),
          "columns", columns);
    }
    List<String[]> keys = new ArrayList<>();
    query(connection, "SELECT id, \"from\", \"table\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(" + t
        + ") ORDER BY id, seq", rs -> keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)}));
    for (int i = 0; i < keys.size(); ) {
      String id = keys.get(i)[0];
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      String[] first = keys.get(i);
      for (; i < keys.size() && keys.get(i)[0].equals(id); i++) {
        from.add(keys.get(i)[1]);
        to.add(keys.get(i)[3] == null ? "<its primary key>" : keys.get(i)[3]);
      }
      add(items, "foreign key", table + ".(" + String.join(", ", from) + ") REFERENCES " + first[2] + " ("
          + String.join(", ", to) + ")", key, "on update", first[4], "on delete", first[5]);
    }
  }

  /**
   * Each {@code CHECK (...)} of a {@code CREATE TABLE} text: its constraint name (or null) and its
   * expression, normalized. Quotes, identifiers and comments are skipped as SQLite's tokenizer does.
   */
  static List<String[]> checks(String sql) {
    List<String[]> out = new ArrayList<>();
    List<int[]> tokens = tokens(sql);
    for (int i = 0; i < tokens.size(); i++) {
      if (!word(sql, tokens.get(i)).equals("check") || i + 1 >= tokens.size() || sql.charAt(tokens.get(i + 1)[0]) != '(') {
        continue;
      }
      int depth = 0;
      int j = i + 1;
      for (; j < tokens.size(); j++) {
        char c = sql.charAt(tokens.get(j)[0]);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth == 0) {
          break;
        }
      }
      if (j >= tokens.size()) {
        break;
      }
      String expression = normalized(sql.substring(tokens.get(i + 1)[1], tokens.get(j)[0]));
      String name = i >= 2 && word(sql, tokens.get(i - 2)).equals("constraint") ? unquoted(sql, tokens.get(i - 1)) : null;
      out.add(new String[] {name, expression});
      i = j;
    }
    return out;
  }

  /** SQL text with runs of white space as one space, comments dropped, and identifiers that need no quotes unquoted. */
  static String normalized(String sql) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int[] token : tokens(sql)) {
      String text = sql.substring(token[0], token[1]);
      char c = text.charAt(0);
      if ((c == '"' || c == '`' || c == '[') && unquoted(sql, token).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        text = unquoted(sql, token);
      }
      // no space before ( ) , ; . nor after ( and .: "f (x)" and "f(x)", "t . c" and "t.c" read the same
      boolean punctuation = text.equals("(") || text.equals(")") || text.equals(",") || text.equals(";")
          || text.equals(".");
      char last = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
      if (out.length() > 0 && !punctuation && last != '(' && last != '.') {
        out.append(' ');
      }
      out.append(text);
    }
    return out.toString();
  }

  /** Tokens as [start, end): quoted strings and identifiers whole, words, numbers, one-character punctuation. */
  private static List<int[]> tokens(String sql) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == close) {
            if (close != ']' && j + 1 < sql.length() && sql.charAt(j + 1) == close) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        int end = Math.min(j + 1, sql.length());
        out.add(new int[] {i, end});
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' && i + 1 < sql.length()
          && Character.isDigit(sql.charAt(i + 1))) {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$' || sql.charAt(j) == '.' && j + 1 < sql.length()
            && Character.isDigit(sql.charAt(j + 1)))) {
          j++;
        }
        out.add(new int[] {i, j});
        i = j;
      } else {
        int j = i + 1;
        // two-character operators stay one token: <=, >=, <>, !=, ==, ||, <<, >>
        if (j < sql.length() && "<>=!|".indexOf(c) >= 0 && "<>=|".indexOf(sql.charAt(j)) >= 0) {
          j++;
        }
        out.add(new int[] {i, j});
        i = j;
      }
    }
    return out;
  }

  private static String word(String sql, int[] token) {
    return sql.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
  }

  private static String unquoted(String sql, int[] token) {
    String text = sql.substring(token[0], token[1]);
    char c = text.charAt(0);
    if (text.length() >= 2 && (c == '"' || c == '`' || c == '[')) {
      String quote = c == '[' ? "]" : String.valueOf(c);
      return text.substring(1, text.length() - 1).replace(quote + quote, quote);
    }
    return text;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
