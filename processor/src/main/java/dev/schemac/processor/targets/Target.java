package dev.schemac.processor.targets;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.change.SchemaChanges;
import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.Rule;
import java.util.List;
import java.util.Map;

/**
 * What every target is, whatever kind of engine it writes for: an SQL engine ({@link SqlTarget})
 * or a document store ({@link DocumentTarget}). The processor, {@code migrate/} and {@code
 * write/} know targets through this interface only: who a target is, what it refuses, its rules,
 * the files of the current schema and of each version, and how schema.md spells the model when
 * it is the build's first target. Each kind adds what only it has behind its own interface.
 */
public interface Target extends TargetFacts {
  /** The id in {@code -Aschemac.targets}, lowercase letters and digits. */
  @Override
  String id();

  /** How messages and documentation name the engine. */
  @Override
  String displayName();

  /** Whether a build without {@code -Aschemac.targets} generates for this target. */
  default boolean selectedByDefault() {
    return false;
  }

  /**
   * The folder of this target's files, relative to {@code schemac.dir} (and to {@code db/} in the
   * class output): the target's id, unless the target says otherwise. It never depends on which
   * other targets are chosen, so that adding or removing one never moves another's files.
   */
  default String folder() {
    return id();
  }

  // ------------------------------------------------------------------ how schema.md spells the model

  /** An identifier as the engine's text must write it: quoted when it has to be. */
  String quote(String identifier);

  /** The column's default as the engine writes it, or null when it has none. */
  String defaultExpression(Table table, Column column);

  /** The CHECK's condition as the engine writes it. */
  String checkExpression(Table table, CheckConstraint check);

  /** The index as the engine creates it. */
  String indexDefinition(Table table, Index index);

  // ------------------------------------------------------------------ what it refuses, its rules

  /**
   * What the engine cannot express in {@code schema}: located compile errors that name the
   * target and say how to fix it, never a silently different schema.
   */
  List<Problem> unsupported(Schema schema);

  /** The target's own schema rules, which run when it is chosen. */
  default List<Rule> rules() {
    return List.of();
  }

  /** The target's own migration rules, which run when it is chosen. */
  default List<MigrationRule> migrationRules() {
    return List.of();
  }

  // ------------------------------------------------------------------ files

  /**
   * The files of the current schema, what an empty database needs, by path relative to {@link
   * #folder()}; {@code header} lines come first as comments. Called only for a schema {@link
   * #unsupported} found nothing wrong with.
   */
  Map<String, String> schemaFiles(Schema schema, List<String> header);

  /** The extension of the migration files, without its dot: {@code sql}. */
  default String scriptExtension() {
    return "sql";
  }

  /**
   * The migration pair of {@code changes} (from an empty schema for a target's first version),
   * with the version's hand-written {@code data} step (null: none) run in its place. A change the
   * engine cannot make is an error in {@link MigrationPlan#problems()}, located on the element.
   */
  MigrationPlan migration(SchemaChanges changes, boolean singleTransaction, DataStep data);

  /**
   * One migration file: the {@code header} lines as comments, what every file of this engine
   * starts with, then the statements; {@code emptyNote} is written instead when there are none.
   */
  String migrationFile(List<String> header, List<String> statements, String emptyNote);

  /**
   * One migration file, as {@link #migrationFile(List, List, String)}, with the time limits it
   * starts with: {@code transactional} says whether it runs in one transaction (V{N}, U{N}) or each
   * statement on its own (V{N}.1, U{N}.1), whose statements get {@link
   * Timeouts#nonTransactionalStatement()}.
   */
  default String migrationFile(List<String> header, List<String> statements, String emptyNote,
      boolean transactional, Timeouts timeouts) {
    return migrationFile(header, statements, emptyNote);
  }

  /**
   * What version {@code version}'s second step ({@code V{N}.1}) is for, as its header says it after
   * "up, second step: ".
   */
  default String secondStep(int version) {
    return "runs outside a transaction so that index builds and validations do not lock writes";
  }

  /**
   * What of a hand-written data step ({@code script}, SQL of this target) the target's migration
   * files cannot run where they run it, as the end of a sentence that starts with the step's file
   * name ({@code "ends the file's transaction (COMMIT): ..."}); null when they can run it all.
   */
  default String refusedInDataStep(String script) {
    return null;
  }

  /**
   * How a person runs one of this target's migration files by hand, for its header ({@code
   * transactional}: a step that runs in one transaction); null: as an SQL file with psql, which
   * the header then says.
   */
  default String howToRun(boolean transactional) {
    return null;
  }

  /**
   * The Flyway script configuration written beside each migration file ({@code V{N}__d.sql.conf},
   * {@code U{N}__d.sql.conf}), or null for none.
   */
  default String migrationConf() {
    return null;
  }
}
