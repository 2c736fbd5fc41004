package dev.schemac.sample;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** How the sample app runs the migrations schemac generated: Flyway, with the settings they need. */
public final class SampleMigrations {
  private SampleMigrations() {}

  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        // Flyway's default location; the undo/ scripts live outside it on purpose.
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        // V{N}.1 steps use CREATE INDEX CONCURRENTLY, which waits for every other transaction,
        // Flyway's own lock-holding one included: without this, the step fails at lock_timeout.
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load();
  }
}
