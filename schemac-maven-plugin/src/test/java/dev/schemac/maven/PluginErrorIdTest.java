package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.ErrorId;
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
 * The plugin's catalog ({@link PluginErrorId}) is the third part of the one namespace of ids, with
 * the processor's {@link ErrorId} and the rules: no id means two things, every id has its section
 * in docs/maven-plugin.md ("Message ids"), and no failure of the goals goes out without an id.
 * (The processor's {@code DiagnosticCatalogTest} holds its own two parts; docs/errors.md is the
 * processor's, so the plugin's ids are documented with the plugin.)
 */
class PluginErrorIdTest {
  private static final Path DOC = Path.of("..", "docs", "maven-plugin.md");
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Test
  void everyId_isKebabCase_andMeansOneThing_acrossThePluginTheProcessorAndTheRules() {
    Set<String> seen = new HashSet<>();
    Arrays.stream(ErrorId.values()).map(ErrorId::id).forEach(seen::add);
    RuleCatalog.schemaRules().stream().map(Rule::id).forEach(seen::add);
    RuleCatalog.migrationRules().stream().map(MigrationRule::id).forEach(seen::add);
    assertThat(seen).hasSize(ErrorId.values().length + RuleCatalog.schemaRules().size()
        + RuleCatalog.migrationRules().size());
    for (PluginErrorId id : PluginErrorId.values()) {
      assertWithMessage("id %s", id.id()).that(KEBAB.matcher(id.id()).matches()).isTrue();
      assertWithMessage("id %s is used twice", id.id()).that(seen.add(id.id())).isTrue();
    }
  }

  @Test
  void everyId_hasItsSectionUnderMessageIds_andNothingElseThere() throws IOException {
    Set<String> documented = new TreeSet<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Message ids");
      } else if (inSection && line.startsWith("### ")) {
        documented.add(line.substring(4).strip());
      }
    }
    assertThat(documented).containsExactlyElementsIn(Arrays.stream(PluginErrorId.values()).map(PluginErrorId::id)
        .toList());
  }

  @Test
  void aMessage_startsWithItsId_andIsReadBack() {
    assertThat(PluginErrorId.DRIFT_MISSING.message("table t: missing from the database"))
        .isEqualTo("[schemac:drift-missing] table t: missing from the database");
    for (PluginErrorId id : PluginErrorId.values()) {
      assertThat(PluginErrorId.of(id.message("x"))).hasValue(id);
      assertThat(PluginErrorId.DATABASE_ERROR.orKept(id.message("x"))).isEqualTo(id.message("x"));
    }
    assertThat(PluginErrorId.DATABASE_ERROR.orKept("x")).isEqualTo("[schemac:database-error] x");
    assertThat(PluginErrorId.of("[schemac:drift-missing-x] y")).isEmpty();
  }

  /**
   * The goals' sources make no failure, log no warning or error, and add no drift error or undo
   * problem from anything but a message of the catalog; and every constant is used.
   */
  @Test
  void theSources_reportEveryFailureThroughTheCatalog() throws IOException {
    Pattern idless = Pattern.compile("new (?:MojoFailureException|MojoExecutionException)\\(\\s*(?!PluginErrorId\\.|e\\."
        + "getMessage\\(\\), e\\))|new UndoException\\(\\s*(?!PluginErrorId\\.)|getLog\\(\\)\\.(?:warn|error)\\(\\s*\""
        + "|\\b(?:errors|warnings|problems)\\.add\\(\\s*(?!PluginErrorId\\.)|new SQLException\\(\\s*(?!PluginErrorId\\.)");
    Pattern used = Pattern.compile("PluginErrorId\\.([A-Z_]+)");
    List<String> offenders = new ArrayList<>();
    Set<String> usedIds = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.endsWith("PluginErrorId.java")) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = idless.matcher(text);
        while (m.find()) {
          offenders.add(file.getFileName() + ": " + m.group());
        }
        Matcher u = used.matcher(text);
        while (u.find()) {
          usedIds.add(u.group(1));
        }
      }
    }
    assertWithMessage("failures without an id").that(offenders).isEmpty();
    assertThat(usedIds).containsExactlyElementsIn(Arrays.stream(PluginErrorId.values()).map(Enum::name).toList());
  }
}
