package dev.schemac.sample.portable;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How the shop runs the migrations schemac wrote, on each engine: Flyway, pointed at the target's
 * folder, with what that target's files need. The undo files are not Flyway's (Community runs no
 * undo scripts): they live outside these locations.
 */
public final class ShopMigrations {
  private ShopMigrations() {}

  /** The targets this sample generates for, in {@code -Aschemac.targets} order. */
  public static final List<String> TARGETS = List.of("postgresql", "mariadb", "mysql", "sqlite");

  /**
   * The class-path folder of a target's files: PostgreSQL's (the first target schemac had) at
   * {@code db/}, every other one under its id.
   */
  public static String folder(String target) {
    return target.equals("postgresql") ? "db" : "db/" + target;
  }

  /**
   * Flyway for {@code target} on the database at {@code url}.
   *
   * <ul>
   *   <li>postgresql: {@code V{N}.1} builds indexes CONCURRENTLY, which waits for every other
   *       transaction, Flyway's own lock-holding one included, unless its transactional lock is off;
   *   <li>mariadb, mysql: nothing more (flyway-mysql serves both); each DDL statement commits on its
   *       own there, and the files are written to be run again after a failure;
   *   <li>sqlite: nothing more (flyway-core knows SQLite); each file's {@code .conf} takes it out of
   *       Flyway's transaction, since {@code PRAGMA foreign_keys} means nothing inside one.
   * </ul>
   */
  public static FluentConfiguration configure(String target, String url, String user, String password) {
    if (!TARGETS.contains(target)) {
      throw new IllegalArgumentException("not a target of this sample: " + target + "; one of " + TARGETS);
    }
    FluentConfiguration config = Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:" + folder(target) + "/migration")
        .validateMigrationNaming(true);
    if (target.equals("postgresql")) {
      config.configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }
    return config;
  }
}
