package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metamodel is written before any check, so it must be valid Java for whatever names the
 * sources hold, even names the read then rejects.
 */
class MetamodelOnErrorTest {
  @Test
  void aColumnNameWithTheListSeparator_isAnError_andTheMetamodelListsItExactly() throws Exception {
    RealJavac.Run run = RealJavac.compile(List.of(SchemacCompiler.typeIn("com.example.odd", "Odd",
        "@Table public record Odd(@Id UUID id, @Column(name = \"a, b\") String ab) {}")));
    try {
      assertThat(run.success()).isFalse();
      assertThat(run.diagnostics().toString()).contains("a, b");
      String source = Files.readString(run.root().resolve("generated/com/example/odd/Tables.java"),
          StandardCharsets.UTF_8);
      assertThat(source).contains("public static final String COLUMN_LIST = \"id, a, b\";");
      assertThat(source).contains("public static final List<String> COLUMNS = List.of(\"id\", \"a, b\");");
    } finally {
      run.delete();
    }
  }
}
