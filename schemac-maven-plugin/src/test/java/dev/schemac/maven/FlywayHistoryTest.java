package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What schemac knows of Flyway's history table, checked against what Flyway 11 itself does. */
class FlywayHistoryTest {

  @Test
  void checksum_isTheOneFlywayRecords_forEveryCommittedMigration() throws Exception {
    String url = TestPostgres.newDatabase("checksums");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).load().migrate();
    CommittedFiles files = CommittedFiles.of(TestPostgres.SAMPLE_DB);
    try (Connection c = TestPostgres.connect(url)) {
      var rows = new FlywayHistory(c, null, "flyway_schema_history").rows();
      assertThat(rows.stream().map(FlywayHistory.Row::version).toList()).containsExactly("1", "2", "2.1", "3", "3.1")
          .inOrder();
      for (FlywayHistory.Row row : rows) {
        String script = Files.readString(files.migration(row.version()).orElseThrow().path(), UTF_8);
        assertThat(FlywayChecksum.of(script)).isEqualTo(row.checksum());
      }
    }
  }

  @Test
  void checksum_ignoresLineEndingsAndAByteOrderMark_asFlywayDoes() {
    assertThat(FlywayChecksum.of("a\r\nb\r\n")).isEqualTo(FlywayChecksum.of("a\nb\n"));
    assertThat(FlywayChecksum.of("\uFEFFa\nb")).isEqualTo(FlywayChecksum.of("a\nb"));
    assertThat(FlywayChecksum.of("a\nb")).isNotEqualTo(FlywayChecksum.of("a\nc"));
  }

  @Test
  void lock_isFlywaysOwn_soAMigrationRunningElsewhereKeepsUndoOut() throws Exception {
    String url = TestPostgres.newDatabase("lock");
    TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).target("1").load().migrate();
    HoldInsideMigrate hold = new HoldInsideMigrate();
    CompletableFuture<?> migrate = CompletableFuture.runAsync(() ->
        TestPostgres.flyway(url, TestPostgres.SAMPLE_DB).callbacks(hold).load().migrate());
    assertThat(hold.migrating.await(30, TimeUnit.SECONDS)).isTrue();
    try (Connection c = TestPostgres.connect(url)) {
      FlywayHistory history = new FlywayHistory(c, null, "flyway_schema_history");
      assertThat(history.qualifiedName()).isEqualTo("\"public\".\"flyway_schema_history\"");
      assertThat(history.lock(Duration.ofMillis(600))).isFalse();
      hold.release.countDown();
      migrate.get(60, TimeUnit.SECONDS);
      assertThat(history.lock(Duration.ofSeconds(5))).isTrue();
      history.unlock();
    }
  }
}
