package dev.schemac.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * On a JPA entity a rule's fix is spelled with the annotations the entity is read from
 * (docs/jpa.md): {@code @Table(indexes = @Index(columnList = ...))}, {@code @Column(nullable =
 * false)}, {@code columnDefinition}, "the entity" — never a record-only annotation the user
 * cannot put there.
 */
class EntityFixesTest {
  private static JavaFileObject entity(String name, String... body) {
    return SchemacCompiler.source("com.example." + name, "package com.example;",
        "import jakarta.persistence.*;", "import java.util.UUID;", String.join("\n", body));
  }

  private static final JavaFileObject CUSTOMER = entity("Customer",
      "@Entity",
      "public class Customer {",
      "  @Id UUID id;",
      "  @Column(nullable = false) String name;",
      "}");

  @Test
  void unindexedManyToOne_suggestsIndexedOrATableIndex() {
    JavaFileObject order = entity("Order",
        "@Entity",
        "@Table(name = \"orders\")",
        "public class Order {",
        "  @Id UUID id;",
        "  @ManyToOne(optional = false) Customer customer;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(CUSTOMER, order)).compilation();
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "Fix: add @Indexed to customer, or"
        + " @Table(indexes = @Index(columnList = \"customer_id\")) on the entity")).inFile(order)
        .onLineContaining("Customer customer;");
  }

  @Test
  void unindexedCompositeJoin_suggestsATableIndexOverBothColumns() {
    JavaFileObject key = entity("LineKey",
        "@Embeddable",
        "public class LineKey { UUID orderId; int lineNo; }");
    JavaFileObject line = entity("Line",
        "@Entity",
        "public class Line {",
        "  @EmbeddedId LineKey id;",
        "}");
    JavaFileObject shipment = entity("Shipment",
        "@Entity",
        "public class Shipment {",
        "  @Id UUID id;",
        "  @ManyToOne(optional = false) Line line;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(key, line, shipment)).compilation();
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "Fix: add @Table(indexes = @Index(columnList ="
        + " \"line_orderid, line_lineno\")) to the entity")).inFile(shipment).onLineContaining("Line line;");
  }

  @Test
  void missingForeignKey_onAnEntity_suggestsTheManyToOne_inACollection_aCollectionOfEntities() {
    JavaFileObject invoice = entity("Invoice",
        "@Entity",
        "public class Invoice {",
        "  @Id UUID id;",
        "  @Column(name = \"customer_id\", nullable = false) UUID customerId;",
        "  @ElementCollection @Column(name = \"customer_id\", nullable = false) java.util.Set<UUID> copiedTo;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(CUSTOMER, invoice)).compilation();
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("missing-foreign-key",
            "Fix: map the relationship, `@ManyToOne @JoinColumn(name ="
        + " \"customer_id\") Customer customer` instead of the id, or keep the id and add schemac's"
        + " `@References(Customer.class)` to customerId (and @Indexed)")).inFile(invoice)
        .onLineContaining("UUID customerId;");
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("missing-foreign-key",
            "Fix: map the collection's elements as Customer entities"
        + " (`@ManyToMany`), so that its join table references them")).inFile(invoice)
        .onLineContaining("Set<UUID> copiedTo;");
  }

  @Test
  void allColumnsNullable_andNullableKeyColumns_suggestNullableFalse() {
    JavaFileObject note = entity("Note",
        "@Entity",
        "@Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"title\", \"author\"}))",
        "public class Note {",
        "  @Id UUID id;",
        "  String title;",
        "  String author;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(note)).compilation();
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("all-columns-nullable",
            "Fix: mark the attributes that always have a value"
        + " @Column(nullable = false)")).inFile(note).onLineContaining("public class Note");
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("nullable-key-column",
            "Fix: make title NOT NULL (@Column(nullable = false), or"
        + " optional = false on a @ManyToOne/@OneToOne)")).inFile(note).onLineContaining("String title;");
  }

  @Test
  void typeRules_nameColumnDefinition() {
    JavaFileObject event = entity("Event",
        "@Entity",
        "public class Event {",
        "  @Id UUID id;",
        "  @Column(columnDefinition = \"json\", nullable = false) String payload;",
        "  @Column(columnDefinition = \"timestamp\", nullable = false) java.time.Instant at;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(event)).compilation();
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("json-not-jsonb",
            "instead of @Column(columnDefinition = \"json\")")).inFile(event)
        .onLineContaining("String payload;");
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("timestamp-without-time-zone",
            "drop @Column(columnDefinition = \"timestamp\")")).inFile(event)
        .onLineContaining("Instant at;");
  }

  @Test
  void tooManyIndexes_saysTheEntity() throws Exception {
    JavaFileObject tag = entity("Tag",
        "@Entity",
        "@Table(indexes = {@Index(columnList = \"name\"), @Index(columnList = \"slug\")})",
        "public class Tag {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String name;",
        "  @Column(nullable = false) String slug;",
        "}");
    Compilation compilation = SchemacCompiler.compile(java.nio.file.Files.createTempDirectory("schemac-"), List.of(tag),
        "-Aschemac.maxIndexes=1").compilation();
    assertThat(compilation).hadWarningContaining("@SuppressWarnings(\"schemac:too-many-indexes\") on the entity");
  }
}
