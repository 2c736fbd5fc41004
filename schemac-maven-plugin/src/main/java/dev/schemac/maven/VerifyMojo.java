package dev.schemac.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails when the committed schema files are not what the sources generate, and prints a unified
 * diff of each file that differs. It runs the processor itself over the main sources (into a
 * copy of the committed folder), so it checks even when Maven's compiler says "Nothing to
 * compile":
 *
 * <pre>mvn schemac:verify</pre>
 */
@Mojo(name = "verify", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class VerifyMojo extends SchemacMojo {
  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  List<Artifact> pluginArtifacts;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  String pluginVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    CompilerSettings settings = CompilerSettings.of(project);
    if (settings.processorVersion() != null && !settings.processorVersion().equals(pluginVersion)) {
      throw new MojoFailureException(PluginErrorId.PROCESSOR_VERSION_MISMATCH.message("the build compiles with"
          + " schemac-processor " + settings.processorVersion()
          + " (annotationProcessorPaths) and this is schemac-maven-plugin " + pluginVersion
          + ": verify would compare with another version's output. Use the same version for both"
          + " (one <schemac.version> property)."));
    }
    Path committed = committedDir();
    Path work = Path.of(project.getBuild().getDirectory(), "schemac-verify");
    Path generated = work.resolve("db");
    try {
      ProcessorRun.copyTree(committed, generated);
      ProcessorRun.Result run = ProcessorRun.run(sourceRoots(settings), classpath(), processorPath(),
          settings.schemacOptions(), settings.release(), settings.encoding(), generated, work);
      run.warnings().forEach(getLog()::warn);
      run.errors().forEach(getLog()::error);
      if (!run.success()) {
        throw new MojoFailureException(PluginErrorId.VERIFY_COMPILE_FAILED.message("the sources do not compile with"
            + " schemac (" + run.errors().size()
            + " errors above): fix them first; nothing was compared"));
      }
      List<TreeDiff.FileDiff> diffs = TreeDiff.compare(committed, generated);
      if (diffs.isEmpty()) {
        getLog().info("schemac:verify: the files under " + shown(committed) + " are what the sources generate");
        return;
      }
      List<String> patch = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (TreeDiff.FileDiff diff : diffs) {
        names.add(diff.path() + " (" + diff.kind() + ")");
        diff.unifiedDiff().forEach(getLog()::error);
        patch.addAll(diff.unifiedDiff());
      }
      Path patchFile = work.resolve("verify.diff");
      Files.write(patchFile, patch, StandardCharsets.UTF_8);
      throw new MojoFailureException(PluginErrorId.VERIFY_DIFFERS.message(diffs.size()
          + (diffs.size() == 1 ? " file" : " files") + " under "
          + shown(committed) + " not what the sources generate: " + String.join(", ", names)
          + ". Compile (mvn compile) and commit the files it writes; the diff is also in " + shown(patchFile) + "."));
    } catch (IOException e) {
      throw new MojoExecutionException(PluginErrorId.of(e.getMessage()).isPresent() ? e.getMessage()
          : PluginErrorId.IO_ERROR.message("schemac:verify could not compare " + committed + ": " + e), e);
    }
  }

  /** The main source roots, without the folder javac writes generated sources to (the metamodel would be there twice). */
  private List<Path> sourceRoots(CompilerSettings settings) {
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (!path.equals(settings.generatedSources().toAbsolutePath().normalize())) {
        roots.add(path);
      }
    }
    return roots;
  }

  /**
   * The compile class path without the project's own classes: a class file left by a deleted
   * record would otherwise be taken for a table that still exists.
   */
  private List<String> classpath() throws MojoExecutionException {
    try {
      Path own = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize();
      List<String> out = new ArrayList<>();
      for (String element : project.getCompileClasspathElements()) {
        if (!Path.of(element).toAbsolutePath().normalize().equals(own)) {
          out.add(element);
        }
      }
      return out;
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(PluginErrorId.UNRESOLVED_CLASSPATH.message("the compile class path is not"
          + " resolved: " + e.getMessage()), e);
    }
  }

  /** schemac-processor and what it needs, as this plugin was resolved with them. */
  private List<File> processorPath() {
    List<File> path = new ArrayList<>();
    for (Artifact artifact : pluginArtifacts) {
      if (artifact.getFile() != null && "jar".equals(artifact.getType())) {
        path.add(artifact.getFile());
      }
    }
    return path;
  }
}
