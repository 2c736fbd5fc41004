package dev.schemac.maven;

import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyScripts;
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
 * Compares a live database with what its committed migrations make of an empty one. The expected
 * schema is built by the engine itself, in a scratch database: the committed ups of the database's
 * target replayed up to the version Flyway's history says the database is at (without a history
 * table, the committed {@code schema.sql}). Both catalogs are then read by the same queries
 * ({@link PostgresCatalog}, {@link MariaDbCatalog}, {@link SqliteCatalog}), so a default, a CHECK or
 * an index definition is spelled by the engine the same way on both sides, and any difference is a
 * real one. Atlas's drift detection does the same with its dev database.
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
        if (history.engine() == Engine.POSTGRESQL) {
          history.useSchemaOn(scratch, true); // the same schema names as the live database's
        }
        List<String> replayed = new ArrayList<>();
        for (CommittedFiles.Script up : files.migrations()) {
          if (up.major() <= applied) {
            run(history.engine(), scratch, up.fileName(), Files.readString(up.path(), StandardCharsets.UTF_8),
                !up.secondStep());
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
      run(history.engine(), scratch, files.schemaSql().getFileName().toString(),
          Files.readString(files.schemaSql(), StandardCharsets.UTF_8), true);
      expectedFrom = "the committed schema.sql" + (current == 0 ? "" : " (version " + current + "; the database has no"
          + " Flyway history table " + history.qualifiedName() + ")");
    } else {
      errors.add(PluginErrorId.NOTHING_TO_COMPARE.message("there is neither a Flyway history table " + history.qualifiedName() + " in the database nor a "
          + files.schemaSql() + " to compare it with"));
      return new Report("nothing", errors, warnings, List.of());
    }
    Map<String, CatalogItem> expected = catalog(history.engine(), scratch, null, null);
    Map<String, CatalogItem> actual = catalog(history.engine(), live, history.schema(), history.table());
    return new Report(expectedFrom, errors, warnings, CatalogDiff.compare(expected, actual));
  }

  /**
   * Every object of the database, by the engine's reader; Flyway's history table {@code
   * historyTable} in {@code historySchema} is left out. On MariaDB and MySQL, where a schema is a
   * database, the objects of {@code historySchema} (null: the connection's database).
   */
  static Map<String, CatalogItem> catalog(Engine engine, Connection connection, String historySchema,
      String historyTable) throws SQLException {
    return switch (engine) {
      case POSTGRESQL -> PostgresCatalog.read(connection, historySchema, historyTable);
      case MARIADB, MYSQL -> MariaDbCatalog.read(engine, connection, historySchema, historyTable);
      case SQLITE -> SqliteCatalog.read(connection, historyTable);
    };
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
        errors.add(PluginErrorId.FAILED_MIGRATION.message("the history has a failed migration: " + row.script()
            + " (version " + row.version() + "); fix it, then flyway repair and migrate"));
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
          warnings.add(PluginErrorId.CURRENT_VERSION_APPLIED.message("version " + current + " is applied to this database and still current in the sources: the next"
              + " change to the records rewrites " + row.script() + ", which this database has already run (Flyway would"
              + " refuse it). Declare @Schema(version = " + (current + 1) + ") before changing the records: bump first"));
        } else if (!same) {
          errors.add(PluginErrorId.CURRENT_VERSION_TRAP.message("the current-version trap: version " + current + " is still current in the sources, so "
              + (sameFile ? row.script() + " was rewritten after this database ran it (Flyway checksum " + row.checksum()
              + " applied, " + committedChecksum + " committed)" : "V" + row.version() + " was renamed after this"
              + " database ran " + row.script() + " (the committed one is "
              + committed.map(CommittedFiles.Script::fileName).orElse("missing") + ")")
              + ". flyway migrate fails on it here, and its changes never reach this database. Fix: restore the"
              + " applied V" + row.version() + " from version control, and put the new changes in @Schema(version = "
              + (current + 1) + "): bump first, then change the records"
              + files.otherTargetHint(row.script(), row.checksum())));
        }
      } else if (!same) {
        errors.add(PluginErrorId.CHANGED_MIGRATION.message("this database ran " + row.script() + ", but the committed " + committed.map(
            CommittedFiles.Script::fileName).orElse("V" + row.version() + " is missing") + (sameFile
            ? " has another Flyway checksum (" + row.checksum() + " applied)" : "")
            + ": a released migration was changed or removed. Restore it from version control"
            + files.otherTargetHint(row.script(), row.checksum())));
      }
    }
    if (applied > current) {
      errors.add(PluginErrorId.DATABASE_AHEAD.message("the database is at version " + applied + ", and the committed files stop at version " + current
          + ": it was migrated from other sources (a newer branch?). Nothing was compared"));
    }
    return applied;
  }

  /**
   * A committed script, as Flyway runs it: on PostgreSQL {@code V{N}} in one transaction, {@code
   * V{N}.1} statement by statement; on MariaDB and MySQL statement by statement (each DDL statement
   * commits); on SQLite as the file says (its own transaction between its pragmas).
   */
  private static void run(Engine engine, Connection connection, String name, String text, boolean transactional)
      throws SQLException {
    try {
      switch (engine) {
        case POSTGRESQL -> {
          connection.setAutoCommit(!transactional);
          try (Statement s = connection.createStatement()) {
            for (String statement : SqlStatements.split(text)) {
              s.execute(statement);
            }
            if (transactional) {
              connection.commit();
            }
          } catch (SQLException e) {
            if (transactional) {
              connection.rollback();
            }
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        }
        case MARIADB, MYSQL -> {
          try (Statement s = connection.createStatement()) {
            for (String statement : MySqlFamilyScripts.split(text)) {
              s.execute(statement);
            }
          }
        }
        case SQLITE -> {
          try (Statement s = connection.createStatement()) {
            s.executeUpdate(text);
          }
        }
      }
    } catch (SQLException e) {
      throw new SQLException(PluginErrorId.REPLAY_FAILED.message("replaying the committed " + name
          + " in the scratch database failed: " + e.getMessage()), e);
    }
  }
}
