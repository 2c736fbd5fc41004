package dev.schemac.maven;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The database engines the goals know, by JDBC URL, and the target whose committed files each
 * runs ({@code -Aschemac.targets}; docs/migrations.md, "Several targets"). MariaDB and MySQL are
 * one family: the same history table, lock and catalog, and MariaDB Connector/J (bundled) connects
 * to both; which files run is the target, MySQL's for a {@code jdbc:mysql:} URL, else given with
 * {@code -Dschemac.target=mysql}.
 */
enum Engine {
  POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "postgresql", true),
  MARIADB("MariaDB", "jdbc:mariadb:", "mariadb", false),
  MYSQL("MySQL", "jdbc:mysql:", "mysql", false),
  SQLITE("SQLite", "jdbc:sqlite:", "sqlite", true);

  final String displayName;
  final String urlPrefix;
  /** The processor's id of the target whose files this engine runs ({@code -Aschemac.targets}). */
  final String targetId;
  /** Whether DDL runs in a transaction, so that a down and its history edit commit together. */
  final boolean transactionalDdl;

  Engine(String displayName, String urlPrefix, String targetId, boolean transactionalDdl) {
    this.displayName = displayName;
    this.urlPrefix = urlPrefix;
    this.targetId = targetId;
    this.transactionalDdl = transactionalDdl;
  }

  /** MariaDB or MySQL: statements commit one by one, the history lock is a named lock. */
  boolean mysqlFamily() {
    return this == MARIADB || this == MYSQL;
  }

  static Engine of(String url) throws MojoFailureException {
    if (url == null) {
      return POSTGRESQL; // connect() says what is missing
    }
    for (Engine engine : values()) {
      if (url.startsWith(engine.urlPrefix)) {
        return engine;
      }
    }
    throw new MojoFailureException(PluginErrorId.UNSUPPORTED_URL.message(url + " is not a database schemac generates"
        + " for: the goals connect to"
        + " PostgreSQL (jdbc:postgresql://host:port/database), MariaDB (jdbc:mariadb://host:port/database),"
        + " MySQL (jdbc:mysql://host:port/database) and SQLite (jdbc:sqlite:path/to/file.db)"));
  }

  /**
   * The target whose files run on this engine: {@code target} when given ({@code -Dschemac.target}),
   * which must be of this engine's family, else this engine's own.
   */
  String target(String target) throws MojoFailureException {
    if (target == null || target.isBlank()) {
      return targetId;
    }
    for (Engine engine : values()) {
      if (engine.targetId.equals(target)) {
        if (engine == this || engine.mysqlFamily() && mysqlFamily()) {
          return target;
        }
        throw new MojoFailureException(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=" + target
            + " does not run on "
            + displayName + " (" + urlPrefix + "...): the files of a target run on its own engine"
            + " only"
            + (mysqlFamily() ? " (mariadb and mysql share theirs)" : "")));
      }
    }
    throw new MojoFailureException(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=" + target
        + " is not one of schemac's SQL targets: postgresql,"
        + " mariadb, mysql, sqlite"));
  }
}
