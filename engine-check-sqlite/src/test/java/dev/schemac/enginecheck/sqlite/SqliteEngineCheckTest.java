package dev.schemac.enginecheck.sqlite;

import static com.google.common.truth.Truth.assertThat;
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
 * The SQLite engine check, as a user's build runs it: this artifact beside the processor, {@code
 * -Aschemac.targets=sqlite -Aschemac.engineCheck=true}. What only SQLite can decide fails javac on
 * the annotation the statement came from, and nothing is written.
 */
class SqliteEngineCheckTest {
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
    List<String> all = new ArrayList<>(List.of("-Aschemac.dir=" + dir.toAbsolutePath(), "-Aschemac.targets=sqlite"));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(new SchemaProcessor())
        .withClasspath(List.of(new File(dev.schemac.annotations.Table.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI())))
        .withOptions(all).compile(sources);
  }

  /** A function SQLite does not have, in SQL written for SQLite: a warning without the check, an error on the @Check with it. */
  @Test
  void checkCallingAFunctionThatDoesNotExist_isAWarningWithout_andAnErrorOnTheCheckWith() throws Exception {
    JavaFileObject item = source("Item", """
        @Table
        public record Item(
            @Id long id,
            @Check("frobnicate(name) > 0") String name) {}
        """);

    Compilation without = compile(List.of(item));
    assertThat(without).succeeded();
    assertThat(without).hadWarningContaining("[schemac:unchecked-sql]");

    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    Compilation with = compile(List.of(item), "-Aschemac.engineCheck=true");
    assertThat(with).failed();
    assertThat(with).hadErrorCount(1);
    assertThat(with).hadErrorContaining("[schemac:engine-check] SQLite refused sqlite/schema.sql")
        .inFile(item).onLineContaining("@Check");
    assertThat(with).hadErrorContaining("no such function: frobnicate");
    assertThat(Files.exists(dir.resolve("sqlite/schema.sql"))).isFalse();
  }

  /** An index expression SQLite refuses: the error is on the @Index. */
  @Test
  void indexOnAFunctionThatDoesNotExist_isAnErrorOnTheIndex() throws Exception {
    JavaFileObject item = source("Item", """
        @Table
        @Index(expression = "soundex2(name)")
        public record Item(@Id long id, @Column(length = 40) String name) {}
        """);

    Compilation with = compile(List.of(item), "-Aschemac.engineCheck=true");
    assertThat(with).failed();
    assertThat(with).hadErrorContaining("[schemac:engine-check]").inFile(item).onLineContaining("@Index");
    assertThat(with).hadErrorContaining("no such function: soundex2");
  }

  /** Two versions: the history, the down (a rebuild) and the up again run on SQLite, and the build passes. */
  @Test
  void secondVersionWithARebuild_historyDownAndUpRun_andCompile() throws Exception {
    assertThat(compile(List.of(version(1), source("Item",
        "@Table public record Item(@Id long id, @Column(length = 40) String name) {}")),
        "-Aschemac.engineCheck=true")).succeededWithoutWarnings();

    Compilation second = compile(List.of(version(2), source("Item", """
        @Table
        public record Item(@Id long id, @Indexed @Column(length = 80) String name, @Check("qty >= 0") @Default("0") int qty) {}
        """)), "-Aschemac.engineCheck=true");

    assertThat(second).succeededWithoutWarnings();
    String up;
    try (var migration = Files.list(dir.resolve("sqlite/migration"))) {
      up = Files.readString(migration.filter(p -> p.getFileName().toString().matches("V2__.*\\.sql")).findFirst()
          .orElseThrow());
    }
    assertThat(up).contains("items is rebuilt");
    try (var undo = Files.list(dir.resolve("sqlite/undo"))) {
      assertThat(undo.anyMatch(p -> p.getFileName().toString().startsWith("U2__"))).isTrue();
    }
  }
}
