package dev.schemac.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a live PostgreSQL database with what its committed migrations make of an empty one.
 * The expected schema is built by the server itself, in a scratch database: the committed ups
 * replayed up to the version Flyway's history says the database is at (without a history table,
 * the committed {@code schema.sql}). Both catalogs are then read by the same queries, so a default,
 * a CHECK or an index definition is spelled by PostgreSQL the same way on both sides, and any
 * difference is a real one. Atlas's drift detection does the same with its dev database.
 *
 * <p>It also reads the history for what no catalog shows: an applied migration that is not the
 * committed file (its Flyway checksum differs), and the current-version trap (a version still
 * current in the sources, hence rewritten on every compile, that a database already has).
 */
final class Drift {
  /** What was compared with what, and what differs; {@code errors} and {@code differences} fail the goal. */
  record Report(String expectedFrom, List<String> errors, List<String> warnings, List<CatalogDiff.Difference> differences) {
    boolean clean() {
      return errors.isEmpty() && differences.isEmpty();
    }
  }

  private Drift() {}

  /**
   * @param live    the database to check
   * @param history its Flyway history table (which need not exist)
   * @param scratch an empty database on the same server, filled here with the expected schema
   */
  static Report check(Connection live, FlywayHistory history, CommittedFiles files, Connection scratch)
      throws SQLException, IOException {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int current = files.currentVersion();
    String expectedFrom;
    if (history.exists()) {
      List<FlywayHistory.Row> rows = history.rows();
      int applied = checkHistory(rows, files, current, errors, warnings);
      if (applied > current) {
        expectedFrom = "nothing";
      } else if (applied == 0) {
        expectedFrom = "an empty schema (the history has no version)";
      } else {
        history.useSchemaOn(scratch, true);
        List<String> replayed = new ArrayList<>();
        for (CommittedFiles.Script up : files.migrations()) {
          if (up.major() <= applied) {
            run(scratch, up);
            replayed.add(up.fileName().substring(0, up.fileName().indexOf("__")));
          }
        }
        expectedFrom = "the committed migrations " + String.join(", ", replayed) + " (the database is at version "
            + applied + (applied < current ? ", the sources at " + current : "") + ")";
      }
      if (applied > current) {
        return new Report(expectedFrom, errors, warnings, List.of());
      }
    } else if (Files.isRegularFile(files.schemaSql())) {
      try (Statement s = scratch.createStatement()) {
        s.execute(Files.readString(files.schemaSql(), StandardCharsets.UTF_8));
      }
      expectedFrom = "the committed schema.sql" + (current == 0 ? "" : " (version " + current + "; the database has no"
          + " Flyway history table " + history.qualifiedName() + ")");
    } else {
      errors.add("there is neither a Flyway history table " + history.qualifiedName() + " in the database nor a "
          + files.schemaSql() + " to compare it with");
      return new Report("nothing", errors, warnings, List.of());
    }
    Map<String, PostgresCatalog.Item> expected = PostgresCatalog.read(scratch, null, null);
    Map<String, PostgresCatalog.Item> actual = PostgresCatalog.read(live, history.schema(), history.table());
    return new Report(expectedFrom, errors, warnings, CatalogDiff.compare(expected, actual));
  }

  /**
   * Checks the history against the committed ups; returns the version the database is at (its
   * highest applied major version).
   */
  private static int checkHistory(List<FlywayHistory.Row> rows, CommittedFiles files, int current, List<String> errors,
      List<String> warnings) throws IOException {
    int applied = 0;
    for (FlywayHistory.Row row : rows) {
      if (row.version() == null) {
        continue;
      }
      if (!row.success()) {
        errors.add("the history has a failed migration: " + row.script() + " (version " + row.version() + "); fix it,"
            + " then flyway repair and migrate");
        continue;
      }
      applied = Math.max(applied, row.major());
      if (!"SQL".equals(row.type())) {
        continue;
      }
      Optional<CommittedFiles.Script> committed = files.migration(row.version());
      boolean sameFile = committed.isPresent() && committed.get().fileName().equals(row.script());
      boolean same = sameFile && row.checksum() != null
          && row.checksum() == FlywayChecksum.of(Files.readString(committed.get().path(), StandardCharsets.UTF_8));
      if (row.major() == current && current > 0) {
        int committedChecksum = sameFile
            ? FlywayChecksum.of(Files.readString(committed.get().path(), StandardCharsets.UTF_8)) : 0;
        if (same && !row.version().contains(".")) {
          warnings.add("version " + current + " is applied to this database and still current in the sources: the next"
              + " change to the records rewrites " + row.script() + ", which this database has already run (Flyway would"
              + " refuse it). Declare @Schema(version = " + (current + 1) + ") before changing the records: bump first");
        } else if (!same) {
          errors.add("the current-version trap: version " + current + " is still current in the sources, so "
              + (sameFile ? row.script() + " was rewritten after this database ran it (Flyway checksum " + row.checksum()
              + " applied, " + committedChecksum + " committed)" : "V" + row.version() + " was renamed after this"
              + " database ran " + row.script() + " (the committed one is "
              + committed.map(CommittedFiles.Script::fileName).orElse("missing") + ")")
              + ". flyway migrate fails on it here, and its changes never reach this database. Fix: restore the"
              + " applied V" + row.version() + " from version control, and put the new changes in @Schema(version = "
              + (current + 1) + "): bump first, then change the records");
        }
      } else if (!same) {
        errors.add("this database ran " + row.script() + ", but the committed " + committed.map(
            CommittedFiles.Script::fileName).orElse("V" + row.version() + " is missing") + (sameFile
            ? " has another Flyway checksum (" + row.checksum() + " applied)" : "")
            + ": a released migration was changed or removed. Restore it from version control");
      }
    }
    if (applied > current) {
      errors.add("the database is at version " + applied + ", and the committed files stop at version " + current
          + ": it was migrated from other sources (a newer branch?). Nothing was compared");
    }
    return applied;
  }

  /** A committed up, as Flyway runs it: {@code V{N}} in one transaction, {@code V{N}.1} statement by statement. */
  private static void run(Connection connection, CommittedFiles.Script up) throws SQLException, IOException {
    List<String> statements = SqlStatements.split(Files.readString(up.path(), StandardCharsets.UTF_8));
    connection.setAutoCommit(up.secondStep());
    try (Statement s = connection.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
      if (!up.secondStep()) {
        connection.commit();
      }
    } catch (SQLException e) {
      if (!up.secondStep()) {
        connection.rollback();
      }
      throw new SQLException("replaying the committed " + up.fileName() + " in the scratch database failed: "
          + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
