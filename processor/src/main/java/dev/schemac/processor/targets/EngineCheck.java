package dev.schemac.processor.targets;

import java.util.List;

/**
 * The engine check: the generated files applied to a real engine during the compile, as Room runs
 * its SQL on SQLite, so that what only the engine can decide fails javac rather than the deploy.
 * Opt-in with {@code -A}{@value #OPTION}{@code =true}. Each target's checker comes from an extra
 * artifact on the processor path (PostgreSQL's: {@code dev.schemac:schemac-engine-check-postgresql}),
 * found as a {@link java.util.ServiceLoader service} of this interface, so that users who do not
 * want it carry nothing; a later target plugs in by shipping an implementation whose {@link
 * #targetId()} is its id. The processor decides what to apply (docs/engine-check.md) and where an
 * engine error is reported ({@link SqlTarget#originOf}); a checker only runs statements.
 */
public interface EngineCheck {
  /** The processor option that turns the engine check on. */
  String OPTION = "schemac.engineCheck";

  /** The id of the warning for SQL only the engine can decide: not given when the engine check runs. */
  String UNDECIDED_ID = "unchecked-sql";

  /** The {@link SqlTarget#id()} this checker runs. */
  String targetId();

  /**
   * Applies each run to a fresh, empty database of one engine started for this call, its scripts
   * in order, and returns the first failure of each run (none when every statement ran). The
   * engine is stopped before this returns, whatever happens; a checker that cannot start its
   * engine throws, with a message that says why.
   */
  List<Failure> check(List<Run> runs) throws Exception;

  /** Scripts applied in order to one fresh database; {@code name} says what it checks. */
  record Run(String name, List<Script> scripts) {
    public Run {
      scripts = List.copyOf(scripts);
    }
  }

  /**
   * One generated file: its path under schemac.dir, its statements in order, and whether it runs
   * in one transaction (as Flyway runs a migration) or each statement on its own (as psql runs
   * schema.sql, and Flyway a file with {@code executeInTransaction=false}).
   */
  record Script(String name, List<String> statements, boolean transactional) {
    public Script {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The engine refused statement {@code statement} (0-based) of {@code script} in {@code run}:
   * its message, its error code (SQLSTATE) and the 1-based character of the statement it points
   * at (0 when it names none).
   */
  record Failure(Run run, Script script, int statement, String message, String code, int position) {}
}
