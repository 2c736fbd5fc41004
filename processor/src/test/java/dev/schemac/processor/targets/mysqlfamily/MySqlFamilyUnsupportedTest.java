package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What MariaDB and MySQL cannot express is a compile error on the element, naming the target and
 * the fix, and nothing is written (docs/targets/mariadb.md, "What is refused").
 */
class MySqlFamilyUnsupportedTest {
  @TempDir Path dir;

  static final JavaFileObject EVENT = SchemacCompiler.typeIn("com.example.refused", "Event", """
      @Table
      @Index(columns = "kind", where = "kind <> 'x'", name = "idx_events_open")
      @Index(columns = "payload", method = IndexMethod.GIN, name = "idx_events_payload")
      public record Event(
          @Id long id,
          @Column(length = 20) String kind,
          @Json Map<String, Object> payload,
          @Check("title ~* '^[a-z]'") @Column(length = 50) String title,
          @Column(type = "varchar(20) character set utf8") String code,
          BigDecimal amount,
          List<String> tags) {}
      """);

  @Test
  void eachUnsupportedElement_isAnErrorOnItsLine_namingTheTarget_andNothingIsWritten() {
    for (String target : List.of("mariadb", "mysql")) {
      SchemacCompiler.Result result = SchemacCompiler.compile(dir.resolve(target), List.of(EVENT),
          "-Aschemac.targets=postgresql," + target);
      Compilation c = result.compilation();
      assertThat(c).failed();
      String t = "(target " + target + ")";
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "index idx_events_open on events has a predicate (where)")).inFile(EVENT)
          .onLineContaining("idx_events_open");
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "index idx_events_payload on events is an index of method inverted")).inFile(EVENT)
          .onLineContaining("idx_events_payload");
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "CHECK events_title_check on events (title ~* '^[a-z]') is written for target"))
          .inFile(EVENT).onLineContaining("@Check");
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "column events.code has the type 'varchar(20) character set utf8': utf8"
          + " (utf8mb3) holds at most 3 bytes a character")).inFile(EVENT).onLineContaining("String code");
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "column events.amount is a BigDecimal without precision")).inFile(EVENT)
          .onLineContaining("BigDecimal amount");
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "column events.tags holds an array")).inFile(EVENT)
          .onLineContaining("List<String> tags");
      // and the type written for PostgreSQL (the first target) is refused as such too
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target",
              "column events.code has the type 'varchar(20) character set utf8', written for"
          + " target postgresql")).inFile(EVENT).onLineContaining("String code");
      assertThat(c.errors().stream().filter(e -> e.getMessage(Locale.ROOT).contains(t)).count()).isEqualTo(7);
      assertThat(result.fileInDir(target + "/schema.sql")).isEmpty();
      assertThat(result.fileInDir("schema.sql")).isEmpty();
    }
  }

  /** A record with {@code columns} int components, all in one index. */
  static JavaFileObject wide(int columns) {
    List<String> names = java.util.stream.IntStream.rangeClosed(1, columns).mapToObj(i -> "a" + i).toList();
    return SchemacCompiler.typeIn("com.example.wide", "Wide", "@Table\n@Index(columns = {\"" + String.join("\", \"", names)
        + "\"}, name = \"idx_wide\")\npublic record Wide(@Id long id, " + names.stream().map(n -> "int " + n)
        .collect(java.util.stream.Collectors.joining(", ")) + ") {}");
  }

  /** MariaDB takes 32 columns in one key (measured: the 33rd is refused), MySQL 16 (its manual). */
  @Test
  void anIndexOfMoreColumnsThanTheEngineTakes_isAnErrorOnIt_andMariaDbTakes32()
      throws java.sql.SQLException {
    for (String target : List.of("mariadb", "mysql")) {
      int max = target.equals("mariadb") ? 32 : 16;
      JavaFileObject tooWide = wide(max + 1);
      Compilation c = SchemacCompiler.compile(dir.resolve(target + "-wide"), List.of(tooWide),
          "-Aschemac.targets=" + target).compilation();
      assertThat(c).failed();
      assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("unsupported-by-target", "index idx_wide on wides has "
          + (max + 1) + " key parts")).inFile(tooWide).onLineContaining("@Index");
      assertThat(SchemacCompiler.compile(dir.resolve(target + "-max"), List.of(wide(max)), "-Aschemac.targets=" + target)
          .compilation()).succeeded();
    }
    SchemacCompiler.Result widest = SchemacCompiler.compile(dir.resolve("applied"), List.of(wide(32)),
        "-Aschemac.targets=mariadb");
    for (dev.schemac.processor.testing.EmbeddedMariaDb.Server server
        : dev.schemac.processor.testing.EmbeddedMariaDb.Server.values()) {
      try (var db = dev.schemac.processor.testing.EmbeddedMariaDb.freshDatabase(server)) {
        db.executeScript(widest.fileInDir("mariadb/schema.sql").orElseThrow());
        assertThat(db.rows("SELECT count(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " AND index_name = 'idx_wide'")).containsExactly("32");
        // and the engine refuses the 33rd, as the error says
        assertThat(db.failure("CREATE INDEX idx_wider ON wides (" + java.util.stream.IntStream.rangeClosed(1, 32)
            .mapToObj(i -> "a" + i).collect(java.util.stream.Collectors.joining(", ")) + ", id)"))
            .contains("max 32 parts");
      }
    }
  }
}
