package dev.schemac.processor.targets.sqlite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The type rules on a build for SQLite: they judge the Java type, so they do not fire on what
 * SQLite itself requires (an Instant stored as an integer, a LocalDate as text, a UUID as a blob,
 * a BigDecimal as text), and their fixes name SQLite's storage, not PostgreSQL's types.
 */
class SqliteRulesTest {
  @TempDir Path dir;

  private SchemacCompiler.Result compile(String body) {
    JavaFileObject source = SchemacCompiler.typeIn(SqliteMigrations.PACKAGE, "Thing", body);
    return SchemacCompiler.compile(dir, List.of(source), SqliteMigrations.SQLITE);
  }

  private static List<String> messages(SchemacCompiler.Result r) {
    return r.compilation().diagnostics().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  @Test
  void whatSqliteStoresAsNumbersTextAndBlobs_firesNoTypeRule() {
    SchemacCompiler.Result r = compile("@Table public record Thing(@Id UUID id, Instant createdAt, LocalDate dueOn,"
        + " @Column(precision = 12, scale = 2) BigDecimal price) {}");
    assertWithMessage("%s", messages(r)).that(r.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    // no rule finding (a finding ends with its id); the catalog's notes (unversioned) start with theirs
    assertThat(messages(r).stream().filter(m -> !m.startsWith("[schemac:")).toList().toString())
        .doesNotContain("schemac:");
    String sql = r.fileInDir("sqlite/schema.sql").orElseThrow();
    assertThat(sql).contains("id         blob");
    assertThat(sql).contains("created_at integer");
  }

  @Test
  void aNumberNamedLikeAPointInTime_isReported_withSqlitesStorageInTheFix() {
    SchemacCompiler.Result r = compile("@Table public record Thing(@Id long id,\nlong createdAt) {}");
    assertThat(r.compilation().status()).isEqualTo(Compilation.Status.FAILURE);
    String message = r.compilation().errors().get(0).getMessage(Locale.ROOT);
    assertThat(message).contains("[schemac:timestamp-as-number");
    assertThat(message).contains("`Instant createdAt` (integer (epoch milliseconds, UTC))");
    assertThat(message).doesNotContain("timestamptz");
    assertThat(message).doesNotContain("PostgreSQL");
  }

  @Test
  void textNamedLikeADateOrAUuid_andMoneyAsFloat_areReported_inSqlitesWords() {
    SchemacCompiler.Result r = compile("@Table public record Thing(@Id long id,\n@Column(length = 10) String dueDate,"
        + "\n@Column(length = 36) String orderUuid,\ndouble price) {}");
    assertThat(r.compilation().status()).isEqualTo(Compilation.Status.FAILURE);
    String all = messages(r).toString();
    assertThat(all).contains("[schemac:date-as-text");
    assertThat(all).contains("`LocalDate dueDate` (text (YYYY-MM-DD))");
    assertThat(all).contains("[schemac:uuid-as-text");
    assertThat(all).contains("(stored as blob: 16 bytes");
    assertThat(all).contains("[schemac:money-as-float");
    assertThat(all).contains("BigDecimal price` (text (exact decimal))");
    assertThat(all).doesNotContain("timestamptz");
    assertThat(all).doesNotContain("numeric");
  }
}
