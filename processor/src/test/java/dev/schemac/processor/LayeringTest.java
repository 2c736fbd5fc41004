package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's one direction of flow, held by a test (docs/architecture.md): {@code read} ->
 * {@code model} -> {@code rules} -> {@code targets} -> {@code migrate} -> {@code write}, with the
 * wiring ({@code SchemaProcessor}, {@code IncrementalBuild}) above them all. No package reaches back
 * to an earlier step, nothing outside an engine's package ({@code targets.<id>}) names a class of
 * it, and no engine's package uses another's. The rules read the processor's main classes only;
 * the last tests add a deliberate back edge from the test sources to show that they fail on one.
 */
class LayeringTest {
  private static final String ROOT = "dev.schemac.processor";

  /** The layers, and which layers each may use; a layer may always use itself. */
  static ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model").definedBy(ROOT + ".model..")
        .layer("read").definedBy(ROOT + ".read..")
        .layer("rules").definedBy(ROOT + ".rules..")
        .layer("targets").definedBy(ROOT + ".targets")
        .layer("engines").definedBy(ROOT + ".targets.*..")
        .layer("migrate").definedBy(ROOT + ".migrate..")
        .layer("write").definedBy(ROOT + ".write..")
        .layer("wiring").definedBy(ROOT)
        .whereLayer("model").mayNotAccessAnyLayer()
        .whereLayer("read").mayOnlyAccessLayers("model")
        .whereLayer("rules").mayOnlyAccessLayers("model")
        .whereLayer("targets").mayOnlyAccessLayers("model", "rules")
        .whereLayer("engines").mayOnlyAccessLayers("model", "rules", "targets")
        .whereLayer("engines").mayNotBeAccessedByAnyLayer()
        .whereLayer("migrate").mayOnlyAccessLayers("model", "rules", "targets")
        .whereLayer("write").mayOnlyAccessLayers("model", "targets")
        .whereLayer("wiring").mayNotBeAccessedByAnyLayer();
  }

  /**
   * Each engine's package is its own: none uses another's. The one exception is a family's shared
   * package: {@code targets.mysqlfamily} holds what the {@code mariadb} and {@code mysql} targets
   * share (their dialect, statements, renderer), and only those two may use it.
   */
  static ArchRule enginesApart() {
    return slices().matching(ROOT + ".targets.(*)..").should().notDependOnEachOther()
        .ignoreDependency(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                ROOT + ".targets.mariadb..", ROOT + ".targets.mysql.."),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + ".targets.mysqlfamily.."));
  }

  private static final Path MAIN = Path.of("target", "classes");
  private static final Path TESTS = Path.of("target", "test-classes", "dev", "schemac", "processor");

  /**
   * The processor's main classes (from the build's output folder, not the whole class path), and
   * of the test sources only what is named, relative to {@code dev/schemac/processor/}: a class
   * file or a package folder. Each set is imported on its own: ArchUnit sees every access to a
   * class among the classes imported with it.
   */
  static JavaClasses mainClassesAnd(String... fromTests) {
    if (fromTests.length == 0 && mainOnly != null) {
      return mainOnly;
    }
    List<Path> paths = new java.util.ArrayList<>(List.of(MAIN));
    for (String p : fromTests) {
      Path test = TESTS.resolve(p);
      assertThat(java.nio.file.Files.exists(test)).isTrue();
      paths.add(test);
    }
    JavaClasses classes = new ClassFileImporter().importPaths(paths);
    if (fromTests.length == 0) {
      mainOnly = classes;
    }
    return classes;
  }

  private static JavaClasses mainOnly;

  @Test
  void theProcessor_flowsOneWay() {
    JavaClasses classes = mainClassesAnd();
    assertThat(classes.contain(ROOT + ".SchemaProcessor")).isTrue();
    assertThat(classes.contain(ROOT + ".targets.postgresql.PostgresTarget")).isTrue();
    assertThat(classes.containPackage(ROOT + ".model.change")).isTrue();
    assertThat(classes.contain(ROOT + ".model.BackEdgeFixture")).isFalse();
    assertThat(classes.containPackage(ROOT + ".targets.minimal")).isFalse();
    layers().check(classes);
  }

  @Test
  void noEngineUsesAnothersPackage() {
    enginesApart().check(mainClassesAnd());
  }

  @Test
  void aBackEdge_failsTheTest() {
    EvaluationResult result = layers().evaluate(mainClassesAnd("model/BackEdgeFixture.class"));
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).containsExactly("Field <" + ROOT
        + ".model.BackEdgeFixture.rule> has type <" + ROOT + ".rules.Rule> in (BackEdgeFixture.java:0)");
  }

  @Test
  void namingAnEnginesClassOutsideItsPackage_failsTheTest() {
    EvaluationResult result = layers().evaluate(mainClassesAnd("migrate/EngineEdgeFixture.class"));
    assertThat(result.hasViolation()).isTrue();
    // twice: migrate may not use engines, and engines may not be used by any layer
    assertThat(result.getFailureReport().getDetails()).containsExactly(
        "Field <" + ROOT + ".migrate.EngineEdgeFixture.target> has type <" + ROOT
            + ".targets.postgresql.PostgresTarget> in (EngineEdgeFixture.java:0)",
        "Field <" + ROOT + ".migrate.EngineEdgeFixture.target> has type <" + ROOT
            + ".targets.postgresql.PostgresTarget> in (EngineEdgeFixture.java:0)");
  }

  /**
   * The test sources' second SQL target ({@code targets.minimal}, MinimalTargetTest) is a target
   * the way the seam promises: it uses the model and the {@code targets} interface and nothing
   * else of schemac, no other engine's package, and nothing uses it; it is registered by one line
   * in the test resources' service file.
   */
  @Test
  void aSecondTarget_usesOnlyTheModelAndTheSeam() {
    JavaClasses classes = mainClassesAnd("targets/minimal");
    assertThat(classes.contain(ROOT + ".targets.minimal.MinimalTarget")).isTrue();
    layers().check(classes);
    enginesApart().check(classes);
    classes().that().resideInAPackage(ROOT + ".targets.minimal..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".model..", ROOT + ".targets",
            ROOT + ".targets.minimal..", "java..")
        .check(classes);
  }

  /** PostgreSQL's type names, functions, keywords and its name, as they would appear in SQL or a message. */
  private static final java.util.regex.Pattern POSTGRESQL_WORDS = java.util.regex.Pattern.compile(
      "timestamptz|jsonb|bytea|gen_random_uuid|CONCURRENTLY|NOT VALID|\\bpg_|plpgsql|tsvector|\\bGIN\\b|\\bGIST\\b"
          + "|\\bBRIN\\b|::|PostgreSQL|Postgres|num_nulls|num_nonnulls|\\bHOT\\b|NULLS NOT DISTINCT");

  /**
   * What ArchUnit cannot see: an engine's words inside string literals. No string of the readers,
   * the model, the rules, the migrations, the writers, the seam ({@code targets}) or the wiring
   * names PostgreSQL, its types, functions or keywords; they live in {@code targets/postgresql}.
   * Three kinds of string are names a user writes in Java, not an engine's words, and are allowed:
   * the {@code pg_} prefix that {@code model.Identifiers} keeps out of generated names, in
   * {@code read/} the constants of schemac's own {@code IndexMethod} (its API names the access
   * methods as PostgreSQL does), and Hibernate's {@code @JdbcType} class names
   * ({@code PostgreSQLEnumJdbcType}) that the JPA reader recognises.
   */
  private static final java.util.Set<String> INDEX_METHODS = java.util.Arrays.stream(
      dev.schemac.annotations.IndexMethod.values()).map(m -> "\"" + m.name() + "\"").collect(java.util.stream.Collectors.toSet());

  /** A Hibernate JDBC type's simple class name, in quotes. */
  private static final java.util.regex.Pattern HIBERNATE_CLASS = java.util.regex.Pattern.compile("\"PostgreSQL\\w*Type\"");

  @Test
  void noEngineWords_inTheStringsOutsideItsPackage() throws java.io.IOException {
    Path main = Path.of("src", "main", "java", "dev", "schemac", "processor");
    List<String> found = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = main.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("targets/") && relative.indexOf('/', "targets/".length()) > 0) {
          continue;
        }
        String code = java.nio.file.Files.readString(file)
            .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        java.util.regex.Matcher literal = java.util.regex.Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"").matcher(code);
        while (literal.find()) {
          String text = literal.group();
          if (POSTGRESQL_WORDS.matcher(text).find()
              && !(relative.equals("model/Identifiers.java") && text.equals("\"pg_\""))
              && !(relative.startsWith("read/") && (INDEX_METHODS.contains(text) || HIBERNATE_CLASS.matcher(text).matches()))) {
            found.add(relative + ": " + text);
          }
        }
      }
    }
    assertThat(found).isEmpty();
    assertThat(POSTGRESQL_WORDS.matcher("\"a timestamptz column\"").find()).isTrue();
  }
}
