package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A test compilation (class output = the build tool's test output) never touches the committed files. */
class TestCompilationTest {
  private static final JavaFileObject USER = SchemacCompiler.typeIn("com.example.tc", "User",
      "@Table public record User(@Id UUID id, String name) {}");
  private static final JavaFileObject FIXTURE = SchemacCompiler.typeIn("com.example.tc", "Fixture",
      "@Table public record Fixture(@Id UUID id, String label) {}");

  @Test
  void mavenTestClasses_writesNothing_andLeavesTheMainCompilationsFilesAlone() throws Exception {
    RealJavac.Run main = RealJavac.compile(List.of(USER), null, "target/classes");
    RealJavac.Run test = null;
    try {
      assertThat(main.success()).isTrue();
      byte[] committed = Files.readAllBytes(main.dirSchema());
      byte[] markdown = Files.readAllBytes(main.schemacDir().resolve("schema.md"));
      assertThat(new String(committed, java.nio.charset.StandardCharsets.UTF_8)).contains("CREATE TABLE users");

      test = RealJavac.compile(List.of(FIXTURE), main.schemacDir().toString(), "target/test-classes");

      assertThat(test.success()).isTrue();
      assertThat(Files.readAllBytes(main.dirSchema())).isEqualTo(committed);
      assertThat(Files.readAllBytes(main.schemacDir().resolve("schema.md"))).isEqualTo(markdown);
      assertThat(Files.exists(test.classOutputSchema())).isFalse();
      assertThat(Files.exists(test.root().resolve("generated/com/example/tc/Tables.java"))).isFalse();
      assertThat(test.diagnostics()).hasSize(1);
      assertThat(test.diagnostics().get(0)).startsWith("NOTE: [schemac:test-compilation] " + test.classOutput()
          + " is a test compilation's class output, so schemac wrote nothing for com.example.tc.Fixture");
    } finally {
      main.delete();
      if (test != null) {
        test.delete();
      }
    }
  }

  @Test
  void gradleTestSourceSet_writesNothing() {
    RealJavac.Run run = RealJavac.compile(List.of(FIXTURE), null, "build/classes/java/test");
    try {
      assertThat(run.success()).isTrue();
      assertThat(Files.exists(run.dirSchema())).isFalse();
      assertThat(Files.exists(run.classOutputSchema())).isFalse();
    } finally {
      run.delete();
    }
  }

  @Test
  void mainOutputs_areNotTestCompilations() {
    assertThat(TestCompilation.isTestOutput(Path.of("/p/target/classes"))).isFalse();
    assertThat(TestCompilation.isTestOutput(Path.of("/p/build/classes/java/main"))).isFalse();
    assertThat(TestCompilation.isTestOutput(Path.of("/p/test/classes"))).isFalse();
    assertThat(TestCompilation.isTestOutput(Path.of("/"))).isFalse();
    assertThat(TestCompilation.isTestOutput(null)).isFalse();
  }

  @Test
  void testOutputs_byTheRule() {
    assertThat(TestCompilation.isTestOutput(Path.of("/p/target/test-classes"))).isTrue();
    assertThat(TestCompilation.isTestOutput(Path.of("/p/build/classes/java/test"))).isTrue();
    assertThat(TestCompilation.isTestOutput(Path.of("/p/build/classes/java/integrationTest"))).isTrue();
    assertThat(TestCompilation.isTestOutput(Path.of("/p/build/classes/java/testFixtures"))).isTrue();
  }
}
