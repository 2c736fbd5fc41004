package dev.schemac.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor checks the names of the whole model ({@code Namespaces}) before any rule or SQL,
 * whatever the reader checked: a collision PostgreSQL would only find when the script runs is a
 * compile error on the element, and nothing is written.
 */
class NamespaceErrorsTest {
  @TempDir Path dir;

  @Test
  void nativeEnumNamedLikeATable_isAnErrorOnTheTable_andNothingIsWritten() {
    JavaFileObject state = SchemacCompiler.typeIn("com.example", "State", "public enum State { OPEN, DONE }");
    JavaFileObject order = SchemacCompiler.typeIn("com.example", "Order", """
        @Table
        public record Order(@Id long id, @NativeEnum(name = "orders") State state) {}
        """);

    SchemacCompiler.Result result = SchemacCompiler.compile(dir, state, order);
    Compilation compilation = result.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[schemac:duplicate-name] enum type orders has the name of table orders, whose row type"
        + " PostgreSQL names after it").inFile(order).onLineContaining("public record Order");
    assertWithMessage("schema.sql under -Aschemac.dir").that(result.fileInDir("schema.sql")).isEmpty();
  }
}
