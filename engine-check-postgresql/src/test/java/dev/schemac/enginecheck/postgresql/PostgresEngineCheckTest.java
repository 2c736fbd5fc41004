package dev.schemac.enginecheck.postgresql;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.schemac.processor.SchemaProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL engine check, as a user's build runs it: this artifact beside the processor,
 * {@code -Aschemac.engineCheck=true}, a real PostgreSQL 17 started and stopped within the compile.
 * What only the server can decide fails javac on the annotation the statement came from; nothing
 * is written; no server is left running.
 */
class PostgresEngineCheckTest {
  @TempDir Path dir;

  private static final String IMPORTS = """
      package shop;

      import dev.schemac.annotations.*;
      import java.util.*;
      """;

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("shop." + name, IMPORTS + body);
  }

  private static JavaFileObject version(int n) {
    return JavaFileObjects.forSourceString("shop.package-info",
        "@dev.schemac.annotations.Schema(version = " + n + ")\npackage shop;\n");
  }

  private Compilation compile(List<JavaFileObject> sources, String... options) throws URISyntaxException {
    List<String> all = new ArrayList<>(List.of("-Aschemac.dir=" + dir.toAbsolutePath()));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(new SchemaProcessor())
        .withClasspath(List.of(new File(dev.schemac.annotations.Table.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI())))
        .withOptions(all).compile(sources);
  }

  /** No postgres process started by this JVM is still running. */
  private static void assertNoServerLeft() {
    List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().command().orElse("?")).filter(c -> c.contains("postgres")).toList();
    assertWithMessage("processes left by the compile").that(left).isEmpty();
  }

  @Test
  void validVersionedSchema_compiles_andTheServerIsStopped() throws Exception {
    JavaFileObject item = source("Item", """
        /** Things in stock. */
        @Table
        @Index(expression = "position('a' IN name)")
        public record Item(@Id long id, @Indexed @Column(length = 40) String name, @Check("qty >= 0") int qty) {}
        """);

    Compilation compilation = compile(List.of(version(1), item), "-Aschemac.engineCheck=true");

    assertThat(compilation).succeededWithoutWarnings(); // the undecided expression: PostgreSQL took it
    assertThat(Files.exists(dir.resolve("migration/V1__initial_schema.sql"))).isTrue();
    assertNoServerLeft();
  }

  /** A function PostgreSQL does not have: only the server knows; the error is on the @Check. */
  @Test
  void checkCallingAFunctionThatDoesNotExist_isACompileErrorOnTheCheck() throws Exception {
    JavaFileObject item = source("Item", """
        @Table
        public record Item(
            @Id long id,
            @Check("frobnicate(name) > 0") String name) {}
        """);

    Compilation compilation = compile(List.of(version(1), item), "-Aschemac.engineCheck=true");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[schemac:engine-check] PostgreSQL refused schema.sql")
        .inFile(item).onLineContaining("@Check");
    assertThat(compilation).hadErrorContaining("function frobnicate(text) does not exist");
    assertThat(Files.exists(dir.resolve("schema.sql"))).isFalse();
    assertNoServerLeft();
  }

  /** What the grammar leaves undecided and the server refuses: a warning without the check, an error with it. */
  @Test
  void undecidedIndexExpressionThePostgresRefuses_isAWarningWithout_andAnErrorOnTheIndexWith() throws Exception {
    JavaFileObject item = source("Item", """
        @Table
        @Index(expression = "position(name IN 5)")
        public record Item(@Id long id, String name) {}
        """);

    Compilation without = compile(List.of(item));
    assertThat(without).succeeded();
    assertThat(without).hadWarningContaining("[schemac:unchecked-sql]");

    Compilation with = compile(List.of(item), "-Aschemac.engineCheck=true");
    assertThat(with).failed();
    assertThat(with).hadErrorContaining("[schemac:engine-check]").inFile(item).onLineContaining("@Index");
    assertNoServerLeft();
  }

  /** The second version: the history applies, the current down and up again run on PostgreSQL. */
  @Test
  void secondVersion_historyDownAndUpRun_andCompile() throws Exception {
    assertThat(compile(List.of(version(1), source("Item", "@Table public record Item(@Id long id, @Column(length = 40) String name) {}")),
        "-Aschemac.engineCheck=true")).succeeded();

    Compilation second = compile(List.of(version(2), source("Item", """
        @Table
        public record Item(@Id long id, @Indexed @Column(length = 40) String name, @Check("qty >= 0") @Default("0") int qty) {}
        """)), "-Aschemac.engineCheck=true");

    assertThat(second).succeededWithoutWarnings();
    try (var undo = Files.list(dir.resolve("undo"))) {
      assertThat(undo.anyMatch(p -> p.getFileName().toString().startsWith("U2__"))).isTrue();
    }
    assertNoServerLeft();
  }
}
