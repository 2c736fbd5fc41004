package dev.schemac.maven.it;

import java.io.IOException;
import java.nio.file.Path;

/** A bare project made of README's Maven quick start, exactly as written, and two small records. */
final class QuickStart {
  static final String MARKER = "<!-- quick-start:";

  private QuickStart() {}

  /** The XML block that follows README's quick-start marker, unchanged. */
  static String snippet() {
    String readme = Maven.read(Maven.ROOT.resolve("README.md"));
    int marker = readme.indexOf(MARKER);
    if (marker < 0) {
      throw new AssertionError("README.md has no " + MARKER + " marker before the Maven quick start");
    }
    int start = readme.indexOf("```xml\n", marker) + "```xml\n".length();
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  /**
   * A pom with nothing but its coordinates and the snippet; a versioned {@code Customer} table
   * in src/main, and in src/test a {@code Fixture} table plus a class that uses the main
   * metamodel.
   */
  static Path create(String name) throws IOException {
    Path project = Maven.newProject(name);
    Maven.write(project.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
        "<modelVersion>4.0.0</modelVersion>",
        "<groupId>com.example</groupId>",
        "<artifactId>" + name + "</artifactId>",
        "<version>1.0-SNAPSHOT</version>",
        snippet(),
        "</project>");
    Path main = project.resolve("src/main/java/com/example/shop");
    Maven.write(main.resolve("package-info.java"),
        "@Schema(version = 1)",
        "package com.example.shop;",
        "",
        "import dev.schemac.annotations.Schema;");
    Maven.write(main.resolve("Customer.java"),
        "package com.example.shop;",
        "",
        "import dev.schemac.annotations.Id;",
        "import dev.schemac.annotations.Table;",
        "import java.util.UUID;",
        "",
        "/** People who buy. */",
        "@Table",
        "public record Customer(@Id UUID id, String name) {}");
    Path test = project.resolve("src/test/java/com/example/shop");
    Maven.write(test.resolve("Fixture.java"),
        "package com.example.shop;",
        "",
        "import dev.schemac.annotations.Id;",
        "import dev.schemac.annotations.Table;",
        "import java.util.UUID;",
        "",
        "@Table",
        "public record Fixture(@Id UUID id, String label) {}");
    Maven.write(test.resolve("UsesMetamodel.java"),
        "package com.example.shop;",
        "",
        "final class UsesMetamodel {",
        "  static final String CUSTOMERS = Tables.CustomerTable.TABLE + Tables.CustomerTable.COLUMN_LIST;",
        "}");
    return project;
  }
}
