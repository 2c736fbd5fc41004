package dev.schemac.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the project's maven-compiler-plugin passes to schemac on the main compilation: the {@code
 * -Aschemac.*} options (already interpolated by Maven, so {@code -Dschemac.rules=...} on the
 * command line reaches them through the pom's properties), the release, the encoding, the
 * generated-sources folder and the schemac-processor version of {@code annotationProcessorPaths}.
 * The goals read them here so that they check exactly what {@code mvn compile} generates.
 */
record CompilerSettings(Map<String, String> schemacOptions, String release, String encoding,
    Path generatedSources, String processorVersion) {
  static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";
  static final String OPTION_DIR = "schemac.dir";

  static CompilerSettings of(MavenProject project) {
    Xpp3Dom config = null;
    Plugin compiler = project.getPlugin(COMPILER);
    if (compiler != null) {
      config = (Xpp3Dom) compiler.getConfiguration();
      PluginExecution main = compiler.getExecutionsAsMap().get("default-compile");
      if (main != null && main.getConfiguration() != null) {
        Xpp3Dom own = new Xpp3Dom((Xpp3Dom) main.getConfiguration());
        config = config == null ? own : Xpp3Dom.mergeXpp3Dom(own, new Xpp3Dom(config));
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    String release = project.getProperties().getProperty("maven.compiler.release");
    String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    Path generated = Path.of(project.getBuild().getDirectory(), "generated-sources", "annotations");
    String processorVersion = null;
    if (config != null) {
      Xpp3Dom args = config.getChild("compilerArgs");
      if (args != null) {
        for (Xpp3Dom arg : args.getChildren()) {
          addOption(options, arg.getValue());
        }
      }
      Xpp3Dom single = config.getChild("compilerArgument");
      if (single != null && single.getValue() != null) {
        for (String arg : single.getValue().trim().split("\\s+")) {
          addOption(options, arg);
        }
      }
      release = value(config, "release", release);
      encoding = value(config, "encoding", encoding);
      String generatedDir = value(config, "generatedSourcesDirectory", null);
      if (generatedDir != null) {
        generated = project.getBasedir().toPath().resolve(generatedDir);
      }
      Xpp3Dom paths = config.getChild("annotationProcessorPaths");
      if (paths != null) {
        for (Xpp3Dom path : paths.getChildren()) {
          if ("dev.schemac".equals(value(path, "groupId", null))
              && "schemac-processor".equals(value(path, "artifactId", null))) {
            processorVersion = value(path, "version", null);
          }
        }
      }
    }
    return new CompilerSettings(Map.copyOf(options), release, encoding, generated, processorVersion);
  }

  /** {@code schemac.dir} as configured, or null. */
  Path dir() {
    String value = schemacOptions.get(OPTION_DIR);
    return value == null || value.isBlank() ? null : new File(value).toPath();
  }

  private static void addOption(Map<String, String> options, String arg) {
    if (arg == null) {
      return;
    }
    String a = arg.trim();
    if (a.startsWith("-Aschemac.")) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        options.put(a.substring(2), "");
      } else {
        options.put(a.substring(2, eq), a.substring(eq + 1));
      }
    }
  }

  private static String value(Xpp3Dom config, String name, String fallback) {
    Xpp3Dom child = config.getChild(name);
    return child == null || child.getValue() == null || child.getValue().isBlank() || child.getValue().startsWith("${")
        ? fallback : child.getValue().trim();
  }
}
