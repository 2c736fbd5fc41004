package dev.schemac.maven;

import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyScripts;
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
 * Runs the committed downs of a database back to a version, and edits Flyway's history so that
 * {@code flyway migrate} applies the ups again. Highest version first; everything is checked, under
 * Flyway's lock, before the first statement runs. How far each version is atomic is the engine's:
 *
 * <ul>
 *   <li>PostgreSQL: {@code U{N}.1} (the inverse of the non-transactional {@code V{N}.1}) statement
 *       by statement outside a transaction, then {@code U{N}} and the removal of the version's
 *       history rows in one transaction: the down and its history edit commit or roll back together.
 *   <li>SQLite: each file holds its own transaction ({@code SAVEPOINT schemac_migration} ... {@code
 *       RELEASE}) between {@code PRAGMA foreign_keys = OFF} and {@code ON}; the history rows are
 *       removed inside it, just before the {@code RELEASE}, so they commit or roll back together
 *       too. The pragmas outside it change the connection, not the database.
 *   <li>MariaDB and MySQL: each DDL statement commits on its own, so a down cannot be atomic. Its
 *       statements run one by one, and the history rows go only after the last one succeeded: a
 *       failure part-way leaves the statements before it done and the history still at version
 *       N. Every statement of schemac's files is skipped when a rerun finds it done (IF [NOT]
 *       EXISTS), so running undo again, once the cause is fixed, finishes the down.
 * </ul>
 */
final class Undo {
  /** A refusal or a failure, with the message the user reads, which starts with its id. */
  static final class UndoException extends Exception {
    private final PluginErrorId id;

    UndoException(PluginErrorId id, String message) {
      super(id.message(message));
      this.id = id;
    }

    UndoException(PluginErrorId id, String message, Throwable cause) {
      super(id.message(message), cause);
      this.id = id;
    }

    PluginErrorId id() {
      return id;
    }
  }

  /** One version to undo: its steps, in the order they run. */
  record Step(int version, Optional<CommittedFiles.Script> second, Optional<CommittedFiles.Script> main,
      Optional<CommittedFiles.Script> before) {}

  /** The line that ends the transaction of every SQLite file schemac writes (docs/sqlite.md). */
  private static final String SQLITE_RELEASE = "RELEASE schemac_migration;";

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
      throw new UndoException(PluginErrorId.UNDO_INVALID_VERSION, "-Dschemac.to=" + to + " is not a version: name the schema version to go back to,"
          + " e.g. -Dschemac.to=2 (a V{N}.1 step is undone with its version)");
    }
    int target = Integer.parseInt(to);
    if (!history.exists()) {
      throw new UndoException(PluginErrorId.NO_HISTORY, "there is no Flyway history table " + history.qualifiedName() + " in this database:"
          + " nothing to undo. Set -Dschemac.historyTable / -Dschemac.historySchema if Flyway's table or defaultSchema"
          + " is configured elsewhere.");
    }
    if (!history.lock(lockWait)) {
      throw new UndoException(PluginErrorId.HISTORY_LOCKED, "Flyway's lock on " + history.qualifiedName() + " is held by another session (a"
          + " migration running elsewhere?) and was not released within " + lockWait.toSeconds() + " s; nothing was"
          + " undone. Try again when it is done, or wait longer with -Dschemac.lockWait=<seconds>.");
    }
    try {
      List<Step> steps = plan(target, history.rows());
      history.useSchemaOn(connection, false);
      List<String> run = new ArrayList<>();
      for (Step step : steps) {
        if (step.second().isPresent()) {
          run(step.second().get(), step.version() + ".1", false);
          run.add(step.second().get().fileName());
        }
        if (step.main().isPresent()) {
          run(step.main().get(), String.valueOf(step.version()), true);
          run.add(step.main().get().fileName());
        }
        if (step.before().isPresent()) {
          run(step.before().get(), (step.version() - 1) + ".9", true);
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
      throw new UndoException(PluginErrorId.UNKNOWN_VERSION, "the history " + history.qualifiedName()
          + " does not contain version " + target
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
        problems.add(PluginErrorId.BASELINE_VERSION.message("version " + row.version() + " is Flyway's baseline here: it was never migrated, so there is no"
            + " down to run for it"));
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
        problems.add(PluginErrorId.MISSING_DOWN.message("undo/U" + (version - 1) + ".9__*.sql is not among the committed"
            + " files"));
      }
      // V{N} itself may be missing after V{N-1}.9: it failed, and PostgreSQL rolled it back with its row
      boolean ranMain = rows.stream().anyMatch(r -> String.valueOf(version).equals(r.version()));
      if (ranMain && main.isEmpty()) {
        problems.add(PluginErrorId.MISSING_DOWN.message("undo/U" + version + "__*.sql is not among the committed files"));
      }
      if (ranSecond && second.isEmpty()) {
        problems.add(PluginErrorId.MISSING_DOWN.message("undo/U" + version + ".1__*.sql is not among the committed files"));
      }
      steps.add(new Step(version, ranSecond ? second : Optional.empty(), ranMain ? main : Optional.empty(),
          ranBefore ? before : Optional.empty()));
    }
    if (!problems.isEmpty()) {
      throw new UndoException(PluginErrorId.UNDO_REFUSED, "cannot undo to version " + target + ", nothing was undone: " + String.join("; ", problems)
          + ".");
    }
    for (FlywayHistory.Row row : rows) {
      if (!row.success() && row.version() != null && row.major() <= target) {
        log.accept(PluginErrorId.FAILED_MIGRATION.message("the history has a failed row for version " + row.version() + ", which stays: `flyway repair`"
            + " removes it"));
      }
    }
    return steps;
  }

  /** The database ran the committed V file: same name, same Flyway checksum. */
  private void checkApplied(FlywayHistory.Row row, List<String> problems) throws IOException {
    Optional<CommittedFiles.Script> committed = files.migration(row.version());
    if (committed.isEmpty() || !committed.get().fileName().equals(row.script())) {
      problems.add(PluginErrorId.CHANGED_MIGRATION.message("this database ran " + row.script() + ", which is not among the committed migrations"
          + committed.map(c -> " (the committed V" + row.version() + " is " + c.fileName() + ")").orElse("")
          + ": the committed down undoes the committed up only"));
      return;
    }
    int checksum = FlywayChecksum.of(Files.readString(committed.get().path(), StandardCharsets.UTF_8));
    if (row.checksum() == null || row.checksum() != checksum) {
      problems.add(PluginErrorId.CHANGED_MIGRATION.message("this database ran another " + row.script() + " than the committed one (Flyway checksum "
          + row.checksum() + ", committed " + checksum + "): the version was changed after it was applied here, so"
          + " the committed down may not undo what ran. Declare a new version before changing one that a database"
          + " has (README, the current-version trap)" + files.otherTargetHint(row.script(), row.checksum())));
    }
  }

  /** Runs one down and removes its version's history rows, as the engine allows (the class comment). */
  private void run(CommittedFiles.Script script, String version, boolean transactional) throws SQLException,
      IOException, UndoException {
    switch (history.engine()) {
      case POSTGRESQL -> {
        if (transactional) {
          runInTransaction(script, version);
        } else {
          runOutsideTransaction(script, version);
        }
      }
      case SQLITE -> runInItsOwnTransaction(script, version);
      case MARIADB, MYSQL -> runStatementByStatement(script, version);
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

  /**
   * A SQLite down: the file's own transaction, with the history edit put before its {@code
   * RELEASE}. The file is run as SQLite's shell runs it (sqlite-jdbc hands the text to SQLite,
   * which reads it statement by statement, trigger bodies included). A file without that
   * transaction (not written by schemac) is wrapped in one.
   */
  private void runInItsOwnTransaction(CommittedFiles.Script script, String version) throws SQLException, IOException,
      UndoException {
    String text = Files.readString(script.path(), StandardCharsets.UTF_8);
    int release = text.indexOf("\n" + SQLITE_RELEASE);
    String before = release < 0 ? "SAVEPOINT schemac_undo;\n" + text : text.substring(0, release + 1);
    String after = release < 0 ? "RELEASE schemac_undo;\n" : text.substring(release + 1);
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      int rows;
      try {
        s.executeUpdate(before);
        rows = history.delete(version);
      } catch (SQLException e) {
        try (Statement cleanup = connection.createStatement()) {
          cleanup.execute("ROLLBACK");
        } catch (SQLException nothingOpen) {
          // the failure came before the transaction began
        }
        try (Statement cleanup = connection.createStatement()) {
          cleanup.execute("PRAGMA foreign_keys = ON"); // what the file's last line would have done
        }
        throw new UndoException(PluginErrorId.UNDO_FAILED, script.fileName() + " failed: " + e.getMessage() + ". It was rolled back with its"
            + " history edit: the database is at version " + version + ".", e);
      }
      s.executeUpdate(after);
      log.accept(script.fileName() + ": the down and the " + rows + " history row" + (rows == 1 ? "" : "s")
          + " of version " + version + ", in one transaction");
    }
  }

  /**
   * A MariaDB or MySQL down: every DDL statement commits on its own, so the history rows go after
   * the last statement succeeded, and a failure says what is left and how a rerun finishes it.
   */
  private void runStatementByStatement(CommittedFiles.Script script, String version) throws SQLException,
      IOException, UndoException {
    List<String> statements = MySqlFamilyScripts.split(Files.readString(script.path(), StandardCharsets.UTF_8));
    connection.setAutoCommit(true);
    execute(script, statements, history.engine().displayName + " commits each DDL statement on its own: the statements before"
        + " this one stay done, and the history still says version " + version + ". Every statement of the file is"
        + " skipped when a rerun finds it done (IF [NOT] EXISTS): fix the cause and run schemac:undo again, which"
        + " runs " + script.fileName() + " again from its first statement and finishes it.");
    int rows = history.delete(version);
    log.accept(script.fileName() + ": " + statements.size() + " statements, each committed on its own (DDL"
        + " auto-commits), then the " + rows + " history row" + (rows == 1 ? "" : "s") + " of version " + version);
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
          throw new UndoException(PluginErrorId.UNDO_FAILED, script.fileName() + " failed at statement " + n + " of " + statements.size() + " ("
              + firstLine(statement) + "): " + e.getMessage() + ". " + consequence, e);
        }
      }
    }
  }

  /** PostgreSQL's scripts SET lock_timeout and statement_timeout for their session. */
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
