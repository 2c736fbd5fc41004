package dev.schemac.maven;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.Parser;

/**
 * Splits a script into statements with the PostgreSQL driver's own parser (quotes, dollar quotes
 * and comments honoured), so that each runs, and fails, on its own: CREATE and DROP INDEX
 * CONCURRENTLY refuse a multi-statement string, and an error names its statement.
 */
final class SqlStatements {
  private SqlStatements() {}

  static List<String> split(String script) throws SQLException {
    // standard_conforming_strings on (PostgreSQL's default), no '?' parameters, split at ';'
    return Parser.parseJdbcSql(script, true, false, true, false, false).stream()
        .map(q -> q.nativeSql.strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
