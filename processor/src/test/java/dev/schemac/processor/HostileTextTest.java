package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing a user writes smuggles SQL or breaks a script (issue 12, items 1 to 3): control
 * characters in any text that reaches SQL are located errors; what is allowed (quotes,
 * backslashes, semicolons, comment markers, dollar signs, line separators) is written so that
 * JDBC, Flyway and psql read the same statements, whatever standard_conforming_strings is; names
 * PostgreSQL reserves for its catalog and names it cannot read unquoted are located errors whose
 * fix compiles.
 */
class HostileTextTest {

  @TempDir Path dir;

  private static JavaFileObject source(String simpleName, String body) {
    return SchemacCompiler.typeIn("com.example", simpleName, body);
  }

  private String singleErrorOn(JavaFileObject file, String line, String id, JavaFileObject... sources) {
    return singleErrorOn(dir, file, line, id, sources);
  }

  /** The single error's message, after asserting it has {@code id}, is on the line containing {@code line}, and nothing was written. */
  static String singleErrorOn(Path dir, JavaFileObject file, String line, String id, JavaFileObject... sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(sources));
    Compilation compilation = result.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[schemac:" + id + "]").inFile(file).onLineContaining(line);
    assertWithMessage("schema.sql under schemac.dir").that(result.fileInDir("schema.sql")).isEmpty();
    return compilation.errors().get(0).getMessage(Locale.ROOT);
  }

  // ------------------------------------------------------------------ item 1: control characters

  /** The reproduction of issue 12: a NUL in a doc comment, then a comment whose text is SQL. */
  @Test
  void nulInDocComment_failsOnTheRecord_andNothingIsWritten() {
    JavaFileObject gadget = source("Gadget", """
        /** A gadget.\\u0000 @param note ; DROP TABLE canary; -- */
        @Table
        public record Gadget(@Id long id, String note) {}
        """);

    String message = singleErrorOn(gadget, "public record Gadget", "control-character", gadget);

    assertThat(message).contains("U+0000 (NUL)");
    assertThat(message).contains("the comment of table gadgets");
    RealJavac.Run run = RealJavac.compile(List.of(gadget));
    try {
      assertThat(run.success()).isFalse();
      assertWithMessage("schema.sql under -Aschemac.dir").that(Files.exists(run.dirSchema())).isFalse();
      assertWithMessage("db/schema.sql in the class output").that(Files.exists(run.classOutputSchema())).isFalse();
    } finally {
      run.delete();
    }
  }

  /** Every path user text takes into SQL: a control character there is an error on its element. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      record Javadoc           | /** A thing.\\u0001 */ @Table public record Thing(@Id long id) {}                                        | public record Thing
      @param                   | /** A thing. @param note the\\u0000note */ @Table public record Thing(@Id long id, String note) {}      | public record Thing
      @param on its own line   | /**\\n * Things.\\n * @param note a \\u001b[31m red note\\n */\\n@Table public record Thing(@Id long id, String note) {} | public record Thing
      @Default                 | @Table public record Thing(@Id long id, @Default("'a\\u0000b'") String note) {}                        | @Default
      a tab in a @Default string | @Table public record Thing(@Id long id, @Default("'a\\tb'") String note) {}                          | @Default
      @Check on a component    | @Table public record Thing(@Id long id, @Check("note <> 'a\\u0000'") String note) {}                   | @Check
      @Check on the record     | @Table @Check("note <> 'a\\u0007'") public record Thing(@Id long id, String note) {}                   | @Check
      @Index expression        | @Table @Index(expression = "concat(note, '\\u0000')") public record Thing(@Id long id, String note) {} | @Index
      @Index where             | @Table @Index(columns = "note", where = "note <> '\\u0085'") public record Thing(@Id long id, String note) {} | @Index
      """)
  void controlCharacter_isAnErrorOnItsElement(String path, String body, String line) {
    JavaFileObject thing = source("Thing", body.replace("\\n", "\n"));

    String message = singleErrorOn(thing, line, "control-character", thing);

    assertThat(message).containsMatch("U\\+00(00|01|07|09|1B|85)");
  }

  @Test
  void controlCharacterInAnEntityFieldsJavadoc_isAnErrorOnTheField() {
    JavaFileObject entity = SchemacCompiler.source("com.example.Note", """
        package com.example;
        import jakarta.persistence.*;
        @Entity
        public class Note {
          @Id Long id;
          /** The text.\\u0000; DROP TABLE canary; -- */
          String body;
        }
        """);

    String message = singleErrorOn(entity, "String body", "control-character", entity);

    assertThat(message).contains("column note.body");
  }

  /** What a doc comment and a CHECK may hold, applied through JDBC, Flyway and psql alike; a canary table survives. */
  private static final String HOSTILE_RECORD = """
      /**
       * It's a gadget; it costs $5 -- or /* more *&#47; -- \\'; DROP TABLE canary; -- \u2028 \u00e9\u00e8 \ud83d\ude00.
       * @param note a note: \\' ; DROP TABLE canary; -- E'x' $$ $tag$ U&'\\0041'
       */
      @Table
      @Check("note <> 'a\\\\' || ';DROP TABLE canary;--'")
      public record Gadget(@Id long id, String note) {}
      """;

  private static final String TABLE_COMMENT =
      "It's a gadget; it costs $5 -- or /* more */ -- \\'; DROP TABLE canary; -- \u2028 \u00e9\u00e8 \ud83d\ude00.";
  private static final String COLUMN_COMMENT = "a note: \\' ; DROP TABLE canary; -- E'x' $$ $tag$ U&'\\0041'";

  private String hostileSchema() {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(source("Gadget", HOSTILE_RECORD)));
    assertThat(result.compilation()).succeeded();
    return result.schemaSqlInDir();
  }

  private static void assertCommentsAndCanary(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      try (ResultSet rows = s.executeQuery("SELECT obj_description('gadgets'::regclass, 'pg_class'),"
          + " col_description('gadgets'::regclass, 2), (SELECT count(*) FROM canary)")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo(TABLE_COMMENT);
        assertThat(rows.getString(2)).isEqualTo(COLUMN_COMMENT);
        assertThat(rows.getInt(3)).isEqualTo(1);
      }
      // the CHECK is the user's expression, as PostgreSQL read it: the string has its backslash
      s.execute("DELETE FROM gadgets");
    }
    try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO gadgets (id, note) VALUES (?, ?)")) {
      insert.setLong(1, 1);
      insert.setString(2, "fine");
      insert.executeUpdate();
      insert.setLong(1, 2);
      insert.setString(2, "a\\;DROP TABLE canary;--");
      SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, insert::executeUpdate);
      assertThat(refused.getSQLState()).isEqualTo("23514");
    }
  }

  private static void createCanary(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE canary (id int); INSERT INTO canary VALUES (1)");
    }
  }

  @Test
  void hostileText_appliedThroughJdbc_keepsEveryCharacter() throws Exception {
    String sql = hostileSchema();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      createCanary(db.connection());
      db.executeScript(sql);
      assertCommentsAndCanary(db.connection());
    }
  }

  /**
   * A server (or session) with standard_conforming_strings off reads a backslash in a standard
   * literal as an escape: every literal schemac writes and every string in the user's SQL must
   * read the same there.
   */
  @Test
  void hostileText_appliedWithStandardConformingStringsOff_keepsEveryCharacter() throws Exception {
    String sql = hostileSchema();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      createCanary(db.connection());
      Properties properties = new Properties();
      properties.setProperty("user", "postgres");
      properties.setProperty("options", "-c standard_conforming_strings=off -c escape_string_warning=off");
      try (Connection off = DriverManager.getConnection(db.jdbcUrl(), properties)) {
        try (Statement s = off.createStatement(); ResultSet r = s.executeQuery("SHOW standard_conforming_strings")) {
          r.next();
          assertThat(r.getString(1)).isEqualTo("off");
        }
        try (Statement s = off.createStatement()) {
          s.execute(sql);
        }
        assertCommentsAndCanary(off);
      }
    }
  }

  @Test
  void hostileText_appliedByFlyway_keepsEveryCharacter() throws Exception {
    String sql = hostileSchema();
    Path migrations = Files.createDirectories(dir.resolve("flyway"));
    Files.writeString(migrations.resolve("V1__hostile.sql"), sql, StandardCharsets.UTF_8);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      createCanary(db.connection());
      Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "").locations("filesystem:" + migrations)
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      assertCommentsAndCanary(db.connection());
    }
  }

  /** psql reads scripts itself (and stops at a NUL): where it is installed, it applies the script alike. */
  @Test
  void hostileText_appliedByPsql_keepsEveryCharacter() throws Exception {
    Assumptions.assumeTrue(onPath("psql"), "psql is not installed here");
    String sql = hostileSchema();
    Path script = dir.resolve("schema.sql");
    Files.writeString(script, sql, StandardCharsets.UTF_8);
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      createCanary(db.connection());
      int port = EmbeddedPostgresServer.server().getPort();
      Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
          String.valueOf(port), "-U", "postgres", "-d", db.name(), "-f", script.toString())
          .redirectErrorStream(true).start();
      assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertWithMessage("psql: %s", output).that(psql.exitValue()).isEqualTo(0);
      assertCommentsAndCanary(db.connection());
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(p -> Files.isExecutable(Path.of(p, command)));
  }

  // ------------------------------------------------------------------ item 2: system-catalog names

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      explicit table name | @Table(name = "pg_class") public record Gadget(@Id long id) {}                                | @Table | table name pg_class
      derived table name  | @Table public record PgGadget(@Id long id) {}                                                | public record PgGadget | table name pg_gadgets
      index name          | @Table @Index(columns = "note", name = "pg_class_oid_index") public record Gadget(@Id long id, String note) {} | @Index | index name pg_class_oid_index
      unique name         | @Table public record Gadget(@Id long id, @Unique(name = "pg_gadgets_note") String note) {}   | @Unique | unique constraint name pg_gadgets_note
      enum type name      | @Table public record Gadget(@Id long id, @NativeEnum(name = "pg_state") State state) {} enum State { ON, OFF } | @NativeEnum | enum type name pg_state
      """)
  void systemCatalogName_isAnErrorOnItsElement(String what, String body, String line, String named) {
    java.util.regex.Matcher record = java.util.regex.Pattern.compile("record (\\w+)").matcher(body);
    assertThat(record.find()).isTrue();
    JavaFileObject gadget = source(record.group(1), body);

    String message = singleErrorOn(gadget, line, "system-catalog-name", gadget);

    assertThat(message).contains(named);
  }

  /** The reproduction, fixed as the message says: the fix compiles and the schema applies. */
  @Test
  void systemCatalogName_fixFromTheMessage_compilesAndApplies() throws Exception {
    JavaFileObject bad = source("Gadget", "@Table(name = \"pg_class\") @Index(columns = \"note\")"
        + " public record Gadget(@Id long id, String note) {}");
    String message = singleErrorOn(bad, "@Table", "system-catalog-name", bad);
    String fix = fixAnnotation(message, "@Table(name = ");

    assertThat(fix).isEqualTo("@Table(name = \"class\")");
    try (AppliedSchema applied = AppliedSchema.of(source("Gadget", fix + " @Index(columns = \"note\")"
        + " public record Gadget(@Id long id, String note) {}"))) {
      assertThat(applied.queryValue("SELECT count(*) FROM public.class")).isEqualTo(0L);
    }
  }

  // ------------------------------------------------------------------ item 3: identifiers Java allows

  @Test
  void dollarRecordName_isAnErrorOnTheRecord_andItsFixCompiles() throws Exception {
    JavaFileObject thing = source("$Thing", "@Table public record $Thing(@Id long id, int count) {}");

    String message = singleErrorOn(thing, "public record $Thing", "invalid-identifier", thing);

    assertThat(message).contains("table name $things");
    String fix = fixAnnotation(message, "@Table(name = ");
    assertThat(fix).isEqualTo("@Table(name = \"things\")");
    try (AppliedSchema applied = AppliedSchema.of(source("$Thing", fix + " public record $Thing(@Id long id, int count) {}"))) {
      assertThat(applied.queryValue("SELECT count(*) FROM things")).isEqualTo(0L);
    }
  }

  @Test
  void dollarComponentName_isAnErrorOnTheComponent_andItsFixCompiles() throws Exception {
    JavaFileObject thing = source("Thing", """
        @Table
        public record Thing(
            @Id long id,
            int $count) {}
        """);

    String message = singleErrorOn(thing, "int $count", "invalid-identifier", thing);

    assertThat(message).contains("column name things.$count");
    String fix = fixAnnotation(message, "@Column(name = ");
    assertThat(fix).isEqualTo("@Column(name = \"count\")");
    try (AppliedSchema applied = AppliedSchema.of(source("Thing",
        "@Table public record Thing(@Id long id, " + fix + " int $count) {}"))) {
      assertThat(applied.catalog().column("things", "count").notNull()).isTrue();
    }
  }

  /** A {@code $} inside a name is an identifier character to PostgreSQL: accepted and applied. */
  @Test
  void dollarInsideAName_isValidPostgres() throws Exception {
    try (AppliedSchema applied = AppliedSchema.of(source("Thing", "@Table public record Thing(@Id long id, int a$b) {}"))) {
      assertThat(applied.catalog().column("things", "a$b").notNull()).isTrue();
    }
  }

  /** The ready-to-paste annotation a message suggests, e.g. {@code @Table(name = "class")}. */
  static String fixAnnotation(String message, String start) {
    int at = message.indexOf(start);
    assertWithMessage("a fix starting with %s in: %s", start, message).that(at).isAtLeast(0);
    int close = message.indexOf("\")", at);
    return message.substring(at, close + 2);
  }
}
