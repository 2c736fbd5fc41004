package dev.schemac.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs the committed downs of a PostgreSQL database back to a version, and edits Flyway's history
 * so that {@code flyway migrate} applies the ups again. Highest version first; for each version
 * {@code U{N}.1} (the inverse of the non-transactional {@code V{N}.1}) statement by statement
 * outside a transaction, then {@code U{N}} and the removal of the version's history rows in one
 * transaction: PostgreSQL's DDL is transactional, so the down and its history edit commit or roll
 * back together. Everything is checked before the first statement runs.
 */
final class Undo {
  /** A refusal or a failure, with the message the user reads. */
  static final class UndoException extends Exception {
    UndoException(String message) {
      super(message);
    }

    UndoException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One version to undo: its steps, in the order they run. */
  record Step(int version, Optional<CommittedFiles.Script> second, Optional<CommittedFiles.Script> main,
      Optional<CommittedFiles.Script> before) {}

  private final Connection connection;
  private final FlywayHistory history;
  private final CommittedFiles files;
  private final Consumer<String> log;

  Undo(Connection connection, FlywayHistory history, CommittedFiles files, Consumer<String> log) {
    this.connection = connection;
    this.history = history;
    this.files = files;
    this.log = log;
  }

  /** Undoes every version above {@code to}; returns the scripts run, in order. */
  List<String> to(String to, Duration lockWait) throws UndoException, SQLException, IOException, InterruptedException {
    if (!to.matches("\\d+")) {
      throw new UndoException("-Dschemac.to=" + to + " is not a version: name the schema version to go back to,"
          + " e.g. -Dschemac.to=2 (a V{N}.1 step is undone with its version)");
    }
    int target = Integer.parseInt(to);
    if (!history.exists()) {
      throw new UndoException("there is no Flyway history table " + history.qualifiedName() + " in this database:"
          + " nothing to undo. Set -Dschemac.historyTable / -Dschemac.historySchema if Flyway's table or defaultSchema"
          + " is configured elsewhere.");
    }
    if (!history.lock(lockWait)) {
      throw new UndoException("Flyway's lock on " + history.qualifiedName() + " is held by another session (a"
          + " migration running elsewhere?) and was not released within " + lockWait.toSeconds() + " s; nothing was"
          + " undone. Try again when it is done, or wait longer with -Dschemac.lockWait=<seconds>.");
    }
    try {
      List<Step> steps = plan(target, history.rows());
      history.useSchemaOn(connection, false);
      List<String> run = new ArrayList<>();
      for (Step step : steps) {
        if (step.second().isPresent()) {
          runOutsideTransaction(step.second().get(), step.version() + ".1");
          run.add(step.second().get().fileName());
        }
        if (step.main().isPresent()) {
          runInTransaction(step.main().get(), String.valueOf(step.version()));
          run.add(step.main().get().fileName());
        }
        if (step.before().isPresent()) {
          runInTransaction(step.before().get(), (step.version() - 1) + ".9");
          run.add(step.before().get().fileName());
        }
      }
      return run;
    } finally {
      history.unlock();
    }
  }

  /** Checks everything and says what will run, before anything does. */
  List<Step> plan(int target, List<FlywayHistory.Row> rows) throws UndoException, IOException {
    boolean applied = rows.stream().anyMatch(r -> r.success() && String.valueOf(target).equals(r.version()));
    if (!applied) {
      List<String> versions = rows.stream().filter(r -> r.version() != null && r.success()).map(FlywayHistory.Row::version)
          .toList();
      throw new UndoException("the history " + history.qualifiedName() + " does not contain version " + target
          + " (applied: " + (versions.isEmpty() ? "none" : String.join(", ", versions)) + "); nothing was undone."
          + " Name a version this database has.");
    }
    List<String> problems = new ArrayList<>();
    TreeSet<Integer> versions = new TreeSet<>();
    for (FlywayHistory.Row row : rows) {
      if (row.version() == null || row.major() <= target) {
        continue;
      }
      if ("BASELINE".equals(row.type())) {
        problems.add("version " + row.version() + " is Flyway's baseline here: it was never migrated, so there is no"
            + " down to run for it");
        continue;
      }
      versions.add(row.major());
      if (row.success() && "SQL".equals(row.type())) {
        checkApplied(row, problems);
      }
    }
    List<Step> steps = new ArrayList<>();
    for (int version : versions.descendingSet()) {
      Optional<CommittedFiles.Script> main = files.undo(String.valueOf(version));
      Optional<CommittedFiles.Script> second = files.undo(version + ".1");
      boolean ranSecond = rows.stream().anyMatch(r -> (version + ".1").equals(r.version()));
      Optional<CommittedFiles.Script> before = files.undo((version - 1) + ".9");
      boolean ranBefore = rows.stream().anyMatch(r -> ((version - 1) + ".9").equals(r.version()));
      if (ranBefore && before.isEmpty()) {
        problems.add("undo/U" + (version - 1) + ".9__*.sql is not among the committed files");
      }
      // V{N} itself may be missing after V{N-1}.9: it failed, and PostgreSQL rolled it back with its row
      boolean ranMain = rows.stream().anyMatch(r -> String.valueOf(version).equals(r.version()));
      if (ranMain && main.isEmpty()) {
        problems.add("undo/U" + version + "__*.sql is not among the committed files");
      }
      if (ranSecond && second.isEmpty()) {
        problems.add("undo/U" + version + ".1__*.sql is not among the committed files");
      }
      steps.add(new Step(version, ranSecond ? second : Optional.empty(), ranMain ? main : Optional.empty(),
          ranBefore ? before : Optional.empty()));
    }
    if (!problems.isEmpty()) {
      throw new UndoException("cannot undo to version " + target + ", nothing was undone: " + String.join("; ", problems)
          + ".");
    }
    for (FlywayHistory.Row row : rows) {
      if (!row.success() && row.version() != null && row.major() <= target) {
        log.accept("the history has a failed row for version " + row.version() + ", which stays: `flyway repair`"
            + " removes it");
      }
    }
    return steps;
  }

  /** The database ran the committed V file: same name, same Flyway checksum. */
  private void checkApplied(FlywayHistory.Row row, List<String> problems) throws IOException {
    Optional<CommittedFiles.Script> committed = files.migration(row.version());
    if (committed.isEmpty() || !committed.get().fileName().equals(row.script())) {
      problems.add("this database ran " + row.script() + ", which is not among the committed migrations"
          + committed.map(c -> " (the committed V" + row.version() + " is " + c.fileName() + ")").orElse("")
          + ": the committed down undoes the committed up only");
      return;
    }
    int checksum = FlywayChecksum.of(Files.readString(committed.get().path(), StandardCharsets.UTF_8));
    if (row.checksum() == null || row.checksum() != checksum) {
      problems.add("this database ran another " + row.script() + " than the committed one (Flyway checksum "
          + row.checksum() + ", committed " + checksum + "): the version was changed after it was applied here, so"
          + " the committed down may not undo what ran. Declare a new version before changing one that a database"
          + " has (README, the current-version trap)");
    }
  }

  /** {@code U{N}} and the history edit: one transaction, all or nothing. */
  private void runInTransaction(CommittedFiles.Script script, String version) throws SQLException, IOException,
      UndoException {
    List<String> statements = SqlStatements.split(Files.readString(script.path(), StandardCharsets.UTF_8));
    connection.setAutoCommit(false);
    try {
      execute(script, statements, "It was rolled back with its history edit: the database is at version " + version
          + ".");
      int rows = history.delete(version);
      connection.commit();
      log.accept(script.fileName() + ": " + statements.size() + " statements and the " + rows + " history row"
          + (rows == 1 ? "" : "s") + " of version " + version + ", in one transaction");
    } catch (SQLException | UndoException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
      resetTimeouts();
    }
  }

  /**
   * {@code U{N}.1}: CONCURRENTLY cannot run in a transaction, so each statement commits on its
   * own; they are written to be run again ({@code IF EXISTS}, {@code IF NOT EXISTS}), so a
   * failure part-way is repaired by running undo again. The history rows go after the last one.
   */
  private void runOutsideTransaction(CommittedFiles.Script script, String version) throws SQLException, IOException,
      UndoException {
    List<String> statements = SqlStatements.split(Files.readString(script.path(), StandardCharsets.UTF_8));
    connection.setAutoCommit(true);
    try {
      execute(script, statements, "This step runs outside a transaction (CONCURRENTLY): the statements before it"
          + " stay done, and each can run again. Fix the cause and run undo again.");
      int rows = history.delete(version);
      log.accept(script.fileName() + ": " + statements.size() + " statements outside a transaction (CONCURRENTLY),"
          + " then the " + rows + " history row" + (rows == 1 ? "" : "s") + " of version " + version);
    } finally {
      resetTimeouts();
    }
  }

  /** Runs {@code statements} one by one; a failure names the statement and ends with {@code consequence}. */
  private void execute(CommittedFiles.Script script, List<String> statements, String consequence)
      throws SQLException, UndoException {
    try (Statement s = connection.createStatement()) {
      int n = 0;
      for (String statement : statements) {
        n++;
        try {
          s.execute(statement);
        } catch (SQLException e) {
          throw new UndoException(script.fileName() + " failed at statement " + n + " of " + statements.size() + " ("
              + firstLine(statement) + "): " + e.getMessage() + ". " + consequence, e);
        }
      }
    }
  }

  /** The scripts SET lock_timeout and statement_timeout for their session. */
  private void resetTimeouts() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("RESET lock_timeout");
      s.execute("RESET statement_timeout");
    }
  }

  private static String firstLine(String statement) {
    String line = statement.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse(statement);
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }
}
