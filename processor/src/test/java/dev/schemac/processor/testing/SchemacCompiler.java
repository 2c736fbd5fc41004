package dev.schemac.processor.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.schemac.processor.SchemaProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles Java sources with the schemac processor, the way javac runs it in a user's build, and
 * hands back the {@link Compilation} and the generated SQL.
 *
 * <pre>{@code
 * SchemacCompiler.Result result = SchemacCompiler.compile(tempDir,
 *     SchemacCompiler.source("com.example.User", "package com.example; ..."));
 * assertThat(result.compilation()).succeededWithoutWarnings();
 * String ddl = result.schemaSql();
 * }</pre>
 *
 * <p>The class path is explicit (the annotations, JSpecify, Jakarta Persistence), so that the
 * sources see exactly what a user's build would, whatever the test runner's class path is.
 */
public final class SchemacCompiler {

  /** Where the processor puts the schema inside the class output, next to the classes. */
  public static final String SCHEMA_RESOURCE = "db/schema.sql";

  private SchemacCompiler() {}

  /** The outcome of one compilation: what javac said, and where {@code schemac.dir} pointed. */
  public record Result(Compilation compilation, Path schemacDir) {

    /** {@code schema.sql} from the class output ({@code db/schema.sql}); fails when absent. */
    public String schemaSql() {
      return generatedResource(SCHEMA_RESOURCE)
          .orElseThrow(() -> new AssertionError(
              "the processor wrote no " + SCHEMA_RESOURCE + " to CLASS_OUTPUT; diagnostics: "
                  + compilation.diagnostics()));
    }

    /** {@code schema.sql} from the {@code schemac.dir} folder; fails when absent. */
    public String schemaSqlInDir() {
      return fileInDir("schema.sql")
          .orElseThrow(() -> new AssertionError(
              "the processor wrote no schema.sql to " + schemacDir + "; diagnostics: "
                  + compilation.diagnostics()));
    }

    /** A file the processor wrote under {@code schemac.dir}, by relative path. */
    public Optional<String> fileInDir(String relativePath) {
      Path file = schemacDir.resolve(relativePath);
      try {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, UTF_8)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The raw bytes of a file under {@code schemac.dir}, for byte-for-byte comparisons. */
    public byte[] bytesInDir(String relativePath) {
      try {
        return Files.readAllBytes(schemacDir.resolve(relativePath));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A resource the processor wrote to CLASS_OUTPUT, such as {@code db/schema.sql}. */
    public Optional<String> generatedResource(String path) {
      return generatedResourceBytes(path).map(bytes -> new String(bytes, UTF_8));
    }

    /** The raw bytes of a resource the processor wrote to CLASS_OUTPUT. */
    public Optional<byte[]> generatedResourceBytes(String path) {
      Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path);
      if (file.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = file.get().openInputStream()) {
        return Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Compiles {@code sources} with {@code -Aschemac.dir=<schemacDir>} and any extra options. */
  public static Result compile(Path schemacDir, List<JavaFileObject> sources, String... options) {
    return compile(schemacDir, List.of(), sources, options);
  }

  /**
   * As {@link #compile(Path, List, String...)}, with {@code classpath} (another module's classes,
   * see {@link #writeClasses}) on the class path too.
   */
  public static Result compile(Path schemacDir, List<File> classpath, List<JavaFileObject> sources, String... options) {
    List<String> allOptions = new ArrayList<>();
    allOptions.add("-Aschemac.dir=" + schemacDir.toAbsolutePath());
    allOptions.addAll(Arrays.asList(options));
    List<File> path = new ArrayList<>(userClasspath());
    path.addAll(classpath);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new SchemaProcessor())
            .withClasspath(path)
            .withOptions(allOptions)
            .compile(sources);
    return new Result(compilation, schemacDir.toAbsolutePath());
  }

  /** Writes the class files a compilation generated under {@code folder}, as a module's output folder. */
  public static File writeClasses(Compilation compilation, Path folder) {
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          // compile-testing names class outputs mem:///CLASS_OUTPUT/<path>
          String path = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "");
          Path target = folder.resolve(path);
          Files.createDirectories(target.getParent());
          try (InputStream in = file.openInputStream()) {
            Files.write(target, in.readAllBytes());
          }
        }
      }
      return folder.toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code sources} with {@code schemac.dir} set to {@code schemacDir}. */
  public static Result compile(Path schemacDir, JavaFileObject... sources) {
    return compile(schemacDir, List.of(sources));
  }

  /** Compiles into a new temporary {@code schemac.dir}. */
  public static Result compile(List<JavaFileObject> sources) {
    try {
      return compile(Files.createTempDirectory("schemac-"), sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles into a new temporary {@code schemac.dir}, asserting that the compilation fails. */
  public static Compilation failing(JavaFileObject... sources) {
    Compilation compilation = compile(List.of(sources)).compilation();
    com.google.testing.compile.CompilationSubject.assertThat(compilation).failed();
    return compilation;
  }

  /** The imports every test record may use: schemac's annotations, java.time, java.util, JSpecify. */
  public static final String IMPORTS = String.join("\n",
      "import dev.schemac.annotations.*;",
      "import java.math.BigDecimal;",
      "import java.time.*;",
      "import java.util.*;",
      "import org.jspecify.annotations.Nullable;",
      "");

  /** A type {@code simpleName} in {@code packageName} with {@link #IMPORTS}; {@code body} is its declaration. */
  public static JavaFileObject typeIn(String packageName, String simpleName, String body) {
    return source(packageName + "." + simpleName, "package " + packageName + ";", "", IMPORTS, body);
  }

  /** A source from a string; {@code qualifiedName} is the top-level type, e.g. {@code com.example.User}. */
  public static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceString(qualifiedName, String.join("\n", lines));
  }

  /** A source from the test resources, e.g. {@code realistic/com/example/shop/User.java}. */
  public static JavaFileObject resource(String path) {
    return JavaFileObjects.forResource(path);
  }

  /**
   * Every {@code .java} file in a test-resource folder and below, sorted by path, e.g. {@code
   * realistic/com/example/shop}.
   */
  public static List<JavaFileObject> resourcesUnder(String folder) {
    URL url = SchemacCompiler.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalArgumentException("no test resource folder " + folder);
    }
    Path root;
    try {
      root = Paths.get(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(folder + " is not a folder on the file system: " + url, e);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .sorted()
          .map(SchemacCompiler::toFileObject)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject toFileObject(Path file) {
    try {
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a user's module compiles against: the schemac annotations and common nullness/JPA jars. */
  private static List<File> userClasspath() {
    List<File> classpath = new ArrayList<>();
    classpath.add(locationOf(dev.schemac.annotations.Table.class));
    classpath.add(locationOf(org.jspecify.annotations.Nullable.class));
    classpath.add(locationOf(jakarta.persistence.Entity.class));
    return List.copyOf(classpath);
  }

  private static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
    }
  }
}
