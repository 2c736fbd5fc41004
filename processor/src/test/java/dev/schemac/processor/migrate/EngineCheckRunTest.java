package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.targets.EngineCheck;
import dev.schemac.processor.targets.testsql.RecordingEngineCheck;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor hands an engine check (the mechanism every target's checker plugs into),
 * and where it reports the engine's refusal; the checker here is the test target's, which records
 * and refuses on demand. The PostgreSQL checker itself is tested in schemac-engine-check-postgresql.
 */
class EngineCheckRunTest {
  @TempDir Path dir;

  private static final String[] OPTIONS = {"-Aschemac.targets=testsql", "-Aschemac.engineCheck=true"};

  @AfterEach
  void reset() {
    RecordingEngineCheck.refuse = null;
    RecordingEngineCheck.refuseAt = null;
    RecordingEngineCheck.lastRuns = List.of();
  }

  private static JavaFileObject item(String components) {
    return type("Item", "@Table public record Item(@Id long id, " + components + ") {}");
  }

  @Test
  void versionedBuild_appliesSchemaSql_thenEveryUp_thenTheCurrentDownAndUpAgain() {
    compileOk(dir, version(1, item("@Column(length = 40) String name")), OPTIONS);
    compileOk(dir, version(2, item("@Indexed @Column(length = 40) String name, @Check(\"qty >= 0\") @Default(\"0\") int qty")),
        OPTIONS);

    List<EngineCheck.Run> runs = RecordingEngineCheck.lastRuns;
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).scripts().stream().map(EngineCheck.Script::name).toList())
        .containsExactly("testsql/schema.sql");
    List<String> history = runs.get(1).scripts().stream()
        .map(s -> s.name().replaceAll("__.*", "") + (s.transactional() ? "" : " (no transaction)")).toList();
    assertThat(history).containsExactly("testsql/migration/V1", "testsql/migration/V2",
        "testsql/migration/V2.1 (no transaction)", "testsql/undo/U2.1 (no transaction)", "testsql/undo/U2",
        "testsql/migration/V2", "testsql/migration/V2.1 (no transaction)").inOrder();
    assertThat(runs.get(1).scripts().get(0).statements()).isNotEmpty();
  }

  @Test
  void engineRefusal_isAnErrorOnTheAnnotationTheStatementCameFrom_andNothingIsWritten() {
    RecordingEngineCheck.refuse = "CREATE TABLE items";
    RecordingEngineCheck.refuseAt = "CONSTRAINT items_qty_check";
    JavaFileObject item = type("Item", """
        @Table
        public record Item(
            @Id long id,
            @Check("qty >= 0") int qty) {}
        """);

    SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(item), OPTIONS);

    Compilation compilation = result.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1); // schema.sql's refusal; the same CREATE TABLE elsewhere is not a second one
    assertThat(compilation).hadErrorContaining("[schemac:engine-check] TestSQL refused testsql/schema.sql")
        .inFile(item).onLineContaining("@Check");
    assertThat(result.fileInDir("testsql/schema.sql")).isEmpty();
  }

  @Test
  void unversionedBuild_appliesSchemaSqlOnly() {
    SchemacCompiler.compile(dir, List.of(item("String name")), OPTIONS);

    assertThat(RecordingEngineCheck.lastRuns).hasSize(1);
  }

  @Test
  void noCheckerForATarget_isAnErrorNamingTheArtifact() {
    Compilation compilation = SchemacCompiler.compile(dir, List.of(item("String name")),
        "-Aschemac.engineCheck=true").compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("dev.schemac:schemac-engine-check-postgresql");
  }

  @Test
  void engineCheckOptionThatIsNotABoolean_isAnError() {
    Compilation compilation = SchemacCompiler.compile(dir, List.of(item("String name")),
        "-Aschemac.engineCheck=yes").compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
            "-Aschemac.engineCheck=yes is neither true nor false"));
  }
}
