package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mistakes no schema can be built from: each is a compile error on the exact element (file and
 * line), and when there is one, no schema.sql is written anywhere.
 */
class StructuralErrorsTest {

  @TempDir Path dir;

  /** A source in package com.example with the usual imports; {@code body} is the type. */
  private static JavaFileObject source(String simpleName, String body) {
    return SchemacCompiler.typeIn("com.example", simpleName, body);
  }

  private SchemacCompiler.Result compile(JavaFileObject... sources) {
    return SchemacCompiler.compile(dir, sources);
  }

  /**
   * Neither the compile-testing run's {@code -Aschemac.dir} nor a real javac run (class output
   * on disk, which compile-testing hides after a failure) got a schema.sql.
   */
  private static void assertNoSchemaWritten(SchemacCompiler.Result result, JavaFileObject... sources) {
    assertWithMessage("schema.sql under -Aschemac.dir").that(result.fileInDir("schema.sql")).isEmpty();
    RealJavac.Run run = RealJavac.compile(List.of(sources));
    try {
      assertWithMessage("javac success; diagnostics %s", run.diagnostics()).that(run.success()).isFalse();
      assertWithMessage("schema.sql under -Aschemac.dir").that(Files.exists(run.dirSchema())).isFalse();
      assertWithMessage("db/schema.sql in CLASS_OUTPUT").that(Files.exists(run.classOutputSchema())).isFalse();
    } finally {
      run.delete();
    }
  }

  /**
   * Compiles, expects exactly one error on the line containing {@code line}, with its id ({@code
   * [schemac:<id>] } for the catalog's, {@code [schemac:<rule>;} for a rule's) and {@code message}.
   */
  private void assertSingleErrorOn(String id, JavaFileObject file, String line, String message, JavaFileObject... sources) {
    SchemacCompiler.Result result = compile(sources);
    Compilation compilation = result.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(id).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertNoInternalError(compilation);
    assertNoSchemaWritten(result, sources);
  }

  private static void assertNoInternalError(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      assertWithMessage("diagnostic %s", d).that(d.getMessage(Locale.ROOT)).doesNotContain("internal error");
    }
  }

  /** The control for every "nothing written" assertion: a valid record writes schema.sql in both places. */
  @Test
  void validRecord_writesSchemaInDirAndClassOutput() {
    JavaFileObject user = source("User", """
        @Table
        public record User(@Id UUID id, String email) {}
        """);

    SchemacCompiler.Result result = compile(user);
    RealJavac.Run run = RealJavac.compile(List.of(user));

    assertThat(result.compilation()).succeeded();
    assertThat(result.schemaSqlInDir()).contains("CREATE TABLE users");
    assertThat(result.schemaSql()).isEqualTo(result.schemaSqlInDir());
    try {
      assertWithMessage("diagnostics %s", run.diagnostics()).that(run.success()).isTrue();
      assertThat(Files.exists(run.dirSchema())).isTrue();
      assertThat(Files.exists(run.classOutputSchema())).isTrue();
    } finally {
      run.delete();
    }
  }

  // ------------------------------------------------------------------ tables

  @Test
  void tableOnClass_failsCompilationOnTheAnnotation() {
    JavaFileObject foo = source("Foo", """
        @Table
        public class Foo {
          UUID id;
        }
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), foo, "@Table", "@Table goes on a record, and Foo is a class", foo);
  }

  @Test
  void tableOnInterface_failsCompilationNamingTheKind() {
    JavaFileObject foo = source("Foo", """
        @Table
        public interface Foo {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), foo, "@Table", "Foo is a interface", foo);
  }

  @Test
  void twoRecordsWithOneTableName_failsCompilationOnTheSecond() {
    JavaFileObject account = source("Account", """
        @Table
        public record Account(@Id UUID id) {}
        """);
    JavaFileObject user = source("User", """
        @Table(name = "accounts")
        public record User(@Id UUID id) {}
        """);

    assertSingleErrorOn(ErrorId.DUPLICATE_NAME.tag(), user, "@Table(name = \"accounts\")",
        "table 'accounts' is already declared by com.example.Account", account, user);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "x;drop table y", "1abc", "Users", "users--", "user-accounts", " "})
  void invalidTableName_failsCompilationOnTheName(String name) {
    JavaFileObject file = source("Thing", """
        @Table(name = "%s")
        public record Thing(@Id UUID id) {}
        """.formatted(name));

    assertSingleErrorOn(ErrorId.INVALID_NAME.tag(), file, "@Table(name", "invalid table name \"" + name + "\"", file);
  }

  // ------------------------------------------------------------------ columns

  @Test
  void twoComponentsWithOneColumnName_failsCompilationOnTheSecond() {
    JavaFileObject file = source("Contact", """
        @Table
        public record Contact(
            @Id UUID id,
            @Column(name = "email") String mail,
            String email) {}
        """);

    assertSingleErrorOn(ErrorId.DUPLICATE_NAME.tag(), file, "String email)", "column 'email' of table 'contacts' is already used by component 'mail'", file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "x;drop table y", "1abc", "Title", "title)", ""})
  void invalidColumnName_failsCompilationOnTheComponent(String name) {
    JavaFileObject file = source("Book", """
        @Table
        public record Book(
            @Id UUID id,
            @Column(name = "%s", length = 10) String title) {}
        """.formatted(name));

    if (name.isEmpty()) {
      // empty means "derived": not an error; the name is title
      SchemacCompiler.Result result = compile(file);
      assertThat(result.compilation()).succeeded();
      assertThat(result.schemaSql()).contains("title varchar(10) NOT NULL");
      return;
    }
    assertSingleErrorOn(ErrorId.INVALID_NAME.tag(), file, "String title", "invalid column name \"" + name + "\"", file);
  }

  /** Every annotation that takes a name rejects what is not an identifier. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "@Index(columns = \"code\", name = \"Bad Name\")|            String code|@Index(|invalid index name",
    "@Check(value = \"true\", name = \"Bad Name\")|              String code|@Check(|invalid check constraint name",
    "@Unique(columns = \"code\", name = \"Bad Name\")|           String code|@Unique(|invalid unique constraint name",
    "|@Indexed(name = \"Bad Name\") String code|@Indexed(|invalid index name",
    "|@NativeEnum(name = \"Bad Name\") Level code|@NativeEnum(|invalid enum type name",
    "|@RenamedFrom(\"Bad Name\") String code|@RenamedFrom(|invalid @RenamedFrom column name",
    "@RenamedFrom(\"Bad Name\")|String code|@RenamedFrom(|invalid @RenamedFrom table name",
  })
  void invalidNameInAnyAnnotation_failsCompilationOnThatAnnotation(
      String onRecord, String component, String line, String message) {
    JavaFileObject level = source("Level", "public enum Level { LOW, HIGH }");
    JavaFileObject file = source("Item", """
        @Table
        %s
        public record Item(
            @Id UUID id,
            %s) {}
        """.formatted(onRecord == null ? "" : onRecord, component.strip()));

    assertSingleErrorOn(ErrorId.INVALID_NAME.tag(), file, line, message, level, file);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Object payload|java.lang.Object",
    "char initial|char",
    "Character letter|java.lang.Character",
    "Optional<String> nickname|java.util.Optional<java.lang.String>",
    "Map<String, String> attributes|java.util.Map<java.lang.String,java.lang.String>",
    "java.util.Date legacyDate|java.util.Date",
    "List<List<String>> matrix|java.util.List<java.util.List<java.lang.String>>",
    "Set<String> labels|java.util.Set<java.lang.String>",
  })
  void unsupportedJavaType_failsCompilationListingSupportedTypes(String component, String typeName) {
    JavaFileObject file = source("Profile", """
        @Table
        public record Profile(
            @Id UUID id,
            %s) {}
        """.formatted(component));

    assertSingleErrorOn(ErrorId.UNMAPPED_TYPE.tag(), file, component, "unsupported type " + typeName, file);
    assertThat(compile(file).compilation())
        .hadErrorContainingMatch(Diagnostics.tagged("unmapped-type",
                "schemac maps String, short, int, long, boolean, double, float and their boxes, BigDecimal"))
        .inFile(file).onLineContaining(component);
  }

  @Test
  void jsonOnUnsupportedType_failsCompilationSayingWhatJsonTakes() {
    JavaFileObject file = source("Profile", """
        @Table
        public record Profile(
            @Id UUID id,
            @Json Integer settings) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "@Json Integer settings", "@Json applies to a String holding JSON, a Map, a List or a record", file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"int quantity", "UUID quantity", "Level quantity", "byte[] quantity"})
  void lengthOnNonString_failsCompilationOnTheComponent(String component) {
    JavaFileObject level = source("Level", "public enum Level { LOW, HIGH }");
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(length = 20) %s) {}
        """.formatted(component));

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, component, "@Column(length) applies to String columns only", level, file);
  }

  @Test
  void precisionOnNonBigDecimal_failsCompilationOnTheComponent() {
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(precision = 10, scale = 2) double price) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, "double price", "@Column(precision, scale) apply to BigDecimal columns only", file);
  }

  @ParameterizedTest(name = "precision = {0}, scale = {1}")
  @CsvSource({"5, 6", "0, 2", "-1, 0", "10, -1"})
  void badPrecisionOrScale_failsCompilationOnTheComponent(int precision, int scale) {
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(precision = %d, scale = %d) BigDecimal price) {}
        """.formatted(precision, scale));

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, "BigDecimal price", "precision must be at least 1 and scale 0..precision", file);
  }

  /** PostgreSQL's numeric keeps at most 1000 digits: more is the postgresql target's error, on the component. */
  @Test
  void precisionBeyondPostgresNumeric_isAnErrorOfThePostgresTarget() {
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(precision = 1001, scale = 0) BigDecimal price) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, "BigDecimal price",
        "PostgreSQL's numeric keeps at most 1000 digits (target postgresql)", file);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -100})
  void lengthBelowOne_failsCompilationOnTheComponent(int length) {
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(length = %d) String name) {}
        """.formatted(length));

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, "String name", "must be at least 1", file);
  }

  /**
   * The longest bounded string is an engine's limit, not the model's: PostgreSQL's varchar holds
   * at most 10485760 characters, so one more is an error of the postgresql target on the
   * component; SQLite, which bounds a string by a CHECK on its length, takes it.
   */
  @Test
  void lengthBeyondPostgresVarchar_isAnErrorOfThePostgresTargetOnly() {
    JavaFileObject file = source("Product", """
        @Table
        public record Product(
            @Id UUID id,
            @Column(length = 10485761) String name) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_COLUMN_SIZE.tag(), file, "String name",
        "PostgreSQL's varchar and char hold at most 10485760 characters (target postgresql)", file);
    SchemacCompiler.Result sqlite = SchemacCompiler.compile(dir, List.of(file), "-Aschemac.targets=sqlite");
    assertThat(sqlite.compilation()).succeeded();
    assertThat(sqlite.fileInDir("sqlite/schema.sql").orElseThrow()).contains("length(name) <= 10485761");
  }

  @Test
  void customTypeWithStatement_failsCompilationOnTheComponent() {
    JavaFileObject file = source("Host", """
        @Table
        public record Host(
            @Id UUID id,
            @Column(type = "inet; DROP TABLE hosts") String address) {}
        """);

    assertSingleErrorOn(ErrorId.UNMAPPED_TYPE.tag(), file, "String address", "is not an SQL type name", file);
  }

  // ------------------------------------------------------------------ keys

  @Test
  void referencesTargetNotATableRecord_failsCompilationOnTheReference() {
    JavaFileObject plain = source("Plain", "public record Plain(UUID id) {}");
    JavaFileObject order = source("Order", """
        @Table
        public record Order(
            @Id UUID id,
            @References(Plain.class) @Indexed UUID plainId) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_FOREIGN_KEY.tag(), order, "@References(Plain.class)",
        "@References(Plain.class) must name a @Table record (of this compilation, or compiled before it and on the"
            + " class path)", plain, order);
  }

  @Test
  void referencesTableWithoutId_failsCompilationOnTheReference() {
    JavaFileObject tag = source("Tag", """
        @Table
        public record Tag(UUID id, String name) {}
        """);
    JavaFileObject post = source("Post", """
        @Table
        public record Post(
            @Id UUID id,
            @References(Tag.class) @Indexed UUID tagId) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_FOREIGN_KEY.tag(), post, "@References(Tag.class)", "table 'tags' has no primary key to reference", tag, post);
  }

  @Test
  void componentReferencingCompositeKey_failsCompilationOnArity() {
    JavaFileObject postTag = source("PostTag", """
        @Table
        public record PostTag(@Id UUID postId, @Id UUID tagId) {}
        """);
    JavaFileObject vote = source("Vote", """
        @Table
        public record Vote(
            @Id UUID id,
            @References(PostTag.class) @Indexed UUID postTagId) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_FOREIGN_KEY.tag(), vote, "@References(PostTag.class)",
        "the primary key of 'post_tags' has 2 column(s) (post_id, tag_id), but 1 column(s) reference it", postTag, vote);
  }

  @Test
  void recordReferenceWithTooFewColumns_failsCompilationOnArity() {
    JavaFileObject postTag = source("PostTag", """
        @Table
        public record PostTag(@Id UUID postId, @Id UUID tagId) {}
        """);
    JavaFileObject vote = source("Vote", """
        @Table
        @References(value = PostTag.class, columns = {"post_id"})
        public record Vote(@Id UUID id, UUID postId) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_FOREIGN_KEY.tag(), vote, "@References(value = PostTag.class",
        "the primary key of 'post_tags' has 2 column(s)", postTag, vote);
  }

  @Test
  void recordReferenceToUnknownColumn_failsCompilationWithSuggestion() {
    JavaFileObject postTag = source("PostTag", """
        @Table
        public record PostTag(@Id UUID postId, @Id UUID tagId) {}
        """);
    JavaFileObject vote = source("Vote", """
        @Table
        @References(value = PostTag.class, columns = {"post_id", "tagid"})
        public record Vote(@Id UUID id, UUID postId, UUID tagId) {}
        """);

    assertSingleErrorOn(ErrorId.UNKNOWN_COLUMN.tag(), vote, "@References(value = PostTag.class", "did you mean 'tag_id'?", postTag, vote);
  }

  @Test
  void foreignKeyTypeMismatch_failsCompilationNamingBothTypes() {
    JavaFileObject user = source("User", """
        @Table
        public record User(@Id UUID id) {}
        """);
    JavaFileObject order = source("Order", """
        @Table
        public record Order(
            @Id UUID id,
            @References(User.class) @Indexed long userId) {}
        """);

    assertSingleErrorOn("[schemac:foreign-key-type-mismatch;", order, "long userId",
        "foreign key orders_user_id_fkey: orders.user_id is bigint but the key it references, users.id, is uuid", user, order);
    assertThat(compile(user, order).compilation())
        .hadErrorContaining("Fix: declare userId with the Java type of User.id (UUID) [schemac:foreign-key-type-mismatch")
        .inFile(order).onLineContaining("long userId");
  }

  @Test
  void idWithNullable_failsCompilationOnTheComponent() {
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id @Nullable UUID id,
            String name) {}
        """);

    assertSingleErrorOn(ErrorId.CONFLICTING_ANNOTATIONS.tag(), file, "@Id @Nullable UUID id", "primary-key column 'id' is marked Nullable", file);
  }

  @Test
  void identityOnUuid_failsCompilationOnTheGeneratedValue() {
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id(generated = Id.Generated.IDENTITY) UUID id,
            String name) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "Id.Generated.IDENTITY", "identity keys are numbers", file);
  }

  @Test
  void identityWithDefault_failsCompilationOnTheComponent() {
    JavaFileObject file = source("Invoice", """
        @Table
        public record Invoice(
            @Id(generated = Id.Generated.IDENTITY) @Default("1") long id,
            String number) {}
        """);

    assertSingleErrorOn(ErrorId.CONFLICTING_ANNOTATIONS.tag(), file, "long id", "column 'id' is an identity column and cannot also have a DEFAULT", file);
  }

  @Test
  void randomUuidOnLong_failsCompilationOnTheGeneratedValue() {
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id(generated = Id.Generated.RANDOM_UUID) long id,
            String name) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "Id.Generated.RANDOM_UUID", "Generated.RANDOM_UUID needs a UUID component", file);
  }

  // ------------------------------------------------------------------ expressions

  @Test
  void indexOnUnknownColumn_failsCompilationWithDidYouMean() {
    JavaFileObject file = source("User", """
        @Table
        @Index(columns = "emial")
        public record User(
            @Id UUID id,
            String email) {}
        """);

    assertSingleErrorOn(ErrorId.UNKNOWN_COLUMN.tag(), file, "@Index(columns = \"emial\")",
        "@Index names column 'emial', which table 'users' does not have: did you mean 'email'?", file);
  }

  @Test
  void indexIncludeUnknownColumn_failsCompilationWithDidYouMean() {
    JavaFileObject file = source("Order", """
        @Table
        @Index(columns = "user_id", include = "totl")
        public record Order(
            @Id UUID id,
            UUID userId,
            long total) {}
        """);

    assertSingleErrorOn(ErrorId.UNKNOWN_COLUMN.tag(), file, "@Index(columns = \"user_id\"", "did you mean 'total'?", file);
  }

  @Test
  void recordUniqueOnUnknownColumn_failsCompilationWithDidYouMean() {
    JavaFileObject file = source("Page", """
        @Table
        @Unique(columns = {"tenant_id", "slgu"})
        public record Page(
            @Id UUID id,
            UUID tenantId,
            String slug) {}
        """);

    assertSingleErrorOn(ErrorId.UNKNOWN_COLUMN.tag(), file, "@Unique(columns", "@Unique names column 'slgu', which table 'pages' does not have: did you mean 'slug'?", file);
  }

  @Test
  void checkOnUnknownColumn_failsCompilationOnTheComponent() {
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id UUID id,
            @Check("char_length(bioo) <= 500") String bio) {}
        """);

    assertSingleErrorOn("[schemac:unknown-column-in-expression;", file, "String bio", "names column 'bioo', which table users does not have", file);
    assertThat(compile(file).compilation())
        .hadErrorContaining("did you mean 'bio'? write one of the table's columns: id, bio [schemac:unknown-column-in-expression")
        .inFile(file).onLineContaining("String bio");
  }

  @Test
  void recordCheckOnUnknownColumn_failsCompilationOnTheAnnotation() {
    JavaFileObject file = source("Order", """
        @Table
        @Check("shipped_at IS NULL OR shipped_at >= creatd_at")
        public record Order(
            @Id UUID id,
            Instant createdAt,
            @Nullable Instant shippedAt) {}
        """);

    assertSingleErrorOn("[schemac:unknown-column-in-expression;", file, "@Check(\"shipped_at", "did you mean 'created_at'?", file);
  }

  @Test
  void indexWhereOnUnknownColumn_failsCompilationOnTheAnnotation() {
    JavaFileObject file = source("User", """
        @Table
        @Index(columns = "email", where = "stat <> 'INACTIVE'")
        public record User(
            @Id UUID id,
            String email,
            String status) {}
        """);

    assertSingleErrorOn("[schemac:unknown-column-in-expression;", file, "@Index(columns = \"email\"", "names column 'stat'", file);
  }

  static Stream<Arguments> smuggledSql() {
    List<String> payloads = List.of(
        "0; DROP TABLE users",
        "0 -- the rest is a comment",
        "0 /* comment */",
        "0); DROP TABLE users; --",
        "$$0$$");
    List<String[]> places = List.of(
        new String[] {"", "@Check(\"score > %s\") int score", "int score"},
        new String[] {"", "@Default(\"%s\") int score", "int score"},
        new String[] {"@Index(columns = \"score\", where = \"score > %s\")", "int score", "@Index("},
        new String[] {"@Index(expression = \"abs(score) + %s\")", "int score", "@Index("},
        new String[] {"@Check(\"score > %s\")", "int score", "@Check("});
    return places.stream().flatMap(place -> payloads.stream().map(payload -> Arguments.of(
        place[0].contains("%s") ? place[0].formatted(payload) : place[0],
        place[1].contains("%s") ? place[1].formatted(payload) : place[1],
        place[2])));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("smuggledSql")
  void statementOrCommentInSqlFragment_failsCompilation(String onRecord, String component, String line) {
    JavaFileObject file = source("Player", """
        @Table
        %s
        public record Player(
            @Id UUID id,
            %s) {}
        """.formatted(onRecord, component));

    SchemacCompiler.Result result = compile(file);

    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation()).hadErrorContaining("[schemac:").inFile(file).onLineContaining(line);
    assertNoSchemaWritten(result, file);
  }

  /**
   * Quoting PostgreSQL reads differently from a plain '...' scanner: {@code E'\''} ends after
   * the escaped quote, and {@code $_$...$_$} is dollar quoting. Either can hide a ';' from a
   * scanner that thinks it is still inside a literal. (In the generated Java source below the
   * backslash is doubled; the annotation value holds one.)
   */
  static Stream<Arguments> quotingTricks() {
    return Stream.of(
        Arguments.of("@Check(\"score > 0 OR E'\\\\'') IS NULL); DROP TABLE users; --' IS NULL\") int score", "int score"),
        // PostgreSQL ends the literal at E'\\'' and runs DROP TABLE users as its own statement
        Arguments.of("@Default(\"E'\\\\''); DROP TABLE users; SELECT (1 --'\") String score", "String score"),
        Arguments.of("@Check(\"score > 0 OR $_$'$_$) IS NULL); DROP TABLE users; --' IS NULL\") int score", "int score"),
        Arguments.of("@Default(\"$_$'$_$); DROP TABLE users; SELECT (1 --'\") String score", "String score"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotingTricks")
  void quotingTrickHidingAStatement_failsCompilation(String component, String line) {
    JavaFileObject file = source("Player", """
        @Table
        public record Player(
            @Id UUID id,
            %s) {}
        """.formatted(component));

    SchemacCompiler.Result result = compile(file);

    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining("[schemac:").inFile(file).onLineContaining(line);
    assertNoSchemaWritten(result, file);
  }

  @Test
  void indexWithNeitherColumnsNorExpression_failsCompilation() {
    JavaFileObject file = source("User", """
        @Table
        @Index(unique = true)
        public record User(@Id UUID id, String email) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_INDEX.tag(), file, "@Index(unique = true)", "@Index needs either columns = {...} or expression = \"...\", not neither", file);
  }

  @Test
  void indexWithBothColumnsAndExpression_failsCompilation() {
    JavaFileObject file = source("User", """
        @Table
        @Index(columns = "email", expression = "lower(email)")
        public record User(@Id UUID id, String email) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_INDEX.tag(), file, "@Index(columns = \"email\"", "not both", file);
  }

  @Test
  void indexColumnWithGarbage_failsCompilation() {
    JavaFileObject file = source("User", """
        @Table
        @Index(columns = "email DESC; DROP TABLE users")
        public record User(@Id UUID id, String email) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_INDEX.tag(), file, "@Index(columns", "is not a column name optionally followed by ASC or DESC", file);
  }

  @Test
  void badOperatorClass_failsCompilation() {
    JavaFileObject file = source("User", """
        @Table
        @Index(columns = "email", opclass = "gin_trgm_ops) WHERE (true")
        public record User(@Id UUID id, String email) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_INDEX.tag(), file, "@Index(columns", "is not an operator class name", file);
  }

  /**
   * Index options PostgreSQL refuses for the chosen access method: the schema could never be
   * applied, so the compile says so instead of writing it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "@Index(columns = \"email\", method = IndexMethod.GIN, unique = true)",
    "@Index(columns = \"email\", method = IndexMethod.BRIN, unique = true)",
    "@Index(columns = \"tags\", method = IndexMethod.GIN, include = \"email\")",
    "@Index(columns = \"email\", opclass = \"gin_trgm_ops\")",
  })
  void indexOptionUnsupportedByMethod_failsCompilation(String index) {
    JavaFileObject file = source("User", """
        @Table
        %s
        public record User(@Id UUID id, String email, List<String> tags) {}
        """.formatted(index));

    SchemacCompiler.Result result = compile(file);

    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining("[schemac:").inFile(file).onLineContaining("@Index(");
    assertNoSchemaWritten(result, file);
  }

  @Test
  void defaultNotAnEnumConstant_failsCompilationListingConstants() {
    JavaFileObject status = source("Status", "public enum Status { ACTIVE, INACTIVE }");
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id UUID id,
            @Default("'DELETED'") Status status) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_DEFAULT.tag(), file, "Status status", "@Default('DELETED') is not a constant of com.example.Status: use one of ACTIVE, INACTIVE", status, file);
  }

  @Test
  void defaultNotANativeEnumConstant_failsCompilation() {
    JavaFileObject status = source("Status", "public enum Status { ACTIVE, INACTIVE }");
    JavaFileObject file = source("User", """
        @Table
        public record User(
            @Id UUID id,
            @NativeEnum @Default("'DELETED'") Status status) {}
        """);

    assertSingleErrorOn(ErrorId.INVALID_DEFAULT.tag(), file, "Status status", "is not a constant of com.example.Status", status, file);
  }

  // ------------------------------------------------------------------ markers

  @Test
  void encryptedOnString_failsCompilationAskingForBytes() {
    JavaFileObject file = source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            @Encrypted String apiToken) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "String apiToken", "declare apiToken as byte[]", file);
  }

  @Test
  void createdAtOnString_failsCompilationAskingForInstant() {
    JavaFileObject file = source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            @CreatedAt String createdAt) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "String createdAt", "@CreatedAt needs a point in time", file);
  }

  @Test
  void updatedAtOnLocalDate_failsCompilation() {
    JavaFileObject file = source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            @UpdatedAt LocalDate updatedOn) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "LocalDate updatedOn", "@UpdatedAt needs a point in time", file);
  }

  @Test
  void twoUpdatedAt_failsCompilationOnTheSecond() {
    JavaFileObject file = source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            @UpdatedAt Instant updatedAt,
            @UpdatedAt Instant modifiedAt) {}
        """);

    assertSingleErrorOn(ErrorId.CONFLICTING_ANNOTATIONS.tag(), file, "Instant modifiedAt", "has more than one @UpdatedAt column ('updated_at', 'modified_at')", file);
  }

  @Test
  void softDeleteWithNotNullDeletedAt_failsCompilationOnTheComponent() {
    JavaFileObject file = source("Account", """
        @Table
        @SoftDelete
        public record Account(
            @Id UUID id,
            Instant deletedAt) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "Instant deletedAt", "@SoftDelete uses column 'deleted_at' of table 'accounts', which must be a nullable timestamp", file);
  }

  @Test
  void softDeleteWithNonTimestampDeletedAt_failsCompilation() {
    JavaFileObject file = source("Account", """
        @Table
        @SoftDelete
        public record Account(
            @Id UUID id,
            @Nullable Boolean deletedAt) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "Boolean deletedAt", "must be a nullable timestamp", file);
  }

  @Test
  void nativeEnumOnString_failsCompilation() {
    JavaFileObject file = source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            @NativeEnum String kind) {}
        """);

    assertSingleErrorOn(ErrorId.WRONG_JAVA_TYPE.tag(), file, "String kind", "@NativeEnum applies to enum components", file);
  }

  /**
   * docs/mapping.md: structural errors "cannot be suppressed, because no schema can be built
   * from them" — not even by silencing every rule. (A foreign-key type mismatch and an unknown
   * column in an expression are catalog rules, suppressible like the others: see docs/rules.md.)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "schemac|Object payload|Object payload",
    "schemac|@Column(name = \"Bad Name\") String title|String title",
    "schemac:unknown-column-in-expression|@Default(\"1; DROP TABLE users\") long total|long total",
  })
  void structuralErrorUnderSuppressWarnings_stillFailsCompilation(String id, String component, String line) {
    JavaFileObject user = source("User", """
        @Table
        public record User(@Id UUID id) {}
        """);
    JavaFileObject order = source("Order", """
        @Table
        public record Order(
            @Id UUID id,
            @SuppressWarnings("%s") %s) {}
        """.formatted(id, component));

    SchemacCompiler.Result result = compile(user, order);

    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining("[schemac").inFile(order).onLineContaining(line);
    assertNoSchemaWritten(result, user, order);
  }

  // ------------------------------------------------------------------ options

  @Test
  void relativeSchemacDir_failsCompilationAndWritesNothing() {
    String relative = "target/schemac-relative-" + UUID.randomUUID() + "/db";
    JavaFileObject file = source("User", """
        @Table
        public record User(@Id UUID id) {}
        """);

    Compilation compilation = Compiler.javac()
        .withProcessors(new SchemaProcessor())
        .withOptions("-Aschemac.dir=" + relative)
        .compile(file);
    RealJavac.Run run = RealJavac.compile(List.of(file), relative);

    try {
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-option",
              "-Aschemac.dir=" + relative + " must be an absolute path"));
      assertThat(compilation).hadErrorCount(1);
      assertThat(run.success()).isFalse();
      assertThat(Files.exists(Path.of(relative))).isFalse();
      assertThat(Files.exists(run.classOutputSchema())).isFalse();
    } finally {
      run.delete();
    }
  }

  // ------------------------------------------------------------------ robustness

  @Test
  void severalStructuralMistakesInOneCompile_areAllReportedOnTheirLines() {
    JavaFileObject legacy = source("Legacy", """
        @Table
        public class Legacy {}
        """);
    JavaFileObject user = source("User", """
        @Table
        @Index(columns = "nmae")
        public record User(
            @Id UUID id,
            String name,
            Object payload,
            @Column(name = "Bad Name") String title,
            @Encrypted String secret) {}
        """);
    JavaFileObject order = source("Order", """
        @Table
        public record Order(
            @Id(generated = Id.Generated.IDENTITY) UUID id,
            @Column(length = 5) long total) {}
        """);

    SchemacCompiler.Result result = compile(legacy, user, order);
    Compilation compilation = result.compilation();

    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("wrong-java-type",
            "@Table goes on a record")).inFile(legacy).onLineContaining("@Table");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unknown-column",
            "did you mean 'name'?")).inFile(user).onLineContaining("@Index(");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unmapped-type",
            "unsupported type java.lang.Object")).inFile(user).onLineContaining("Object payload");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-name",
            "invalid column name \"Bad Name\"")).inFile(user).onLineContaining("String title");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("wrong-java-type",
            "@Encrypted marks ciphertext")).inFile(user).onLineContaining("String secret");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("wrong-java-type",
            "identity keys are numbers")).inFile(order).onLineContaining("UUID id");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-column-size",
            "@Column(length) applies to String columns only")).inFile(order).onLineContaining("long total");
    assertThat(compilation).hadErrorCount(7);
    assertNoInternalError(compilation);
    assertNoSchemaWritten(result, legacy, user, order);
  }

  /** Rules run once the model is complete; then every finding of every rule is reported together. */
  @Test
  void severalRuleMistakesInOneCompile_areAllReportedOnTheirLines() {
    JavaFileObject user = source("User", """
        @Table
        @Index(columns = "name", where = "nmae <> ''")
        public record User(
            @Id UUID id,
            String name) {}
        """);
    JavaFileObject order = source("Order", """
        @Table
        public record Order(
            @Id UUID id,
            @References(User.class) @Indexed long userId,
            @Check("totl >= 0") long total) {}
        """);
    JavaFileObject page = source("Page", """
        @Table
        public record Page(UUID id, String path) {}
        """);

    SchemacCompiler.Result result = compile(user, order, page);
    Compilation compilation = result.compilation();

    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unknown-column-in-expression",
            "names column 'nmae'")).inFile(user).onLineContaining("@Index(");
    assertThat(compilation).hadErrorContaining("[schemac:foreign-key-type-mismatch").inFile(order).onLineContaining("long userId");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unknown-column-in-expression",
            "did you mean 'total'?")).inFile(order).onLineContaining("long total");
    assertThat(compilation).hadErrorContaining("[schemac:missing-primary-key").inFile(page).onLineContaining("record Page");
    assertThat(compilation).hadErrorCount(4);
    assertNoInternalError(compilation);
    assertNoSchemaWritten(result, user, order, page);
  }

  @Test
  void genericComponentType_isADiagnosticNotACrash() {
    JavaFileObject file = source("Box", """
        @Table
        public record Box<T>(
            @Id UUID id,
            T content) {}
        """);

    assertSingleErrorOn(ErrorId.UNMAPPED_TYPE.tag(), file, "T content", "unsupported type T", file);
  }

  /**
   * javac hands an unresolvable class literal to processors as an error value, not a type: the
   * processor must say so (or stay quiet and let javac's "cannot find symbol" speak), not fail
   * with an internal error.
   */
  @Test
  void referenceToMissingClass_isADiagnosticNotAnInternalError() {
    JavaFileObject file = source("Order", """
        @Table
        public record Order(
            @Id UUID id,
            @References(Missing.class) @Indexed UUID missingId) {}
        """);

    SchemacCompiler.Result result = compile(file);

    assertThat(result.compilation()).failed();
    assertThat(result.compilation()).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("Missing.class");
    assertNoInternalError(result.compilation());
    assertNoSchemaWritten(result, file);
  }

  static Stream<Arguments> oddInputs() {
    return Stream.of(
        Arguments.of("enum", "@Table public enum Odd { A, B }"),
        Arguments.of("annotation type", "@Table public @interface Odd {}"),
        Arguments.of("no components", "@Table public record Odd() {}"),
        Arguments.of("nested record", "public class Odd { @Table public record Inner(@Id UUID id) {} }"),
        Arguments.of("generic bound", "@Table public record Odd<T extends Number>(@Id UUID id, T value) {}"),
        Arguments.of("wildcard list", "@Table public record Odd(@Id UUID id, List<? extends Number> values) {}"),
        Arguments.of("raw list", "@Table public record Odd(@Id UUID id, @SuppressWarnings(\"rawtypes\") List values) {}"),
        Arguments.of("array of arrays", "@Table public record Odd(@Id UUID id, int[][] grid) {}"),
        Arguments.of("self reference by key", "@Table public record Odd(@Id @References(Odd.class) UUID id) {}"),
        Arguments.of("reference to primitive", "@Table public record Odd(@Id UUID id, @References(int.class) int x) {}"),
        Arguments.of("missing component type", "@Table public record Odd(@Id UUID id, Missing thing) {}"),
        Arguments.of("empty enum", "@Table public record Odd(@Id UUID id, E e) { public enum E {} }"),
        Arguments.of("empty check", "@Table public record Odd(@Id UUID id, @Check(\"  \") int x) {}"),
        Arguments.of("empty index column", "@Table @Index(columns = \"\") public record Odd(@Id UUID id, int x) {}"),
        Arguments.of("record unique without columns", "@Table @Unique public record Odd(@Id UUID id, int x) {}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddInputs")
  void oddInput_neverCrashesTheProcessor(String what, String body) {
    JavaFileObject file = source("Odd", body);

    SchemacCompiler.Result result = compile(file);

    assertNoInternalError(result.compilation());
    if (result.compilation().status() == Compilation.Status.FAILURE) {
      assertNoSchemaWritten(result, file);
    }
  }
}
