package dev.schemac.processor.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes generated files twice: under {@code schemac.dir}, where the user commits them, and
 * into the class output under {@code db/}, so tests and code of the same build read the fresh
 * bytes from the classpath (Flyway's default location is {@code classpath:db/migration}).
 */
public final class OutputFiles {
  /** Where the class-output copies go by default: the classpath folder Flyway looks in by default. */
  public static final String CLASSPATH_FOLDER = "db";

  private final Map<String, String> files = new LinkedHashMap<>();
  private final String classpathFolder;

  /** Class-output copies under {@link #CLASSPATH_FOLDER}. */
  public OutputFiles() {
    this(CLASSPATH_FOLDER);
  }

  /** Class-output copies under {@code classpathFolder} ({@code -Aschemac.location}, e.g. {@code db/orders}). */
  public OutputFiles(String classpathFolder) {
    this.classpathFolder = classpathFolder;
  }

  /** The class-path folder of the class-output copies. */
  public String classpathFolder() {
    return classpathFolder;
  }

  /** A valid {@code -Aschemac.location}: a relative class-path folder of plain names, e.g. {@code db/orders}. */
  public static boolean validClasspathFolder(String folder) {
    return folder.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") && !folder.matches("(.*/)?\\.{1,2}(/.*)?");
  }

  /** Adds a file by its path relative to the output folder, with '/' separators. */
  public void add(String relativePath, String content) {
    files.put(relativePath, content);
  }

  public Map<String, String> files() {
    return Map.copyOf(files);
  }

  /**
   * Writes every file under {@code dir} (null: skipped) and into the class output. A file under
   * {@code dir} is replaced atomically, and left alone when its bytes are already right, so an
   * IDE watching the folder sees no change.
   */
  public void writeAll(Path dir, Filer filer) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (dir != null) {
        writeAtomically(dir.resolve(file.getKey()), bytes);
      }
      FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", classpathFolder + "/" + file.getKey());
      try (OutputStream out = resource.openOutputStream()) {
        out.write(bytes);
      }
    }
  }

  /**
   * For verify mode: the files under {@code dir} that differ from what would be written, are
   * missing, or are stale (listed in {@code stale}), sorted. Writes nothing.
   */
  public List<String> differences(Path dir, List<String> stale) throws IOException {
    List<String> out = new ArrayList<>();
    if (dir == null) {
      out.add("(no -Aschemac.dir to compare with)");
      return out;
    }
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      Path path = dir.resolve(file.getKey());
      if (!Files.isRegularFile(path)) {
        out.add(file.getKey() + " (missing)");
      } else if (!Arrays.equals(Files.readAllBytes(path), file.getValue().getBytes(StandardCharsets.UTF_8))) {
        out.add(file.getKey() + " (differs)");
      }
    }
    stale.forEach(s -> out.add(s + " (stale)"));
    return out;
  }

  /** Removes files of the current version that carry an old description. */
  public void deleteStale(Path dir, List<String> stale) throws IOException {
    if (dir == null) {
      return;
    }
    for (String file : stale) {
      Files.deleteIfExists(dir.resolve(file));
    }
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return;
    }
    Files.createDirectories(target.getParent());
    // Not Files.createTempFile: its owner-only permissions would stick to a file people commit.
    Path temp = target.resolveSibling("." + target.getFileName() + ".schemac-tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
