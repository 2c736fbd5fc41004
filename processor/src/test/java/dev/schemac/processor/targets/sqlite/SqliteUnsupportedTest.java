package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.ErrorId;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SQLite cannot express fails the compile: one error, on the line of the element it is
 * about, with its id, naming the target and a fix, and no file written.
 */
class SqliteUnsupportedTest {
  @TempDir Path dir;

  /** Compiles {@code body} as record {@code Thing} for {@code targets}; the one error, checked. */
  private Diagnostic<? extends JavaFileObject> error(String targets, String body, ErrorId id, String onLineWith) {
    JavaFileObject source = SchemacCompiler.typeIn(SqliteMigrations.PACKAGE, "Thing", body);
    SchemacCompiler.Result r = SchemacCompiler.compile(dir, List.of(source), "-Aschemac.targets=" + targets);
    assertThat(r.compilation().status()).isEqualTo(Compilation.Status.FAILURE);
    List<Diagnostic<? extends JavaFileObject>> errors = r.compilation().errors();
    assertWithMessage("errors: %s", errors).that(errors).hasSize(1);
    Diagnostic<? extends JavaFileObject> e = errors.get(0);
    String message = e.getMessage(Locale.ROOT);
    assertThat(message).contains("[schemac:" + id.id() + "]");
    assertThat(message).contains("(target sqlite)");
    assertThat(message).contains("Fix: ");
    String line = lineOf(e);
    assertWithMessage("the error's line").that(line).contains(onLineWith);
    assertWithMessage("nothing written").that(written()).isEmpty();
    return e;
  }

  private static String lineOf(Diagnostic<? extends JavaFileObject> d) {
    try {
      return d.getSource().getCharContent(true).toString().lines().toList().get((int) d.getLineNumber() - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> written() {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aTableNamedLikeSqlitesOwn() {
    error("sqlite", "@Table(name = \"sqlite_stats\")\npublic record Thing(@Id long id) {}", SqliteUnsupported.NAME_ID,
        "public record Thing"); // on the record, whose @Table names it
  }

  @Test
  void identityAlways() {
    error("sqlite", "@Table public record Thing(\n@Id(generated = Id.Generated.IDENTITY_ALWAYS) long id,\n"
        + "String name) {}", SqliteUnsupported.FEATURE_ID, "IDENTITY_ALWAYS");
  }

  @Test
  void aTypeThatStrictRefuses() {
    error("sqlite", "@Table public record Thing(@Id long id,\n@Column(type = \"varchar(20)\") String name) {}",
        SqliteUnsupported.FEATURE_ID, "varchar(20)");
  }

  @Test
  void aTypeWrittenForPostgresql() {
    error("postgresql,sqlite", "@Table public record Thing(@Id long id,\n@Column(type = \"citext\") String name) {}",
        SqliteUnsupported.FEATURE_ID, "citext");
  }

  @Test
  void aGinIndex() {
    error("postgresql,sqlite", "@Table\n@Index(columns = \"tags\", method = IndexMethod.GIN)\n"
        + "public record Thing(@Id long id, List<String> tags) {}", SqliteUnsupported.FEATURE_ID, "GIN");
  }

  @Test
  void aUniqueIndexWithInclude() {
    error("sqlite", "@Table\n@Index(columns = \"code\", unique = true, include = \"name\")\n"
        + "public record Thing(@Id long id, @Column(length = 10) String code, String name) {}",
        SqliteUnsupported.FEATURE_ID, "include");
  }

  @Test
  void aCheckWithAPostgresCast() {
    error("postgresql,sqlite", "@Table public record Thing(@Id long id,\n@Check(\"length(name::text) > 1\")"
        + " String name) {}", SqliteUnsupported.SQL_ID, "name::text");
  }

  /** A comparison that ends the expression, read with PostgreSQL's grammar, is translated (it once threw). */
  @Test
  void aComparisonCheckWrittenForPostgres_isWrittenForSqlite() {
    JavaFileObject source = SchemacCompiler.typeIn(SqliteMigrations.PACKAGE, "Thing",
        "@Table public record Thing(@Id long id,\n@Check(\"quantity > 0\") int quantity) {}");
    SchemacCompiler.Result r = SchemacCompiler.compile(dir, List.of(source), "-Aschemac.targets=postgresql,sqlite");
    assertWithMessage("%s", r.compilation().diagnostics()).that(r.compilation().status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(r.fileInDir("sqlite/schema.sql").orElseThrow()).contains("CHECK (quantity > 0)");
  }

  @Test
  void aCheckWithASubquery() {
    error("sqlite", "@Table\n@Check(\"id > (SELECT 1)\")\npublic record Thing(@Id long id) {}",
        SqliteUnsupported.SQL_ID, "SELECT 1");
  }

  @Test
  void sqliteSqlSchemacDoesNotRead_isAWarning_andTheFilesAreWritten() {
    JavaFileObject source = SchemacCompiler.typeIn(SqliteMigrations.PACKAGE, "Thing",
        "@Table public record Thing(@Id long id,\n@Check(\"name REGEXP '^[a-z]+$'\") String name) {}");
    SchemacCompiler.Result r = SchemacCompiler.compile(dir, List.of(source), "-Aschemac.targets=sqlite");
    assertThat(r.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(r.compilation().warnings().stream().map(w -> w.getMessage(Locale.ROOT)).toList().toString())
        .contains("[schemac:" + SqliteUnsupported.UNCHECKED_ID.id() + "]");
    assertThat(r.fileInDir("sqlite/schema.sql").orElseThrow()).contains("CHECK (name REGEXP '^[a-z]+$')");
  }
}
