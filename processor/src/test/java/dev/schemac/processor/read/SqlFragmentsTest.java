package dev.schemac.processor.read;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SQL users write in annotations: one expression, never statements (the columns it names: rules/ExpressionColumnsTest). */
class SqlFragmentsTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "char_length(bio) <= 500",
    "status IN ('A', 'B')",
    "note <> 'a; b -- c /* d */'",
    "name = 'it''s; fine'",
    "\"weird;name\" > 0",
    "created_at > now() - interval '1 day'",
    "coalesce(a, b) = (c + d) * 2",
    "tags[1] = 'x'",
    "price::numeric(12,2) >= 0",
    "total - 1 > 0",
    "now()",
    "'$$'",
  })
  void problem_oneWellFormedExpression_isNull(String sql) {
    assertThat(SqlFragments.problem(sql)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1 = 1; DROP TABLE users",
    "true);DROP TABLE users;--",
    "x > 0 -- and the rest is ignored",
    "x > 0 /* comment */",
    "x = $$text$$",
    "x = $tag$text$tag$",
    "(x > 0",
    "x > 0)",
    "x = 'unterminated",
    "\"unterminated > 0",
    "x = 1\\",
    "",
    "   ",
  })
  void problem_statementsCommentsOrUnbalancedText_isReported(String sql) {
    assertThat(SqlFragments.problem(sql)).isNotNull();
  }

  /**
   * PostgreSQL ends {@code E'\''} after the escaped quote, so what follows is SQL, not text: a
   * scanner that reads it as a standard literal with a doubled quote lets a statement through.
   */
  @Test
  void problem_escapeStringHidingAStatement_isReported() {
    assertThat(SqlFragments.problem("E'\\''); DROP TABLE users; --'")).isNotNull();
  }

  /** {@code $_$...$_$} is dollar quoting too (a tag may start with '_'): it can hide a quote. */
  @Test
  void problem_dollarQuoteWithUnderscoreTagHidingAStatement_isReported() {
    assertThat(SqlFragments.problem("$_$'$_$); DROP TABLE users; --'")).isNotNull();
  }

  @Test
  void problem_semicolon_saysWhatIsWrong() {
    assertThat(SqlFragments.problem("a = 1; drop table t")).contains("';'");
    assertThat(SqlFragments.problem("a = 1 -- x")).contains("--");
    assertThat(SqlFragments.problem("a = 1 /* x */")).contains("/*");
    assertThat(SqlFragments.problem("a = $$x$$")).contains("$");
  }
}
