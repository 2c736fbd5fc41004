package dev.schemac.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.SchemacCompiler;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated {@code <Record>Table} classes: names for SQL text, generated even when the schema is wrong. */
class MetamodelTest {
  private static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn("com.example.meta", name, body);
  }

  private static final JavaFileObject USER = type("User", """
      @Table
      public record User(@Id UUID id, @Column(name = "e_mail", length = 320) String email) {}
      """);

  private static String generated(Compilation c, String simpleName) throws IOException {
    return c.generatedSourceFile("com.example.meta." + simpleName).orElseThrow().getCharContent(true).toString();
  }

  @Test
  void metamodel_hasTheTableEveryColumnAndTheColumnList_andUserCodeCompilesAgainstIt() throws IOException {
    JavaFileObject query = type("UserQueries", """
        public final class UserQueries {
          static final String BY_EMAIL = "SELECT " + UserTable.COLUMN_LIST + " FROM " + UserTable.TABLE
              + " WHERE " + UserTable.E_MAIL + " = ?";
          static final java.util.List<String> COLUMNS = UserTable.COLUMNS;
        }
        """);
    Compilation c = SchemacCompiler.compile(List.of(USER, query)).compilation();
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "UserTable");
    assertThat(source).contains("public static final String TABLE = \"users\";");
    assertThat(source).contains("public static final String ID = \"id\";");
    assertThat(source).contains("public static final String E_MAIL = \"e_mail\";");
    assertThat(source).contains("public static final List<String> COLUMNS = List.of(\"id\", \"e_mail\");");
    assertThat(source).contains("public static final String COLUMN_LIST = \"id, e_mail\";");
    assertThat(source).contains("@Generated(\"dev.schemac.processor.SchemaProcessor\")");
  }

  @Test
  void reservedNames_areQuotedInTheValues_andAColumnNamedTableDoesNotCollide() throws IOException {
    JavaFileObject odd = type("Slot", """
        @Table(name = "order")
        @SoftDelete
        @SuppressWarnings("schemac:reserved-word")
        public record Slot(@Id UUID id, @Column(name = "table") int table, int position) {}
        """);
    Compilation c = SchemacCompiler.compile(List.of(odd)).compilation();
    assertThat(c).succeeded();
    String source = generated(c, "SlotTable");
    assertThat(source).contains("public static final String TABLE = \"\\\"order\\\"\";");
    assertThat(source).contains("public static final String TABLE_COLUMN = \"\\\"table\\\"\";");
    assertThat(source).contains("public static final String DELETED_AT = \"deleted_at\";");
    assertThat(source).contains("COLUMN_LIST = \"id, \\\"table\\\", position, deleted_at\";");
  }

  @Test
  void schemaWithAnError_stillGetsItsMetamodel_soTheOnlyErrorIsTheRealOne() {
    JavaFileObject order = type("Order", """
        @Table
        public record Order(@Id UUID id, @References(User.class) UUID userId) {}
        """);
    JavaFileObject code = type("OrderQueries", """
        public final class OrderQueries {
          static final String BY_USER = "SELECT " + OrderTable.COLUMN_LIST + " FROM " + OrderTable.TABLE
              + " WHERE " + OrderTable.USER_ID + " = ?";
        }
        """);
    Compilation c = SchemacCompiler.compile(List.of(USER, order, code)).compilation();
    assertThat(c).failed();
    List<String> errors = c.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).contains("[schemac:unindexed-foreign-key;");
    assertThat(c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).filter(m -> m.contains("cannot find symbol")).toList()).isEmpty();
  }

  @Test
  void sameSources_sameBytes() throws IOException {
    String first = generated(SchemacCompiler.compile(List.of(USER)).compilation(), "UserTable");
    String second = generated(SchemacCompiler.compile(List.of(USER)).compilation(), "UserTable");
    assertThat(second).isEqualTo(first);
  }
}
