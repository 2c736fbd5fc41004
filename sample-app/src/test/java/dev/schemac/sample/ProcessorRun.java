package dev.schemac.sample;

import dev.schemac.processor.SchemaProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import javax.tools.ToolProvider;

/** javac with the schemac processor on sources of the sample app, as a user's build runs it. */
record ProcessorRun(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
  /**
   * Runs {@code javac -proc:only} over {@code sources} with this module's test class path, the
   * generated sources and classes under {@code tmp}, and {@code options} ({@code -Aschemac.dir=...}).
   */
  static ProcessorRun of(Path tmp, List<Path> sources, String... options) throws IOException {
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
      return new ProcessorRun(task.call(), diagnostics.getDiagnostics());
    }
  }

  /** The diagnostics of these kinds. */
  List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind... kinds) {
    List<Diagnostic.Kind> wanted = List.of(kinds);
    return diagnostics.stream().filter(d -> wanted.contains(d.getKind())).toList();
  }
}
