package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the sample records with one deliberate mistake, compiled by javac with the schemac
 * processor as a user's build would: the user gets one error, on the component, that says what
 * goes wrong and how to fix it, and no SQL is written.
 */
class UserErrorTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/schemac/sample");

  @Test
  void unindexedForeignKey_isAnErrorOnTheComponent(@TempDir Path tmp) throws Exception {
    Path copy = Files.createDirectories(tmp.resolve("src/dev/schemac/sample"));
    List<Path> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.sorted().toList()) {
        String source = Files.readString(f, StandardCharsets.UTF_8);
        // The records and their enums; package-info (the version) is left out: an unversioned build.
        if (source.contains("\n@Table") || source.contains("public enum ")) {
          records.add(Files.writeString(copy.resolve(f.getFileName()), source, StandardCharsets.UTF_8));
        }
      }
    }
    Path orderItem = copy.resolve("OrderItem.java");
    String original = Files.readString(orderItem, StandardCharsets.UTF_8);
    String mistake = "@References(Product.class) @Indexed UUID productId,";
    assertTrue(original.contains(mistake), "the sample still has the line this test breaks");
    String broken = original.replace(mistake, "@References(Product.class) UUID productId,");
    Files.writeString(orderItem, broken, StandardCharsets.UTF_8);
    int line = lineOf(broken, "UUID productId");

    Path db = tmp.resolve("db");
    ProcessorRun run = ProcessorRun.of(tmp, records, "-Aschemac.dir=" + db.toAbsolutePath());

    List<Diagnostic<? extends JavaFileObject>> errors = run.of(Diagnostic.Kind.ERROR);
    assertFalse(run.success(), "the build fails");
    assertEquals(1, errors.size(), () -> "one error: " + errors);
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    assertEquals("OrderItem.java", Path.of(error.getSource().toUri()).getFileName().toString());
    assertEquals(line, error.getLineNumber());
    assertEquals(EXPECTED, error.getMessage(Locale.ROOT));
    assertFalse(Files.exists(db.resolve("schema.sql")), "nothing is written when there is an error");
  }

  /** What javac prints after {@code OrderItem.java:<line>: error: }, pasted from a run. */
  private static final String EXPECTED = "[schemac] foreign key order_items_product_id_fkey"
      + " (order_items.product_id -> products) has no index on its column: every DELETE of a row of products,"
      + " and every update of its key, scans all of order_items to look for referencing rows, holding its"
      + " lock while it does, and joins from products to order_items scan too. Fix: add @Indexed to"
      + " productId, or @Index(columns = \"product_id\") on the record"
      + " [schemac:unindexed-foreign-key; see docs/rules.md#unindexed-foreign-key]";

  private static int lineOf(String source, String text) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not found");
  }
}
