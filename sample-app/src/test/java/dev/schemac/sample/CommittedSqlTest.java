package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed SQL is not stale: the sample sources, compiled in verify mode against the
 * committed folder, match it file for file, and verify mode changes nothing there.
 */
class CommittedSqlTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/schemac/sample");
  private static final Path COMMITTED = Path.of("src/main/resources/db").toAbsolutePath();

  @Test
  void committedFiles_areWhatTheSourcesGenerate(@TempDir Path tmp) throws Exception {
    Map<String, byte[]> before = snapshot();
    List<Path> sources;
    try (Stream<Path> files = Files.list(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    ProcessorRun run = ProcessorRun.of(tmp, sources, "-Aschemac.dir=" + COMMITTED, "-Aschemac.verify=true",
        "-Aschemac.targets=postgresql,mongodb");
    List<String> problems = run.of(Diagnostic.Kind.ERROR, Diagnostic.Kind.WARNING).stream()
        .map(d -> d.getMessage(Locale.ROOT)).toList();
    assertEquals(List.of(), problems, "compile the sample app without -Aschemac.verify and commit its files");
    assertTrue(run.success());
    Map<String, byte[]> after = snapshot();
    assertEquals(before.keySet(), after.keySet(), "verify mode writes no file");
    before.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(file)), file));
  }

  private static Map<String, byte[]> snapshot() throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(COMMITTED)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(COMMITTED.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    assertTrue(out.containsKey("schema.sql") && out.size() > 10, "the committed folder: " + out.keySet());
    return out;
  }
}
