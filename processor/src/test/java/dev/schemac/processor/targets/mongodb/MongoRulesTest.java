package dev.schemac.processor.targets.mongodb;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB's own rules: each fires on the marked line ({@code // fires}) of its bad case at its
 * default level with {@code -Aschemac.targets=mongodb} and nothing else of the target's fires,
 * the good twin compiles without a warning, {@code @SuppressWarnings("schemac:<id>")} on the
 * record silences it, and it never runs for a build without MongoDB.
 */
class MongoRulesTest {
  private static final String MARKER = "// fires";

  @TempDir Path dir;

  /** A rule, its bad record and the good twin, and the other records each needs. */
  private record Case(String id, String bad, String good, List<String> badOthers, List<String> goodOthers) {
    Case(String id, String bad, String good, String... others) {
      this(id, bad, good, List.of(others), List.of(others));
    }
  }

  private static final String OWNER = "@Table public record Owner(@Id UUID id, String name) {}";

  private static final List<Case> CASES = List.of(
      new Case("unindexed-reference", """
          @Table
          public record Pet(
              @Id UUID id,
              @References(Owner.class) UUID ownerId, // fires
              String name) {}
          """, """
          @Table
          public record Pet(@Id UUID id, @References(Owner.class) @Indexed UUID ownerId, String name) {}
          """, OWNER),
      new Case("unbounded-array", """
          @Table
          public record Pet(
              @Id UUID id,
              List<String> tags) {} // fires
          """, """
          @Table
          public record Pet(@Id UUID id, @Check("cardinality(tags) <= 10") List<String> tags) {}
          """),
      new Case("check-not-enforced", """
          @Table
          public record Pet(
              @Id UUID id,
              int born,
              @Check("died >= born") int died) {} // fires
          """, """
          @Table
          public record Pet(@Id UUID id, @Check("born >= 1900") int born, @Check("died >= 1900") int died) {}
          """),
      new Case("index-not-built", """
          @Table
          @Index(expression = "md5(name)") // fires
          public record Pet(@Id UUID id, String name) {}
          """, """
          @Table
          @Index(expression = "lower(name)")
          public record Pet(@Id UUID id, String name) {}
          """),
      new Case("embed-one-to-one", """
          @Table
          public record Pet(
              @Id @References(Owner.class) UUID ownerId, // fires
              String name) {}
          """, """
          public record Pet(String name) {}
          """, List.of(OWNER), List.of("@Table public record Owner(@Id UUID id, String name, Pet pet) {}")));

  private static JavaFileObject source(String body) {
    String name = body.replaceAll("(?s).*public record (\\w+).*", "$1");
    return SchemacCompiler.typeIn("com.example", name, body);
  }

  private SchemacCompiler.Result compile(String main, List<String> others, String... options) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(source(main));
    for (String o : others) {
      sources.add(source(o));
    }
    return SchemacCompiler.compile(dir.resolve(String.valueOf(System.nanoTime())), sources, options);
  }

  /** The lines of {@code id}'s diagnostics of {@code kind}, 1-based. */
  private static Set<Long> reported(SchemacCompiler.Result result, String id, Diagnostic.Kind kind) {
    Set<Long> lines = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : result.compilation().diagnostics()) {
      if (d.getKind() == kind && d.getMessage(Locale.ROOT).contains("[schemac:" + id + ";")) {
        lines.add(d.getLineNumber());
      }
    }
    return lines;
  }

  private static Set<Long> marked(String source) {
    Set<Long> lines = new TreeSet<>();
    String[] all = (SchemacCompiler.IMPORTS + "\n" + source).split("\n", -1);
    // typeIn puts "package com.example;" and a blank line before the imports
    for (int i = 0; i < all.length; i++) {
      if (all[i].contains(MARKER)) {
        lines.add((long) i + 3);
      }
    }
    return lines;
  }

  private static Rule rule(String id) {
    return MongoRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @TestFactory
  Stream<DynamicNode> everyRule() {
    return CASES.stream().map(c -> DynamicContainer.dynamicContainer(c.id(), List.of(
        DynamicTest.dynamicTest("fires on the marked line at its default level", () -> {
          Diagnostic.Kind kind = rule(c.id()).defaultLevel() == Level.ERROR ? Diagnostic.Kind.ERROR
              : Diagnostic.Kind.WARNING;
          SchemacCompiler.Result result = compile(c.bad(), c.badOthers(), "-Aschemac.targets=mongodb");
          assertWithMessage("%s", result.compilation().diagnostics())
              .that(reported(result, c.id(), kind)).isEqualTo(marked(c.bad()));
          for (Rule other : MongoRules.all()) {
            if (!other.id().equals(c.id())) {
              assertWithMessage(other.id()).that(reported(result, other.id(), Diagnostic.Kind.WARNING)).isEmpty();
              assertWithMessage(other.id()).that(reported(result, other.id(), Diagnostic.Kind.ERROR)).isEmpty();
            }
          }
        }),
        DynamicTest.dynamicTest("the good twin compiles without a warning", () -> {
          SchemacCompiler.Result result = compile(c.good(), c.goodOthers(), "-Aschemac.targets=mongodb");
          com.google.testing.compile.CompilationSubject.assertThat(result.compilation()).succeededWithoutWarnings();
        }),
        DynamicTest.dynamicTest("suppressed on the record", () -> {
          String suppressed = c.bad().replace("@Table\n", "@Table\n@SuppressWarnings(\"schemac:" + c.id() + "\")\n");
          SchemacCompiler.Result result = compile(suppressed, c.badOthers(), "-Aschemac.targets=mongodb");
          assertThat(reported(result, c.id(), Diagnostic.Kind.WARNING)).isEmpty();
          assertThat(reported(result, c.id(), Diagnostic.Kind.ERROR)).isEmpty();
        }),
        DynamicTest.dynamicTest("never runs without MongoDB among the targets", () -> {
          SchemacCompiler.Result result = compile(c.bad(), c.badOthers(), "-Aschemac.targets=postgresql");
          assertThat(reported(result, c.id(), Diagnostic.Kind.WARNING)).isEmpty();
          assertThat(reported(result, c.id(), Diagnostic.Kind.ERROR)).isEmpty();
        }))));
  }

  @Test
  void everyRule_hasACase_andASectionInDocsRules() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Rule rule : MongoRules.all()) {
      if (CASES.stream().noneMatch(c -> c.id().equals(rule.id()))) {
        missing.add(rule.id() + ": a case here");
      }
      int at = docs.indexOf("\n## " + rule.id() + "\n");
      if (at < 0) {
        missing.add(rule.id() + ": section in docs/rules.md");
        continue;
      }
      int end = docs.indexOf("\n## ", at + 4);
      String section = docs.substring(at, end < 0 ? docs.length() : end);
      String level = rule.defaultLevel().name().toLowerCase(Locale.ROOT);
      for (String part : List.of("Default: **" + level + "**", "**Why.**", "**Suppress.**", "```java")) {
        if (!section.contains(part)) {
          missing.add(rule.id() + ": docs/rules.md section lacks " + part);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** MongoDB keeps references unchecked: the rules about what an enforced foreign key costs stay quiet there. */
  @Test
  void theSqlForeignKeyRules_doNotRunForMongoDbAlone() {
    SchemacCompiler.Result result = compile(CASES.get(0).bad(), List.of(OWNER), "-Aschemac.targets=mongodb");
    assertThat(reported(result, "unindexed-foreign-key", Diagnostic.Kind.ERROR)).isEmpty();
    SchemacCompiler.Result both = compile(CASES.get(0).bad(), List.of(OWNER),
        "-Aschemac.targets=postgresql,mongodb");
    assertThat(reported(both, "unindexed-foreign-key", Diagnostic.Kind.ERROR)).isNotEmpty();
    assertThat(reported(both, "unindexed-reference", Diagnostic.Kind.WARNING)).isNotEmpty();
  }
}
