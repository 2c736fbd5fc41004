package dev.schemac.processor.targets;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.Rule;
import java.util.List;

/**
 * One SQL engine schemac writes a schema for: everything the engine spells lives behind this
 * interface, in the target's own package ({@code targets.<id>}), and nothing above it names an
 * engine. A target is found through the registry {@code
 * META-INF/services/dev.schemac.processor.targets.SqlTarget} (one line per target) and chosen
 * with {@code -Aschemac.targets=<id>,...}; see {@link Targets}.
 *
 * <p>Implementations are immutable and cheap to create: the registry creates every registered
 * target to learn its id.
 */
public interface SqlTarget extends Target {
  /** The id in {@code -Aschemac.targets}, lowercase letters and digits: {@code postgresql}. */
  @Override
  String id();

  /** How messages and documentation name the engine: {@code PostgreSQL}. */
  @Override
  String displayName();

  /** Whether a build without {@code -Aschemac.targets} generates for this target. */
  default boolean selectedByDefault() {
    return false;
  }

  /**
   * The folder of this target's {@code schema.sql}, {@code migration/} and {@code undo/}, relative
   * to {@code schemac.dir} (and to {@code db/} in the class output): the target's id, unless the
   * target says otherwise. It never depends on which other targets are chosen, so that adding or
   * removing one never moves another's files.
   */
  default String folder() {
    return id();
  }

  /** What the engine can express. */
  Capabilities capabilities();

  /**
   * Whether a UNIQUE of a soft-delete table can hold among live rows only: with a partial unique
   * index, or another technique of the engine's (a generated column that is NULL on deleted rows).
   */
  default boolean uniqueAmongLiveRows() {
    return capabilities().partialIndexes();
  }

  /**
   * The logical kinds this engine has no column type for (an IP address, an XML document, a time
   * with its offset: types Hibernate gives on request): each column of one is a located error
   * ({@link UnsupportedFeatures}). None by default.
   */
  default java.util.Set<LogicalType.Kind> kindsWithoutType() {
    return java.util.Set.of();
  }

  // ------------------------------------------------------------------ identifiers

  /** An identifier as the engine must see it in SQL text: quoted when it has to be. */
  String quote(String identifier);

  // ------------------------------------------------------------------ how the model reads in this engine

  /** The DEFAULT expression of {@code table}'s column as the engine writes it, or null when it has none. */
  String defaultExpression(Table table, Column column);

  /** The expression of {@code table}'s CHECK as the engine writes it. */
  String checkExpression(Table table, CheckConstraint check);

  /** The index as the engine creates it, one statement without its terminator. */
  String indexDefinition(Table table, Index index);

  // ------------------------------------------------------------------ statements

  /**
   * What the engine cannot express in {@code schema}: located compile errors that name the
   * target and say how to fix it, never a silently different schema. {@link UnsupportedFeatures}
   * reports what {@link #capabilities()} rule out; a target adds what only it knows (names it
   * reserves, limits of its own).
   */
  default List<Problem> unsupported(Schema schema) {
    return UnsupportedFeatures.check(schema, this);
  }

  /**
   * The full DDL of {@code schema}, what an empty database needs; {@code header} lines come first
   * as comments. Called only for a schema {@link #unsupported} found nothing wrong with.
   */
  String schemaScript(Schema schema, List<String> header);

  /** An SQL target's current schema is one file, {@code schema.sql}: {@link #schemaScript}. */
  @Override
  default java.util.Map<String, String> schemaFiles(Schema schema, List<String> header) {
    return java.util.Map.of("schema.sql", schemaScript(schema, header));
  }

  /**
   * The migration pair of {@code changes} (from an empty schema for a target's first version):
   * which statements, in the transactional step or outside it, and the down. With {@code
   * singleTransaction} everything stays in the transactional file. A change the engine cannot
   * make is an error in {@link MigrationPlan#problems()}, located on the element.
   */
  MigrationPlan migration(SchemaChanges changes, boolean singleTransaction);

  /**
   * As {@link #migration(SchemaChanges, boolean)}, with the version's hand-written {@code data}
   * step (null: none) run in its place (see {@link DataStep}). A target that does not place one
   * says so as an error (every target schemac ships places them; a test's target may not).
   */
  @Override
  default MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data) {
    MigrationPlan plan = migration(changes, singleTransaction);
    if (data == null) {
      return plan;
    }
    java.util.List<dev.schemac.processor.model.Problem> problems = new java.util.ArrayList<>(plan.problems());
    problems.add(dev.schemac.processor.model.Problem.error(dev.schemac.processor.model.ErrorId.INVALID_DATA_STEP,
        "target " + id() + " has no data steps yet, and "
        + data.upFile() + " is one: remove it, or leave " + id() + " out of -Aschemac.targets",
        dev.schemac.processor.model.Origin.NONE));
    return new MigrationPlan(plan.upTransactional(), plan.upNonTransactional(), plan.downTransactional(),
        plan.downNonTransactional(), problems, plan.upBefore(), plan.downAfter());
  }

  /** How this target reads the snapshots schemac wrote in its SQL before it had targets, if it wrote any. */
  default java.util.Optional<LegacySnapshots> legacySnapshots() {
    return java.util.Optional.empty();
  }

  /** The target's own schema rules (about its types and features), which run when it is chosen. */
  default List<Rule> rules() {
    return List.of();
  }

  /** The target's own migration rules (how its engine locks or rewrites), which run when it is chosen. */
  default List<MigrationRule> migrationRules() {
    return List.of();
  }

  /**
   * How a migration file of this target runs, for its header: {@code transactional} for {@code
   * V{N}} and {@code U{N}} (and the steps before them), else for the {@code V{N}.1} and {@code
   * U{N}.1} steps that run statement by statement. The default is PostgreSQL's: Flyway, and psql.
   */
  default String howToRun(boolean transactional) {
    return transactional
        ? "Runs in one transaction, as Flyway runs it; with psql: psql -v ON_ERROR_STOP=1 --single-transaction"
            + " -f <this file>"
        : "Runs outside a transaction, each statement on its own (Flyway: executeInTransaction=false, in"
            + " its .conf); with psql: psql -v ON_ERROR_STOP=1 -f <this file>, without --single-transaction";
  }

  /**
   * The Flyway script configuration written beside each of this target's migration files, {@code
   * V{N}__d.sql.conf} and {@code U{N}__d.sql.conf}, or null for none (a {@code V{N}.1} step gets
   * {@code executeInTransaction=false} whatever this says).
   */
  default String migrationConf() {
    return null;
  }

  /**
   * One migration file: the {@code header} lines as comments, what every file of this engine
   * starts with (session settings such as lock timeouts), then the statements; {@code
   * emptyNote} is written instead when there are none.
   */
  String migrationFile(List<String> header, List<String> statements, String emptyNote);

  // ------------------------------------------------------------------ the engine check

  /**
   * The statements of a file this target wrote, in order, as its engine's clients split it (for
   * the {@link EngineCheck}); comments left out.
   */
  default List<String> statements(String script) {
    throw new UnsupportedOperationException("target " + id() + " does not split its scripts for the engine check");
  }

  /**
   * Where in the sources the element that {@code statement} was written for came from — the
   * column, constraint or index at character {@code position} (1-based; 0: none) when the
   * statement defines several — or {@link Origin#NONE}: the engine check reports an engine's
   * error there.
   */
  default Origin originOf(Schema schema, String statement, int position) {
    return Origin.NONE;
  }
}
