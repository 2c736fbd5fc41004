package dev.schemac.maven.it;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's Maven quick start, pasted into a bare pom as written, built with Maven 3.8's defaults. */
class QuickStartIT {

  @Test
  void readmeSnippet_inABarePom_buildsAndWritesTheSchema_fromMainSourcesOnly() throws Exception {
    assertThat(QuickStart.snippet()).contains("<schemac.version>" + Maven.VERSION + "</schemac.version>");
    Path project = QuickStart.create("quick-start");

    Maven.Run build = Maven.mvn(project, "verify");

    assertWithMessage(build.toString()).that(build.succeeded()).isTrue();
    assertThat(build.output()).doesNotContain("[WARNING]");
    assertThat(build.output()).doesNotContain("not recognized by any processor");
    assertThat(build.output()).doesNotContain("Source option");
    String schema = Maven.read(project.resolve("src/main/resources/db/schema.sql"));
    assertThat(schema).contains("CREATE TABLE customers (");
    assertThat(schema).doesNotContain("fixtures");
    assertThat(Maven.read(project.resolve("src/main/resources/db/migration/V1__initial_schema.sql")))
        .contains("CREATE TABLE customers (");
    assertThat(Files.exists(project.resolve("target/classes/com/example/shop/Tables.class"))).isTrue();
    assertThat(Files.exists(project.resolve("target/classes/db/schema.sql"))).isTrue();
    // the test compilation used the main metamodel and generated none of its own
    assertThat(Files.exists(project.resolve("target/test-classes/com/example/shop/UsesMetamodel.class"))).isTrue();
    assertThat(Files.exists(project.resolve("target/test-classes/com/example/shop/Tables.class"))).isFalse();
    assertThat(Files.exists(project.resolve("target/test-classes/db"))).isFalse();
  }

  @Test
  void processorOptions_fromTheCommandLine_reachJavacThroughThePomsProperties() throws Exception {
    Path project = QuickStart.create("quick-start-options");

    Maven.Run timed = Maven.mvn(project, "compile", "-Dschemac.timings=true");
    assertWithMessage(timed.toString()).that(timed.succeeded()).isTrue();
    assertThat(timed.output()).contains("[schemac:timings] timings for 1 tables");

    Maven.Run unknownRule = Maven.mvn(project, "clean", "compile", "-Dschemac.rules=no-such-rule:off");
    assertWithMessage(unknownRule.toString()).that(unknownRule.succeeded()).isTrue();
    assertThat(unknownRule.output()).contains("-Aschemac.rules names unknown rule 'no-such-rule'");

    Maven.Run unknownTarget = Maven.mvn(project, "clean", "compile", "-Dschemac.targets=postgres");
    assertThat(unknownTarget.succeeded()).isFalse();
    assertThat(unknownTarget.output()).contains("-Aschemac.targets=postgres: 'postgres' is not a target");
  }

  /** The baseline options, empty and false by default, set from the command line as README's adoption section says. */
  @Test
  void baselineOptions_fromTheCommandLine_writeAndCheckTheBaselineFile() throws Exception {
    Path project = QuickStart.create("quick-start-baseline");
    Path baseline = project.resolve("schemac-baseline.txt");

    Maven.Run first = Maven.mvn(project, "compile", "-Dschemac.baseline=" + baseline);
    assertWithMessage(first.toString()).that(first.succeeded()).isTrue();
    assertThat(Maven.read(baseline)).startsWith("# schemac baseline");

    Maven.Run badUpdate = Maven.mvn(project, "clean", "compile", "-Dschemac.baseline=" + baseline,
        "-Dschemac.updateBaseline=maybe");
    assertThat(badUpdate.succeeded()).isFalse();
    assertThat(badUpdate.output()).contains("-Aschemac.updateBaseline=maybe is neither true nor false");

    Maven.Run updateWithoutFile = Maven.mvn(project, "clean", "compile", "-Dschemac.updateBaseline=true");
    assertThat(updateWithoutFile.succeeded()).isFalse();
    assertThat(updateWithoutFile.output()).contains("-Aschemac.updateBaseline=true needs -Aschemac.baseline=<file>");
  }
}
