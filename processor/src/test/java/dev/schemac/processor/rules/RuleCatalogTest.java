package dev.schemac.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.schemac.annotations.SchemacRules;
import dev.schemac.processor.targets.RuleCatalog;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The same seven behaviours for every registered rule, from its fixtures under
 * {@code src/test/resources/rules/<id>/}: {@code bad/} records where each line that must be
 * reported ends with the comment {@code // fires}, and {@code good/}, the fixed twin. Fixtures
 * are in package {@code fixtures}, one public type per file.
 *
 * <ol>
 *   <li>the rule fires on exactly the marked lines, at its default level, and nothing else fires;
 *   <li>the good twin compiles with no schemac warning and its schema applies to PostgreSQL;
 *   <li>{@code @SuppressWarnings("schemac:<id>")} on the reported component silences it;
 *   <li>the same on the record silences it;
 *   <li>{@code @SuppressRules} on the package silences it;
 *   <li>{@code -Aschemac.rules=<id>:off} silences it;
 *   <li>re-levelling flips it: an error rule set to warning compiles with warnings on the same
 *       lines, a warning rule set to error fails there.
 * </ol>
 */
class RuleCatalogTest {
  private static final String MARKER = "// fires";

  @TestFactory
  Stream<DynamicNode> everyRule() {
    return RuleCatalog.schemaRules().stream().map(rule -> DynamicContainer.dynamicContainer(rule.id(), List.of(
        DynamicTest.dynamicTest("fires on the marked lines at its default level", () -> firesOnMarkedLines(rule)),
        DynamicTest.dynamicTest("good twin compiles clean and applies to PostgreSQL", () -> goodTwinIsClean(rule)),
        DynamicTest.dynamicTest("suppressed on the component", () -> suppressedOnComponent(rule)),
        DynamicTest.dynamicTest("suppressed on the record", () -> suppressedOnRecord(rule)),
        DynamicTest.dynamicTest("suppressed on the package", () -> suppressedOnPackage(rule)),
        DynamicTest.dynamicTest("turned off with -Aschemac.rules", () -> turnedOff(rule)),
        DynamicTest.dynamicTest("re-levelled with -Aschemac.rules", () -> releveled(rule)))));
  }

  // ------------------------------------------------------------------ the seven behaviours

  private static void firesOnMarkedLines(Rule rule) throws IOException {
    Map<String, String> bad = fixtures(rule, "bad");
    Set<String> expected = markedLines(bad);
    assertFalse(expected.isEmpty(), "bad fixtures of " + rule.id() + " mark at least one line with " + MARKER);
    SchemacCompiler.Result result = compile(rule, bad);
    Diagnostic.Kind kind = rule.defaultLevel() == Level.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    assertEquals(expected, reportedLines(result.compilation(), rule, kind),
        "lines reported by " + rule.id() + "\n" + result.compilation().diagnostics());
    List<String> others = schemacDiagnostics(result.compilation()).stream()
        .filter(d -> !d.getMessage(Locale.ROOT).contains(tag(rule)))
        .map(d -> d.getMessage(Locale.ROOT)).toList();
    assertEquals(List.of(), others, "the bad fixture of " + rule.id() + " triggers only that rule");
    if (kind == Diagnostic.Kind.ERROR) {
      assertEquals(Compilation.Status.FAILURE, result.compilation().status());
      // compile-testing hides a failed compilation's outputs; schemac.dir is written in the same step.
      assertTrue(result.fileInDir("schema.sql").isEmpty(), "no schema.sql in schemac.dir after an error");
    } else {
      assertEquals(Compilation.Status.SUCCESS, result.compilation().status());
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnosticsOf(result.compilation(), rule)) {
      String message = d.getMessage(Locale.ROOT);
      assertTrue(message.contains(" Fix: "), "every finding says how to fix it: " + message);
      assertTrue(message.endsWith("[schemac:" + rule.id() + "; see docs/rules.md#" + rule.id() + "]"),
          "every finding ends with its id and documentation: " + message);
    }
  }

  private static void goodTwinIsClean(Rule rule) throws Exception {
    SchemacCompiler.Result result = compile(rule, fixtures(rule, "good"));
    assertEquals(Compilation.Status.SUCCESS, result.compilation().status(), result.compilation().diagnostics().toString());
    assertEquals(List.of(), schemacDiagnostics(result.compilation()).stream().map(d -> d.getMessage(Locale.ROOT)).toList(),
        "the good twin of " + rule.id() + " gets no schemac warning");
    if (rule.targets().isEmpty() || rule.targets().contains("postgresql")) {
      try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
        db.executeScript(result.schemaSql());
      }
    } // a rule of other targets only: their own tests apply what they write (MongoDB: targets/mongodb)
  }

  private static void suppressedOnComponent(Rule rule) throws IOException {
    Map<String, String> bad = transformMarkedLines(fixtures(rule, "bad"),
        line -> line.replaceFirst("^(\\s*)", "$1@SuppressWarnings(\"schemac:" + rule.id() + "\") "));
    assertSilent(rule, compile(rule, bad));
  }

  private static void suppressedOnRecord(Rule rule) throws IOException {
    Map<String, String> bad = new LinkedHashMap<>();
    fixtures(rule, "bad").forEach((name, text) -> bad.put(name, text.contains(MARKER)
        ? text.replaceFirst("(?m)^(public (?:record|class|interface|enum) )",
            "@SuppressWarnings(\"schemac:" + rule.id() + "\")\n$1")
        : text));
    assertSilent(rule, compile(rule, bad));
  }

  private static void suppressedOnPackage(Rule rule) throws IOException {
    Map<String, String> bad = new LinkedHashMap<>(fixtures(rule, "bad"));
    bad.put("package-info", "@dev.schemac.annotations.SuppressRules(\"schemac:" + rule.id() + "\")\npackage fixtures;\n");
    assertSilent(rule, compile(rule, bad));
  }

  private static void turnedOff(Rule rule) throws IOException {
    assertSilent(rule, compile(rule, fixtures(rule, "bad"), "-Aschemac.rules=" + rule.id() + ":off"));
  }

  private static void releveled(Rule rule) throws IOException {
    Map<String, String> bad = fixtures(rule, "bad");
    boolean toWarning = rule.defaultLevel() == Level.ERROR;
    SchemacCompiler.Result result = compile(rule, bad, "-Aschemac.rules=" + rule.id() + (toWarning ? ":warning" : ":error"));
    Diagnostic.Kind kind = toWarning ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
    assertEquals(markedLines(bad), reportedLines(result.compilation(), rule, kind));
    assertEquals(toWarning ? Compilation.Status.SUCCESS : Compilation.Status.FAILURE, result.compilation().status());
  }

  // ------------------------------------------------------------------ catalog-wide checks

  @Test
  void everyRule_hasFixturesAndDocumentation() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Rule rule : RuleCatalog.schemaRules()) {
      if (resourceFolder("rules/" + rule.id() + "/bad") == null || resourceFolder("rules/" + rule.id() + "/good") == null) {
        missing.add(rule.id() + ": fixtures rules/" + rule.id() + "/{bad,good}");
      }
      String unitTest = rule.getClass().getName() + "Test";
      try {
        Class.forName(unitTest);
      } catch (ClassNotFoundException e) {
        missing.add(rule.id() + ": unit test " + unitTest);
      }
      String section = section(docs, rule.id());
      if (section == null) {
        missing.add(rule.id() + ": section '## " + rule.id() + "' in docs/rules.md");
        continue;
      }
      for (String part : List.of("Why", "Bad", "Good", "Suppress", "```java")) {
        if (!section.contains(part)) {
          missing.add(rule.id() + ": docs/rules.md section lacks " + part);
        }
      }
      String level = rule.defaultLevel().name().toLowerCase(Locale.ROOT);
      if (!section.contains("Default: **" + level + "**")) {
        missing.add(rule.id() + ": docs/rules.md section must state 'Default: **" + level + "**'");
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyMigrationRule_isDocumented_andHasItsUnitTest() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (MigrationRule rule : RuleCatalog.migrationRules()) {
      String section = section(docs, rule.id());
      String level = rule.defaultLevel().name().toLowerCase(Locale.ROOT);
      if (section == null || !section.contains("Default: **" + level + "**") || !section.contains("**Why.**")
          || !section.contains("**Suppress.**")) {
        missing.add(rule.id());
      }
      try {
        Class.forName(rule.getClass().getName() + "Test");
      } catch (ClassNotFoundException e) {
        missing.add(rule.id() + ": unit test " + rule.getClass().getName() + "Test");
      }
    }
    assertEquals(List.of(), missing, "docs/rules.md sections with level, why and suppress; a unit test each");
  }

  @Test
  void publicConstants_nameExactlyTheRegisteredRules() throws IllegalAccessException {
    Set<String> constants = new TreeSet<>();
    for (Field field : SchemacRules.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("ALL")) {
        constants.add((String) field.get(null));
      }
    }
    Set<String> registered = RuleCatalog.schemaRules().stream().map(r -> "schemac:" + r.id()).collect(Collectors.toCollection(TreeSet::new));
    RuleCatalog.migrationRules().forEach(r -> registered.add("schemac:" + r.id()));
    assertEquals(constants, registered);
  }

  @Test
  void everyRule_hasADistinctKebabId() {
    List<String> ids = RuleCatalog.schemaRules().stream().map(Rule::id).toList();
    assertEquals(ids.size(), new TreeSet<>(ids).size(), "ids are unique");
    for (String id : ids) {
      assertTrue(id.matches("[a-z]+(-[a-z]+)*"), id);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String tag(Rule rule) {
    return "[schemac:" + rule.id() + ";";
  }

  private static void assertSilent(Rule rule, SchemacCompiler.Result result) {
    assertEquals(List.of(), diagnosticsOf(result.compilation(), rule).stream().map(d -> d.getMessage(Locale.ROOT)).toList());
  }

  /** The fixtures compiled for the rule's targets: {@code -Aschemac.targets=<its ids>}, or the default ones. */
  static SchemacCompiler.Result compile(Rule rule, Map<String, String> sources, String... options) {
    if (rule.targets().isEmpty()) {
      return compile(sources, options);
    }
    List<String> all = new ArrayList<>(List.of(options));
    all.add("-Aschemac.targets=" + String.join(",", new TreeSet<>(rule.targets())));
    return compile(sources, all.toArray(String[]::new));
  }

  static SchemacCompiler.Result compile(Map<String, String> sources, String... options) {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString("fixtures." + name, text)));
    try {
      return SchemacCompiler.compile(Files.createTempDirectory("schemac-rule-"), files, options);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Diagnostic<? extends JavaFileObject>> schemacDiagnostics(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .filter(d -> d.getMessage(Locale.ROOT).contains("[schemac"))
        .collect(Collectors.toList());
  }

  private static List<Diagnostic<? extends JavaFileObject>> diagnosticsOf(Compilation compilation, Rule rule) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains(tag(rule)))
        .collect(Collectors.toList());
  }

  /** "File.java:12" of each diagnostic of the rule with the given kind. */
  private static Set<String> reportedLines(Compilation compilation, Rule rule, Diagnostic.Kind kind) {
    Set<String> lines = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnosticsOf(compilation, rule)) {
      if (d.getKind() != kind) {
        lines.add("wrong kind " + d.getKind() + ": " + d.getMessage(Locale.ROOT));
      } else if (d.getSource() == null) {
        lines.add("no source: " + d.getMessage(Locale.ROOT));
      } else {
        String file = d.getSource().getName();
        lines.add(file.substring(file.lastIndexOf('/') + 1) + ":" + d.getLineNumber());
      }
    }
    return lines;
  }

  private static Set<String> markedLines(Map<String, String> sources) {
    Set<String> lines = new TreeSet<>();
    sources.forEach((name, text) -> {
      String[] split = text.split("\n", -1);
      for (int i = 0; i < split.length; i++) {
        if (split[i].contains(MARKER)) {
          lines.add(name + ".java:" + (i + 1));
        }
      }
    });
    return lines;
  }

  private static Map<String, String> transformMarkedLines(Map<String, String> sources, UnaryOperator<String> change) {
    Map<String, String> out = new LinkedHashMap<>();
    sources.forEach((name, text) -> out.put(name, Stream.of(text.split("\n", -1))
        .map(line -> line.contains(MARKER) ? change.apply(line) : line)
        .collect(Collectors.joining("\n"))));
    return out;
  }

  /** The fixture files of one rule, by simple type name (file name without .java), sorted. */
  static Map<String, String> fixtures(Rule rule, String kind) throws IOException {
    Path folder = resourceFolder("rules/" + rule.id() + "/" + kind);
    if (folder == null) {
      fail("missing fixtures src/test/resources/rules/" + rule.id() + "/" + kind);
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = file.getFileName().toString();
        out.put(name.substring(0, name.length() - ".java".length()), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Path resourceFolder(String path) {
    URL url = RuleCatalogTest.class.getClassLoader().getResource(path);
    if (url == null) {
      return null;
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of "## id" up to the next "## " heading, or null. */
  private static String section(String docs, String id) {
    int start = docs.indexOf("\n## " + id + "\n");
    if (start < 0) {
      return null;
    }
    int end = docs.indexOf("\n## ", start + 4);
    return end < 0 ? docs.substring(start) : docs.substring(start, end);
  }
}
