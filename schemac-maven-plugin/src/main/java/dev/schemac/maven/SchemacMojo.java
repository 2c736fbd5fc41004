package dev.schemac.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the project and where its committed schema files are. */
abstract class SchemacMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The folder of the committed files: by default the {@code -Aschemac.dir} the compiler plugin
   * passes to javac, else {@code src/main/resources/db}.
   */
  @Parameter(property = "schemac.dir")
  File dir;

  /** The committed folder, by the order above. */
  Path committedDir() {
    if (dir != null) {
      return dir.toPath().toAbsolutePath();
    }
    Path configured = CompilerSettings.of(project).dir();
    return configured != null ? configured.toAbsolutePath()
        : project.getBasedir().toPath().resolve("src/main/resources/db");
  }

  /** {@code dir} relative to the project, for messages. */
  String shown(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }
}
