package dev.schemac.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SQLite database (sqlite-jdbc's engine, in process) in a file, for tests: scripts applied
 * as the sqlite3 shell with {@code -bail} and Flyway apply a non-transactional file (statement by
 * statement, stopping at the first failure, whatever transaction the script opened rolled back as
 * when the connection closes), rows, and the catalog as SQLite describes it.
 */
public final class SqliteDatabase implements AutoCloseable {
  private final Path file;
  private final Connection connection;

  private SqliteDatabase(Path file, boolean foreignKeys) throws SQLException {
    this.file = file;
    this.connection = DriverManager.getConnection(url(file, foreignKeys));
  }

  /** The JDBC URL of {@code file}, with foreign keys enforced on the connection or not. */
  public static String url(Path file, boolean foreignKeys) {
    return "jdbc:sqlite:" + file.toAbsolutePath() + (foreignKeys ? "?foreign_keys=true" : "");
  }

  /** A new database in {@code file} whose connection enforces foreign keys, as an application's does. */
  public static SqliteDatabase create(Path file) throws SQLException {
    return new SqliteDatabase(file, true);
  }

  public Path file() {
    return file;
  }

  public Connection connection() {
    return connection;
  }

  /** Runs {@code script}; on failure rolls back what it left open and throws, naming the script. */
  public void run(String script) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(script);
    } catch (SQLException e) {
      try (Statement s = connection.createStatement()) {
        s.execute("ROLLBACK"); // what closing the connection would do to a transaction the script opened
      } catch (SQLException nothingOpen) {
        // the script had no transaction open
      }
      throw e;
    }
  }

  /** Runs a generated file; a failure is an AssertionError that shows the file. */
  public void apply(Path script) {
    String text = read(script);
    try {
      run(text);
    } catch (SQLException e) {
      throw new AssertionError("applying " + script.getFileName() + " failed: " + e.getMessage()
          + "\n--- the whole file:\n" + text, e);
    }
  }

  /** The message SQLite fails {@code script} with (fails when it succeeds). */
  public String failure(String script) {
    try {
      run(script);
    } catch (SQLException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected to fail: " + script);
  }

  /** Each row as its columns joined by "|" (NULL as "null"). */
  public List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          cells.add(String.valueOf(r.getString(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  /** The one value of a one-row, one-column query. */
  public String value(String sql) throws SQLException {
    List<String> rows = rows(sql);
    if (rows.size() != 1) {
      throw new AssertionError(sql + " gave " + rows);
    }
    return rows.get(0);
  }

  /**
   * Everything a migration changes, by name, as SQLite describes it: each table's definition
   * (the items of its CREATE TABLE, sorted, quotes and spacing normalized: ALTER TABLE appends a
   * column at the end and quotes the names it rewrites), {@code pragma table_xinfo} (by column
   * name: position does not matter), {@code foreign_key_list}, {@code index_list} with each
   * index's {@code index_xinfo}; each index's and trigger's SQL, normalized alike. SQLite's own
   * objects are left out, and so are the rows of {@code sqlite_sequence}.
   */
  public Map<String, Object> catalog() throws SQLException {
    Map<String, Object> all = new TreeMap<>();
    for (String row : rows("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
        + " ORDER BY name")) {
      String[] parts = row.split("\\|", 4);
      String type = parts[0];
      String name = parts[1];
      if (type.equals("table")) {
        Map<String, Object> t = new TreeMap<>();
        t.put("definition", tableItems(parts[3]));
        t.put("columns", sorted(rows("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo('"
            + name + "')")));
        t.put("foreignKeys", sorted(rows("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\""
            + " FROM pragma_foreign_key_list('" + name + "')")));
        List<String> indexes = new ArrayList<>();
        for (String index : rows("SELECT name, \"unique\", origin, partial FROM pragma_index_list('" + name + "')")) {
          String indexName = index.split("\\|")[0];
          String shown = indexName.startsWith("sqlite_autoindex_") ? "autoindex" + index.substring(indexName.length())
              : index;
          indexes.add(shown + " " + rows("SELECT seqno, name, \"desc\", \"key\" FROM pragma_index_xinfo('"
              + indexName + "')"));
        }
        t.put("indexes", sorted(indexes));
        all.put("table " + name, t);
      } else {
        all.put(type + " " + name, parts[2] + ": " + normalize(parts[3]));
      }
    }
    return all;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> out = new ArrayList<>(rows);
    out.sort(null);
    return out;
  }

  /** The items of a CREATE TABLE (columns and table constraints), normalized, sorted. */
  static List<String> tableItems(String createTable) {
    int open = createTable.indexOf('(');
    int close = createTable.lastIndexOf(')');
    String body = createTable.substring(open + 1, close);
    List<String> items = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder current = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        items.add(normalize(current.toString()));
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    items.add(normalize(current.toString()));
    items.add("options: " + normalize(createTable.substring(close + 1)));
    items.sort(null);
    return items;
  }

  /** Spacing collapsed and double quotes around names removed, outside string literals. */
  static String normalize(String sql) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    boolean space = false;
    for (char c : sql.strip().toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (!quoted && c == '"') {
        continue;
      }
      if (!quoted && Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
