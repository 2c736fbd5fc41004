package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class TimingsOptionTest {
  private static final JavaFileObject USER = SchemacCompiler.typeIn("com.example.t", "User",
      "@Table public record User(@Id UUID id, String name) {}");

  private static List<String> notes(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains("timings")).toList();
  }

  private static java.nio.file.Path tempDir() {
    try {
      return java.nio.file.Files.createTempDirectory("schemac-timings-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void timingsOption_printsEveryPhaseAsANote_withTheTotalAndJavacsTimeBetweenRounds() {
    Compilation c = SchemacCompiler.compile(tempDir(), List.of(USER), "-Aschemac.timings=true").compilation();
    assertThat(c).succeededWithoutWarnings();
    assertThat(notes(c)).hasSize(1);
    assertThat(notes(c).get(0)).matches("\\[schemac:timings\\] timings for 1 tables: scan [0-9.]+ ms, metamodel [0-9.]+ ms,"
        + " read [0-9.]+ ms, rules [0-9.]+ ms, version [0-9.]+ ms, render [0-9.]+ ms, write [0-9.]+ ms;"
        + " total [0-9.]+ ms; javac between rounds [0-9.]+ ms");
  }

  @Test
  void timingsOption_versioned_hasTheDiff_andTheTotalIsTheSumOfThePhases() {
    JavaFileObject versioned = SchemacCompiler.source("com.example.t.package-info",
        "@dev.schemac.annotations.Schema(version = 1)", "package com.example.t;");
    Compilation c = SchemacCompiler.compile(tempDir(), List.of(USER, versioned), "-Aschemac.timings=true")
        .compilation();
    assertThat(c).succeededWithoutWarnings();
    String note = notes(c).get(0);
    assertThat(note).contains(", render ");
    assertThat(note).containsMatch("render [0-9.]+ ms, diff [0-9.]+ ms, write [0-9.]+ ms; total");
    double sum = java.util.regex.Pattern.compile("([a-z]+) ([0-9.]+) ms").matcher(note.substring(0, note.indexOf(';')))
        .results().mapToDouble(m -> Double.parseDouble(m.group(2))).sum();
    double total = Double.parseDouble(note.replaceAll(".*; total ([0-9.]+) ms;.*", "$1"));
    assertThat(total).isWithin(0.01).of(sum);
  }

  @Test
  void metamodelOff_hasNoMetamodelPhase() {
    Compilation c = SchemacCompiler.compile(tempDir(), List.of(USER), "-Aschemac.timings=true",
        "-Aschemac.metamodel=false").compilation();
    assertThat(c).succeededWithoutWarnings();
    assertThat(notes(c).get(0)).containsMatch("timings for 1 tables: scan [0-9.]+ ms, read ");
  }

  @Test
  void byDefault_noTimings() {
    assertThat(notes(SchemacCompiler.compile(List.of(USER)).compilation())).isEmpty();
  }
}
