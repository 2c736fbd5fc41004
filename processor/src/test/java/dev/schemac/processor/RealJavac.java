package dev.schemac.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Runs the system javac with the schemac processor and a real class-output folder on disk. For
 * failed compilations compile-testing hides the generated files, so "nothing was written" is
 * checked here, on the file system, exactly as a user's build would leave it.
 */
final class RealJavac {

  /** What one compilation left behind; {@link #delete()} removes it once checked. */
  record Run(boolean success, List<String> diagnostics, Path root, Path classOutput, Path schemacDir) {
    void delete() {
      deleteTree(root);
    }

    /** {@code db/schema.sql} in the class output. */
    Path classOutputSchema() {
      return classOutput.resolve("db/schema.sql");
    }

    /** {@code schema.sql} in {@code -Aschemac.dir}. */
    Path dirSchema() {
      return schemacDir.resolve("schema.sql");
    }
  }

  private RealJavac() {}

  /** Compiles with {@code -Aschemac.dir} set to a new absolute folder. */
  static Run compile(List<JavaFileObject> sources) {
    return compile(sources, null);
  }

  /** Compiles with {@code -Aschemac.dir=<schemacDirOption>}, or a new absolute folder when null. */
  static Run compile(List<JavaFileObject> sources, String schemacDirOption) {
    return compile(sources, schemacDirOption, "classes");
  }

  /**
   * As {@link #compile(List, String)}, with the class output at {@code classOutput} (a relative
   * path such as {@code target/test-classes}) under the new temporary folder.
   */
  static Run compile(List<JavaFileObject> sources, String schemacDirOption, String classOutput) {
    try {
      Path root = Files.createTempDirectory("schemac-javac-");
      Path classes = Files.createDirectories(root.resolve(classOutput));
      Path generated = Files.createDirectories(root.resolve("generated"));
      Path schemacDir = schemacDirOption == null ? root.resolve("db") : Path.of(schemacDirOption);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
        files.setLocation(StandardLocation.CLASS_PATH, classpath());
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
            List.of("-proc:only", "-Aschemac.dir=" + (schemacDirOption == null ? schemacDir.toAbsolutePath() : schemacDirOption)), null, sources);
        task.setProcessors(List.of(new SchemaProcessor()));
        boolean success = task.call();
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
        }
        return new Run(success, List.copyOf(messages), root, classes, schemacDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<File> classpath() {
    return List.of(
        locationOf(dev.schemac.annotations.Table.class),
        locationOf(org.jspecify.annotations.Nullable.class),
        locationOf(jakarta.persistence.Entity.class));
  }

  private static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
