package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.rows;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated migration folder under Flyway 11 on PostgreSQL: a V2 whose V2.1 builds an index
 * CONCURRENTLY and validates constraints completes (Flyway needs {@code
 * postgresql.transactional.lock=false}, or it waits forever on its own advisory lock), and the
 * {@code .sql.conf} with {@code executeInTransaction=false} is what lets V2.1 run at all.
 */
class MigrationFlywayTest {

  @TempDir Path dir;

  /** Version 1: a table; version 2: an index, a CHECK and a SET NOT NULL on it, so V2 has a V2.1. */
  private void compileTwoVersions() {
    compileOk(dir, version(1, type("Item",
        "@Table public record Item(@Id long id, String name, @Nullable String code, int stock) {}")));
    compileOk(dir, version(2, type("Item", """
        @Table
        public record Item(@Id long id, @Indexed String name, String code, @Check("stock >= 0") int stock) {}
        """)));
    Path next = MigrationScenarioTest.file(dir, "migration", "V2.1__").orElseThrow();
    assertThat(MigrationScenarioTest.read(Path.of(next + ".conf"))).isEqualTo("executeInTransaction=false\n");
  }

  private FluentConfiguration flyway(TestDatabase db) {
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), "postgres", "")
        .locations("filesystem:" + dir.resolve("migration"))
        .validateMigrationNaming(true);
  }

  @Test
  void concurrentStep_completesUnderFlyway_withTransactionalLockOff() throws Exception {
    compileTwoVersions();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      // the property, as in flyway.conf / Spring's spring.flyway.postgresql.transactional-lock
      Map<String, String> properties = Map.of("flyway.postgresql.transactional.lock", "false");
      flyway(db).configuration(properties).target("1").load().migrate();
      MigrationScenarioTest.execute(db, "INSERT INTO items (id, name, code, stock) VALUES (1, 'pen', 'P1', 3)");

      MigrateResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> flyway(db).configuration(properties).load().migrate());

      assertThat(result.success).isTrue();
      assertThat(rows(db, "SELECT version || '|' || success FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1|true", "2|true", "2.1|true").inOrder();
      assertThat(rows(db, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = 'idx_items_name'")).containsExactly("t");
      assertThat(db.catalog().column("items", "code").notNull()).isTrue();
      assertThat(rows(db, "SELECT conname || '|' || convalidated FROM pg_constraint WHERE contype = 'c'"
          + " AND conrelid = 'items'::regclass ORDER BY conname")).containsExactly("items_stock_check|true");
      assertThat(rows(db, "SELECT name, code, stock FROM items")).containsExactly("pen|P1|3");
    }
  }

  @Test
  void concurrentStep_completesUnderFlyway_withThePluginApi() throws Exception {
    compileTwoVersions();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      FluentConfiguration config = flyway(db);
      config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);

      MigrateResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> config.load().migrate());

      assertThat(result.success).isTrue();
      assertThat(rows(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "2", "2.1").inOrder();
      assertThat(rows(db, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = 'idx_items_name'")).containsExactly("t");
    }
  }

  /** Version 2 adds only an index: its V2.1 is DROP INDEX CONCURRENTLY IF EXISTS + CREATE INDEX CONCURRENTLY. */
  private void compileIndexOnly() {
    compileOk(dir, version(1, type("Item", "@Table public record Item(@Id long id, String name) {}")));
    compileOk(dir, version(2, type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}")));
  }

  /**
   * With Flyway's default (its advisory lock held in an open transaction), CREATE INDEX
   * CONCURRENTLY waits for that very transaction: without schemac's {@code SET lock_timeout} it
   * would wait forever; with it, V2.1 fails after 5 s with 55P03, leaving an INVALID index. The
   * same folder then migrates with the lock off: V2.1 drops the INVALID index and builds it again.
   */
  @Test
  void withTheDefaultTransactionalLock_theConcurrentStepFailsOnItsLockTimeout_insteadOfHanging() throws Exception {
    compileIndexOnly();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      failWithTheDefaultLock(db, "idx_items_name");
      MigrateResult result = migrateWithTheLockOff(db);
      assertThat(result.success).isTrue();
      assertThat(rows(db, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = 'idx_items_name'")).containsExactly("t");
    }
  }

  /**
   * The same recovery when V2.1 also makes a column NOT NULL and validates a CHECK: the failed
   * first run already dropped the NOT NULL helper CHECK, so the rerun must not depend on it.
   */
  @Test
  void afterAFailedConcurrentStep_theRerunSucceeds_whenTheStepAlsoSetsNotNull() throws Exception {
    compileTwoVersions();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      failWithTheDefaultLock(db, "idx_items_name");
      MigrateResult result = migrateWithTheLockOff(db);
      assertThat(result.success).isTrue();
      assertThat(db.catalog().column("items", "code").notNull()).isTrue();
    }
  }

  private void failWithTheDefaultLock(TestDatabase db, String index) throws Exception {
    Exception e = assertThrows(Exception.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> flyway(db).load().migrate()));
    assertThat(e.getMessage()).contains("55P03");
    assertThat(e.getMessage()).contains("V2.1__");
    // PostgreSQL has transactional DDL, so Flyway records no failed row; the cancelled build
    // left an INVALID index behind
    assertThat(rows(db, "SELECT version || '|' || success FROM flyway_schema_history ORDER BY installed_rank"))
        .containsExactly("1|true", "2|true").inOrder();
    assertThat(rows(db, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE c.relname = '" + index + "'")).containsExactly("f");
  }

  private MigrateResult migrateWithTheLockOff(TestDatabase db) {
    Map<String, String> lockOff = Map.of("flyway.postgresql.transactional.lock", "false");
    flyway(db).configuration(lockOff).load().repair();
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> flyway(db).configuration(lockOff).load().migrate());
  }

  /**
   * Without the {@code .sql.conf}, Flyway decides by itself how to run V2.1: the file mixes
   * statements it runs in a transaction (SET, VALIDATE, ALTER) with ones that cannot (CONCURRENTLY),
   * and Flyway refuses such a file. The generated {@code .conf} is therefore read and needed.
   */
  @Test
  void withoutTheConfFile_flywayRefusesTheSecondStep() throws Exception {
    compileTwoVersions();
    Path conf = Path.of(MigrationScenarioTest.file(dir, "migration", "V2.1__").orElseThrow() + ".conf");
    Files.delete(conf);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      Exception e = assertThrows(Exception.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> flyway(db).configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate()));
      assertThat(e.getMessage()).containsMatch("(?i)mixed|transactional and non-transactional");
    }
  }
}
