package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class TimingsOptionTest {
  private static final JavaFileObject USER = SchemacCompiler.typeIn("com.example.t", "User",
      "@Table public record User(@Id UUID id, String name) {}");

  private static List<String> notes(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains("timings")).toList();
  }

  private static java.nio.file.Path tempDir() {
    try {
      return java.nio.file.Files.createTempDirectory("schemac-timings-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void timingsOption_printsEveryPhaseAsANote() {
    Compilation c = SchemacCompiler.compile(tempDir(), List.of(USER), "-Aschemac.timings=true").compilation();
    assertThat(c).succeededWithoutWarnings();
    assertThat(notes(c)).hasSize(1);
    assertThat(notes(c).get(0)).containsMatch(
        "\\[schemac\\] timings for 1 tables: read [0-9.]+ ms, rules [0-9.]+ ms, version [0-9.]+ ms, render [0-9.]+ ms, write [0-9.]+ ms");
  }

  @Test
  void byDefault_noTimings() {
    assertThat(notes(SchemacCompiler.compile(List.of(USER)).compilation())).isEmpty();
  }
}
