package dev.schemac.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemac.sample.Tables.AuditEventTable;
import dev.schemac.sample.Tables.CategoryTable;
import dev.schemac.sample.Tables.CommentTable;
import dev.schemac.sample.Tables.OrderItemTable;
import dev.schemac.sample.Tables.OrderTable;
import dev.schemac.sample.Tables.PostTable;
import dev.schemac.sample.Tables.PostTagTable;
import dev.schemac.sample.Tables.ProductTable;
import dev.schemac.sample.Tables.TagTable;
import dev.schemac.sample.Tables.UserProfileTable;
import dev.schemac.sample.Tables.UserTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The schema.sql that this very build generated (read from the classpath, where schemac writes
 * it next to the classes) applies to a real PostgreSQL and enforces what the records say.
 */
class GeneratedSchemaTest {
  private static void assertRejected(String sqlState, String why, Executable statement) {
    SQLException e = assertThrows(SQLException.class, statement, why);
    assertEquals(sqlState, e.getSQLState(), why + ": " + e.getMessage());
  }

  private static String one(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getString(1);
    }
  }

  @Test
  void schemaSql_appliesAndEnforcesTheRecords() throws Exception {
    try (Connection c = TestPostgres.newDatabase("generated").getConnection(); Statement s = c.createStatement()) {
      s.execute(SchemaCatalog.resource("db/schema.sql"));

      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertEquals(List.of(AuditEventTable.TABLE, CategoryTable.TABLE, CommentTable.TABLE, OrderItemTable.TABLE,
          OrderTable.TABLE, PostTagTable.TABLE, PostTable.TABLE, ProductTable.TABLE, TagTable.TABLE,
          UserProfileTable.TABLE, UserTable.TABLE), tables);

      // users: enum CHECK, soft delete with partial unique indexes, lower(email) unique
      String ada = "'00000000-0000-0000-0000-00000000000a'";
      s.execute("INSERT INTO users (id, email, display_name, password_hash) VALUES (" + ada
          + ", 'ada@example.com', 'Ada', '$2a$12$hash')");
      assertEquals("PENDING", one(s, "SELECT status FROM users"), "@Default(\"'PENDING'\")");
      assertRejected("23514", "the enum CHECK rejects an unknown status", () -> s.execute(
          "INSERT INTO users (email, display_name, password_hash, status) VALUES ('b@example.com', 'B', 'h', 'BANNED')"));
      assertRejected("23505", "lower(email) is unique among live accounts", () -> s.execute(
          "INSERT INTO users (email, display_name, password_hash) VALUES ('ADA@example.com', 'Ada 2', 'h')"));
      s.execute("UPDATE users SET deleted_at = now() WHERE id = " + ada);
      s.execute("INSERT INTO users (email, display_name, password_hash) VALUES ('ada@example.com', 'Ada again', 'h')");

      // categories: self-reference and its CHECK
      s.execute("INSERT INTO categories (id, parent_id, name, slug) VALUES (1, NULL, 'Clothing', 'clothing'),"
          + " (2, 1, 'Shoes', 'shoes')");
      assertRejected("23514", "a category is not its own parent",
          () -> s.execute("UPDATE categories SET parent_id = id WHERE id = 2"));
      assertRejected("23503", "a category with children cannot be deleted",
          () -> s.execute("DELETE FROM categories WHERE id = 1"));

      // products: money, jsonb, text[], updated_at trigger
      String shoe = "'00000000-0000-0000-0000-0000000000b1'";
      s.execute("INSERT INTO products (id, sku, name, category_id, price, attributes, image_urls, created_at, updated_at)"
          + " VALUES (" + shoe + ", 'SKU-1', 'Trail shoe', 2, 129.90, '{\"colour\": \"red\"}', '{a.jpg}',"
          + " '2026-01-01', '2026-01-01')");
      assertRejected("23514", "a price is not negative", () -> s.execute(
          "UPDATE products SET price = -1 WHERE id = " + shoe));
      s.execute("UPDATE products SET stock_quantity = 5 WHERE id = " + shoe);
      assertEquals("t", one(s, "SELECT updated_at > '2026-01-02' FROM products"), "the trigger moved updated_at");
      assertEquals("1", one(s, "SELECT count(*) FROM products WHERE attributes @> '{\"colour\": \"red\"}'"));

      // orders: native enum with a default, RESTRICT on the customer, lines unique per product
      s.execute("INSERT INTO orders (user_id, total) VALUES (" + ada + ", 129.90)");
      assertEquals("NEW EUR", one(s, "SELECT status || ' ' || currency FROM orders"), "defaults apply");
      assertEquals("order_status", one(s, "SELECT pg_typeof(status)::text FROM orders"), "@NativeEnum");
      s.execute("INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)"
          + " SELECT id, 1, " + shoe + ", 1, 129.90 FROM orders");
      assertRejected("23505", "one line per product and order", () -> s.execute(
          "INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)"
              + " SELECT id, 2, " + shoe + ", 1, 129.90 FROM orders"));
      assertRejected("23503", "ON DELETE RESTRICT keeps a customer with orders",
          () -> s.execute("DELETE FROM users WHERE id = " + ada));

      // blog: comments cascade with their post, replies with their parent
      String post = "'00000000-0000-0000-0000-0000000000c1'";
      s.execute("INSERT INTO posts (id, author_id, title, slug, body) VALUES (" + post + ", " + ada
          + ", 'Hello', 'hello', 'Hi')");
      s.execute("INSERT INTO comments (id, post_id, author_id, parent_id, body) VALUES (1, " + post + ", " + ada
          + ", NULL, 'First'), (2, " + post + ", " + ada + ", 1, 'Reply')");
      assertRejected("23514", "an empty comment is refused", () -> s.execute(
          "INSERT INTO comments (post_id, author_id, body) VALUES (" + post + ", " + ada + ", '')"));
      s.execute("DELETE FROM posts WHERE id = " + post);
      assertEquals("0", one(s, "SELECT count(*) FROM comments"), "ON DELETE CASCADE");
    }
  }
}
