package dev.schemac.processor.testing;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.Parser;

/**
 * A PostgreSQL script cut into statements with the PostgreSQL driver's own parser (the one it uses
 * for a multi-statement string), honouring quotes, dollar quotes and comments: for the files that
 * must run one statement at a time ({@code CREATE INDEX CONCURRENTLY} refuses a multi-statement
 * string).
 */
public final class PostgresScripts {
  private PostgresScripts() {}

  public static List<String> split(String script) throws SQLException {
    // standard_conforming_strings on (PostgreSQL's default), no '?' parameters, split at ';'; a part
    // holding only a comment is kept: PostgreSQL takes it as an empty query
    return Parser.parseJdbcSql(script, true, false, true, false, false).stream()
        .map(q -> q.nativeSql.strip())
        .toList();
  }
}
