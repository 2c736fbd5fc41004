package dev.schemac.maven;

import static dev.schemac.maven.CatalogItem.add;
import static dev.schemac.maven.CatalogItem.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a MariaDB (or MySQL) database holds, read from {@code information_schema} for one database
 * (a schema, in Flyway's words): tables with their kind, engine, collation, options and comment;
 * columns with their full type, nullability, default, extra (AUTO_INCREMENT, ON UPDATE, VIRTUAL
 * GENERATED, INVISIBLE), generation expression, collation and comment; indexes part by part
 * (expression or column, prefix length, order), uniqueness, type and comment; CHECK constraints;
 * foreign keys with their columns, references and actions; triggers, views and routines with
 * their definitions. Both sides of a comparison are read by the server with these same queries.
 *
 * <p>Not read: a column's position (a column added later comes last; schema.sql may place it
 * elsewhere), a sequence's options (its presence is: a table of kind SEQUENCE), partitions,
 * events, grants and data. MariaDB stores no comment on constraints, triggers or routines.
 */
final class MariaDbCatalog {
  private MariaDbCatalog() {}

  /**
   * The objects of database {@code schema} (null: the connection's current one); {@code
   * excludedTable} (Flyway's history) is not read.
   */
  static Map<String, CatalogItem> read(Connection connection, String database, String excludedTable)
      throws SQLException {
    return read(Engine.MARIADB, connection, database, excludedTable);
  }

  /**
   * As above, on {@code engine}: MySQL 8 spells two things otherwise (not run here: MySQL cannot be
   * obtained in this build): an index's visibility is {@code is_visible}, not MariaDB's {@code
   * ignored}, and a functional key part has an {@code expression} and no column; {@code
   * check_constraints} has no table name, which {@code table_constraints} gives.
   */
  static Map<String, CatalogItem> read(Engine engine, Connection connection, String database, String excludedTable)
      throws SQLException {
    String schema = database;
    if (schema == null) {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
        rs.next();
        schema = rs.getString(1);
      }
    }
    return readDatabase(engine == Engine.MYSQL, connection, schema, excludedTable);
  }

  private static Map<String, CatalogItem> readDatabase(boolean mysql, Connection connection, String schema,
      String excludedTable) throws SQLException {
    String db = literal(schema);
    Function<String, String> notHistory = column -> excludedTable == null ? ""
        : " AND " + column + " <> " + literal(excludedTable);
    Map<String, CatalogItem> items = new TreeMap<>();
    query(connection, "SELECT table_name, table_type, engine, table_collation, create_options, table_comment"
        + " FROM information_schema.tables WHERE table_schema = " + db + notHistory.apply("table_name"),
        rs -> add(items, "table", rs.getString(1), null, "kind", rs.getString(2), "engine", rs.getString(3),
            "collation", rs.getString(4), "options", rs.getString(5), "comment", rs.getString(6)));
    query(connection, "SELECT table_name, column_name, column_type, is_nullable, column_default, extra,"
        + " generation_expression, collation_name, column_comment FROM information_schema.columns"
        + " WHERE table_schema = " + db + notHistory.apply("table_name"), rs -> add(items, "column",
            rs.getString(1) + "." + rs.getString(2), "table " + rs.getString(1), "type", rs.getString(3),
            "nullable", rs.getString(4).equals("YES") ? "yes" : "no", "default", rs.getString(5),
            "extra", rs.getString(6), "generated", rs.getString(7), "collation", rs.getString(8),
            "comment", rs.getString(9)));
    query(connection, "SELECT table_name, index_name, MIN(non_unique), GROUP_CONCAT(CONCAT("
        + (mysql ? "COALESCE(column_name, CONCAT('(', expression, ')'))" : "column_name")
        + ", IF(sub_part IS NULL, '', CONCAT('(', sub_part, ')')), IF(collation = 'D', ' DESC', ''))"
        + " ORDER BY seq_in_index SEPARATOR ', '), MIN(index_type), MIN(index_comment), "
        + (mysql ? "IF(MIN(is_visible) = 'YES', 'NO', 'YES')" : "MIN(ignored)")
        + " FROM information_schema.statistics WHERE table_schema = " + db + notHistory.apply("table_name")
        + " GROUP BY table_name, index_name", rs -> add(items, "index", rs.getString(1) + "." + rs.getString(2),
            "table " + rs.getString(1), "definition", (rs.getInt(3) == 0 ? "UNIQUE " : "") + rs.getString(5) + " ("
                + rs.getString(4) + ")", "comment", rs.getString(6), "ignored", rs.getString(7)));
    query(connection, (mysql ? "SELECT tc.table_name, tc.constraint_name, cc.check_clause"
        + " FROM information_schema.table_constraints tc JOIN information_schema.check_constraints cc"
        + " ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name"
        + " WHERE tc.constraint_type = 'CHECK' AND tc.constraint_schema = " + db + notHistory.apply("tc.table_name")
        : "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints"
        + " WHERE constraint_schema = " + db + notHistory.apply("table_name")), rs -> add(items, "check",
            rs.getString(1) + "." + rs.getString(2), "table " + rs.getString(1), "definition", rs.getString(3)));
    query(connection, "SELECT rc.table_name, rc.constraint_name, GROUP_CONCAT(k.column_name ORDER BY"
        + " k.ordinal_position SEPARATOR ', '), rc.referenced_table_name, GROUP_CONCAT(k.referenced_column_name"
        + " ORDER BY k.ordinal_position SEPARATOR ', '), rc.update_rule, rc.delete_rule"
        + " FROM information_schema.referential_constraints rc JOIN information_schema.key_column_usage k"
        + " ON k.constraint_schema = rc.constraint_schema AND k.table_name = rc.table_name"
        + " AND k.constraint_name = rc.constraint_name WHERE rc.constraint_schema = " + db
        + notHistory.apply("rc.table_name")
        + " GROUP BY rc.table_name, rc.constraint_name, rc.referenced_table_name, rc.update_rule, rc.delete_rule",
        rs -> add(items, "foreign key", rs.getString(1) + "." + rs.getString(2), "table " + rs.getString(1),
            "definition", "(" + rs.getString(3) + ") REFERENCES " + rs.getString(4) + " (" + rs.getString(5)
                + ") ON UPDATE " + rs.getString(6) + " ON DELETE " + rs.getString(7)));
    query(connection, "SELECT event_object_table, trigger_name, action_timing, event_manipulation, action_orientation,"
        + " action_statement FROM information_schema.triggers WHERE trigger_schema = " + db,
        rs -> add(items, "trigger", rs.getString(1) + "." + rs.getString(2), "table " + rs.getString(1),
            "definition", rs.getString(3) + " " + rs.getString(4) + " FOR EACH " + rs.getString(5) + " "
                + withoutSchema(rs.getString(6), schema)));
    query(connection, "SELECT table_name, view_definition, check_option FROM information_schema.views"
        + " WHERE table_schema = " + db, rs -> add(items, "view", rs.getString(1), null,
            "definition", withoutSchema(rs.getString(2), schema), "check option", rs.getString(3)));
    query(connection, "SELECT routine_name, routine_type, dtd_identifier, routine_definition"
        + " FROM information_schema.routines WHERE routine_schema = " + db, rs -> add(items,
            rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(1), null, "returns", rs.getString(3),
            "definition", withoutSchema(rs.getString(4), schema)));
    return items;
  }

  /** The server spells names in a view or trigger with their database: two databases compare without it. */
  private static String withoutSchema(String definition, String schema) {
    return definition == null ? null : definition.replace("`" + schema.replace("`", "``") + "`.", "");
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
