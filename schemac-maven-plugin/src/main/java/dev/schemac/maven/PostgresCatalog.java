package dev.schemac.maven;

import static dev.schemac.maven.CatalogItem.add;
import static dev.schemac.maven.CatalogItem.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a PostgreSQL database's catalog says about its schema, as comparable text: schemas,
 * tables, columns (type, nullability, default, identity, comment), constraints (keys, foreign
 * keys, UNIQUE, CHECK, with their validation state), indexes (definition and validity), triggers,
 * functions, sequences, enum types and extensions. Each definition is the server's own rendering
 * ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef},
 * {@code pg_get_triggerdef}, {@code pg_get_functiondef}), so two databases of one server compare
 * without any parsing. System schemas, objects that belong to an extension and Flyway's history
 * table are left out; data (rows, sequence positions) is not read.
 */
final class PostgresCatalog {
  private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
      + " AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

  private PostgresCatalog() {}

  private static String notFromExtension(String oid) {
    return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.objid = " + oid + " AND e.deptype = 'e')";
  }

  /** Every object by {@link Item#key()}, sorted; {@code excludedTable} (schema, name) is not read. */
  static Map<String, CatalogItem> read(Connection connection, String excludedSchema, String excludedTable) throws SQLException {
    Map<String, CatalogItem> items = new TreeMap<>();
    String excluded = excludedTable == null ? "TRUE"
        : "NOT (n.nspname = " + literal(excludedSchema) + " AND c.relname = " + literal(excludedTable) + ")";
    query(connection, "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMA + " AND "
        + notFromExtension("n.oid"), rs -> add(items, "schema", rs.getString(1), null));
    query(connection, "SELECT n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class')"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMA + " AND " + excluded + " AND "
        + notFromExtension("c.oid"), rs -> add(items, "table", rs.getString(1) + "." + rs.getString(2), null,
            "kind", relkind(rs.getString(3)), "comment", rs.getString(4)));
    query(connection, "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, col_description(c.oid, a.attnum)"
        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMA
        + " AND " + excluded + " AND " + notFromExtension("c.oid"), rs -> {
          String table = rs.getString(1) + "." + rs.getString(2);
          add(items, "column", table + "." + rs.getString(3), "table " + table, "type", rs.getString(4),
              "nullable", rs.getBoolean(5) ? "no" : "yes", "default", rs.getString(6),
              "identity", code(rs.getString(7), "a", "always", "d", "by default"),
              "generated", code(rs.getString(8), "s", "stored"), "comment", rs.getString(9));
        });
    query(connection, "SELECT n.nspname, c.relname, con.conname, pg_get_constraintdef(con.oid), con.convalidated,"
        + " obj_description(con.oid, 'pg_constraint')"
        + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND " + USER_SCHEMA + " AND " + excluded, rs -> {
          String table = rs.getString(1) + "." + rs.getString(2);
          add(items, "constraint", table + "." + rs.getString(3), "table " + table, "definition", rs.getString(4),
              "validated", rs.getBoolean(5) ? "yes" : "no (NOT VALID)", "comment", rs.getString(6));
        });
    query(connection, "SELECT n.nspname, i.relname, c.relname, pg_get_indexdef(i.oid), x.indisvalid,"
        + " obj_description(i.oid, 'pg_class')"
        + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
        + " JOIN pg_catalog.pg_class c ON c.oid = x.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace"
        + " WHERE " + USER_SCHEMA + " AND " + excluded + " AND " + notFromExtension("c.oid"), rs -> add(items, "index",
            rs.getString(1) + "." + rs.getString(2), "table " + rs.getString(1) + "." + rs.getString(3),
            "definition", rs.getString(4), "valid", rs.getBoolean(5) ? "yes" : "no (INVALID: a failed concurrent build)",
            "comment", rs.getString(6)));
    query(connection, "SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled,"
        + " obj_description(t.oid, 'pg_trigger')"
        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE NOT t.tgisinternal AND " + USER_SCHEMA + " AND " + excluded, rs -> {
          String table = rs.getString(1) + "." + rs.getString(2);
          add(items, "trigger", table + "." + rs.getString(3), "table " + table, "definition", rs.getString(4),
              "enabled", code(rs.getString(5), "O", "yes", "D", "no (DISABLED)", "R", "replica only", "A", "always"),
              "comment", rs.getString(6));
        });
    query(connection, "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid),"
        + " obj_description(p.oid, 'pg_proc')"
        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        + " WHERE p.prokind IN ('f', 'p') AND " + USER_SCHEMA + " AND " + notFromExtension("p.oid"), rs -> add(items,
            "function", rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(3) + ")", null,
            "definition", rs.getString(4), "comment", rs.getString(5)));
    query(connection, "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
        + " s.seqmin, s.seqmax, s.seqcycle, s.seqcache"
        + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND " + excluded + " AND "
        + notFromExtension("c.oid"), rs -> add(items, "sequence", rs.getString(1) + "." + rs.getString(2), null,
            "type", rs.getString(3), "start", rs.getString(4), "increment", rs.getString(5), "minimum", rs.getString(6),
            "maximum", rs.getString(7), "cycle", rs.getBoolean(8) ? "yes" : "no", "cache", rs.getString(9)));
    query(connection, "SELECT n.nspname, t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder),"
        + " obj_description(t.oid, 'pg_type')"
        + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMA + " AND "
        + notFromExtension("t.oid") + " GROUP BY n.nspname, t.typname, t.oid", rs -> add(items, "enum type",
            rs.getString(1) + "." + rs.getString(2), null, "values", rs.getString(3), "comment", rs.getString(4)));
    query(connection, "SELECT x.extname, n.nspname FROM pg_catalog.pg_extension x"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'",
        rs -> add(items, "extension", rs.getString(1), null, "schema", rs.getString(2)));
    return items;
  }

  private static String relkind(String code) {
    return code(code, "r", "table", "p", "partitioned table", "v", "view", "m", "materialized view", "f", "foreign table");
  }

  /** The meaning of a one-letter catalog code; "" for an empty or unknown one. */
  private static String code(String value, String... meanings) {
    for (int i = 0; i < meanings.length; i += 2) {
      if (meanings[i].equals(value)) {
        return meanings[i + 1];
      }
    }
    return "";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
