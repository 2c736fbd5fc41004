package dev.schemac.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A schema compiled from records and applied to a fresh database of the embedded PostgreSQL:
 * the compile must succeed, schema.sql must be the same in {@code schemac.dir} and the class
 * output, and the whole script must run. Closing drops the database.
 */
final class AppliedSchema implements AutoCloseable {
  final String sql;
  final TestDatabase db;

  private AppliedSchema(String sql, TestDatabase db) {
    this.sql = sql;
    this.db = db;
  }

  /** Compiles {@code sources}; fails the test unless it succeeds and writes schema.sql. */
  static String compile(JavaFileObject... sources) {
    Path dir;
    try {
      dir = Files.createTempDirectory("schemac-applied-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(sources));
      assertThat(result.compilation()).succeeded();
      String sql = result.schemaSqlInDir();
      assertWithMessage("class output db/schema.sql").that(result.schemaSql()).isEqualTo(sql);
      return sql;
    } finally {
      RealJavac.deleteTree(dir);
    }
  }

  /** Compiles {@code sources} and applies the schema to a fresh database. */
  static AppliedSchema of(JavaFileObject... sources) throws SQLException {
    return apply(compile(sources));
  }

  /** Applies {@code sql} to a fresh database; a failing statement fails the test with the script. */
  static AppliedSchema apply(String sql) throws SQLException {
    TestDatabase db = EmbeddedPostgresServer.freshDatabase();
    try {
      db.executeScript(sql);
    } catch (SQLException e) {
      db.close();
      throw new AssertionError("PostgreSQL rejected schema.sql: " + e.getMessage() + "\n---\n" + sql, e);
    }
    return new AppliedSchema(sql, db);
  }

  Catalog catalog() {
    return db.catalog();
  }

  Connection connection() {
    return db.connection();
  }

  /** Runs one statement on the test's connection (autocommit). */
  void execute(String statement) throws SQLException {
    try (Statement s = db.connection().createStatement()) {
      s.execute(statement);
    }
  }

  /** The first column of the first row of {@code query}. */
  Object queryValue(String query) throws SQLException {
    try (Statement s = db.connection().createStatement(); ResultSet rows = s.executeQuery(query)) {
      if (!rows.next()) {
        throw new AssertionError("no row from " + query);
      }
      return rows.getObject(1);
    }
  }

  /** Runs {@code statement}, expecting PostgreSQL to refuse it with {@code sqlState}. */
  SQLException expectFailure(String sqlState, String statement) {
    try {
      execute(statement);
    } catch (SQLException e) {
      assertWithMessage("SQLState of %s (%s)", statement, e.getMessage()).that(e.getSQLState()).isEqualTo(sqlState);
      return e;
    }
    throw new AssertionError("PostgreSQL accepted what it should refuse (" + sqlState + "): " + statement
        + "\n---\n" + sql);
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
