package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.schemac.processor.targets.EngineCheck;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL users write in annotations, read as PostgreSQL reads it (issue 12, item 4): what
 * PostgreSQL would refuse, or would take to mean something else, is a located compile error;
 * valid PostgreSQL that other parsers refuse compiles and applies; what the grammar here cannot
 * decide is a warning naming the engine check.
 */
class UserSqlTest {

  @TempDir Path dir;

  private static JavaFileObject source(String body) {
    return SchemacCompiler.typeIn("com.example", "Room", body);
  }

  private String singleErrorOn(JavaFileObject file, String line, String id) {
    return HostileTextTest.singleErrorOn(dir, file, line, id, file);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a trailing AND        | @Check("capacity > 0 AND")                      | invalid-sql
      && for AND            | @Check("capacity > 0 && capacity < 100000")     | invalid-sql
      chained comparisons   | @Check("0 < capacity < 100")                    | invalid-sql
      a subquery            | @Check("capacity < (SELECT 10)")                | subquery-in-expression
      an EXISTS             | @Check("EXISTS (SELECT 1 FROM rooms)")          | subquery-in-expression
      a string not boolean  | @Check("'maybe'")                               | invalid-sql
      """)
  void brokenCheck_isAnErrorOnTheCheck(String what, String check, String id) {
    JavaFileObject room = source("""
        @Table
        public record Room(
            @Id long id,
            %s int capacity) {}
        """.formatted(check));

    String message = singleErrorOn(room, "int capacity", id);

    if (check.contains("&&")) {
      assertThat(message).contains("AND, OR and NOT");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a subquery DEFAULT         | @Default("(SELECT 1)") int capacity                        | subquery-in-expression
      a string for an integer    | @Default("'many'") int capacity                            | default-type-mismatch
      out of smallint's range    | @Default("100000") short capacity                          | default-type-mismatch
      a boolean for a uuid       | @Default("true") UUID capacity                             | default-type-mismatch
      a number for a date        | @Default("0") LocalDate capacity                           | default-type-mismatch
      too long for the varchar   | @Column(length = 3) @Default("'large'") String capacity    | default-type-mismatch
      not a UUID                 | @Default("'not-a-uuid'") UUID capacity                     | default-type-mismatch
      not JSON                   | @Json @Default("'{\\"a\\": '") Map<String, Object> capacity | default-type-mismatch
      not a boolean              | @Default("'maybe'") boolean capacity                       | default-type-mismatch
      a word for a string        | @Default("large") String capacity                          | column-in-default
      a broken DEFAULT           | @Default("1 +") int capacity                               | invalid-sql
      a string for a list        | @Default("'$t$ x $t$'") List<String> capacity              | default-type-mismatch
      a number for a list        | @Default("1") List<String> capacity                        | default-type-mismatch
      USER for a date            | @Default("user") LocalDate capacity                        | default-type-mismatch
      CURRENT_DATE for a number  | @Default("current_date") int capacity                      | default-type-mismatch
      now() for a number         | @Default("now()") long capacity                            | default-type-mismatch
      a random UUID for a date   | @Default("gen_random_uuid()") LocalDate capacity           | default-type-mismatch
      random() for a boolean     | @Default("random()") boolean capacity                      | default-type-mismatch
      now() for a list           | @Default("now()") List<String> capacity                    | default-type-mismatch
      """)
  void brokenDefault_isAnErrorOnTheComponent(String what, String component, String id) {
    JavaFileObject room = source("""
        @Table
        public record Room(
            @Id long id,
            %s) {}
        """.formatted(component));

    singleErrorOn(room, "capacity)", id);
  }

  /**
   * Found by the randomized suite (seeds 5 and 6): a string that is no array literal on a list, USER
   * on a date, compiled and PostgreSQL refused the DDL; those are errors now (above). What PostgreSQL
   * takes still compiles and applies: array literals, a name into text, a date or time into a date
   * or text; a string schemac does not decode (U&'...') on a number is left to the engine, with
   * the unchecked-sql warning.
   */
  @Test
  void defaultsOfTheColumnsType_apply_andAnUndecodedStringIsAWarning() throws Exception {
    JavaFileObject room = source("""
        @Table
        public record Room(
            @Id long id,
            @Default("'{}'") List<String> none,
            @Default("'{a,b}'") List<String> two,
            @Default("user") String owner,
            @Default("current_date") LocalDate day,
            @Default("current_timestamp") Instant at,
            @Default("current_date") String dayText,
            @Default("now()") LocalDate today,
            @Default("now()") LocalTime clock,
            @Default("gen_random_uuid()") String label,
            @Default("random()") int dice) {}
        """);
    try (AppliedSchema applied = AppliedSchema.of(room)) {
      applied.execute("INSERT INTO rooms (id) VALUES (1)");
      assertThat(applied.queryValue("SELECT array_length(two, 1) || ' ' || cardinality(none) || ' '"
          + " || (owner = current_user) || ' ' || (day = current_date) || ' ' || (day_text = current_date::text)"
          + " || ' ' || (today = current_date) || ' ' || (clock IS NOT NULL) || ' ' || (length(label) = 36)"
          + " || ' ' || (dice BETWEEN 0 AND 1)"
          + " FROM rooms")).isEqualTo("2 0 true true true true true true true");
    }
    JavaFileObject undecoded = source("""
        @Table
        public record Room(
            @Id long id,
            @Default("U&'\\\\0031'") long capacity) {}
        """);
    com.google.testing.compile.Compilation compilation = SchemacCompiler.compile(dir, undecoded).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("unchecked-sql",
        "is a string whose value schemac does not decode"));
  }

  /**
   * Found by the randomized suite (seed 9): a CHECK comparing a timestamp with '1; DELETE FROM canary'
   * compiled (it has a digit, and PostgreSQL's date input is lenient) and PostgreSQL refused the DDL.
   * A date or time string with a word schemac does not know is now the unchecked-sql warning, which
   * names the engine check; dates with month names, time zones as offsets, UTC and the special values
   * compile without it and apply.
   */
  @Test
  void dateStringsWithAnUnknownWord_areAWarning_andKnownFormsApply() throws Exception {
    JavaFileObject hostile = source("""
        @Table
        public record Room(
            @Id long id,
            @Check("sent IS DISTINCT FROM '1; DELETE FROM canary'") Instant sent) {}
        """);
    com.google.testing.compile.Compilation compilation = SchemacCompiler.compile(dir, hostile).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("unchecked-sql", "has the word 'DELETE'"))
        .inFile(hostile).onLineContaining("Instant sent");

    JavaFileObject known = source("""
        @Table
        public record Room(
            @Id long id,
            @Check("sent > '1 January 2020 00:00 UTC' AND sent <> 'epoch'") Instant sent,
            @Default("'2020-01-01 10:00:00+02'") Instant arrived,
            @Default("'Jan 2, 2021'") LocalDate day) {}
        """);
    assertThat(SchemacCompiler.compile(dir.resolve("known"), known).compilation().diagnostics().stream()
        .map(d -> d.getMessage(java.util.Locale.ROOT)).filter(m -> m.contains("unchecked-sql")).toList()).isEmpty();
    try (AppliedSchema applied = AppliedSchema.of(known)) {
      applied.execute("INSERT INTO rooms (id, sent) VALUES (1, '2024-05-01 00:00Z')");
      assertThat(applied.queryValue("SELECT day::text FROM rooms")).isEqualTo("2021-01-02");
    }
  }

  /** The case: an enum constant without quotes is a column name; the fix the message gives compiles and applies. */
  @Test
  void enumDefaultWithoutQuotes_isAnError_andTheFixApplies() throws Exception {
    String body = """
        @Table
        public record Room(
            @Id long id,
            %s State state) {
          public enum State { PENDING, OPEN }
        }
        """;
    String message = singleErrorOn(source(body.formatted("@Default(\"PENDING\")")), "State state", "column-in-default");

    String fix = HostileTextTest.fixAnnotation(message, "@Default(");
    assertThat(fix).isEqualTo("@Default(\"'PENDING'\")");
    try (AppliedSchema applied = AppliedSchema.of(source(body.formatted(fix)))) {
      applied.execute("INSERT INTO rooms (id) VALUES (1)");
      assertThat(applied.queryValue("SELECT state FROM rooms")).isEqualTo("PENDING");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      text enum                        | State state        | state <> 'inactive'
      native enum                      | @NativeEnum State state | state <> 'inactive'
      native enum, IS DISTINCT FROM    | @NativeEnum State state | state IS DISTINCT FROM 'inactive'
      """)
  void partialIndexComparingAnEnumWithAValueItDoesNotHave_isAnError(String what, String component, String where) {
    JavaFileObject room = source("""
        @Table
        @Index(columns = "state", where = "%s")
        public record Room(@Id long id, %s) {
          public enum State { ACTIVE, BLOCKED }
        }
        """.formatted(where, component));

    String message = singleErrorOn(room, "@Index", "unknown-enum-value");

    assertThat(message).contains("'inactive'");
  }

  /**
   * Found by the randomized suite (seeds 1 and 2): each compiled, and PostgreSQL refused the DDL. A typed column
   * compared with a string its type cannot read; a predicate or an index expression that is one literal; an index
   * on a value that changes from call to call.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a date compared with a word         | @Check("opened_on <> 'soon'")
      a list compared with a word         | @Check("tags IS DISTINCT FROM '$1'")
      bytes compared with a backslash     | @Check("data IS DISTINCT FROM '\\\\'")
      bytes compared with odd hex         | @Check("data <> '\\\\x0'")
      a uuid compared with a word         | @Check("code <> 'quoted'")
      IS DISTINCT FROM a word             | @Check("opened_on IS DISTINCT FROM 'soon'")
      an integer compared with a word     | @Check("capacity IN (1, 'lots')")
      a predicate of one string           | @Index(columns = "capacity", where = "'maybe'")
      a predicate of one number           | @Index(columns = "capacity", where = "1")
      a predicate with a date literal     | @Index(columns = "capacity", where = "opened_on > 'later'")
      an index on one string              | @Index(expression = "'x'")
      an index on USER                    | @Index(expression = "user")
      an index on now()                   | @Index(expression = "now()")
      a predicate on CURRENT_DATE         | @Index(columns = "capacity", where = "opened_on > current_date")
      a CHECK that is USER                | @Check("user")
      JSON compared with a non-JSON string | @Check("doc <> '*/'")
      a predicate that is CURRENT_USER    | @Index(columns = "capacity", where = "current_user")
      """)
  void sqlPostgresRefusesInTheDdl_isAnErrorOnTheAnnotation(String what, String annotation) {
    JavaFileObject room = source("""
        @Table
        %s
        public record Room(
            @Id long id,
            java.time.LocalDate openedOn,
            UUID code,
            @Json java.util.Map<String, Object> doc,
            List<String> tags,
            byte[] data,
            int capacity) {}
        """.formatted(annotation));
    singleErrorOn(room, annotation.substring(0, annotation.indexOf('(')), "invalid-sql");
  }

  /** What those checks let through: PostgreSQL's own forms of the same values. */
  @Test
  void typedLiteralsPostgresReads_compileAndApply() throws Exception {
    JavaFileObject room = source("""
        @Table
        @Check("opened_on <> 'infinity' AND opened_on > 'Jan 1, 2000'")
        @Check("code <> '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'")
        @Check("capacity <> ' 7 '")
        @Check("tags <> '{}'")
        @Index(columns = "capacity", where = "opened_on > '2024-01-01'")
        @Index(expression = "lower(label)")
        public record Room(
            @Id long id,
            java.time.LocalDate openedOn,
            UUID code,
            String label,
            List<String> tags,
            int capacity) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));
    assertThat(result.compilation()).succeededWithoutWarnings();
    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      applied.execute("INSERT INTO rooms (id, opened_on, code, label, tags, capacity) VALUES (1, '2025-01-01',"
          + " 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'A', '{a}', 5)");
      applied.expectFailure("23514", "INSERT INTO rooms (id, opened_on, code, label, tags, capacity) VALUES (2,"
          + " '2025-01-01', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'A', '{a}', 7)");
      applied.expectFailure("23514", "INSERT INTO rooms (id, opened_on, code, label, tags, capacity) VALUES (3,"
          + " '2025-01-01', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'A', '{}', 5)");
    }
  }

  /**
   * Found by the randomized suite (seed 7): bytes compared with '\' compiled and PostgreSQL refused
   * the DDL (above). bytea's own forms still compile and apply: hex, and the escapes \\ and \ooo.
   */
  @Test
  void byteaLiteralsPostgresReads_compileAndApply() throws Exception {
    JavaFileObject room = source("""
        @Table
        @Check("data <> '\\\\x0a 0b' AND data <> 'a\\\\\\\\b\\\\001'")
        public record Room(@Id long id, byte[] data) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));
    assertThat(result.compilation()).succeededWithoutWarnings();
    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      applied.execute("INSERT INTO rooms (id, data) VALUES (1, '\\x0c')");
      applied.expectFailure("23514", "INSERT INTO rooms (id, data) VALUES (2, '\\x0a0b')");
    }
  }

  /** A text enum ordered against a string is a comparison of strings, which PostgreSQL takes: no error. */
  @Test
  void textEnumOrderedAgainstAString_compilesAndApplies() throws Exception {
    JavaFileObject room = source("""
        @Table
        @Index(columns = "state", where = "state < 'M'")
        public record Room(@Id long id, State state) {
          public enum State { ACTIVE, BLOCKED }
        }
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));
    assertThat(result.compilation()).succeededWithoutWarnings();
    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      applied.execute("INSERT INTO rooms (id, state) VALUES (1, 'ACTIVE')");
    }
  }

  /** Valid PostgreSQL that JSqlParser 5.3 refused or misread: it compiles, and PostgreSQL takes the DDL. */
  @Test
  void validPostgresOtherParsersRefuse_compilesAndApplies() throws Exception {
    JavaFileObject room = source("""
        @Table
        @Index(expression = "lower(label) COLLATE \\"C\\"")
        @Check("capacity BETWEEN SYMMETRIC 100 AND 1")
        @Check("capacity OPERATOR(pg_catalog.>=) 0")
        @Check("'yes'")
        public record Room(
            @Id long id,
            @Check("label <> U&'\\\\0041'") String label,
            int capacity) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));
    assertThat(result.compilation()).succeededWithoutWarnings();

    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      applied.execute("INSERT INTO rooms (id, label, capacity) VALUES (1, 'B', 50)");
      applied.expectFailure("23514", "INSERT INTO rooms (id, label, capacity) VALUES (2, 'A', 50)");
      applied.expectFailure("23514", "INSERT INTO rooms (id, label, capacity) VALUES (3, 'B', 200)");
    }
  }

  /** Found by the randomized suite (seed 12): a CHECK that is one U&'' string PostgreSQL reads as 'A', not a boolean. */
  @Test
  void checkOfOneUndecodedString_isAWarningNamingTheEngineCheck() {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(source("""
        @Table
        public record Room(@Id long id, @Check("U&'\\\\0041'") int capacity) {}
        """)));
    assertThat(result.compilation()).succeeded();
    assertThat(result.compilation()).hadWarningContaining("[schemac:" + EngineCheck.UNDECIDED_ID + "]");
  }

  /** Found by the randomized suite (seed 12): an index on NULL, which has no type, compiled and failed on PostgreSQL. */
  @Test
  void indexOnNull_isAnErrorOnTheRecord() {
    JavaFileObject room = source("""
        @Table
        @Index(expression = "NULL")
        public record Room(@Id long id, int capacity) {}
        """);

    singleErrorOn(room, "@Index", "invalid-sql");
  }

  /** A DEFAULT that is an a_expr but no b_expr is written in parentheses, so PostgreSQL takes it. */
  @Test
  void defaultWithAnd_isWrittenInParentheses_andApplies() throws Exception {
    JavaFileObject room = source("""
        @Table
        public record Room(@Id long id, @Default("true AND NOT false") boolean open) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));
    assertThat(result.compilation()).succeeded();
    assertThat(result.schemaSqlInDir()).contains("DEFAULT (true AND NOT false)");
    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      applied.execute("INSERT INTO rooms (id) VALUES (1)");
      assertThat(applied.queryValue("SELECT open FROM rooms")).isEqualTo(true);
    }
  }

  /** What the grammar here cannot decide: a warning, and the build goes on. */
  @Test
  void undecidedExpression_isAWarning() {
    JavaFileObject room = source("""
        @Table
        @Index(expression = "position('a' IN label)")
        public record Room(@Id long id, String label) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(room));

    assertThat(result.compilation()).succeeded();
    assertThat(result.compilation()).hadWarningContaining("[schemac:unchecked-sql]");
  }
}
