package dev.schemac.processor.targets.mongodb;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rules run where, with MongoDB among the targets or not (each MongoDB rule's own
 * behaviours, fixtures and documentation are checked by RuleCatalogTest like every rule's): the
 * target's rules never run without it, and the rules about what an enforced foreign key costs
 * never run for MongoDB alone, where {@code unindexed-reference} says it instead.
 */
class MongoRulesTest {
  @TempDir Path dir;

  private static final JavaFileObject OWNER = SchemacCompiler.typeIn("com.example", "Owner",
      "@Table public record Owner(@Id UUID id, String name) {}");
  private static final JavaFileObject PET = SchemacCompiler.typeIn("com.example", "Pet", """
      @Table
      public record Pet(
          @Id UUID id,
          @References(Owner.class) UUID ownerId,
          List<String> tags) {}
      """);

  private Set<String> rulesReported(String targets) {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir.resolve(targets.replace(',', '-')),
        List.of(OWNER, PET), "-Aschemac.targets=" + targets);
    Set<String> ids = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : result.compilation().diagnostics()) {
      String m = d.getMessage(Locale.ROOT);
      int at = m.lastIndexOf("[schemac:");
      int end = at < 0 ? -1 : m.indexOf(';', at);
      if (end > at) { // a rule's finding ends with [schemac:<rule>; ...]; the catalog's messages start with [schemac:<id>]
        ids.add(m.substring(at + "[schemac:".length(), end));
      }
    }
    return ids;
  }

  @Test
  void mongoDbAlone_getsItsOwnRules_andNotTheForeignKeyOnes() {
    assertThat(rulesReported("mongodb")).containsExactly("unindexed-reference", "unbounded-array");
  }

  @Test
  void postgresqlAlone_getsNoneOfMongoDbsRules() {
    assertThat(rulesReported("postgresql")).containsExactly("unindexed-foreign-key");
  }

  @Test
  void both_getBoth() {
    assertThat(rulesReported("postgresql,mongodb"))
        .containsExactly("unindexed-foreign-key", "unindexed-reference", "unbounded-array");
  }

  private static final JavaFileObject ADDRESS = SchemacCompiler.typeIn("com.example", "Address",
      "public record Address(@Nullable String street, @Nullable String zip) {}");

  /**
   * The validator that accepts anything, one level down: an embedded document whose every field is
   * optional is {@code all-columns-nullable}'s finding on the component that holds it, suppressed
   * there like any finding.
   */
  @Test
  void anEmbeddedDocumentWithEveryFieldOptional_isReportedOnItsComponent_andSuppressedThere() {
    JavaFileObject customer = SchemacCompiler.typeIn("com.example", "Customer", """
        @Table
        public record Customer(
            @Id UUID id,
            String name,
            Address address) {}
        """);
    Compilation c = SchemacCompiler.compile(dir.resolve("reported"), List.of(customer, ADDRESS),
        "-Aschemac.targets=mongodb").compilation();
    com.google.testing.compile.CompilationSubject.assertThat(c).succeeded();
    com.google.testing.compile.CompilationSubject.assertThat(c)
        .hadWarningContainingMatch(Diagnostics.tagged("all-columns-nullable", "embedded document address of table"
            + " customers is optional (street, zip)"))
        .inFile(customer).onLineContaining("Address address");

    JavaFileObject suppressed = SchemacCompiler.typeIn("com.example", "Customer", """
        @Table
        public record Customer(
            @Id UUID id,
            String name,
            @SuppressWarnings("schemac:all-columns-nullable") Address address) {}
        """);
    Compilation quiet = SchemacCompiler.compile(dir.resolve("suppressed"), List.of(suppressed, ADDRESS),
        "-Aschemac.targets=mongodb").compilation();
    com.google.testing.compile.CompilationSubject.assertThat(quiet).succeededWithoutWarnings();
  }
}
