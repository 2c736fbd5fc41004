package dev.schemac.maven.it;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.schemac.maven.PluginMessages.tagged;

import dev.schemac.maven.PluginErrorId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code mvn schemac:verify} on README's quick-start project, as a user types it. */
class VerifyIT {

  @Test
  void verify_passesOnFreshFiles_andPrintsADiff_evenWhenMavenHasNothingToCompile() throws Exception {
    Path project = QuickStart.create("verify");
    Maven.Run compile = Maven.mvn(project, "compile");
    assertWithMessage(compile.toString()).that(compile.succeeded()).isTrue();

    Maven.Run clean = Maven.mvn(project, "schemac:verify");
    assertWithMessage(clean.toString()).that(clean.succeeded()).isTrue();
    assertThat(clean.output()).contains("schemac:verify: the files under src/main/resources/db are what the sources generate");

    Path schema = project.resolve("src/main/resources/db/schema.sql");
    Files.writeString(schema, Maven.read(schema) + "-- edited by hand\n");
    Maven.Run edited = Maven.mvn(project, "compile", "schemac:verify", "-Dschemac.verify=true");
    assertWithMessage(edited.toString()).that(edited.succeeded()).isFalse();
    // the compiler's own verify mode never runs: Maven has nothing to compile
    assertThat(edited.output()).contains("Nothing to compile");
    assertThat(edited.output()).contains("[ERROR] --- committed/schema.sql");
    assertThat(edited.output()).contains("[ERROR] +++ generated/schema.sql");
    assertThat(edited.output()).contains("[ERROR] --- edited by hand");
    assertThat(edited.output()).containsMatch(tagged(PluginErrorId.VERIFY_DIFFERS, "1 file under src/main/resources/db not"
        + " what the sources generate: schema.sql (differs)"));
    assertThat(Maven.read(schema)).endsWith("-- edited by hand\n"); // verify writes nothing
  }

  @Test
  void verify_byFullCoordinates_showsEveryFileAChangedRecordWouldRewrite() throws Exception {
    Path project = QuickStart.create("verify-coordinates");
    assertThat(Maven.mvn(project, "compile").succeeded()).isTrue();
    Path customer = project.resolve("src/main/java/com/example/shop/Customer.java");
    Files.writeString(customer, Maven.read(customer).replace("String name)", "String name, String email)"));

    Maven.Run run = Maven.mvn(project, "dev.schemac:schemac-maven-plugin:" + Maven.VERSION + ":verify");

    assertWithMessage(run.toString()).that(run.succeeded()).isFalse();
    assertThat(run.output()).containsMatch(tagged(PluginErrorId.VERIFY_DIFFERS, "4 files under src/main/resources/db not"
        + " what the sources generate: migration/V1__initial_schema.sql (differs), schema.md (differs), schema.sql"
        + " (differs), snapshots/v1.json (differs)"));
    assertThat(run.output()).containsMatch("\\[ERROR\\] \\+    email +text +NOT NULL,");
    assertThat(Maven.read(project.resolve("target/schemac-verify/verify.diff")))
        .contains("+++ generated/migration/V1__initial_schema.sql");
  }

  @Test
  void verify_byPrefix_throughPluginGroups_whenThePomDoesNotDeclareThePlugin() throws Exception {
    Path project = QuickStart.create("verify-plugin-groups");
    Path pom = project.resolve("pom.xml");
    String withoutPlugin = Maven.read(pom).replaceAll(
        "(?s)<plugin>\\s*<groupId>dev.schemac</groupId>\\s*<artifactId>schemac-maven-plugin</artifactId>.*?</plugin>", "");
    assertThat(withoutPlugin).doesNotContain("schemac-maven-plugin");
    Files.writeString(pom, withoutPlugin);
    assertThat(Maven.mvn(project, "compile").succeeded()).isTrue();
    Maven.writeGroupMetadata();

    Maven.Run run = Maven.mvnWithSettings(project,
        "<pluginGroups><pluginGroup>dev.schemac</pluginGroup></pluginGroups>", "schemac:verify");

    assertWithMessage(run.toString()).that(run.succeeded()).isTrue();
    assertThat(run.output()).contains("are what the sources generate");
  }
}
