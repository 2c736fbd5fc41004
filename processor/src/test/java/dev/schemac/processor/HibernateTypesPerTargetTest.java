package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.SchemacCompiler;
import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column types schemac writes for a JPA entity only because Hibernate does — a {@code @Lob}'s
 * large object, a {@code char}'s {@code char(1)}, {@code @JdbcTypeCode(SqlTypes.CHAR)}, a
 * soft-delete flag of {@code Y}/{@code N} — are logical types that each target spells (issue 16):
 * PostgreSQL keeps Hibernate's {@code oid} and {@code char(n)}, MariaDB and MySQL write
 * LONGTEXT/LONGBLOB, SQLite text/blob, MongoDB string/binData, whichever target comes first. Each
 * schema is applied to its real engine (PostgreSQL, MariaDB, SQLite).
 */
class HibernateTypesPerTargetTest {
  private static final String PKG = "com.example.lob";

  @TempDir Path dir;

  private static JavaFileObject src(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";",
        "import jakarta.persistence.*;", "import org.hibernate.annotations.*;", "import org.hibernate.type.*;",
        "import java.util.*;", "", String.join("\n", body));
  }

  /** An entity with each type Hibernate chooses; {@code more}: further attributes. */
  private static JavaFileObject document(String... more) {
    return src("Document",
        "@jakarta.persistence.Entity",
        "@SoftDelete(converter = YesNoConverter.class)",
        "public class Document {",
        "  @jakarta.persistence.Id Long id;",
        "  @Lob @jakarta.persistence.Column(nullable = false) String body;",
        "  @Lob byte[] scan;",
        "  char grade;",
        "  @JdbcTypeCode(SqlTypes.CHAR) @jakarta.persistence.Column(length = 3) String code;",
        String.join("\n", more),
        "}");
  }

  private static final JavaFileObject DOCUMENT = document();

  private SchemacCompiler.Result compile(Path into, String targets, JavaFileObject... sources) {
    SchemacCompiler.Result result = SchemacCompiler.compile(into, List.of(sources), "-Aschemac.targets=" + targets);
    assertWithMessage("%s", result.compilation().diagnostics())
        .that(result.compilation().status()).isEqualTo(Compilation.Status.SUCCESS);
    return result;
  }

  private static String file(SchemacCompiler.Result result, String path) {
    return result.fileInDir(path).orElseThrow(() -> new AssertionError("no " + path));
  }

  @Test
  void postgresqlAlone_keepsHibernatesTypes_onTheEngine() throws Exception {
    String sql = compile(dir, "postgresql", DOCUMENT).schemaSql();
    assertThat(sql).contains("body    oid     NOT NULL");
    assertThat(sql).containsMatch("scan +oid\n|scan +oid,");
    assertThat(sql).containsMatch("grade +char\\(1\\) +NOT NULL");
    assertThat(sql).containsMatch("code +char\\(3\\)");
    assertThat(sql).containsMatch("deleted +char\\(1\\) +NOT NULL DEFAULT 'N'");
    try (EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      db.executeScript(sql);
      assertThat(db.catalog().column("document", "body").type()).isEqualTo("oid");
      assertThat(db.catalog().column("document", "scan").type()).isEqualTo("oid");
      assertThat(db.catalog().column("document", "grade").type()).isEqualTo("character(1)");
      assertThat(db.catalog().column("document", "code").type()).isEqualTo("character(3)");
    }
  }

  @Test
  void mariadbAlone_writesLongtextAndLongblob_neverOid_onTheEngine() throws Exception {
    SchemacCompiler.Result result = compile(dir, "mariadb", DOCUMENT);
    String sql = file(result, "mariadb/schema.sql");
    assertThat(sql).doesNotContain("oid");
    // the large-object warning is PostgreSQL's: MariaDB keeps a @Lob in the row
    // (EntityReaderTest asserts the warning with postgresql as the target)
    assertThat(result.compilation().warnings().stream().map(d -> d.getMessage(null))
        .filter(m -> m.contains("[schemac:lob")).toList()).isEmpty();
    try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      db.executeScript(sql);
      // JPA's default naming: the table is Document, which MariaDB keeps case-sensitive (docs/jpa.md, Names)
      assertThat(db.rows("SELECT concat(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE) FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Document' ORDER BY ORDINAL_POSITION"))
          .containsExactly("id bigint(20) NO", "body longtext NO", "scan longblob YES", "grade char(1) NO",
              "code char(3) YES", "deleted char(1) NO").inOrder();
      db.execute("INSERT INTO Document (id, body, grade) VALUES (1, REPEAT('x', 100000), 'A')");
      assertThat(db.rows("SELECT concat(length(body), ' ', deleted) FROM Document")).containsExactly("100000 N");
    }
  }

  @Test
  void mysqlAlone_writesLongtextAndLongblob() {
    String sql = file(compile(dir, "mysql", DOCUMENT), "mysql/schema.sql");
    assertThat(sql).doesNotContain("oid");
    assertThat(sql).containsMatch("`?body`? +longtext +NOT NULL");
    assertThat(sql).containsMatch("`?scan`? +longblob");
    assertThat(sql).containsMatch("`?grade`? +char\\(1\\) +NOT NULL");
  }

  @Test
  void sqliteAlone_writesTextAndBlob_andHoldsTheFixedLength_onTheEngine() throws Exception {
    String sql = file(compile(dir, "sqlite", DOCUMENT), "sqlite/schema.sql");
    assertThat(sql).doesNotContain("oid");
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("lob.db"))) {
      db.run(sql);
      assertThat(db.rows("SELECT name || ' ' || type || ' ' || \"notnull\" FROM pragma_table_info('document')"
          + " ORDER BY cid")).containsExactly("id INT 1", "body TEXT 1", "scan BLOB 0", "grade TEXT 1",
              "code TEXT 0", "deleted TEXT 1").inOrder();
      db.run("INSERT INTO document (id, body, grade, scan) VALUES (1, 'long', 'A', x'00FF')");
      assertThat(db.rows("SELECT deleted FROM document")).containsExactly("N");
      assertThat(db.failure("INSERT INTO document (id, body, grade, code) VALUES (2, 'b', 'A', 'ABCD')"))
          .contains("CHECK constraint failed");
    }
  }

  @Test
  void mongodbAlone_validatesStringsAndBinData() {
    SchemacCompiler.Result result = compile(dir, "mongodb", DOCUMENT);
    String validator = file(result, "mongodb/validators/document.json");
    assertThat(validator).containsMatch("\"body\" *: *\\{[^}]*\"bsonType\" *: *\"string\"");
    assertThat(validator).containsMatch("\"scan\" *: *\\{\\s*\"bsonType\" *: *\\[\\s*\"binData\",\\s*\"null\"");
    assertThat(validator).containsMatch("\"code\" *: *\\{[^}]*\"maxLength\" *: *3");
  }

  @Test
  void everyTargetTogether_eachWritesWhatItWritesAlone_postgresqlByteForByte(@TempDir Path alone) throws Exception {
    SchemacCompiler.Result all = compile(dir, "postgresql,mariadb,mysql,sqlite,mongodb", DOCUMENT);
    for (String target : List.of("postgresql", "mariadb", "mysql", "sqlite")) {
      Path own = alone.resolve(target);
      SchemacCompiler.Result one = compile(own, target, DOCUMENT);
      String path = target.equals("postgresql") ? "schema.sql" : target + "/schema.sql";
      assertWithMessage(target).that(file(all, path)).isEqualTo(file(one, path));
    }
    assertThat(file(all, "mongodb/validators/document.json"))
        .isEqualTo(file(compile(alone.resolve("mongodb"), "mongodb", DOCUMENT), "mongodb/validators/document.json"));
  }

  @Test
  void inet_isPostgresqls_andALocatedErrorOnTargetsWithoutIt() {
    JavaFileObject host = src("Host",
        "@jakarta.persistence.Entity",
        "public class Host {",
        "  @jakarta.persistence.Id Long id;",
        "  @JdbcTypeCode(SqlTypes.INET) java.net.InetAddress address;",
        "}");
    assertThat(compile(dir, "postgresql", host).schemaSql()).containsMatch("address +inet");
    for (String target : List.of("mariadb", "mysql", "sqlite")) {
      Compilation failed = SchemacCompiler.compile(dir.resolve(target), List.of(host), "-Aschemac.targets=" + target)
          .compilation();
      assertThat(failed).hadErrorContaining("[schemac:unsupported-by-target]").inFile(host)
          .onLineContaining("InetAddress address;");
      assertThat(failed).hadErrorContaining("(target " + target + ")");
    }
  }

  /**
   * A snapshot written before these types had a kind holds {@code oid} and {@code char(1)} as the
   * first target's SQL; the next version sees the same column type in them, not a type change.
   */
  @Test
  void aBaseSnapshotWithHibernatesTypesAsRawSql_isNoTypeChange() throws Exception {
    JavaFileObject v1 = SchemacCompiler.source(PKG + ".package-info", "@dev.schemac.annotations.Schema(version = 1)",
        "package " + PKG + ";");
    compile(dir, "postgresql", v1, DOCUMENT);
    Path snapshot = dir.resolve("snapshots/v1.json");
    String json = Files.readString(snapshot, StandardCharsets.UTF_8);
    String old = json.replaceAll("\"kind\" ?: ?\"CLOB\"", "\"kind\" : \"RAW\", \"sql\" : \"oid\", \"target\" : \"postgresql\"")
        .replaceAll("\"kind\" ?: ?\"FIXED_STRING\",(\\s*)\"length\" ?: ?1\\b",
            "\"kind\" : \"RAW\",$1\"sql\" : \"char(1)\",$1\"target\" : \"postgresql\"");
    assertThat(old).isNotEqualTo(json);
    assertThat(old).doesNotContain("CLOB");
    assertThat(old).doesNotContainMatch("FIXED_STRING\",\\s*\"length\" ?: ?1\\b");
    Files.writeString(snapshot, old, StandardCharsets.UTF_8);
    JavaFileObject v2 = SchemacCompiler.source(PKG + ".package-info", "@dev.schemac.annotations.Schema(version = 2)",
        "package " + PKG + ";");
    JavaFileObject document = document("  String title;");
    compile(dir, "postgresql", v2, document);
    String up;
    try (Stream<Path> files = Files.list(dir.resolve("migration"))) {
      Path v2up = files.filter(p -> p.getFileName().toString().startsWith("V2__")).findFirst().orElseThrow();
      up = Files.readString(v2up, StandardCharsets.UTF_8);
    }
    assertThat(up).contains("ADD COLUMN title");
    assertThat(up).doesNotContain("TYPE");
  }
}
