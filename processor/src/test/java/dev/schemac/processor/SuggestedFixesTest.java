package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fix a message suggests compiles and passes (issue 12, item 14): each test compiles a
 * record with mistakes, takes the annotation each error suggests, puts it where the error points,
 * compiles again — no error — and applies the schema to PostgreSQL.
 */
class SuggestedFixesTest {

  @TempDir Path dir;

  /**
   * Compiles {@code body} (a record {@code name} in package fx, with {@code /*NAME*\/} placeholders
   * before the components), applies each error's suggested {@code annotation} at the placeholder
   * of the component the error is on, and returns the fixed body.
   */
  private String applyFixes(String name, String body, String annotation, int expectedErrors) {
    Compilation compilation = SchemacCompiler.compile(dir, List.of(SchemacCompiler.typeIn("fx", name, body)))
        .compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(expectedErrors);
    String fixed = body;
    Pattern suggested = Pattern.compile(Pattern.quote(annotation) + "(\"[^\"]*\")\\)");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String message = error.getMessage(Locale.ROOT);
      Matcher m = suggested.matcher(message);
      assertWithMessage("a fix %s...) in %s", annotation, message).that(m.find()).isTrue();
      String fix = annotation + m.group(1) + ")";
      String line;
      try {
        line = error.getSource().getCharContent(true).toString().lines().toList().get((int) error.getLineNumber() - 1);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Matcher placeholder = PLACEHOLDER.matcher(line);
      assertWithMessage("a placeholder on the line of %s: %s", message, line).that(placeholder.find()).isTrue();
      fixed = fixed.replace(placeholder.group(), fix + " ");
      assertWithMessage("bytes of %s", fix).that(m.group(1).getBytes(StandardCharsets.UTF_8).length - 2).isAtMost(63);
    }
    return fixed;
  }

  /** {@code /*A*\/}, and the annotation right after it that the fix replaces, if any. */
  private static final Pattern PLACEHOLDER = Pattern.compile("/\\*\\w+\\*/ ?(@\\w+ )?");

  private void compilesAndApplies(String name, String body) throws Exception {
    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(SchemacCompiler.typeIn("fx", name, body)));
    assertThat(result.compilation()).succeeded();
    try (AppliedSchema applied = AppliedSchema.apply(result.schemaSqlInDir())) {
      assertThat(applied.catalog()).isNotNull();
    }
  }

  @Test
  void tooLongNonAsciiColumnName_suggestsAnAsciiNameThatFits_andTheFixCompiles() throws Exception {
    String e32 = "\u00e9".repeat(32); // 64 bytes in UTF-8, 32 characters
    String body = """
        @Table
        public record Thing(
            @Id long id,
            /*A*/ String %s) {}
        """.formatted(e32);

    String fixed = applyFixes("Thing", body, "@Column(name = ", 1);

    assertThat(fixed).contains("@Column(name = \"" + "e".repeat(32) + "\")");
    compilesAndApplies("Thing", fixed);
  }

  @Test
  void twoTooLongColumnsSharingAPrefix_getTwoDistinctNames_andBothFixesCompile() throws Exception {
    String body = """
        @Table
        public record Bill(
            @Id long id,
            /*A*/ long theAmountOfMoneyTheCustomerAgreedToPayForThisOrderInEuros,
            /*B*/ long theAmountOfMoneyTheCustomerAgreedToPayForThisOrderInDollars) {}
        """;

    String fixed = applyFixes("Bill", body, "@Column(name = ", 2);

    assertThat(fixed).contains("@Column(name = \"the_amount_of_money_the_customer_agreed_to_pay_for_this_order\")");
    assertThat(fixed).contains("@Column(name = \"the_amount_of_money_the_customer_agreed_to_pay_for_this_order_2\")");
    compilesAndApplies("Bill", fixed);
  }

  @Test
  void tooLongTableNameInAnotherScript_suggestsAPlainAsciiName_andTheFixCompiles() throws Exception {
    String name = "\u6ce8\u6587".repeat(11); // 22 characters, 66 bytes
    String body = """
        /*T*/ @Table public record %s(@Id long id) {}
        """.formatted(name);

    String fixed = applyFixes(name, body, "@Table(name = ", 1);

    assertThat(fixed).contains("@Table(name = \"renamed\") public record");

    compilesAndApplies(name, fixed);
  }

  /**
   * Names on indexes, constraints and enum types share PostgreSQL's namespaces (indexes with
   * tables, constraints per table): two long ones that share their first 63 bytes get two
   * distinct suggestions, none taking a name the schema has; a type name derived from a non-ASCII
   * Java name gets an ASCII one that fits. Each fix is applied where the message points (the
   * quoted name it names is replaced by the suggestion) until the record compiles.
   */
  @Test
  void tooLongIndexConstraintAndTypeNames_getDistinctNamesThatFit_andEveryFixCompiles() throws Exception {
    String prefix = "idx_stock_levels_by_warehouse_and_product_for_the_nightly_report";
    String kind = "\u00c9tatDuStock".repeat(6); // 66 characters, 72 bytes
    String body = """
        @Table
        public record Stock(
            @Id long id,
            @Indexed(name = "%1$s_a") long warehouseId,
            @Indexed(name = "%1$s_b") long productId,
            @Check(value = "quantity >= 0", name = "%1$s_check_one") @Check(value = "quantity < 1000000",
                name = "%1$s_check_two") long quantity,
            /*K*/ @NativeEnum %2$s kind) {
          public enum %2$s { RAW, FINISHED }
        }
        """.formatted(prefix, kind);
    Pattern suggested = Pattern.compile("such as [^\"]*\"([^\"]*)\"");
    Pattern literal = Pattern.compile("\"([^\"]+)\"");
    String fixed = body;
    int fixes = 0;
    for (int round = 0; round < 3; round++) {
      Compilation compilation = SchemacCompiler.compile(dir, List.of(SchemacCompiler.typeIn("fx", "Stock", fixed)))
          .compilation();
      if (compilation.status() == Compilation.Status.SUCCESS) {
        break;
      }
      for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
        String message = error.getMessage(Locale.ROOT);
        Matcher fix = suggested.matcher(message);
        assertWithMessage("a fix in %s", message).that(fix.find()).isTrue();
        assertWithMessage("bytes of %s", fix.group(1)).that(fix.group(1).getBytes(StandardCharsets.UTF_8).length)
            .isAtMost(63);
        if (message.contains("@NativeEnum(name = ")) { // a derived name: the fix is a new attribute
          fixed = fixed.replace("/*K*/ @NativeEnum", "@NativeEnum(name = \"" + fix.group(1) + "\")");
        } else {
          String named = literal.matcher(fixed).results().map(r -> r.group(1)).filter(message::contains)
              .max(java.util.Comparator.comparingInt(String::length)).orElseThrow(
                  () -> new AssertionError("no name of the source in " + message));
          fixed = fixed.replace("\"" + named + "\"", "\"" + fix.group(1) + "\"");
        }
        fixes++;
      }
    }
    assertThat(fixes).isEqualTo(5);
    compilesAndApplies("Stock", fixed);
  }
}
