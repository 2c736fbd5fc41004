package dev.schemac.enginecheck.sqlite;

import dev.schemac.processor.targets.EngineCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The engine check of the {@code sqlite} target: SQLite itself (sqlite-jdbc's, in process: no
 * server to start or stop), one new database file per run in a temporary folder deleted before
 * this returns. Each connection turns foreign keys on, as the application's connections must; a
 * transactional script runs in one transaction (as Flyway runs a migration), any other
 * statement by statement (as the sqlite3 shell runs schema.sql, and Flyway a file whose {@code
 * .conf} says {@code executeInTransaction=false}, which is every migration schemac writes for
 * SQLite).
 */
public final class SqliteEngineCheck implements EngineCheck {
  @Override
  public String targetId() {
    return "sqlite";
  }

  @Override
  public List<Failure> check(List<Run> runs) throws Exception {
    Path folder = Files.createTempDirectory("schemac-engine-check-sqlite-");
    try {
      List<Failure> failures = new ArrayList<>();
      int n = 0;
      for (Run run : runs) {
        Path file = folder.resolve("check-" + n++ + ".db");
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
          Failure failure = apply(c, run);
          if (failure != null) {
            failures.add(failure);
          }
        } finally {
          Files.deleteIfExists(file);
          Files.deleteIfExists(Path.of(file + "-journal"));
        }
      }
      return failures;
    } finally {
      Files.deleteIfExists(folder);
    }
  }

  /** What SQLite's messages name: {@code no such function: f}, {@code no such column: c}... */
  private static final Pattern NAMED = Pattern.compile(
      "(?:no such (?:function|column|table|collation sequence)|unknown function): ([A-Za-z_][A-Za-z0-9_$.]*)");

  /**
   * SQLite's errors point at no character: the 1-based position of the first whole-word occurrence
   * of the name the message names, so that the processor can tell which line of CREATE TABLE (which
   * column or constraint) it is about; 0 when the message names nothing found in the statement.
   */
  static int position(String statement, String message) {
    Matcher m = NAMED.matcher(message == null ? "" : message);
    if (!m.find()) {
      return 0;
    }
    String name = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
    Matcher at = Pattern.compile("(?i)(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])").matcher(statement);
    return at.find() ? at.start() + 1 : 0;
  }

  /** The scripts of one run in order; the first statement SQLite refuses, or null. */
  private static Failure apply(Connection c, Run run) throws SQLException {
    for (Script script : run.scripts()) {
      c.setAutoCommit(!script.transactional());
      for (int i = 0; i < script.statements().size(); i++) {
        try (Statement s = c.createStatement()) {
          s.execute(script.statements().get(i));
        } catch (SQLException e) {
          String code = e instanceof SQLiteException lite ? lite.getResultCode().name() : null;
          String message = e instanceof SQLiteException lite ? lite.getResultCode().message : e.getMessage();
          // sqlite-jdbc's message is "[CODE] generic words (SQLite's own message)": SQLite's own, when there is one
          String own = e.getMessage();
          int open = own == null ? -1 : own.indexOf(" (");
          if (open > 0 && own.endsWith(")")) {
            message = own.substring(open + 2, own.length() - 1);
          }
          return new Failure(run, script, i, message, code, position(script.statements().get(i), message));
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    return null;
  }
}
