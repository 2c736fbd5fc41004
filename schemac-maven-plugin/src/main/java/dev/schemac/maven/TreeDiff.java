package dev.schemac.maven;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The differences between the committed folder and the folder the processor wrote: one unified
 * diff per file ({@code --- committed/x}, {@code +++ generated/x}, three lines of context), a
 * file only on one side diffed against nothing.
 */
final class TreeDiff {
  /** One differing file: its path relative to the folders, what happened, and the unified diff. */
  record FileDiff(String path, String kind, List<String> unifiedDiff) {}

  private TreeDiff() {}

  static List<FileDiff> compare(Path committed, Path generated) throws IOException {
    Set<String> paths = new TreeSet<>();
    paths.addAll(files(committed));
    paths.addAll(files(generated));
    List<FileDiff> out = new ArrayList<>();
    for (String path : paths) {
      Path before = committed.resolve(path);
      Path after = generated.resolve(path);
      boolean had = Files.isRegularFile(before);
      boolean has = Files.isRegularFile(after);
      if (had && has && Arrays.equals(Files.readAllBytes(before), Files.readAllBytes(after))) {
        continue;
      }
      List<String> old = had ? lines(before) : List.of();
      List<String> now = has ? lines(after) : List.of();
      Patch<String> patch = DiffUtils.diff(old, now);
      List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(had ? "committed/" + path : "/dev/null",
          has ? "generated/" + path : "/dev/null", old, patch, 3);
      if (diff.isEmpty()) { // same lines, other bytes: line endings or a final newline
        diff = List.of("--- committed/" + path, "+++ generated/" + path,
            "(the lines are equal; the bytes differ: line endings, encoding or the final newline)");
      }
      out.add(new FileDiff(path, !had ? "missing" : !has ? "stale" : "differs", diff));
    }
    return out;
  }

  private static List<String> lines(Path file) throws IOException {
    return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
  }

  /** Regular files under {@code root}, relative, with '/'; the processor's own temporary files excluded. */
  private static Set<String> files(Path root) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().endsWith(".schemac-tmp"))
          .forEach(f -> out.add(root.relativize(f).toString().replace('\\', '/')));
    }
    return out;
  }
}
