package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Java type schemac maps, compiled into one table, applied to PostgreSQL and read back
 * from the catalog: the type PostgreSQL really created ({@code format_type}) and NOT NULL.
 */
class TypeMappingTest {

  private static final JavaFileObject COLOR = SchemacCompiler.source("com.example.types.Color",
      "package com.example.types;",
      "public enum Color { RED, GREEN, BLUE }");

  private static final JavaFileObject MOOD = SchemacCompiler.source("com.example.types.Mood",
      "package com.example.types;",
      "public enum Mood { HAPPY, SAD }");

  private static final JavaFileObject ADDRESS = SchemacCompiler.source("com.example.types.Address",
      "package com.example.types;",
      "public record Address(String street, String city) {}");

  /** Like jakarta.annotation.Nullable: a declaration annotation with no @Target. */
  private static final JavaFileObject DECLARED_NULLABLE = SchemacCompiler.source("com.example.types.Nullable",
      "package com.example.types;",
      "import java.lang.annotation.*;",
      "@Documented @Retention(RetentionPolicy.RUNTIME)",
      "public @interface Nullable {}");

  /** Like android.support.annotation.Nullable: FIELD and METHOD only, so javac puts it on the field. */
  private static final JavaFileObject FIELD_NULLABLE = SchemacCompiler.source("com.example.types.legacy.Nullable",
      "package com.example.types.legacy;",
      "import java.lang.annotation.*;",
      "@Retention(RetentionPolicy.CLASS) @Target({ElementType.FIELD, ElementType.METHOD})",
      "public @interface Nullable {}");

  private static final JavaFileObject SAMPLE = SchemacCompiler.source("com.example.types.Sample", """
      package com.example.types;

      import dev.schemac.annotations.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;

      @Table
      @SuppressWarnings("schemac") // every mapping on purpose, whatever the schema rules think of it
      public record Sample(
          @Id UUID id,
          String plainText,
          @Column(length = 80) String shortText,
          short smallPrim,
          Short smallBox,
          int intPrim,
          Integer intBox,
          long longPrim,
          Long longBox,
          boolean flagPrim,
          Boolean flagBox,
          double doublePrim,
          Double doubleBox,
          float floatPrim,
          Float floatBox,
          BigDecimal anyAmount,
          @Column(precision = 12, scale = 2) BigDecimal price,
          @Column(precision = 5) BigDecimal wholeNumber,
          UUID externalId,
          Instant happenedAt,
          OffsetDateTime zonedAt,
          LocalDateTime localAt,
          LocalDate birthday,
          LocalTime opensAt,
          Duration timeout,
          byte[] blob,
          Color color,
          @NativeEnum Mood mood,
          @Json String rawJson,
          @Json Map<String, Object> settings,
          @Json Address address,
          @Json List<Address> addresses,
          String[] tagArray,
          List<String> labels,
          List<UUID> friendIds,
          int[] scores,
          List<Long> counters,
          @Column(length = 20) List<String> codes,
          List<Color> colors,
          @Column(type = "citext") String handle,
          @Column(type = "inet") String ipAddress,
          @org.jspecify.annotations.Nullable String jspecifyText,
          @org.jspecify.annotations.Nullable Integer jspecifyBox,
          @org.jspecify.annotations.Nullable LocalDate jspecifyDate,
          String @org.jspecify.annotations.Nullable [] jspecifyArray,
          @org.jspecify.annotations.Nullable String[] arrayOfNullable,
          List<@org.jspecify.annotations.Nullable String> listOfNullable,
          @Json @org.jspecify.annotations.Nullable Address jspecifyJson,
          @Nullable String declaredText,
          @Nullable Long declaredBox,
          @Nullable int declaredPrimitive,
          @com.example.types.legacy.Nullable String fieldNullable) {}
      """);

  /** What PostgreSQL's format_type says for each column, in declaration order. */
  private static final Map<String, String> EXPECTED_TYPES = new LinkedHashMap<>();

  static {
    Map<String, String> t = EXPECTED_TYPES;
    t.put("id", "uuid");
    t.put("plain_text", "text");
    t.put("short_text", "character varying(80)");
    t.put("small_prim", "smallint");
    t.put("small_box", "smallint");
    t.put("int_prim", "integer");
    t.put("int_box", "integer");
    t.put("long_prim", "bigint");
    t.put("long_box", "bigint");
    t.put("flag_prim", "boolean");
    t.put("flag_box", "boolean");
    t.put("double_prim", "double precision");
    t.put("double_box", "double precision");
    t.put("float_prim", "real");
    t.put("float_box", "real");
    t.put("any_amount", "numeric");
    t.put("price", "numeric(12,2)");
    t.put("whole_number", "numeric(5,0)");
    t.put("external_id", "uuid");
    t.put("happened_at", "timestamp with time zone");
    t.put("zoned_at", "timestamp with time zone");
    t.put("local_at", "timestamp without time zone");
    t.put("birthday", "date");
    t.put("opens_at", "time without time zone");
    t.put("timeout", "interval");
    t.put("blob", "bytea");
    t.put("color", "text");
    t.put("mood", "mood");
    t.put("raw_json", "jsonb");
    t.put("settings", "jsonb");
    t.put("address", "jsonb");
    t.put("addresses", "jsonb");
    t.put("tag_array", "text[]");
    t.put("labels", "text[]");
    t.put("friend_ids", "uuid[]");
    t.put("scores", "integer[]");
    t.put("counters", "bigint[]");
    t.put("codes", "character varying(20)[]");
    t.put("colors", "text[]");
    t.put("handle", "citext");
    t.put("ip_address", "inet");
    t.put("jspecify_text", "text");
    t.put("jspecify_box", "integer");
    t.put("jspecify_date", "date");
    t.put("jspecify_array", "text[]");
    t.put("array_of_nullable", "text[]");
    t.put("list_of_nullable", "text[]");
    t.put("jspecify_json", "jsonb");
    t.put("declared_text", "text");
    t.put("declared_box", "bigint");
    t.put("declared_primitive", "integer");
    t.put("field_nullable", "text");
  }

  /**
   * NULL is allowed only where a Nullable annotation says so, on the component or (JSpecify) on
   * its type itself; never on a primitive; a nullable element type does not make the column
   * nullable. Boxes are NOT NULL like everything else (design: "NOT NULL by default").
   */
  private static final List<String> EXPECTED_NULLABLE = List.of(
      "jspecify_text", "jspecify_box", "jspecify_date", "jspecify_array", "jspecify_json",
      "declared_text", "declared_box", "field_nullable");

  private static String sql;

  @BeforeAll
  static void compileOnce() {
    sql = AppliedSchema.compile(SAMPLE, COLOR, MOOD, ADDRESS, DECLARED_NULLABLE, FIELD_NULLABLE);
  }

  @Test
  void everyMappedJavaType_appliedToPostgres_hasItsDocumentedColumnType() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      Map<String, String> actual = new LinkedHashMap<>();
      for (Catalog.Column column : schema.catalog().columns("samples")) {
        actual.put(column.name(), column.type());
      }

      assertWithMessage("columns of samples\n%s", sql).that(actual).containsExactlyEntriesIn(EXPECTED_TYPES).inOrder();
    }
  }

  @Test
  void nullability_onlyNullableAnnotatedReferenceTypes_allowNull() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      TreeSet<String> nullable = schema.catalog().columns("samples").stream()
          .filter(Catalog.Column::nullable).map(Catalog.Column::name)
          .collect(Collectors.toCollection(TreeSet::new));

      assertWithMessage("nullable columns of samples\n%s", sql).that(nullable).containsExactlyElementsIn(EXPECTED_NULLABLE);
    }
  }

  @Test
  void jspecifyNullableOnAnArrayElement_warnsThatTheColumnIsNotNull_andArrayNullableIsNullable() throws SQLException {
    JavaFileObject blob = SchemacCompiler.source("com.example.Blob", "package com.example;",
        "import dev.schemac.annotations.*;",
        "import org.jspecify.annotations.Nullable;",
        "import java.util.UUID;",
        "@Table(name = \"blobs\")",
        "public record Blob(@Id UUID id,",
        "    @Nullable byte[] thumbnail,",
        "    byte @Nullable [] preview) { }");
    com.google.testing.compile.Compilation compilation = SchemacCompiler.compile(List.of(blob)).compilation();
    com.google.testing.compile.CompilationSubject.assertThat(compilation).succeeded();
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadWarningContainingMatch(Diagnostics.tagged("nullable-array",
                "For a nullable column write byte @Nullable [] thumbnail")).inFile(blob)
        .onLineContaining("@Nullable byte[] thumbnail");
    assertThat(compilation.warnings()).hasSize(1);
    try (AppliedSchema schema = AppliedSchema.of(blob)) {
      assertThat(schema.catalog().column("blobs", "thumbnail").nullable()).isFalse();
      assertThat(schema.catalog().column("blobs", "preview").nullable()).isTrue();
    }
  }

  @Test
  void enumComponent_isTextWithCheckThatRejectsUnknownValue() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      assertThat(schema.catalog().checks("samples"))
          .containsEntry("samples_color_check", "CHECK (color = ANY (ARRAY['RED'::text, 'GREEN'::text, 'BLUE'::text]))");

      schema.execute(insert(Map.of()));
      assertThat(schema.queryValue("SELECT count(*) FROM samples")).isEqualTo(1L);
      schema.expectFailure("23514", insert(Map.of("color", "'PURPLE'")));
      schema.expectFailure("23514", insert(Map.of("color", "'red'")));
      assertThat(schema.queryValue("SELECT count(*) FROM samples")).isEqualTo(1L);
    }
  }

  @Test
  void enumListComponent_isTextArray_whoseElementsAreChecked() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      schema.execute(insert(Map.of("colors", "ARRAY['RED', 'BLUE']")));

      assertThat(schema.queryValue("SELECT array_to_string(colors, ',') FROM samples")).isEqualTo("RED,BLUE");
      assertThat(schema.catalog().checks("samples")).containsKey("samples_colors_check");
      schema.expectFailure("23514", insert(Map.of("colors", "ARRAY['RED', 'PURPLE']")));
      schema.execute(insert(Map.of("colors", "'{}'")));
    }
  }

  @Test
  void nativeEnumComponent_createsEnumTypeThatRejectsUnknownValue() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      assertThat(schema.catalog().enumTypes()).containsExactly("mood", List.of("HAPPY", "SAD"));

      schema.execute(insert(Map.of("mood", "'SAD'")));
      schema.expectFailure("22P02", insert(Map.of("mood", "'ANGRY'")));
    }
  }

  @Test
  void customTypeCitext_createsExtensionAndComparesCaseInsensitively() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      assertThat(schema.catalog().extensions()).contains("citext");
      assertThat(sql).contains("CREATE EXTENSION IF NOT EXISTS citext;");

      schema.execute(insert(Map.of("handle", "'MixedCase'")));
      assertThat(schema.queryValue("SELECT count(*) FROM samples WHERE handle = 'mixedcase'")).isEqualTo(1L);
    }
  }

  @Test
  void validRow_roundTripsThroughEveryColumn() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      schema.execute(insert(Map.of()));

      assertThat(schema.queryValue("SELECT price::text FROM samples")).isEqualTo("12.34");
      assertThat(schema.queryValue("SELECT timeout::text FROM samples")).isEqualTo("00:05:00");
      assertThat(schema.queryValue("SELECT address->>'city' FROM samples")).isEqualTo("Lyon");
      assertThat(schema.queryValue("SELECT host(ip_address) FROM samples")).isEqualTo("10.0.0.1");
      assertThat(schema.queryValue("SELECT id IS NOT NULL FROM samples")).isEqualTo(true);
      schema.expectFailure("22001", insert(Map.of("short_text", "'" + "x".repeat(81) + "'")));
      schema.expectFailure("22003", insert(Map.of("price", "12345678901.00")));
    }
  }

  /** An INSERT of one valid row (every NOT NULL column set), with some values replaced. */
  private static String insert(Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>();
    v.put("plain_text", "'plain'");
    v.put("short_text", "'short'");
    v.put("small_prim", "1");
    v.put("small_box", "2");
    v.put("int_prim", "3");
    v.put("int_box", "4");
    v.put("long_prim", "5");
    v.put("long_box", "6");
    v.put("flag_prim", "true");
    v.put("flag_box", "false");
    v.put("double_prim", "1.5");
    v.put("double_box", "2.5");
    v.put("float_prim", "3.5");
    v.put("float_box", "4.5");
    v.put("any_amount", "123.456789");
    v.put("price", "12.34");
    v.put("whole_number", "12345");
    v.put("external_id", "'6f1c1d7e-8a4b-4c4f-9a77-0d1f3c2b5a69'");
    v.put("happened_at", "now()");
    v.put("zoned_at", "'2024-01-02T03:04:05+02:00'");
    v.put("local_at", "'2024-01-02T03:04:05'");
    v.put("birthday", "'1990-05-17'");
    v.put("opens_at", "'08:30'");
    v.put("timeout", "interval '5 minutes'");
    v.put("blob", "'\\xdeadbeef'");
    v.put("color", "'GREEN'");
    v.put("mood", "'HAPPY'");
    v.put("raw_json", "'{\"a\": 1}'");
    v.put("settings", "'{\"theme\": \"dark\"}'");
    v.put("address", "'{\"street\": \"1 rue\", \"city\": \"Lyon\"}'");
    v.put("addresses", "'[]'");
    v.put("tag_array", "ARRAY['a', 'b']");
    v.put("labels", "'{}'");
    v.put("friend_ids", "ARRAY['6f1c1d7e-8a4b-4c4f-9a77-0d1f3c2b5a69']::uuid[]");
    v.put("scores", "ARRAY[1, 2, 3]");
    v.put("counters", "ARRAY[9000000000]");
    v.put("codes", "ARRAY['AB']");
    v.put("colors", "'{}'");
    v.put("handle", "'someone'");
    v.put("ip_address", "'10.0.0.1'");
    v.put("array_of_nullable", "ARRAY[NULL, 'x']");
    v.put("list_of_nullable", "ARRAY[NULL]::text[]");
    v.put("declared_primitive", "7");
    v.putAll(overrides);
    return "INSERT INTO samples (" + String.join(", ", v.keySet()) + ") VALUES ("
        + String.join(", ", v.values()) + ")";
  }
}
