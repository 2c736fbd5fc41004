package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The baseline (issue 16, item 1) as an existing JPA project adopts schemac: the first build
 * writes today's findings, later builds fail only on new ones, a fixed finding is reported stale
 * until the file is rewritten, and the rewrite drops it.
 */
class BaselineOptionTest {
  private static final String PKG = "com.example.legacy";

  private static JavaFileObject src(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", "import jakarta.persistence.*;",
        String.join("\n", body));
  }

  private static final JavaFileObject CUSTOMER = src("Customer",
      "@Entity public class Customer { @Id Long id; String name; String password; }");
  private static final JavaFileObject ORDER = src("PurchaseOrder",
      "@Entity public class PurchaseOrder { @Id Long id; @ManyToOne Customer customer; }");
  private static final JavaFileObject ORDER_INDEXED = src("PurchaseOrder",
      "@Entity @Table(indexes = @Index(columnList = \"customer_id\"))",
      "public class PurchaseOrder { @Id Long id; @ManyToOne Customer customer; }");
  private static final JavaFileObject INVOICE = src("Invoice",
      "@Entity public class Invoice { @Id Long id; @ManyToOne Customer customer; }");

  private static Compilation compile(Path dir, Path baseline, List<JavaFileObject> sources, String... more) {
    List<String> options = new ArrayList<>(List.of("-Aschemac.baseline=" + baseline));
    options.addAll(List.of(more));
    return SchemacCompiler.compile(dir, sources, options.toArray(String[]::new)).compilation();
  }

  private static List<String> messages(Compilation c, Diagnostic.Kind kind) {
    return c.diagnostics().stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  private static List<String> entries(Path baseline) throws Exception {
    return Files.readAllLines(baseline).stream().filter(l -> !l.startsWith("#"))
        .map(l -> String.join(" ", List.of(l.split("\t")).subList(0, 3))).toList();
  }

  @Test
  void adoption_firstBuildWrites_laterBuildsFailOnNewFindingsOnly_fixedOnesAreStaleUntilRewritten() throws Exception {
    Path dir = Files.createTempDirectory("schemac-baseline-");
    Path baseline = dir.resolve("schemac-baseline.txt");

    // without a baseline, the first build of the existing code fails on its true findings
    Compilation plain = SchemacCompiler.compile(dir.resolve("plain"), List.of(CUSTOMER, ORDER)).compilation();
    assertThat(plain).failed();
    assertThat(messages(plain, Diagnostic.Kind.ERROR)).hasSize(2);
    int warnings = messages(plain, Diagnostic.Kind.WARNING).size(); // baselined too: they go quiet

    // 1. the first build with the option writes them and passes
    Compilation first = compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER));
    assertThat(first).succeeded();
    assertThat(messages(first, Diagnostic.Kind.NOTE)).contains("[schemac:baseline] wrote the baseline file " + baseline
        + " with " + (2 + warnings) + " finding(s), which fail nothing from now on: commit it. Later builds fail only on findings it does"
        + " not list.");
    assertThat(entries(baseline)).hasSize(2 + warnings);
    assertThat(entries(baseline)).containsAtLeast("plaintext-secret customer password",
        "unindexed-foreign-key purchaseorder customer_id").inOrder();
    String written = Files.readString(baseline);

    // 2. the same code: nothing reported, the file untouched
    Compilation again = compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER));
    assertThat(again).succeededWithoutWarnings();
    assertThat(Files.readString(baseline)).isEqualTo(written);

    // 3. a new finding fails the build, alone
    Compilation added = compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER, INVOICE));
    assertThat(added).hadErrorCount(1);
    assertThat(added).hadErrorContaining("[schemac:unindexed-foreign-key").inFile(INVOICE);

    // 4. a fixed finding: the build passes and says the entry is stale
    Compilation fixed = compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER_INDEXED));
    assertThat(fixed).succeeded();
    assertThat(messages(fixed, Diagnostic.Kind.WARNING)).hasSize(1);
    assertThat(messages(fixed, Diagnostic.Kind.WARNING).get(0)).startsWith("[schemac:stale-baseline-entry] the"
        + " baseline file " + baseline + " accepts 1 finding(s) this build no longer finds");
    assertThat(messages(fixed, Diagnostic.Kind.WARNING).get(0)).contains("unindexed-foreign-key on"
        + " purchaseorder.customer_id");
    assertThat(Files.readString(baseline)).isEqualTo(written);

    // 5. the next write drops it; then nothing is stale
    assertThat(compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER_INDEXED),
        "-Aschemac.updateBaseline=true")).succeeded();
    assertThat(entries(baseline)).contains("plaintext-secret customer password");
    assertThat(entries(baseline)).doesNotContain("unindexed-foreign-key purchaseorder customer_id");
    assertThat(entries(baseline)).hasSize(1 + warnings);
    assertThat(compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER_INDEXED)))
        .succeededWithoutWarnings();
  }

  @Test
  void verify_withoutTheFile_isAnError_andWritesNothing() throws Exception {
    Path dir = Files.createTempDirectory("schemac-baseline-");
    Path baseline = dir.resolve("schemac-baseline.txt");
    Compilation c = compile(dir.resolve("db"), baseline, List.of(CUSTOMER, ORDER), "-Aschemac.verify=true");
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("baseline",
            "the baseline file " + baseline + " (-Aschemac.baseline) does not exist"));
    assertThat(Files.exists(baseline)).isFalse();
  }

  @Test
  void aRelativePath_aBrokenFile_andABadUpdateValue_areErrors() throws Exception {
    Path dir = Files.createTempDirectory("schemac-baseline-");
    assertThat(SchemacCompiler.compile(dir, List.of(CUSTOMER), "-Aschemac.baseline=schemac-baseline.txt")
        .compilation()).hadErrorContainingMatch(Diagnostics.tagged("baseline",
                "-Aschemac.baseline=schemac-baseline.txt must be an absolute path"));
    Path broken = Files.writeString(dir.resolve("broken.txt"), "plaintext-secret customer password\n");
    assertThat(compile(dir.resolve("db"), broken, List.of(CUSTOMER)))
            .hadErrorContainingMatch(Diagnostics.tagged("baseline",
            "the baseline file " + broken
        + " is not one: line 1 is not"));
    assertThat(compile(dir.resolve("db"), broken, List.of(CUSTOMER), "-Aschemac.updateBaseline=yes"))
        .hadErrorContainingMatch(Diagnostics.tagged("baseline",
                "-Aschemac.updateBaseline=yes is neither true nor false"));
  }
}
