package dev.schemac.maven.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Maven that runs this build ({@code maven.home}, Maven 3.8 here) on a project folder, as
 * a user types it in a terminal, against a private local repository under {@code target/} that
 * {@code invoker:install} filled with this build's artifacts. Anything else (Maven's own plugins)
 * is copied from the user's local repository when it is there, else downloaded: nothing is ever
 * installed into {@code ~/.m2}.
 */
public final class Maven {
  public static final String VERSION = System.getProperty("schemac.it.version");
  static final Path ROOT = Path.of(System.getProperty("schemac.it.root")).toAbsolutePath().normalize();
  static final Path WORK = Path.of(System.getProperty("schemac.it.work")).toAbsolutePath();
  private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("schemac.it.localRepository"));
  private static final Path USER_REPOSITORY = Path.of(System.getProperty("schemac.it.userRepository"));

  /** The exit code and everything Maven printed. */
  public record Run(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + output;
    }
  }

  private Maven() {}

  /** A new, empty project folder named {@code name} under target/it. */
  public static Path newProject(String name) throws IOException {
    Path dir = WORK.resolve(name);
    deleteTree(dir);
    return Files.createDirectories(dir);
  }

  public static void write(Path file, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code mvn -B <args>} in {@code project}, with the settings below. */
  public static Run mvn(Path project, String... args) {
    return mvnWithSettings(project, "", args);
  }

  /** As {@link #mvn(Path, String...)}, with {@code settingsExtra} inside the settings' {@code <settings>}. */
  static Run mvnWithSettings(Path project, String settingsExtra, String... args) {
    try {
      Path settings = project.resolve("../" + project.getFileName() + "-settings.xml");
      Files.writeString(settings, settings(settingsExtra), UTF_8);
      Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
      List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", settings.toString(),
          "-Dmaven.repo.local=" + LOCAL_REPOSITORY.toAbsolutePath()));
      command.addAll(List.of(args));
      Path log = Files.createTempFile(Files.createDirectories(WORK.resolve("logs")), project.getFileName() + "-", ".log");
      Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 5 minutes; see " + log);
      }
      return new Run(process.exitValue(), Files.readString(log, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The user's local repository as a read-only remote (file://), before Maven Central, so that
   * Maven's plugins are copied rather than downloaded; snapshots only from the private repository.
   */
  private static String settings(String extra) {
    String url = USER_REPOSITORY.toAbsolutePath().toUri().toString();
    String repository = "<id>user-repository</id><url>" + url + "</url>"
        + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
    return "<settings>\n" + extra + "\n"
        + "  <profiles><profile><id>user-repository</id>\n"
        + "    <repositories><repository>" + repository + "</repository></repositories>\n"
        + "    <pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>\n"
        + "  </profile></profiles>\n"
        + "  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>\n"
        + "</settings>\n";
  }

  /**
   * The group metadata that {@code mvn install} (and a deployment to Maven Central) writes for a
   * Maven plugin, mapping its prefix to its artifact id: Maven reads it to resolve {@code
   * schemac:verify} through {@code <pluginGroups>}. {@code invoker:install} does not write it, so
   * it is written here from the goal prefix in the built plugin's own descriptor.
   */
  static void writeGroupMetadata() throws IOException {
    Path jar = Path.of(System.getProperty("schemac.it.pluginJar"));
    String descriptor;
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      descriptor = new String(zip.getInputStream(zip.getEntry("META-INF/maven/plugin.xml")).readAllBytes(), UTF_8);
    }
    java.util.regex.Matcher prefix = java.util.regex.Pattern.compile("<goalPrefix>([^<]+)</goalPrefix>").matcher(descriptor);
    if (!prefix.find()) {
      throw new AssertionError(jar + " has no goal prefix in META-INF/maven/plugin.xml");
    }
    write(LOCAL_REPOSITORY.resolve("dev/schemac/maven-metadata-local.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<metadata><plugins><plugin><name>schemac Maven plugin</name><prefix>" + prefix.group(1)
            + "</prefix><artifactId>schemac-maven-plugin</artifactId></plugin></plugins></metadata>");
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
