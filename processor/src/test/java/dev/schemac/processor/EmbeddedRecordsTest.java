package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record inside a {@code @Table} record is an embedded document, read by the reader for every
 * target; what is wrong with one is an error on the nested component at fault, and an SQL target
 * refuses a column that holds one (and a time-to-live index) with a fix that compiles. With
 * {@code @Json} it stays a JSON column, as before.
 */
class EmbeddedRecordsTest {
  @TempDir Path dir;

  private static JavaFileObject source(String simpleName, String body) {
    return SchemacCompiler.typeIn("com.example", simpleName, body);
  }

  private SchemacCompiler.Result compile(JavaFileObject... sources) {
    return SchemacCompiler.compile(dir, java.util.List.of(sources));
  }

  private static final JavaFileObject ADDRESS = source("Address",
      "public record Address(String street, @Column(length = 10) String zip) {}");

  private void assertOneErrorOn(String id, JavaFileObject file, String line,
      String message, JavaFileObject... sources) {
    SchemacCompiler.Result result = compile(sources);
    Compilation c = result.compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged(id, message)).inFile(file).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      assertWithMessage("diagnostic %s", d).that(d.getMessage(Locale.ROOT)).doesNotContain("internal error");
    }
    assertWithMessage("schema.sql written after an error").that(result.fileInDir("schema.sql")).isEmpty();
  }

  @Test
  void embeddedRecord_onPostgresql_isAnErrorOnTheComponent_whoseFixIsJson() {
    JavaFileObject customer = source("Customer", """
        @Table
        public record Customer(
            @Id UUID id,
            Address address) {}
        """);
    assertOneErrorOn("unsupported-by-target",
        customer, "Address address", "Fix: add @Json to address", customer, ADDRESS);

    // the fix compiles, and the column is the JSON one it was before embedded documents
    JavaFileObject fixed = source("Customer", """
        @Table
        public record Customer(@Id UUID id, @Json Address address) {}
        """);
    SchemacCompiler.Result result = compile(fixed, ADDRESS);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.schemaSqlInDir()).containsMatch("address +jsonb NOT NULL");
  }

  @Test
  void listOfRecords_onPostgresql_isAnErrorOnTheComponent() {
    JavaFileObject order = source("Order", """
        @Table(name = "orders")
        public record Order(
            @Id long id,
            List<Address> stops) {}
        """);
    assertOneErrorOn("unsupported-by-target",
        order, "List<Address> stops", "a list of embedded documents", order, ADDRESS);
  }

  @Test
  void timeToLive_onPostgresql_isAnError_thatSaysNoRowExpiresByItself() {
    JavaFileObject session = source("Session", """
        @Table
        public record Session(
            @Id UUID id,
            @Indexed(expireAfterSeconds = 60) Instant createdAt) {}
        """);
    assertOneErrorOn("unsupported-by-target",
        session, "expireAfterSeconds = 60", "Fix: remove expireAfterSeconds", session);
  }

  @Test
  void timeToLive_onSomethingOtherThanAPointInTime_orOnTheKey_isAnError() {
    JavaFileObject text = source("Session", """
        @Table
        public record Session(
            @Id UUID id,
            @Indexed(expireAfterSeconds = 60) String token) {}
        """);
    assertOneErrorOn("wrong-java-type", text, "expireAfterSeconds = 60", "Put it on an Instant", text);
    JavaFileObject key = source("Session", """
        @Table
        public record Session(
            @Id @Indexed(expireAfterSeconds = 60) Instant id) {}
        """);
    assertOneErrorOn("invalid-index", key, "expireAfterSeconds = 60", "a key is never expired", key);
  }

  @Test
  void tableAnnotationsInsideAnEmbeddedRecord_areErrorsOnTheNestedComponent() {
    JavaFileObject part = source("Part", """
        public record Part(
            @Id UUID id,
            String name) {}
        """);
    JavaFileObject box = source("Box", """
        @Table
        public record Box(@Id UUID id, Part part) {}
        """);
    assertOneErrorOn("conflicting-annotations", part, "@Id UUID id", "@Id on id has no meaning inside Part", part, box);
  }

  @Test
  void aRecordThatContainsItself_isAnError_namingTheCycle() {
    JavaFileObject node = source("Node", """
        public record Node(
            String name,
            List<Node> children) {}
        """);
    JavaFileObject tree = source("Tree", """
        @Table
        public record Tree(@Id UUID id, Node root) {}
        """);
    assertOneErrorOn("unmapped-type", node, "List<Node> children", "Node -> Node", node, tree);
  }

  @Test
  void embeddingATableRecord_isAnError_thatPointsAtReferences() {
    JavaFileObject user = source("User", """
        @Table
        public record User(@Id UUID id, String name) {}
        """);
    JavaFileObject post = source("Post", """
        @Table
        public record Post(
            @Id UUID id,
            User author) {}
        """);
    assertOneErrorOn("unmapped-type", post, "User author", "@References(User.class)", user, post);
  }

  @Test
  void sizesOnTheEmbeddingComponent_areAnError_thatSaysToSizeTheNestedComponents() {
    JavaFileObject customer = source("Customer", """
        @Table
        public record Customer(
            @Id UUID id,
            @Column(length = 20) Address address) {}
        """);
    assertOneErrorOn("invalid-column-size",
        customer, "Address address", "size its components instead", customer, ADDRESS);
  }
}
