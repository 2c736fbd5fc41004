package dev.schemac.maven;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The database engines the goals know, by JDBC URL. schemac's targets decide which exist: today
 * PostgreSQL; each further SQL target adds its engine here with its catalog reader and its
 * history-table lock.
 */
enum Engine {
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  final String urlPrefix;
  /** The processor's id of the target whose files this engine runs ({@code -Aschemac.targets}). */
  final String targetId;

  Engine(String urlPrefix, String targetId) {
    this.urlPrefix = urlPrefix;
    this.targetId = targetId;
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
    throw new MojoFailureException(url + " is not a database schemac generates for: the goals connect to"
        + " PostgreSQL (jdbc:postgresql://host:port/database); other engines come with their targets");
  }
}
