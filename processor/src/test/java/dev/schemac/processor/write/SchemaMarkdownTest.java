package dev.schemac.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.schemac.processor.testing.SchemacCompiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** schema.md: the ER diagram and one section per table, beside schema.sql. */
class SchemaMarkdownTest {
  private static JavaFileObject type(String name, String body) {
    return SchemacCompiler.typeIn("com.example.md", name, body);
  }

  @Test
  void schemaMd_hasTheDiagramAndASectionPerTable_besideSchemaSql() {
    SchemacCompiler.Result result = SchemacCompiler.compile(List.of(
        type("User", """
            /**
             * People.
             * @param email where | how to reach them
             */
            @Table
            @Index(expression = "lower(email)", unique = true)
            public record User(@Id UUID id, @Column(length = 320) String email,
                @Check("char_length(email) > 3 OR email || 'x' <> 'x'") @Column(length = 10) String code) {}
            """),
        type("Order", """
            @Table
            public record Order(@Id(generated = Id.Generated.IDENTITY) long id,
                @References(value = User.class, onDelete = ReferentialAction.CASCADE) @Indexed @Nullable UUID userId, long totalCents) {}
            """)));
    assertThat(result.compilation()).succeededWithoutWarnings();
    String md = result.fileInDir("schema.md").orElseThrow();
    assertThat(result.generatedResource("db/schema.md").orElseThrow()).isEqualTo(md);

    assertThat(md).contains("```mermaid\nerDiagram\n");
    assertThat(md).contains("    users {\n        uuid id PK\n        varchar email\n        varchar code\n    }");
    assertThat(md).contains("        uuid user_id FK\n");
    assertThat(md).contains("    users |o--o{ orders : \"user_id\"\n"); // nullable reference: zero or one
    assertThat(md).contains("\n## users\n\nPeople.\n");
    assertThat(md).contains("| email | varchar(320) | no |  | where \\| how to reach them |");
    assertThat(md).contains("| id | bigint | no | `identity` |  |");
    assertThat(md).contains("- foreign key `orders_user_id_fkey` (user_id) → users (id), on delete cascade");
    assertThat(md).contains("- check `users_code_check`: `char_length(email) > 3 OR email || 'x' <> 'x'`");
    assertThat(md).contains("- index `idx_users_lower_email`: `CREATE UNIQUE INDEX idx_users_lower_email ON users (lower(email))`");
    // every table row has the same number of cells: an unescaped | would add one
    md.lines().filter(l -> l.startsWith("| ")).forEach(l ->
        assertThat(l.replace("\\|", "").chars().filter(ch -> ch == '|').count()).isEqualTo(6));
  }
}
