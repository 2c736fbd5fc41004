package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mistake, one error (issue 12, item 13): what follows from an error — a reference to a record
 * whose table could not be read, a key that lost a column, an index on a column that could not be
 * read — is not reported elsewhere as a mistake of its own, with a statement that is false.
 */
class FollowOnErrorsTest {

  @TempDir Path dir;

  private static JavaFileObject source(String simpleName, String body) {
    return SchemacCompiler.typeIn("fz", simpleName, body);
  }

  /**
   * Compiles {@code sources}: the only error has {@code id} and contains {@code message}, on the line of {@code file}
   * containing {@code line}.
   */
  private Compilation onlyError(String id,
      String message, JavaFileObject file, String line, JavaFileObject... sources) {
    Compilation compilation = SchemacCompiler.compile(dir, List.of(sources)).compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged(id, message))
        .inFile(file).onLineContaining(line);
    return compilation;
  }

  /**
   * Found while writing MongoBackfillTest: a {@code @Drop} without its import made javac report
   * "cannot find symbol" and schemac an internal error (it read the unresolved annotation's
   * elements). javac's error is the only one now; schemac notes why it writes nothing.
   */
  @Test
  void unresolvedDropInTheSchema_isJavacsErrorAlone_notAnInternalError() {
    JavaFileObject info = SchemacCompiler.source("fz.package-info",
        "@dev.schemac.annotations.Schema(version = 2, drops = @Drop(table = \"items\", column = \"n\"))",
        "package fz;");
    JavaFileObject item = source("Item", "@Table public record Item(@Id long id) {}");
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(info, item));
    Compilation compilation = result.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadNoteContainingMatch(Diagnostics.tagged("unresolved-type", "@Schema(drops)"));
    assertThat(result.fileInDir("schema.sql")).isEmpty();
  }

  @Test
  void invalidTableName_isTheOnlyError_notAlsoOnTheRecordsThatReferenceIt() {
    JavaFileObject wallet = source("Wallet", """
        @Table(name = "Wallet Table")
        public record Wallet(@Id UUID id) {}
        """);
    JavaFileObject payment = source("Payment", """
        @Table
        public record Payment(@Id UUID id, @References(Wallet.class) @Indexed UUID walletId) {}
        """);

    onlyError("invalid-name", "invalid table name", wallet, "@Table", wallet, payment);
  }

  @Test
  void nullablePartOfACompositeKey_isTheOnlyError_notAKeySizeMismatchElsewhere() {
    JavaFileObject seat = source("Seat", """
        @Table
        public record Seat(@Id String row, @Id @Nullable Integer number) {}
        """);
    JavaFileObject ticket = source("Ticket", """
        @Table
        @References(value = Seat.class, columns = {"seat_row", "seat_number"})
        @Index(columns = {"seat_row", "seat_number"})
        public record Ticket(@Id UUID id, String seatRow, int seatNumber) {}
        """);

    onlyError("conflicting-annotations", "is marked Nullable", seat, "Integer number", seat, ticket);
  }

  @Test
  void columnThatCouldNotBeRead_isNotReportedAgainAsUnknownByItsIndexOrUnique() {
    JavaFileObject account = source("Account", """
        @Table
        @Index(columns = "handle")
        @Unique(columns = "handle")
        public record Account(@Id UUID id, @Column(name = "Handle!") String handle) {}
        """);

    onlyError("invalid-name", "invalid column name", account, "String handle", account);
  }

  @Test
  void entityWhoseTableCouldNotBeRead_isNotReportedAgainByItsRelationships() {
    JavaFileObject owner = SchemacCompiler.source("fz.Owner", """
        package fz;
        import jakarta.persistence.*;
        @Entity
        @jakarta.persistence.Table(name = "owner table")
        public class Owner {
          @Id Long id;
        }
        """);
    JavaFileObject pet = SchemacCompiler.source("fz.Pet", """
        package fz;
        import jakarta.persistence.*;
        @Entity
        @jakarta.persistence.Table(indexes = @Index(columnList = "owner_id"))
        public class Pet {
          @Id Long id;
          @ManyToOne Owner owner;
        }
        """);

    onlyError("invalid-name", "owner table", owner, "@jakarta.persistence.Table", owner, pet);
  }
}
