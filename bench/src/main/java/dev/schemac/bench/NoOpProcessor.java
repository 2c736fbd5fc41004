package dev.schemac.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.StringWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The floor of an annotation processor's cost, for bench/run.sh: it claims schemac's annotations
 * and, in the first round that has any, loads and uses once the libraries schemac uses (Jackson,
 * JavaPoet), then does nothing; it generates no file. What javac with it costs over javac
 * alone no processor of this kind can avoid: javac's processing round (with any processor present,
 * javac enters every source again for the last round) and loading the processor and its libraries.
 *
 * <pre>javac -processorpath bench/target/classes:&lt;the libraries&gt; -processor dev.schemac.bench.NoOpProcessor ...</pre>
 */
public final class NoOpProcessor extends AbstractProcessor {
  private boolean loaded;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.schemac.annotations.Table", "dev.schemac.annotations.Schema");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!loaded && !annotations.isEmpty()) {
      loaded = true;
      try {
        // as schemac's snapshots: a node tree, written through jackson-core's generator
        var tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("tables").add(1).add(2);
        try (JsonGenerator generator = new JsonFactory().createGenerator(new StringWriter())) {
          generator.writeStartObject();
          generator.writeNumberField("tables", tree.get("tables").size());
          generator.writeEndObject();
        }
        // as schemac's metamodel
        JavaFile.builder("x", TypeSpec.classBuilder("Y").build()).build().toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }
}
