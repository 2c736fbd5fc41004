package dev.schemac.sample.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.processor.SchemaProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed files are what the sources generate: javac with schemac, on the sample's sources,
 * writing into a copy of the committed folder, changes no byte of it, adds no file and says
 * nothing (no error, no warning). The released versions 1 and 2 are not rendered again; the copy
 * still checks them, against the hashes their snapshots chain.
 */
class CommittedFilesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/schemac/sample/portable");
  private static final Path COMMITTED = Path.of("src/main/resources/db");

  @Test
  void committedFiles_areWhatTheSourcesGenerate(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("db");
    Map<String, byte[]> committed = files(COMMITTED);
    for (Map.Entry<String, byte[]> file : committed.entrySet()) {
      Files.createDirectories(copy.resolve(file.getKey()).getParent());
      Files.write(copy.resolve(file.getKey()), file.getValue());
    }

    List<String> said = compile(tmp, "-Aschemac.dir=" + copy.toAbsolutePath(),
        "-Aschemac.targets=" + String.join(",", ShopMigrations.TARGETS));
    assertEquals(List.of(), said, "javac has nothing to say about the sample");

    Map<String, byte[]> generated = files(copy);
    assertEquals(committed.keySet(), generated.keySet(), "the same files");
    committed.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, generated.get(file)),
        () -> file + " differs: compile the module and commit what it wrote"));
    for (String target : ShopMigrations.TARGETS) {
      String folder = target.equals("postgresql") ? "" : target + "/";
      assertTrue(committed.containsKey(folder + "migration/V3__refunds_longer_titles_optional_phone.sql")
          && committed.containsKey(folder + "undo/U1__initial_schema.sql"), target + "'s history, V1 to V3");
    }
  }

  /** javac -proc:only with schemac over the sample's sources; the errors and warnings it reported. */
  private static List<String> compile(Path tmp, String... options) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.list(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    List<String> arguments = new ArrayList<>(List.of("-proc:only", "-classpath", System.getProperty("java.class.path"),
        "-s", Files.createDirectories(tmp.resolve("generated")).toString(),
        "-d", Files.createDirectories(tmp.resolve("classes")).toString()));
    arguments.addAll(List.of(options));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new SchemaProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT)).toList();
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
