package dev.schemac.processor.targets.mongodb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field a version starts to require, with a {@code @Default}, is written into every document that
 * lacks it before the validator that requires it, typed as the validator wants it (issue 18: a
 * required field did not backfill its default); the down does the same for a required field it
 * brings back. The scripts run under the mongosh stand-in, and the recorded updates run on
 * mongo-java-server with documents of the older version.
 */
class MongoBackfillTest {
  private static final String PKG = "com.example.fill";

  @TempDir Path dir;

  private static JavaFileObject schema(int version, String drops) {
    return SchemacCompiler.source(PKG + ".package-info", "@dev.schemac.annotations.Schema(version = " + version
        + drops + ")", "package " + PKG + ";");
  }

  private static JavaFileObject item(String components) {
    return SchemacCompiler.typeIn(PKG, "Item", "@Table public record Item(@Id UUID id, String name" + components
        + ") {}");
  }

  private void compile(JavaFileObject... sources) {
    Compilation compilation = SchemacCompiler.compile(dir, List.of(sources), "-Aschemac.targets=mongodb").compilation();
    assertWithMessage("%s", compilation.diagnostics()).that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
  }

  private Path file(String folder, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("mongodb").resolve(folder))) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  @Test
  void newRequiredFieldsWithADefault_areWrittenIntoTheOlderDocuments_typed() throws Exception {
    compile(schema(1, ""), item(""));
    String added = ", @Default(\"5\") long stock, @Default(\"3\") int shelf, @Default(\"'new'\") String label,"
        + " @Default(\"true\") boolean active, @Column(precision = 8, scale = 2) @Default(\"1.50\") BigDecimal price,"
        + " @CreatedAt Instant createdAt, @Nullable @Default(\"7\") Integer optional, @Default(\"'2024-01-01'\")"
        + " LocalDate since";
    compile(schema(2, ""), item(added));
    String up = Files.readString(file("migration", "V2__"));
    assertThat(up).contains("{\"$set\": {\"stock\": NumberLong(\"5\")}}");
    assertThat(up).contains("[{\"$set\": {\"createdAt\": \"$$NOW\"}}]");
    assertThat(up).contains("// items.since is required from here on and has a default MongoDB cannot compute");
    JsonNode calls = MongoshStub.run(file("migration", "V2__"));
    List<JsonNode> fills = new ArrayList<>();
    calls.forEach(c -> {
      if (c.get("method").asText().equals("updateMany")) {
        fills.add(c.get("arguments"));
      }
    });
    // one per required field with a default MongoDB can write, none for the nullable one, before the validator
    assertThat(fills.stream().map(a -> a.get(0).fieldNames().next()).toList())
        .containsExactly("stock", "shelf", "label", "active", "price", "createdAt").inOrder();
    assertThat(calls.get(calls.size() - 1).get("method").asText()).isEqualTo("runCommand");

    de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(
        new de.bwaldvogel.mongo.backend.memory.MemoryBackend().version(de.bwaldvogel.mongo.ServerVersion.MONGO_5_0));
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(server.bindAndGetConnectionString())) {
      com.mongodb.client.MongoCollection<Document> items = client.getDatabase("fill").getCollection("items");
      items.insertOne(new Document("_id", "a").append("name", "pen"));
      items.insertOne(new Document("_id", "b").append("name", "ink").append("stock", 9L));
      for (JsonNode args : fills) {
        Document filter = Document.parse(args.get(0).toString());
        if (args.get(1).isArray()) {
          continue; // $$NOW needs a pipeline update, which mongo-java-server does not run: the stand-in checked it
        }
        items.updateMany(filter, Document.parse(args.get(1).toString()));
      }
      Document a = items.find(new Document("_id", "a")).first();
      assertThat(a.get("stock")).isEqualTo(5L);
      assertThat(a.get("shelf")).isEqualTo(3);
      assertThat(a.get("label")).isEqualTo("new");
      assertThat(a.get("active")).isEqualTo(true);
      assertThat(a.get("price")).isEqualTo(Decimal128.parse("1.50"));
      assertThat(a.containsKey("optional")).isFalse();
      // a document that has the field keeps its value
      assertThat(items.find(new Document("_id", "b")).first().get("stock")).isEqualTo(9L);
    } finally {
      server.shutdownNow();
    }

    // the down brings back a required field the next version drops, filled the same way
    compile(schema(3, ", drops = @dev.schemac.annotations.Drop(table = \"items\", column = \"stock\")"), item(added.replace(
        ", @Default(\"5\") long stock", "")));
    String down = Files.readString(file("undo", "U3__"));
    assertThat(down).contains("{\"$set\": {\"stock\": NumberLong(\"5\")}}");
  }
}
