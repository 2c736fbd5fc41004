package dev.schemac.maven;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs schemac's processor over the main sources the way the build's compile does, but into a
 * copy of {@code schemac.dir}: {@code javac -proc:only} (no classes), whatever Maven's
 * incremental compilation thinks is up to date. The copy then holds what the sources generate
 * from the committed history, ready to be compared with the committed files.
 */
final class ProcessorRun {
  /** What javac said; {@code success} is false when it reported an error. */
  record Result(boolean success, List<String> errors, List<String> warnings) {}

  private static final String BASELINE = "schemac.baseline";
  private static final String UPDATE_BASELINE = "schemac.updateBaseline";

  private ProcessorRun() {}

  /**
   * @param sourceRoots   the main source folders (generated-source folders of this processor excluded)
   * @param classpath     the compile class path, without the project's own class output
   * @param processorPath schemac-processor and its dependencies
   * @param options       the {@code schemac.*} options of the build, {@code schemac.dir} and
   *                      {@code schemac.verify} excepted
   * @param dir           where the processor writes: a copy of the committed folder
   * @param work          a scratch folder for the class and source output
   */
  static Result run(List<Path> sourceRoots, List<String> classpath, List<File> processorPath,
      Map<String, String> options, String release, String encoding, Path dir, Path work) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException(PluginErrorId.NO_JAVAC.message("Maven runs on a Java runtime without javac ("
          + System.getProperty("java.home") + "): run it with a JDK"));
    }
    List<File> sources = new ArrayList<>();
    for (Path root : sourceRoots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.add(f.toFile()));
        }
      }
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated-sources"));
    List<String> args = new ArrayList<>(List.of("-proc:only", "-implicit:none", "-nowarn",
        "-processor", "dev.schemac.processor.SchemaProcessor",
        "-processorpath", processorPath.stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator)),
        "-classpath", String.join(File.pathSeparator, classpath),
        "-d", classes.toString(), "-s", generated.toString(),
        "-A" + CompilerSettings.OPTION_DIR + "=" + dir.toAbsolutePath()));
    if (release != null) {
      args.addAll(List.of("--release", release));
    }
    if (encoding != null) {
      args.addAll(List.of("-encoding", encoding));
    }
    options.forEach((key, value) -> {
      if (!key.equals(CompilerSettings.OPTION_DIR) && !key.equals("schemac.verify")
          && !key.equals(BASELINE) && !key.equals(UPDATE_BASELINE)) {
        args.add("-A" + key + "=" + value);
      }
    });
    String baseline = options.get(BASELINE);
    if (baseline != null && !baseline.isBlank()) {
      // read as the build reads it, but a copy: the processor writes the file when it does not exist
      Path copy = work.resolve("schemac-baseline.txt");
      Path committed = Path.of(baseline.strip());
      if (Files.isRegularFile(committed)) {
        Files.copy(committed, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      args.add("-A" + BASELINE + "=" + copy.toAbsolutePath());
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Charset charset = encoding == null ? null : Charset.forName(encoding);
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, charset)) {
      StringWriter out = new StringWriter();
      boolean success = sources.isEmpty() || javac.getTask(out, files, diagnostics, args, null,
          files.getJavaFileObjectsFromFiles(sources)).call();
      // javac's diagnostics, the processor's among them: each already carries its id
      List<String> javacErrors = new ArrayList<>();
      List<String> javacWarnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        String text = where + d.getMessage(Locale.ROOT);
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          javacErrors.add(text);
        } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
          javacWarnings.add(text);
        }
      }
      if (!out.toString().isBlank()) {
        javacWarnings.add(out.toString().strip());
      }
      return new Result(success && javacErrors.isEmpty(), javacErrors, javacWarnings);
    }
  }

  /** Copies {@code from} (if it exists) to a new, empty {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    deleteTree(to);
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
