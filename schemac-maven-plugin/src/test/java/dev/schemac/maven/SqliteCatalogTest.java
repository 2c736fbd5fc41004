package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite keeps CHECKs only in a table's text: what is read from it, and how texts are compared. */
class SqliteCatalogTest {
  @Test
  void checks_namedAndUnnamed_quotesAndCommentsSkipped() {
    List<String[]> checks = SqliteCatalog.checks("CREATE TABLE \"t\" (\n  a text CHECK (a <> 'CHECK (x)'), -- CHECK (no)\n"
        + "  b int, CONSTRAINT \"b positive\" CHECK ((b > 0)), [check] int /* CHECK (c) */\n) STRICT");
    assertThat(checks.stream().map(c -> c[0] + " | " + c[1]).toList())
        .containsExactly("null | a <> 'CHECK (x)'", "b positive | (b > 0)").inOrder();
  }

  @Test
  void normalized_spacingAndNeedlessQuotes_readTheSame() {
    assertThat(SqliteCatalog.normalized("CREATE UNIQUE INDEX k ON \"customers\" (email)"))
        .isEqualTo(SqliteCatalog.normalized("CREATE UNIQUE INDEX k\n    ON customers(email)"));
    assertThat(SqliteCatalog.normalized("WHERE \"a b\" = 'x  y' AND t . c >= 1"))
        .isEqualTo("WHERE \"a b\" = 'x  y' AND t.c >= 1");
  }
}
