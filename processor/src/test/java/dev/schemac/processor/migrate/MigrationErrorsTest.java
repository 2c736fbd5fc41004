package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the versioned build refuses, warns about, and how it treats the files it owns: frozen
 * versions, stale descriptions, verify mode, determinism.
 */
class MigrationErrorsTest {

  @TempDir Path dir;

  private static final JavaFileObject ITEM_V1 = type("Item", "@Table public record Item(@Id long id, String name) {}");

  /** Every file under {@code root}, relative path (with '/') to its bytes. */
  static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, FileTime> mtimes(Path root) {
    Map<String, FileTime> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, String> texts(Path root) {
    Map<String, String> out = new TreeMap<>();
    files(root).forEach((k, v) -> out.put(k, new String(v, UTF_8)));
    return out;
  }

  static List<String> errors(Compilation c) {
    return c.errors().stream().map(d -> d.getMessage(null)).toList();
  }

  // ------------------------------------------------------------------ drops that must be acknowledged

  @Test
  void droppedColumn_withoutDrop_isAnError_suggestingTheRenameAndTheAcknowledgment() {
    compileOk(dir, version(1, ITEM_V1));
    JavaFileObject item = type("Item", "@Table public record Item(@Id long id, String title) {}");
    Compilation c = SchemacCompiler.compile(dir, version(2, item)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename", "@RenamedFrom(\"name\")"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename",
            "column items.name is gone from the sources"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename",
            "@Drop(table = \"items\", column = \"name\")"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename", "title"));
    assertThat(Files.exists(dir.resolve("snapshots/v2.json"))).isFalse();
  }

  @Test
  void droppedColumn_withoutDrop_andNothingLikeIt_onlyOffersTheAcknowledgment() {
    compileOk(dir, version(1, ITEM_V1));
    Compilation c = SchemacCompiler.compile(dir,
        version(2, type("Item", "@Table public record Item(@Id long id) {}"))).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("destructive-change",
            "@Drop(table = \"items\", column = \"name\")"));
    assertThat(String.join("\n", errors(c))).doesNotContain("@RenamedFrom");
  }

  @Test
  void droppedTable_withoutDrop_isAnError_suggestingTheRenameAndTheAcknowledgment() {
    compileOk(dir, version(1, type("Client", "@Table public record Client(@Id long id, String name, String city) {}")));
    Compilation c = SchemacCompiler.compile(dir, version(2,
        type("Customer", "@Table public record Customer(@Id long id, String name, String city) {}"))).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename",
            "table clients is gone from the sources"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename",
            "@RenamedFrom(\"clients\") on Customer"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("ambiguous-rename", "@Drop(table = \"clients\")"));
    assertThat(Files.exists(dir.resolve("snapshots/v2.json"))).isFalse();
  }

  @Test
  void notNullColumnWithoutDefault_addedToExistingTable_isAnErrorOnThatComponent() {
    compileOk(dir, version(1, ITEM_V1));
    JavaFileObject item = type("Item", String.join("\n",
        "@Table",
        "public record Item(",
        "    @Id long id,",
        "    String name,",
        "    String sku) {}"));
    Compilation c = SchemacCompiler.compile(dir, version(2, item)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("not-null-without-default",
            "column items.sku is added NOT NULL without a default"))
        .inFile(item).onLineContaining("String sku");
    assertThat(Files.exists(dir.resolve("snapshots/v2.json"))).isFalse();
  }

  // ------------------------------------------------------------------ the version declaration

  @Test
  void versionSkippingOne_isAnError() {
    compileOk(dir, version(1, ITEM_V1));
    Compilation c = SchemacCompiler.compile(dir, version(3, ITEM_V1)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("version-order",
            "@Schema(version = 3) does not follow the committed snapshots"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("version-order", "v1.json"));
    assertThat(Files.exists(dir.resolve("snapshots/v3.json"))).isFalse();
  }

  @Test
  void versionGoingBack_isAnError() {
    compileOk(dir, version(1, ITEM_V1));
    compileOk(dir, version(2, ITEM_V1));
    Map<String, byte[]> before = files(dir);
    Compilation c = SchemacCompiler.compile(dir, version(1, ITEM_V1)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("version-order",
            "@Schema(version = 1) does not follow the committed snapshots"));
    assertThat(asTexts(files(dir))).containsExactlyEntriesIn(asTexts(before));
  }

  @Test
  void twoSchemaDeclarations_inOneCompilation_isAnError() {
    Compilation c = SchemacCompiler.compile(dir, List.of(
        MigrationScenarioTest.schema("version = 1"),
        type("Item", "@Table @Schema(version = 1) public record Item(@Id long id, String name) {}"))).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("duplicate-schema",
            "@Schema is declared 2 times in this compilation"));
    assertThat(Files.exists(dir.resolve("snapshots"))).isFalse();
  }

  @Test
  void schemaOnAType_meansTheSameAsOnThePackage() {
    Path other = dir.resolve("other");
    compileOk(dir.resolve("pkg"), version(1, ITEM_V1));
    compileOk(other, List.of(type("Item", "@Table @Schema(version = 1) public record Item(@Id long id, String name) {}")));
    Map<String, String> onPackage = texts(dir.resolve("pkg"));
    Map<String, String> onType = texts(other);
    onPackage.remove("schema.sql");
    onType.remove("schema.sql");
    assertThat(onType).containsExactlyEntriesIn(onPackage);
  }

  // ------------------------------------------------------------------ frozen and current versions

  @Test
  void handEditOfAFrozenFile_isAnErrorNamingTheFile() throws IOException {
    compileOk(dir, version(1, ITEM_V1));
    JavaFileObject itemV2 = type("Item", "@Table public record Item(@Id long id, String name, @org.jspecify.annotations.Nullable String note) {}");
    compileOk(dir, version(2, itemV2));
    Path v1 = dir.resolve("migration/V1__initial_schema.sql");
    assertThat(Files.exists(v1)).isTrue();
    Files.writeString(v1, Files.readString(v1, UTF_8) + "\n-- a hand edit\n", UTF_8);
    Map<String, byte[]> before = files(dir);

    Compilation c = SchemacCompiler.compile(dir, version(2, itemV2)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed",
            "migration/V1__initial_schema.sql (edited)"));
    assertThat(texts(dir)).containsExactlyEntriesIn(asTexts(before));
  }

  /** A released file older than the diff's base is checked too (its snapshot is read only up to the hashes). */
  @Test
  void handEditOfAnOlderReleasedFile_notTheBase_isAnError() throws IOException {
    compileOk(dir, version(1, ITEM_V1));
    JavaFileObject itemV2 = type("Item", "@Table public record Item(@Id long id, String name, @org.jspecify.annotations.Nullable String note) {}");
    compileOk(dir, version(2, itemV2));
    compileOk(dir, version(3, itemV2));
    Path v1 = dir.resolve("migration/V1__initial_schema.sql");
    Files.writeString(v1, Files.readString(v1, UTF_8) + "\n-- a hand edit\n", UTF_8);
    Map<String, byte[]> before = files(dir);

    Compilation c = SchemacCompiler.compile(dir, version(3, itemV2)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed", "version 1 is released"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed",
            "migration/V1__initial_schema.sql (edited)"));
    assertThat(texts(dir)).containsExactlyEntriesIn(asTexts(before));
  }

  /**
   * The frozen snapshot is the base of every later diff: an edit of it (a bad merge, a hand fix)
   * silently changes what the current version's migration does. Its hash is kept nowhere, so
   * nothing notices: here the edited v1.json claims items.name is an integer, and version 2
   * quietly gains an ALTER COLUMN name TYPE text.
   */
  @Test
  void handEditOfAFrozenSnapshot_isAnErrorNamingIt() throws IOException {
    compileOk(dir, version(1, ITEM_V1));
    compileOk(dir, version(2, ITEM_V1));
    Path snapshot = dir.resolve("snapshots/v1.json");
    String json = Files.readString(snapshot, UTF_8);
    String edited = json.replaceFirst("\"kind\": \"STRING\"", "\"kind\": \"INT32\"");
    assertThat(edited).isNotEqualTo(json);
    Files.writeString(snapshot, edited, UTF_8);

    Compilation c = SchemacCompiler.compile(dir, version(2, ITEM_V1)).compilation();

    assertWithMessage("V2 now reads:%s", texts(dir).entrySet().stream()
            .filter(e -> e.getKey().startsWith("migration/V2__")).map(e -> "\n" + e.getKey() + ":\n" + e.getValue())
            .toList())
        .that(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed", "snapshots/v1.json"));
  }

  @Test
  void deletedFrozenFile_isAnErrorNamingTheFile() throws IOException {
    compileOk(dir, version(1, ITEM_V1));
    Files.delete(dir.resolve("undo/U1__initial_schema.sql"));
    Compilation c = SchemacCompiler.compile(dir, version(2, ITEM_V1)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed",
            "undo/U1__initial_schema.sql (missing)"));
  }

  @Test
  void frozenVersion_isNeverRewritten() throws IOException {
    compileOk(dir, version(1, ITEM_V1));
    Map<String, byte[]> v1 = files(dir);
    Map<String, FileTime> v1Times = mtimes(dir);
    compileOk(dir, version(2, type("Item",
        "@Table public record Item(@Id long id, String name, @org.jspecify.annotations.Nullable String note) {}")));
    Map<String, byte[]> now = files(dir);
    Map<String, FileTime> nowTimes = mtimes(dir);
    for (String f : v1.keySet()) {
      if (!f.equals("schema.sql") && !f.equals("schema.md")) { // the current schema, rewritten each version
        assertWithMessage(f).that(now.get(f)).isEqualTo(v1.get(f));
        assertWithMessage(f).that(nowTimes.get(f)).isEqualTo(v1Times.get(f));
      }
    }
  }

  @Test
  void currentVersion_whoseDescriptionChanges_keepsOnlyTheNewFiles() {
    compileOk(dir, version(1, ITEM_V1));
    compileOk(dir, version(2, type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}")));
    assertThat(files(dir).keySet()).containsAtLeast(
        "migration/V2__index_idx_items_name.sql", "migration/V2.1__index_idx_items_name.sql",
        "migration/V2.1__index_idx_items_name.sql.conf", "undo/U2__index_idx_items_name.sql",
        "undo/U2.1__index_idx_items_name.sql");

    compileOk(dir, version(2, type("Item",
        "@Table public record Item(@Id long id, String name, @org.jspecify.annotations.Nullable String note) {}")));

    assertThat(files(dir).keySet()).containsExactly(
        "schema.sql", "schema.md", "snapshots/v1.json", "snapshots/v2.json",
        "migration/V1__initial_schema.sql", "undo/U1__initial_schema.sql",
        "migration/V2__add_items_note.sql", "undo/U2__add_items_note.sql");
  }

  @Test
  void explicitDescription_namesTheFiles() {
    compileOk(dir, version(1, ITEM_V1));
    compileOk(dir, version("version = 2, description = \"Add a note!\"", type("Item",
        "@Table public record Item(@Id long id, String name, @org.jspecify.annotations.Nullable String note) {}")));
    assertThat(files(dir).keySet()).containsAtLeast("migration/V2__add_a_note.sql", "undo/U2__add_a_note.sql");
  }

  /**
   * A version that changes something must not be described as "no_changes": the changes list
   * behind the derived description misses primary keys, defaults, DROP NOT NULL and comments.
   */
  @Test
  void derivedDescription_ofARealChange_isNeverNoChanges() {
    List<String[]> kinds = List.of(
        new String[] {"primary key", "@Table public record Item(@Id long id, String name) {}",
            "@Table public record Item(@Id long id, @Id String name) {}"},
        new String[] {"default", "@Table public record Item(@Id long id, @Default(\"'a'\") String name) {}",
            "@Table public record Item(@Id long id, @Default(\"'b'\") String name) {}"},
        new String[] {"drop not null", "@Table public record Item(@Id long id, String name) {}",
            "@Table public record Item(@Id long id, @org.jspecify.annotations.Nullable String name) {}"},
        new String[] {"comment", "/** Old. */ @Table public record Item(@Id long id, String name) {}",
            "/** New. */ @Table public record Item(@Id long id, String name) {}"});
    List<String> wrong = new java.util.ArrayList<>();
    for (String[] kind : kinds) {
      Path d = dir.resolve(kind[0].replace(' ', '_'));
      compileOk(d, version(1, type("Item", kind[1])));
      compileOk(d, version(2, type("Item", kind[2])));
      files(d).keySet().stream().filter(f -> f.startsWith("migration/V2__") && f.contains("no_changes"))
          .forEach(f -> wrong.add(kind[0] + " -> " + f));
    }
    assertThat(wrong).isEmpty();
  }

  // ------------------------------------------------------------------ stale renames

  @Test
  void staleRenamedFrom_onAColumn_isAWarning() {
    compileOk(dir, version(1, ITEM_V1));
    Compilation c = compileOk(dir, version(2, type("Item", """
        @Table public record Item(@Id long id, String name, @RenamedFrom("nickname") @Default("''") String label) {}
        """))).compilation();

    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("stale-renamed-from",
            "@RenamedFrom(\"nickname\") on column items.label is stale"));
  }

  @Test
  void staleRenamedFrom_onATable_isAWarning() {
    compileOk(dir, version(1, ITEM_V1));
    Compilation c = compileOk(dir, version(2, ITEM_V1,
        type("Tag", "@Table @RenamedFrom(\"labels\") public record Tag(@Id long id, String text) {}"))).compilation();

    assertThat(c).hadWarningContainingMatch(Diagnostics.tagged("stale-renamed-from",
            "@RenamedFrom(\"labels\") on table tags is stale"));
  }

  // ------------------------------------------------------------------ verify mode and determinism

  @Test
  void verify_afterANormalCompile_succeedsAndTouchesNothing() throws Exception {
    compileOk(dir, version(1, ITEM_V1));
    List<JavaFileObject> v2 = version(2, type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}"));
    compileOk(dir, v2);
    Map<String, byte[]> bytes = files(dir);
    Map<String, FileTime> times = mtimes(dir);
    Thread.sleep(20);

    Compilation c = compileOk(dir, v2, "-Aschemac.verify=true").compilation();

    assertThat(c).succeeded();
    assertThat(asTexts(files(dir))).containsExactlyEntriesIn(asTexts(bytes));
    assertThat(mtimes(dir)).containsExactlyEntriesIn(times);
  }

  @Test
  void verify_afterASourceEdit_failsListingTheFiles_andWritesNothing() throws Exception {
    compileOk(dir, version(1, ITEM_V1));
    compileOk(dir, version(2, type("Item", "@Table public record Item(@Id long id, @Indexed String name) {}")));
    Map<String, byte[]> bytes = files(dir);
    Map<String, FileTime> times = mtimes(dir);
    Thread.sleep(20);

    Compilation c = SchemacCompiler.compile(dir, version(2, type("Item",
        "@Table public record Item(@Id long id, @Indexed String name, @org.jspecify.annotations.Nullable String note) {}")),
        "-Aschemac.verify=true").compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("stale-files",
            "the committed schema files are not what the sources generate"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("stale-files", "schema.sql (differs)"));
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("stale-files", "snapshots/v2.json (differs)"));
    // the new description names new files: the old ones are stale, the new ones missing
    String message = String.join("\n", errors(c));
    assertThat(message).contains("migration/V2__index_idx_items_name.sql (stale)");
    assertThat(message).contains("(missing)");
    assertThat(asTexts(files(dir))).containsExactlyEntriesIn(asTexts(bytes));
    assertThat(mtimes(dir)).containsExactlyEntriesIn(times);
  }

  @Test
  void verify_withoutAnyCommittedFiles_fails() {
    Compilation c = SchemacCompiler.compile(dir, version(1, ITEM_V1), "-Aschemac.verify=true").compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("stale-files",
            "migration/V1__initial_schema.sql (missing)"));
    assertThat(files(dir)).isEmpty();
  }

  @Test
  void sameSourcesTwice_giveIdenticalBytes() {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    List<JavaFileObject> v1 = version(1,
        type("Status", "public enum Status { NEW, PAID }"),
        type("Customer", """
            /** People. @param email where we write */
            @Table public record Customer(@Id UUID id, @Unique String email, @UpdatedAt Instant updatedAt) {}
            """),
        type("Order", """
            @Table public record Order(@Id long id, @References(Customer.class) @Indexed UUID customerId, Status status) {}
            """));
    List<JavaFileObject> v2 = version(2,
        type("Status", "public enum Status { NEW, PAID, SHIPPED }"),
        type("Customer", """
            /** People who buy. @param email where we write */
            @Table public record Customer(@Id UUID id, @Unique String email, @Indexed @Default("''") String city,
                @UpdatedAt Instant updatedAt) {}
            """),
        type("Order", """
            @Table public record Order(@Id long id, @References(Customer.class) @Indexed UUID customerId, Status status,
                @Check("total >= 0") @Default("0") int total) {}
            """));
    for (Path target : List.of(a, b)) {
      compileOk(target, v1);
      compileOk(target, v2);
    }
    Map<String, String> first = texts(a);
    assertWithMessage("a V2.1 step, so that both files of a version are compared: %s", first.keySet())
        .that(first.keySet().stream().anyMatch(k -> k.startsWith("migration/V2.1__"))).isTrue();
    assertThat(texts(b)).containsExactlyEntriesIn(first);
    compileOk(a, v2);
    assertThat(texts(a)).containsExactlyEntriesIn(first);
    for (Map.Entry<String, String> f : first.entrySet()) {
      assertWithMessage(f.getKey()).that(f.getValue()).doesNotContain("\r");
      assertWithMessage(f.getKey()).that(f.getValue()).doesNotContain(dir.toString());
    }
  }

  private static Map<String, String> asTexts(Map<String, byte[]> bytes) {
    Map<String, String> out = new TreeMap<>();
    bytes.forEach((k, v) -> out.put(k, new String(v, UTF_8)));
    return out;
  }
}
