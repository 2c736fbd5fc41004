package dev.schemac.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.HibernateParity;
import dev.schemac.processor.testing.HibernateParity.Compiled;
import dev.schemac.processor.testing.HibernateParity.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Hibernate 7 chooses an entity's type on MariaDB and schemac refuses a record's (issue 16):
 * a {@code BigDecimal} without precision ({@code DECIMAL(38,2)}) and a {@code String} longer than
 * the longest VARCHAR ({@code TEXT}, {@code MEDIUMTEXT}, {@code LONGTEXT} by its length). One
 * entity with each is compiled with {@code -Aschemac.targets=mariadb}, its schema applied to the
 * real MariaDB 11.4 and validated by Hibernate ORM 7 as an application starts; then Hibernate
 * creates its own schema of the entity in a second database, and every column's type in both
 * catalogs must be the same, as the server reports it.
 */
class HibernateMariaDbTypesTest {
  private static final String COLUMNS = "SELECT CONCAT(table_name, '.', LOWER(column_name), ' ', column_type)"
      + " FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, LOWER(column_name)";

  @TempDir Path work;

  @Test
  void bigDecimalWithoutPrecision_andLongStrings_getHibernatesTypes_andHibernateValidatesThem() throws Exception {
    Path sources = Files.createDirectories(work.resolve("model/com/example/wide"));
    Files.writeString(sources.resolve("Wide.java"), """
        package com.example.wide;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import java.math.BigDecimal;

        @Entity
        public class Wide {
          @Id Long id;
          BigDecimal bare;
          @Column(nullable = false) BigDecimal withColumn;
          @Column(precision = 10) BigDecimal precisionOnly;
          @Column(length = 255) String title;
          @Column(length = 16384) String text;
          @Column(length = 65535) String longestText;
          @Column(length = 65536) String medium;
          @Column(length = 100000) String body;
          @Column(length = 16777215) String longestMedium;
          @Column(length = 16777216) String huge;
        }
        """);
    Files.writeString(work.resolve("model/README.md"), "naming: jpa\n");
    Model model = new Model("wide", work.resolve("model"), HibernateParity.Naming.JPA, null, Map.of(), Set.of());
    Compiled compiled = HibernateParity.compile(model, work.resolve("out"), true, List.of("-Aschemac.targets=mariadb"));
    assertTrue(compiled.success(), String.join("\n", compiled.diagnostics()));
    String schema = Files.readString(compiled.schemacDir().resolve("mariadb").resolve("schema.sql"));
    List<String> schemacColumns;
    try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      db.executeScript(schema);
      assertNull(HibernateParity.hibernateValidation(model, compiled.classes(), db.jdbcUrl(), "root"), schema);
      schemacColumns = db.rows(COLUMNS);
    }
    try (EmbeddedMariaDb.TestDatabase db = EmbeddedMariaDb.freshDatabase()) {
      HibernateParity.hibernateCreate(model, compiled.classes(), db.jdbcUrl(), "root");
      assertEquals(String.join("\n", db.rows(COLUMNS)), String.join("\n", schemacColumns), schema);
    }
    // what both wrote, read by a person from Hibernate's DDL on MariaDB 11.4.5
    assertEquals(List.of("Wide.bare decimal(38,2)", "Wide.body mediumtext", "Wide.huge longtext", "Wide.id bigint(20)",
        "Wide.longestmedium mediumtext", "Wide.longesttext text", "Wide.medium mediumtext",
        "Wide.precisiononly decimal(10,0)", "Wide.text text", "Wide.title varchar(255)",
        "Wide.withcolumn decimal(38,2)"), schemacColumns);
  }
}
