package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.annotations.Table;
import dev.schemac.processor.SchemaProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE or incremental build recompiles only some records; the others come from their class
 * files, which have lost doc comments, @SuppressWarnings and (JDK 17) TYPE_USE annotations. The
 * files written must be the bytes of a full compile, and nothing may be taken for dropped.
 */
class IncrementalBuildTest {
  @TempDir Path root;

  private static final String PACKAGE_INFO = """
      @dev.schemac.annotations.Schema(version = 1)
      package shop;
      """;

  private static final String USER = """
      package shop;

      import dev.schemac.annotations.*;
      import java.util.UUID;
      import org.jspecify.annotations.Nullable;

      /**
       * People who buy things.
       *
       * @param nickname what friends call them
       */
      @Table
      @SuppressWarnings("schemac:all-columns-nullable")
      public record User(@Id UUID id, @Nullable String nickname) {}
      """;

  private static final String ORDER = """
      package shop;

      import dev.schemac.annotations.*;
      import java.util.UUID;

      /** What they bought. */
      @Table
      public record Order(@Id UUID id, @References(User.class) @Indexed UUID userId, long totalCents) {}
      """;

  @Test
  void recompilingOneRecord_writesTheBytesOfAFullCompile() throws Exception {
    Path sources = write(root.resolve("src"), Map.of("package-info", PACKAGE_INFO, "User", USER, "Order", ORDER));
    Path full = root.resolve("full");
    compile(List.of(sources.resolve("shop/package-info.java"), sources.resolve("shop/User.java"),
        sources.resolve("shop/Order.java")), root.resolve("classes-full"), null, full);
    Map<String, String> expected = files(full);
    assertThat(expected.keySet()).contains("migration/V1__initial_schema.sql");
    assertThat(expected.get("schema.sql")).contains("COMMENT ON COLUMN users.nickname IS 'what friends call them'");
    assertThat(expected.get("schema.sql")).containsMatch("nickname text,?\\n");

    // the same build, then only Order.java again: User and package-info come from class files
    Path incremental = root.resolve("incremental");
    Path classes = root.resolve("classes");
    compile(List.of(sources.resolve("shop/package-info.java"), sources.resolve("shop/User.java"),
        sources.resolve("shop/Order.java")), classes, null, incremental);
    compile(List.of(sources.resolve("shop/Order.java")), root.resolve("classes-2"), classes, incremental);

    Map<String, String> actual = files(incremental);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String file : expected.keySet()) {
      assertWithMessage(file).that(actual.get(file)).isEqualTo(expected.get(file));
    }
    // the package's metamodel still names User, read back from its class file
    String metamodel = Files.readString(root.resolve("classes-2/shop/Tables.java"), StandardCharsets.UTF_8);
    assertThat(metamodel).contains("class UserTable");
    assertThat(metamodel).isEqualTo(Files.readString(root.resolve("classes-full/shop/Tables.java"),
        StandardCharsets.UTF_8));
  }

  private static final String MEMBER = """
      package shop;

      import dev.schemac.annotations.*;
      import java.time.Instant;
      import java.util.UUID;
      import org.jspecify.annotations.Nullable;

      /** Members; a deleted one keeps its row. */
      @Table
      @SoftDelete
      public record Member(@Id UUID id, String name, @Nullable Instant deletedAt) {}
      """;

  private static final String POST = """
      package shop;

      import dev.schemac.annotations.*;
      import java.util.UUID;
      import org.jspecify.annotations.Nullable;

      /** What members write; a post outlives its author. */
      @Table
      public record Post(
          @Id UUID id,
          @References(value = Member.class, onDelete = ReferentialAction.SET_NULL) @Indexed @Nullable UUID authorId,
          String body) {}
      """;

  private static final String TAG = """
      package shop;

      import dev.schemac.annotations.*;
      import java.util.UUID;

      /** Words to find posts by. */
      @Table
      public record Tag(@Id UUID id, @Unique @Column(length = 40) String word) {}
      """;

  /**
   * Issue 12, item 15: on JDK 17 a record read from its class file has lost JSpecify's TYPE_USE
   * {@code @Nullable} (javac 17 does not give type annotations read from class files,
   * JDK-8225377). The soft-delete column and the SET NULL key of those records must still be
   * nullable: the snapshot says so, and the build is the bytes of a full compile.
   */
  @Test
  void recompilingOneRecord_onJdk17_keepsTypeUseNullableOfTheOthers() throws Exception {
    Map<String, String> expected = assertRecompilingEachGivesTheFullBuild(
        Map.of("package-info", PACKAGE_INFO, "Member", MEMBER, "Post", POST, "Tag", TAG), List.of("Tag", "Post", "Member"));
    assertThat(expected.get("schema.sql")).containsMatch("deleted_at +timestamptz,?\\n");
  }

  private static final String ANIMAL = """
      package shop;

      import jakarta.persistence.*;

      /** Every animal of the shelter. */
      @Entity
      @Table(name = "animals")
      public class Animal {
        @Id Long id;
        @Column(nullable = false) String name;
      }
      """;

  private static final String DOG = """
      package shop;

      import jakarta.persistence.*;
      import java.util.Set;

      /** A dog, in the animals table; its tricks in a table of their own. */
      @Entity
      public class Dog extends Animal {
        /** What the dog does on command. */
        @ElementCollection @Column(name = "trick", nullable = false) Set<String> tricks;
      }
      """;

  private static final String TOY = """
      package shop;

      import jakarta.persistence.*;

      /** A toy of the shelter. */
      @Entity
      @Table(name = "toys")
      public class Toy {
        @Id Long id;
        @Column(nullable = false) String name;
      }
      """;

  @Test
  void recompilingOneEntity_keepsTheCollectionTableOfASubclassReadFromItsClassFile() throws Exception {
    // only Toy.java again: the dog_tricks table names Dog, which is read back from its class file
    Map<String, String> expected = assertRecompilingEachGivesTheFullBuild(
        Map.of("package-info", PACKAGE_INFO, "Animal", ANIMAL, "Dog", DOG, "Toy", TOY), List.of("Toy"));
    assertThat(expected.get("schema.sql")).contains("CREATE TABLE dog_tricks");
  }

  /**
   * Compiles {@code sources} (by simple name) in full, then again and, one at a time, each of
   * {@code recompiled} alone against the class files of the first: every time the files under
   * schemac.dir are the bytes of the full build, which this returns.
   */
  private Map<String, String> assertRecompilingEachGivesTheFullBuild(Map<String, String> sources,
      List<String> recompiled) throws Exception {
    Path src = write(root.resolve("src"), sources);
    List<Path> all = sources.keySet().stream().sorted().map(n -> src.resolve("shop/" + n + ".java")).toList();
    Path full = root.resolve("full");
    compile(all, root.resolve("classes-full"), null, full);
    Map<String, String> expected = files(full);
    Path incremental = root.resolve("incremental");
    Path classes = root.resolve("classes");
    compile(all, classes, null, incremental);
    for (String only : recompiled) {
      compile(List.of(src.resolve("shop/" + only + ".java")), root.resolve("classes-" + only), classes, incremental);
      Map<String, String> actual = files(incremental);
      assertWithMessage("recompiling %s", only).that(actual.keySet()).isEqualTo(expected.keySet());
      for (String file : expected.keySet()) {
        assertWithMessage("%s after recompiling %s", file, only).that(actual.get(file)).isEqualTo(expected.get(file));
      }
    }
    return expected;
  }

  private static Path write(Path dir, Map<String, String> sources) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("shop"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Files.writeString(pkg.resolve(e.getKey() + ".java"), e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** Real javac, in process, with the processor, class files on disk and an optional earlier output on the classpath. */
  private static void compile(List<Path> files, Path classes, Path earlierClasses, Path schemacDir) throws Exception {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<File> classpath = new ArrayList<>(List.of(jarOf(Table.class), jarOf(Nullable.class),
          jarOf(jakarta.persistence.Entity.class)));
      if (earlierClasses != null) {
        classpath.add(earlierClasses.toFile());
      }
      fm.setLocation(StandardLocation.CLASS_PATH, classpath);
      fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(out, fm, null,
          List.of("-Aschemac.dir=" + schemacDir.toAbsolutePath()),
          null, fm.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new SchemaProcessor()));
      assertWithMessage(out.toString()).that(task.call()).isTrue();
      assertWithMessage(out.toString()).that(out.toString()).doesNotContain("warning");
    }
  }

  private static File jarOf(Class<?> type) throws URISyntaxException {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString().replace(File.separatorChar, '/'), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
