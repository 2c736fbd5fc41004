package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema.sql that this very build generated (read from the classpath, where schemac writes
 * it next to the classes) applies to a real PostgreSQL and enforces what the records say.
 */
class GeneratedSchemaTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static String schemaSql() throws Exception {
    try (InputStream in = GeneratedSchemaTest.class.getResourceAsStream("/db/schema.sql")) {
      assertNotNull(in, "schemac writes db/schema.sql into the class output");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void schemaSql_appliesAndEnforcesTheRecords() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      s.execute(schemaSql());

      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertEquals(List.of("order_items", "orders", "products", "users"), tables);

      UUID user = UUID.randomUUID();
      s.execute("INSERT INTO users (id, email, display_name, password_hash, status) VALUES ('" + user
          + "', 'ada@example.com', 'Ada', '$2a$12$hash', 'ACTIVE')");
      SQLException badStatus = assertThrows(SQLException.class, () -> s.execute(
          "INSERT INTO users (email, display_name, password_hash, status) VALUES ('b@example.com', 'B', 'h', 'BANNED')"));
      assertEquals("23514", badStatus.getSQLState(), "the enum CHECK rejects an unknown status");

      s.execute("INSERT INTO orders (user_id) VALUES ('" + user + "')");
      try (ResultSet rs = s.executeQuery("SELECT status FROM orders")) {
        assertTrue(rs.next());
        assertEquals("NEW", rs.getString(1), "@Default(\"'NEW'\") applies");
      }
      SQLException restricted = assertThrows(SQLException.class,
          () -> s.execute("DELETE FROM users WHERE id = '" + user + "'"));
      assertEquals("23503", restricted.getSQLState(), "ON DELETE RESTRICT keeps a customer with orders");
    }
  }
}
