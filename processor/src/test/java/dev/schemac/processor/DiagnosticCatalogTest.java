package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.targets.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One catalog for every diagnostic: the rules' ids (docs/rules.md) and the catalog's
 * ({@link ErrorId}, docs/errors.md) form one namespace, each id documented once, and no message of
 * the processor goes out without an id.
 */
class DiagnosticCatalogTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private static Set<String> headings(Path file, String level) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(level + " ")) {
        ids.add(line.substring(level.length() + 1).strip());
      }
    }
    return ids;
  }

  private static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    RuleCatalog.schemaRules().stream().map(Rule::id).forEach(ids::add);
    RuleCatalog.migrationRules().stream().map(MigrationRule::id).forEach(ids::add);
    return ids;
  }

  @Test
  void everyId_isKebabCase_andUsedOnce_acrossRulesAndTheCatalog() {
    List<String> all = new ArrayList<>(ruleIds());
    Arrays.stream(ErrorId.values()).map(ErrorId::id).forEach(all::add);
    Set<String> seen = new HashSet<>();
    for (String id : all) {
      assertWithMessage("id %s", id).that(KEBAB.matcher(id).matches()).isTrue();
      assertWithMessage("id %s is used twice", id).that(seen.add(id)).isTrue();
    }
    assertThat(ErrorId.values().length).isAtLeast(40);
  }

  @Test
  void everyCatalogId_hasItsSectionInErrorsMd_andNothingElseDoes() throws IOException {
    Set<String> documented = headings(DOCS.resolve("errors.md"), "###");
    Set<String> catalog = new TreeSet<>(Arrays.stream(ErrorId.values()).map(ErrorId::id).toList());
    assertThat(documented).containsExactlyElementsIn(catalog);
  }

  @Test
  void everyRuleId_hasItsSectionInRulesMd_notInErrorsMd() throws IOException {
    Set<String> rules = headings(DOCS.resolve("rules.md"), "##");
    Set<String> errors = headings(DOCS.resolve("errors.md"), "###");
    for (String id : ruleIds()) {
      assertWithMessage("rule %s in docs/rules.md", id).that(rules).contains(id);
      assertWithMessage("rule %s in docs/errors.md", id).that(errors).doesNotContain(id);
    }
  }

  @Test
  void aProblemOfTheCatalog_startsWithItsId_andIsReadBack() {
    Problem p = Problem.error(ErrorId.UNKNOWN_COLUMN, "@Index names column 'x'", Origin.NONE);
    assertThat(p.message()).isEqualTo("[schemac:unknown-column] @Index names column 'x'");
    assertThat(p.errorId()).hasValue(ErrorId.UNKNOWN_COLUMN);
    assertThat(Problem.warning("no id", Origin.NONE).errorId()).isEmpty();
    for (ErrorId id : ErrorId.values()) {
      assertThat(ErrorId.of(id.message("x"))).hasValue(id);
    }
  }

  /** What tests assert with: a message of one id that says one thing; a typo in the id fails loudly. */
  @Test
  void testsMatchAnIdAndAFragmentOfTheSameMessage() {
    Pattern p = Pattern.compile(dev.schemac.processor.testing.Diagnostics.tagged("unknown-column", "names 'x'"));
    assertThat(p.matcher("[schemac:unknown-column] @Index names 'x'").find()).isTrue();
    assertThat(p.matcher("[schemac] @Index names 'x'. Fix: y [schemac:unknown-column; see docs]").find()).isTrue();
    assertThat(p.matcher("[schemac:unknown-column-in-expression] @Index names 'x'").find()).isFalse();
    assertThat(p.matcher("[schemac:invalid-name] @Index names 'x'").find()).isFalse();
    assertThat(p.matcher("[schemac:unknown-column] @Index names 'y'").find()).isFalse();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> dev.schemac.processor.testing.Diagnostics.tagged("unknown-colum", "x"));
  }

  /**
   * No diagnostic of the processor's sources is written without an id: no message literal that
   * starts {@code [schemac]}, no problem built from a literal, and every catalog constant is used
   * (an unused one would document a message nobody prints).
   */
  @Test
  void theSources_reportEveryDiagnosticThroughTheCatalog() throws IOException {
    // a literal that starts "[schemac] <text>" (the processor's prefix for rule findings, which end with
    // their rule id, is the literal "[schemac] " alone), or a problem made from anything but an id: a constant of
    // the catalog (ErrorId.X, or a target's constant of one, X_ID), a parameter named id, or the rule engine's
    // text, which ends with the rule's id
    Pattern idless = Pattern.compile("\"\\[schemac\\] [^\"]|Problem\\.(error|warning|note)\\(\\s*"
        + "(?!(?:dev\\.schemac\\.processor\\.model\\.)?ErrorId\\.|\\w*\\.?[A-Z]+_ID\\s*,|id\\s*,|text\\s*,)");
    Pattern used = Pattern.compile("ErrorId\\.([A-Z_]+)");
    Set<String> usedIds = new TreeSet<>();
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = idless.matcher(text);
        while (m.find()) {
          offenders.add(file + ": " + m.group());
        }
        if (!file.endsWith("ErrorId.java")) {
          Matcher u = used.matcher(text);
          while (u.find()) {
            usedIds.add(u.group(1));
          }
        }
      }
    }
    assertWithMessage("diagnostics without an id").that(offenders).isEmpty();
    Set<String> catalog = new TreeSet<>(Arrays.stream(ErrorId.values()).map(Enum::name).toList());
    assertThat(usedIds).containsExactlyElementsIn(catalog);
  }
}
