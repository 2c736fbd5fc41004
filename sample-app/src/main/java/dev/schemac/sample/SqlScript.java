package dev.schemac.sample;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.Parser;

/**
 * Splits a generated SQL script into statements with the PostgreSQL driver's own parser, the one
 * it uses for a multi-statement string: semicolons inside quotes, dollar quotes and comments do
 * not count. Needed to run the undo scripts over JDBC one statement at a time, because CREATE and
 * DROP INDEX CONCURRENTLY refuse a multi-statement batch.
 */
final class SqlScript {
  private SqlScript() {}

  static List<String> statements(String script) throws SQLException {
    // standard_conforming_strings on (PostgreSQL's default), no '?' parameters, split at ';'; a part
    // holding only a comment is kept: PostgreSQL takes it as an empty query
    return Parser.parseJdbcSql(script, true, false, true, false, false).stream()
        .map(q -> q.nativeSql.strip())
        .toList();
  }
}
