package dev.schemac.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema became in PostgreSQL, one sorted line per object: columns (by name, so column
 * position does not count), constraints, indexes, triggers, comments and enum types of the
 * public schema, Flyway's history table left out. Two databases with equal lists have the same
 * schema.
 */
final class SchemaCatalog {
  private SchemaCatalog() {}

  private static final String QUERY = """
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
             || ' ' || coalesce(column_default, '') || ' ' || coalesce(identity_generation, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
      UNION ALL
      SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)
             || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
             AND conrelid <> coalesce(to_regclass('flyway_schema_history'), 0)
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
      UNION ALL
      SELECT 'trigger ' || tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description
        FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
       WHERE c.relnamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname
      ORDER BY 1
      """;

  static List<String> of(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /** Fails with only the lines that differ, rather than two lists of 200 lines. */
  static void assertSame(List<String> expected, List<String> actual, String message) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty() || expected.size() != actual.size()) {
      throw new AssertionError(message + "\n  missing: " + String.join("\n           ", missing)
          + "\n  unexpected: " + String.join("\n              ", extra));
    }
  }

  /** A file schemac wrote into the class output, such as {@code db/schema.sql}. */
  static String resource(String path) {
    try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("schemac writes " + path + " into the class output");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
