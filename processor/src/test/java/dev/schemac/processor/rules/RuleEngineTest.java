package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.SchemaProcessor;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.Models;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviours of the engine itself, shared by every rule. */
class RuleEngineTest {
  private static final String PARENT = """
      package fixtures;

      import dev.schemac.annotations.Id;
      import dev.schemac.annotations.Table;
      import java.util.UUID;

      @Table
      public record Customer(@Id UUID id, String name) {}
      """;

  private static Map<String, String> sources(String invoice) {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("Customer", PARENT);
    sources.put("Invoice", invoice);
    return sources;
  }

  private static String invoice(String recordAnnotations, String componentAnnotations) {
    return """
        package fixtures;

        import dev.schemac.annotations.Id;
        import dev.schemac.annotations.References;
        import dev.schemac.annotations.Table;
        import java.util.UUID;

        @Table
        %s
        public record Invoice(
            @Id UUID id,
            %s @References(Customer.class) UUID customerId) {}
        """.formatted(recordAnnotations, componentAnnotations);
  }

  @Test
  void suppressAll_onRecord_silencesEveryRule() {
    Compilation c = RuleCatalogTest.compile(sources(invoice("@SuppressWarnings(\"schemac\")", ""))).compilation();
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void unknownIdInSuppressWarnings_isAWarningWithTheClosestId() {
    Compilation c = RuleCatalogTest.compile(sources(invoice("",
        "@SuppressWarnings(\"schemac:unindexed-foreign-kee\")"))).compilation();
    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("unknown-rule",
            "names no schemac rule (did you mean 'unindexed-foreign-key'?)"))
        .inFile(c.sourceFiles().get(1)).onLineContaining("customerId");
    assertThat(c).hadErrorContaining("[schemac:unindexed-foreign-key;");
  }

  @Test
  void unknownIdInRulesOption_isAWarning_andKnownOnesStillApply() {
    Compilation c = RuleCatalogTest.compile(sources(invoice("", "")),
        "-Aschemac.rules=unindexed-foreign-key:off,missing-primary-ky:error").compilation();
    assertThat(c).succeeded();
    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("invalid-option",
            "-Aschemac.rules names unknown rule 'missing-primary-ky' (did you mean 'missing-primary-key'?)"));
  }

  @Test
  void emptyOptions_asAnEmptyPomPropertyPassesThem_changeNothing() {
    // javac hands -Akey= to the processor as a null value; README's quick start passes empty properties
    Compilation c = RuleCatalogTest.compile(sources(invoice("", "")), "-Aschemac.rules=", "-Aschemac.maxIndexes=",
        "-Aschemac.timings=").compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[schemac:unindexed-foreign-key;");
  }

  @Test
  void rulesOption_acceptsThePrefixedIdAndAnyCase() {
    Compilation c = RuleCatalogTest.compile(sources(invoice("", "")),
        "-Aschemac.rules=schemac:unindexed-foreign-key:WARNING").compilation();
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[schemac:unindexed-foreign-key;");
  }

  @Test
  void rulesOption_badLevelAndBadThreshold_areWarnings() {
    Compilation c = RuleCatalogTest.compile(sources(invoice("", "@dev.schemac.annotations.Indexed")),
        "-Aschemac.rules=unindexed-foreign-key:loud", "-Aschemac.maxIndexes=many").compilation();
    assertThat(c).succeeded();
    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("invalid-option",
            "level 'loud' of rule 'unindexed-foreign-key' is not error, warning or off"));
    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("invalid-option",
            "-Aschemac.maxIndexes=many is not a positive whole number"));
  }

  @Test
  void aRuleThatThrows_becomesOneErrorNamingIt_notAnException() {
    Rule broken = new SchemaRule("broken-rule", Level.ERROR, "Always throws.") {
      @Override
      public List<Finding> check(Schema schema, RuleContext context) {
        throw new IllegalStateException("boom");
      }
    };
    List<Problem> problems = new RuleEngine(List.of(broken))
        .run(Models.schema(Models.table("things", Models.text("id"))), RuleSettings.defaults(), Models.context().targets());
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(problems.get(0).message()).contains("internal error in rule schemac:broken-rule");
    assertThat(problems.get(0).message()).contains("boom");
    assertThat(problems.get(0).origin()).isEqualTo(Origin.NONE);
  }

  @Test
  void findingsOnSequencesAndOnTablesOfANamedSchema_areSuppressedWhereTheyAreDeclared() {
    Sequence reserved = new Sequence("billing", "order", 1, 50, "fixtures.Order", List.of(), Origin.NONE);
    Sequence silenced = new Sequence(null, "limit", 1, 50, "fixtures.Order", List.of("schemac:reserved-word"),
        Origin.NONE);
    Table table = Models.inSchema("billing", Models.table("group", Models.text("id")));
    Table quiet = new Table("billing", "user", "fixtures.User", table.columns(), null, List.of(), List.of(),
        List.of(), List.of(), List.of(), null, null, null, List.of("schemac"), Origin.NONE);
    Schema schema = new Schema(List.of(table, quiet), List.of(), List.of(reserved, silenced), List.of());

    List<String> messages = new RuleEngine(List.of(new ReservedWord()))
        .run(schema, RuleSettings.defaults(), Models.context().targets()).stream()
        .map(Problem::message).toList();

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).startsWith("table name \"group\"");
    assertThat(messages.get(1)).startsWith("sequence name \"order\"");
    // quiet (tables and sequences read from class files) drops findings by qualified name
    assertThat(new RuleEngine(List.of(new ReservedWord())).run(schema, RuleSettings.defaults(),
        java.util.Set.of("billing.group", "billing.order"), Models.context().targets())).isEmpty();
  }

  @Test
  void everyOptionTheProcessorReads_isListedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    for (String option : new SchemaProcessor().getSupportedOptions()) {
      assertThat(readme).contains("-A" + option + "=");
    }
  }

  /** A rule declares the targets it is about; on a build without them it never runs. */
  @Test
  void aTargetsOwnRule_runsOnlyWhenTheTargetIsChosen() {
    Schema schema = Models.schema(Models.table("hooks", Models.of("id", dev.schemac.processor.model.LogicalType.Kind.INT64),
        Models.column("payload", Models.raw("json"))));
    RuleEngine engine = new RuleEngine(List.of(new dev.schemac.processor.targets.postgresql.JsonNotJsonb()));
    assertThat(new dev.schemac.processor.targets.postgresql.JsonNotJsonb().targets()).containsExactly("postgresql");
    assertThat(engine.run(schema, RuleSettings.defaults(), List.of(new dev.schemac.processor.targets.testsql.TestSqlTarget())))
        .isEmpty();
    List<Problem> onPostgres = engine.run(schema, RuleSettings.defaults(),
        List.of(new dev.schemac.processor.targets.testsql.TestSqlTarget(),
            new dev.schemac.processor.targets.postgresql.PostgresTarget()));
    assertThat(onPostgres).hasSize(1);
    assertThat(onPostgres.get(0).message()).contains("[schemac:json-not-jsonb;");
  }

  /** Reserved words are each target's: the message names the targets that reserve the word. */
  @Test
  void reservedWord_namesTheTargetsThatReserveIt() {
    Schema schema = Models.schema(Models.table("things", Models.of("id", dev.schemac.processor.model.LogicalType.Kind.INT64),
        Models.text("user")));
    List<Problem> both = new RuleEngine(List.of(new ReservedWord())).run(schema, RuleSettings.defaults(),
        List.of(new dev.schemac.processor.targets.postgresql.PostgresTarget(),
            new dev.schemac.processor.targets.testsql.TestSqlTarget()));
    assertThat(both).hasSize(1);
    assertThat(both.get(0).message()).contains("a reserved key word of PostgreSQL and TestSQL:");
  }
}
