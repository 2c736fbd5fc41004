package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.targets.postgresql.PostgresExpressions.Parse;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Verdict;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expression grammar against PostgreSQL's own parser: a text it calls INVALID is a syntax
 * error on the server (SQLSTATE 42601) — never a valid expression refused — and a text it calls
 * VALID parses there. Hand-picked cases first (the ones issue 12 names), then seeded random token
 * sequences and mutations of valid expressions, each compared with the server.
 */
class PostgresExpressionsTest {
  private static TestDatabase db;

  @BeforeAll
  static void start() throws SQLException {
    db = EmbeddedPostgresServer.freshDatabase();
    db.connection().setAutoCommit(false);
  }

  @AfterAll
  static void stop() throws SQLException {
    db.connection().rollback();
    db.connection().setAutoCommit(true);
    db.close();
  }

  /** The SQLSTATE PostgreSQL gives a table with CHECK ({@code expression}), or null when it creates it. */
  static String server(String expression) {
    Connection c = db.connection();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE oracle (capacity int, label text, note text, price numeric, tags text[],"
          + " doc jsonb, created timestamptz, status text, CHECK (" + expression + "))");
      return null;
    } catch (SQLException e) {
      return e.getSQLState();
    } finally {
      try {
        c.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Issue 12's cases: syntax errors on the server, and here. */
  @ParameterizedTest
  @ValueSource(strings = {
      "capacity > 0 AND",
      "capacity > 0 && capacity < 100000",
      "1 < capacity < 5",
      "capacity > 0 OR",
      "NOT",
      "capacity IN ()",
      "capacity = = 1",
      "label 'a' 'b'",
      "(capacity > 0",
      "capacity > 0)",
      "capacity >",
      "capacity BETWEEN 1",
      "label LIKE 'a' LIKE 'b'",
      "CASE WHEN capacity > 0 THEN 1",
      "capacity::",
      "lower(label",
      "123abc > 0",
      "label = \"\"",
      "capacity > 0 capacity",
  })
  void syntaxErrors_areInvalid_asOnTheServer(String expression) {
    Parse parse = PostgresExpressions.parse(expression);

    assertWithMessage("%s: %s", expression, parse).that(parse.verdict()).isEqualTo(Verdict.INVALID);
    assertWithMessage("server on %s", expression).that(server(expression)).isEqualTo("42601");
  }

  /** Valid PostgreSQL, including what JSqlParser 5.3 refuses or misreads: never INVALID. */
  @ParameterizedTest
  @ValueSource(strings = {
      "label <> U&'\\0041'",
      "lower(label) COLLATE \"C\" > 'a'",
      "capacity BETWEEN SYMMETRIC 1 AND 10",
      "capacity OPERATOR(pg_catalog.=) 1",
      "capacity IS NULL IS NULL",
      "- - capacity > 0",
      "capacity > -+-1",
      "label ~ '^\\d+$'",
      "capacity = ANY('{1,2}')",
      "true AND NOT NOT true",
      "label IS NOT DISTINCT FROM 'a'",
      "label NOT LIKE 'a%' ESCAPE '#'",
      "capacity * 2 # 3 > 0",
      "(capacity, capacity) > (1, 2)",
      "capacity::int::text <> ''",
      "interval '1 day' > interval '1 hour'",
      "CAST(capacity AS double precision) > 0",
      "label SIMILAR TO 'a' ESCAPE 'b'",
      "char_length(label) <= 500",
      "status IN ('a', 'b')",
      "tags <@ ARRAY['a', 'b']::text[]",
      "tags[1] IS NOT NULL",
      "doc ->> 'k' IS NOT NULL",
      "doc @> '{\"a\": 1}'::jsonb",
      "created AT TIME ZONE 'UTC' > timestamp '2020-01-01'",
      "coalesce(price, 0) >= 0",
      "CASE WHEN capacity > 0 THEN true ELSE false END",
      "extract(year FROM created) > 2000",
      "label ~* 'x' OR label !~ 'y'",
      "price::numeric(10, 2) > 0",
      "length(label) BETWEEN 1 AND 10 AND capacity > 0",
      "label LIKE ANY (ARRAY['a%', 'b%'])",
      "capacity % 2 = 0",
      "2 ^ capacity < 1000",
      "created > current_timestamp - interval '1 year'",
      "label IS NOT NULL AND label <> ''",
      "upper(label) = label",
      "pg_catalog.lower(label) = label",
      "capacity > 0 AND (price IS NULL OR price > 0)",
      "label = 'it''s'",
      "label = E'a\\'b'",
      "label = 'a'\n'b'",
      "capacity != 1",
      "capacity !=- 1",
      "0x1F > capacity",
      "1_000 < capacity",
      "capacity ISNULL OR capacity NOTNULL",
      "ROW(capacity, label) IS NOT NULL",
      "label COLLATE \"C\" < 'b'",
      "created AT LOCAL > now()",
      "double precision '1.5' > price",
      "timestamp with time zone '2020-01-01' < created",
      "left(label, 2) = 'ab'",
  })
  void validPostgres_isNeverInvalid(String expression) {
    Parse parse = PostgresExpressions.parse(expression);

    assertWithMessage("server on %s", expression).that(server(expression)).isNotEqualTo("42601");
    assertWithMessage("%s: %s", expression, parse).that(parse.verdict()).isNotEqualTo(Verdict.INVALID);
  }

  /** A query has no place in a column's expression, whatever else the text holds: the verdict says so. */
  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "capacity = (SELECT 1)", "EXISTS (SELECT 1)", "capacity IN (SELECT 1) AND"})
  void subqueries_areFound_evenWhereTheRestCannotBeRead(String expression) {
    assertThat(PostgresExpressions.parse(expression).hasSubquery()).isTrue();
  }

  @Test
  void unicodeEscapeString_isOneLiteral_notAColumnU() {
    Parse parse = PostgresExpressions.parse("label <> U&'\\0041'");

    assertThat(parse.verdict()).isEqualTo(Verdict.VALID);
    assertThat(parse.root().all().stream().filter(n -> n.type() == PostgresExpressions.Type.COLUMN)
        .map(PostgresExpressions.Node::text).toList()).containsExactly("label");
  }

  // ------------------------------------------------------------------ differential, seeded

  private static final String[] WORDS = {
      "capacity", "label", "price", "tags", "created", "status", "1", "0", "2.5", "'a'", "'{}'", "NULL", "TRUE",
      "FALSE", "AND", "OR", "NOT", "IS", "ISNULL", "NOTNULL", "DISTINCT", "FROM", "BETWEEN", "SYMMETRIC", "IN",
      "LIKE", "ILIKE", "SIMILAR", "TO", "ESCAPE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "COLLATE",
      "\"C\"", "AT", "TIME", "ZONE", "ANY", "ALL", "ARRAY", "ROW", "EXISTS", "SELECT", "OPERATOR", "int", "text",
      "numeric", "interval", "timestamp", "double", "precision", "lower", "coalesce", "(", ")", "[", "]", ",", ".",
      "::", "+", "-", "*", "/", "%", "^", "=", "<", ">", "<=", ">=", "<>", "!=", "&&", "||", "~", "@>", "<@", "#",
      "!", "@", "->>", "U&'\\0041'", "E'x'", "x'1F'", "left", "right", "current_date", "user", "localtime",
  };

  private static final String[] SEEDS = {
      "capacity > 0", "label <> ''", "capacity BETWEEN 1 AND 10", "lower(label) = label", "price IS NULL",
      "status IN ('a', 'b')", "NOT (capacity < 0)", "tags[1] = 'x'", "CASE WHEN capacity > 0 THEN 1 ELSE 0 END = 1",
      "CAST(price AS int) > 0", "label LIKE 'a%' ESCAPE '#'", "capacity = ANY (ARRAY[1, 2])",
      "created > now() - interval '1 day'", "coalesce(price, 0) >= 0 AND capacity < 10", "label COLLATE \"C\" < 'b'",
      "capacity::text <> ''", "(capacity, 1) < (2, 3)", "- capacity < 0", "label IS DISTINCT FROM 'x'",
  };

  /** {@code n} texts from {@code seed}: random token sequences and one- or two-token mutations of valid expressions. */
  static List<String> generated(long seed, int n) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      List<String> tokens = new ArrayList<>();
      if (random.nextBoolean()) {
        int length = 1 + random.nextInt(7);
        for (int i = 0; i < length; i++) {
          tokens.add(WORDS[random.nextInt(WORDS.length)]);
        }
      } else {
        tokens.addAll(List.of(SEEDS[random.nextInt(SEEDS.length)].split(" ")));
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
          int at = random.nextInt(tokens.size() + 1);
          switch (random.nextInt(3)) {
            case 0 -> tokens.add(at, WORDS[random.nextInt(WORDS.length)]);
            case 1 -> {
              if (at < tokens.size() && tokens.size() > 1) {
                tokens.remove(at);
              }
            }
            default -> {
              if (at < tokens.size()) {
                tokens.set(at, WORDS[random.nextInt(WORDS.length)]);
              }
            }
          }
        }
      }
      out.add(String.join(" ", tokens));
    }
    return out;
  }

  /**
   * For every generated text: INVALID here means a syntax error there, and VALID here means
   * none there. The CI sample is fixed; {@code -Dschemac.expressions.cases=N
   * -Dschemac.expressions.seed=S} runs more.
   */
  @Test
  void generatedExpressions_agreeWithTheServersParser() {
    long seed = Long.getLong("schemac.expressions.seed", 20261204L);
    int cases = Integer.getInteger("schemac.expressions.cases", 3000);
    List<String> refusedValid = new ArrayList<>();
    List<String> acceptedInvalid = new ArrayList<>();
    int[] counts = new int[Verdict.values().length];
    for (String expression : generated(seed, cases)) {
      Parse parse = PostgresExpressions.parse(expression);
      assertWithMessage("%s: %s", expression, parse.reason()).that(String.valueOf(parse.reason()))
          .doesNotContain("internal:");
      counts[parse.verdict().ordinal()]++;
      String state = server(expression);
      boolean syntaxError = "42601".equals(state);
      if (parse.verdict() == Verdict.INVALID && !syntaxError) {
        refusedValid.add(expression + "   [server: " + state + "; here: " + parse.reason() + "]");
      }
      if (parse.verdict() == Verdict.VALID && syntaxError) {
        acceptedInvalid.add(expression);
      }
    }
    assertWithMessage("refused although the server parses them (seed %s)", seed).that(refusedValid).isEmpty();
    assertWithMessage("called valid although the server refuses their syntax (seed %s)", seed)
        .that(acceptedInvalid).isEmpty();
    assertWithMessage("verdicts VALID/INVALID/UNDECIDED").that(counts[Verdict.UNDECIDED.ordinal()])
        .isLessThan(cases / 4);
  }
}
