package dev.schemac.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * javac has no notion of a test compilation, so schemac defines one from where the classes go:
 * a compilation whose class output is the build tool's test output. Such a compilation must
 * never write the files the user commits (a {@code @Table} record under {@code src/test} would
 * replace {@code schema.sql} with its own table) nor a metamodel that shadows the main one.
 *
 * <p>The rule, documented in README and docs/migrations.md: the class output folder is Maven's
 * {@code test-classes} (the default {@code project.build.testOutputDirectory}), or Gradle's
 * {@code classes/java/<source set>} for a source set whose name contains {@code test}
 * ({@code test}, {@code integrationTest}, {@code testFixtures}).
 */
final class TestCompilation {
  private TestCompilation() {}

  /** The class output folder, or null when javac's file manager has none on disk (in-memory, as in tests). */
  static Path classOutput(Filer filer) {
    try {
      FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "schemac.probe");
      URI uri = probe.toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Whether {@code classOutput} is a test compilation's by the rule above; null is not. */
  static boolean isTestOutput(Path classOutput) {
    if (classOutput == null || classOutput.getFileName() == null) {
      return false;
    }
    String name = classOutput.getFileName().toString();
    if (name.equals("test-classes")) {
      return true;
    }
    Path language = classOutput.getParent();
    Path classes = language == null ? null : language.getParent();
    return classes != null && classes.getFileName() != null && classes.getFileName().toString().equals("classes")
        && language.getFileName().toString().equals("java")
        && name.toLowerCase(Locale.ROOT).contains("test");
  }
}
