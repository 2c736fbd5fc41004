package dev.schemac.sample;

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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.util.PGobject;

/**
 * The sample app's one command: starts an embedded PostgreSQL, applies the committed migrations
 * with Flyway, writes and reads rows through the generated metamodel ({@code Tables.UserTable},
 * {@code Tables.OrderTable}...: explicit column lists, never {@code SELECT *}), shows the plan of
 * a join served by a foreign-key index, rolls back to version 1 with the undo scripts and
 * migrates forward again.
 *
 * <pre>mvn -B -q -pl sample-app -am compile -Prun</pre>
 */
public final class SampleApp {
  /** Products, orders and lines: 2 500 orders of 4 lines give 10 000 rows in order_items. */
  static final int PRODUCTS = 1_000;
  static final int ORDERS = 2_500;
  static final int LINES_PER_ORDER = 4;
  static final int USERS = 50;

  /** Flyway logs every step at INFO through java.util.logging; the app prints its own lines. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private final DataSource dataSource;
  private final PrintStream out;

  public SampleApp(DataSource dataSource, PrintStream out) {
    this.dataSource = dataSource;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      SampleApp app = new SampleApp(postgres.getPostgresDatabase(), System.out);
      app.say("started " + app.serverVersion() + " (embedded, port " + postgres.getPort() + ")");
      app.runAll();
    }
  }

  /** Every step, in order. */
  public void runAll() throws SQLException {
    migrate();
    Written written = writeAndRead();
    explainProductSales(written.soldSku());
    rollbackTo(MigrationVersion.fromVersion("1"));
    migrate();
  }

  /** Applies every pending migration, as the application would at start-up. */
  public MigrateResult migrate() {
    MigrateResult result = SampleMigrations.flyway(dataSource).migrate();
    String applied = result.migrations.stream().map(m -> "V" + m.version).collect(Collectors.joining(", "));
    say("Flyway applied " + result.migrationsExecuted + " migrations (" + applied + "): schema now at version "
        + result.targetSchemaVersion);
    return result;
  }

  /** What {@link #writeAndRead()} wrote: a product that was sold, for the EXPLAIN. */
  public record Written(String soldSku, long orderItems) {}

  /** Writes a shop and a blog through the metamodel's names, and reads an order back. */
  public Written writeAndRead() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<UUID> users = insertUsers(c);
      List<UUID> products = insertProducts(c, insertCategories(c));
      List<Long> orders = insertOrders(c, users, products);
      long items = count(c, OrderItemTable.TABLE);
      insertBlog(c, users);
      insertAuditEvent(c, users.get(0));
      c.commit();
      say("wrote " + USERS + " users, " + PRODUCTS + " products, " + orders.size() + " orders with " + items
          + " order items, 20 posts with tags and threaded comments, an audit event");

      Order order = readOrder(c, orders.get(41));
      List<OrderItem> lines = readOrderItems(c, order.id());
      BigDecimal sum = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      say("read back order #" + order.id() + " (" + order.status() + ", " + order.total() + " " + order.currency()
          + ") with " + lines.size() + " lines summing to " + sum + ", using OrderTable.COLUMN_LIST");
      return new Written(sku(PRODUCTS / 2), items);
    }
  }

  /**
   * EXPLAIN of "who bought this product": a join from products to order_items on the foreign
   * key, which the index schemac asked for ({@code @Indexed productId}) serves. Planner
   * settings are PostgreSQL's defaults; ANALYZE first, so that it knows the table sizes.
   *
   * @return the plan, one line per node
   */
  public List<String> explainProductSales(String sku) throws SQLException {
    String query = "SELECT p." + ProductTable.SKU + ", oi." + OrderItemTable.ORDER_ID + ", oi."
        + OrderItemTable.QUANTITY
        + " FROM " + ProductTable.TABLE + " p"
        + " JOIN " + OrderItemTable.TABLE + " oi ON oi." + OrderItemTable.PRODUCT_ID + " = p." + ProductTable.ID
        + " WHERE p." + ProductTable.SKU + " = '" + sku + "'";
    List<String> plan = new ArrayList<>();
    int rows = 0;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
      try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery(query)) {
        while (rs.next()) {
          rows++;
        }
      }
      say("ANALYZE, then EXPLAIN of a join on the foreign key order_items.product_id ("
          + count(c, OrderItemTable.TABLE) + " rows in order_items; " + sku + " is in " + rows + " of them):");
    }
    plan.forEach(line -> out.println("      " + line));
    return plan;
  }

  /**
   * Rolls back to {@code target} with the undo scripts from the classpath ({@code db/undo}, next
   * to Flyway's {@code db/migration}): highest version first, each {@code U{N}.1} before its
   * {@code U{N}}, removing each version's row from Flyway's history. Flyway Community does not
   * run undo scripts, so they run over JDBC: {@code U{N}} in one transaction together with its
   * history row, {@code U{N}.1} statement by statement outside a transaction (CONCURRENTLY).
   *
   * @return the undo scripts run, in order ({@code U3.1}, {@code U3}...)
   */
  public List<String> rollbackTo(MigrationVersion target) throws SQLException {
    List<MigrationInfo> applied = new ArrayList<>(Arrays.asList(SampleMigrations.flyway(dataSource).info().applied()));
    applied.removeIf(m -> m.getVersion() == null || m.getVersion().compareTo(target) <= 0);
    applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
    List<String> run = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (MigrationInfo m : applied) {
        String undo = "U" + m.getScript().substring(1);
        String script = resource("db/undo/" + undo);
        boolean transactional = !m.getVersion().getVersion().contains(".");
        c.setAutoCommit(!transactional);
        try (Statement s = c.createStatement()) {
          for (String statement : SqlScript.statements(script)) {
            s.execute(statement);
          }
          try (PreparedStatement history = c.prepareStatement(
              "DELETE FROM flyway_schema_history WHERE version = ?")) {
            history.setString(1, m.getVersion().getVersion());
            history.executeUpdate();
          }
          if (transactional) {
            c.commit();
          }
        } catch (SQLException e) {
          if (transactional) {
            c.rollback();
          }
          throw e;
        } finally {
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("RESET lock_timeout; RESET statement_timeout");
          }
        }
        run.add(undo.substring(0, undo.indexOf("__")));
      }
    }
    say("rolled back to version " + target + ": ran " + String.join(", ", run)
        + " from db/undo over JDBC and deleted their rows from flyway_schema_history");
    return run;
  }

  // --- writing, through the metamodel's names ---

  private List<UUID> insertUsers(Connection c) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement user = c.prepareStatement(insert(UserTable.TABLE, UserTable.ID, UserTable.EMAIL,
            UserTable.DISPLAY_NAME, UserTable.PASSWORD_HASH, UserTable.STATUS));
        PreparedStatement profile = c.prepareStatement(insert(UserProfileTable.TABLE, UserProfileTable.USER_ID,
            UserProfileTable.BIO, UserProfileTable.SETTINGS))) {
      for (int i = 0; i < USERS; i++) {
        UUID id = UUID.nameUUIDFromBytes(("user-" + i).getBytes(StandardCharsets.UTF_8));
        ids.add(id);
        user.setObject(1, id);
        user.setString(2, "user" + i + "@example.com");
        user.setString(3, "User " + i);
        user.setString(4, "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");
        user.setString(5, UserStatus.ACTIVE.name());
        user.addBatch();
        profile.setObject(1, id);
        profile.setString(2, "Writes about shoes.");
        profile.setObject(3, jsonb("{\"theme\": \"dark\", \"newsletter\": " + (i % 2 == 0) + "}"));
        profile.addBatch();
      }
      user.executeBatch();
      profile.executeBatch();
    }
    return ids;
  }

  private List<Long> insertCategories(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    Long parent = null;
    for (String name : List.of("Clothing", "Shoes", "Running shoes")) {
      try (PreparedStatement s = c.prepareStatement(insert(CategoryTable.TABLE, CategoryTable.PARENT_ID,
          CategoryTable.NAME, CategoryTable.SLUG) + " RETURNING " + CategoryTable.ID)) {
        s.setObject(1, parent, Types.BIGINT);
        s.setString(2, name);
        s.setString(3, name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          parent = rs.getLong(1);
          ids.add(parent);
        }
      }
    }
    return ids;
  }

  private List<UUID> insertProducts(Connection c, List<Long> categories) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(insert(ProductTable.TABLE, ProductTable.ID, ProductTable.SKU,
        ProductTable.NAME, ProductTable.CATEGORY_ID, ProductTable.PRICE, ProductTable.STOCK_QUANTITY,
        ProductTable.ATTRIBUTES, ProductTable.IMAGE_URLS))) {
      for (int i = 0; i < PRODUCTS; i++) {
        UUID id = UUID.nameUUIDFromBytes(("product-" + i).getBytes(StandardCharsets.UTF_8));
        ids.add(id);
        s.setObject(1, id);
        s.setString(2, sku(i));
        s.setString(3, "Running shoe model " + i);
        s.setLong(4, categories.get(i % categories.size()));
        s.setBigDecimal(5, price(i));
        s.setInt(6, 100 + i % 50);
        s.setObject(7, jsonb("{\"colour\": \"" + (i % 2 == 0 ? "red" : "blue") + "\", \"size\": " + (36 + i % 12) + "}"));
        s.setArray(8, c.createArrayOf("text", new String[] {"https://img.example.com/" + i + ".jpg"}));
        s.addBatch();
      }
      s.executeBatch();
    }
    return ids;
  }

  private List<Long> insertOrders(Connection c, List<UUID> users, List<UUID> products) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(insert(OrderTable.TABLE, OrderTable.USER_ID, OrderTable.STATUS,
        OrderTable.TOTAL, OrderTable.CURRENCY), new String[] {OrderTable.ID})) {
      for (int o = 0; o < ORDERS; o++) {
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0; l < LINES_PER_ORDER; l++) {
          total = total.add(price(product(o, l)).multiply(BigDecimal.valueOf(1 + l % 2)));
        }
        s.setObject(1, users.get(o % users.size()));
        s.setObject(2, OrderStatus.values()[o % OrderStatus.values().length].name(), Types.OTHER);
        s.setBigDecimal(3, total);
        s.setString(4, "EUR");
        s.addBatch();
      }
      s.executeBatch();
      try (ResultSet keys = s.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(insert(OrderItemTable.TABLE, OrderItemTable.ORDER_ID,
        OrderItemTable.LINE_NO, OrderItemTable.PRODUCT_ID, OrderItemTable.QUANTITY, OrderItemTable.UNIT_PRICE))) {
      for (int o = 0; o < ids.size(); o++) {
        for (int l = 0; l < LINES_PER_ORDER; l++) {
          s.setLong(1, ids.get(o));
          s.setInt(2, l + 1);
          s.setObject(3, products.get(product(o, l)));
          s.setInt(4, 1 + l % 2);
          s.setBigDecimal(5, price(product(o, l)));
          s.addBatch();
        }
      }
      s.executeBatch();
    }
    return ids;
  }

  private void insertBlog(Connection c, List<UUID> users) throws SQLException {
    List<Long> tags = new ArrayList<>();
    for (String name : List.of("running", "trail", "reviews")) {
      try (PreparedStatement s = c.prepareStatement(insert(TagTable.TABLE, TagTable.NAME) + " RETURNING " + TagTable.ID)) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          tags.add(rs.getLong(1));
        }
      }
    }
    for (int p = 0; p < 20; p++) {
      UUID post = UUID.nameUUIDFromBytes(("post-" + p).getBytes(StandardCharsets.UTF_8));
      try (PreparedStatement s = c.prepareStatement(insert(PostTable.TABLE, PostTable.ID, PostTable.AUTHOR_ID,
          PostTable.TITLE, PostTable.SLUG, PostTable.BODY, PostTable.STATUS, PostTable.PUBLISHED_AT))) {
        s.setObject(1, post);
        s.setObject(2, users.get(p % users.size()));
        s.setString(3, "Ten trails to run, part " + p);
        s.setString(4, "ten-trails-" + p);
        s.setString(5, "# Part " + p + "\n\nLace up.");
        s.setString(6, PostStatus.PUBLISHED.name());
        s.setObject(7, OffsetDateTime.parse("2026-01-01T08:00:00Z").plusDays(p));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(insert(PostTagTable.TABLE, PostTagTable.POST_ID,
          PostTagTable.TAG_ID))) {
        s.setObject(1, post);
        s.setLong(2, tags.get(p % tags.size()));
        s.executeUpdate();
      }
      Long parent = null;
      for (int k = 0; k < 5; k++) {
        try (PreparedStatement s = c.prepareStatement(insert(CommentTable.TABLE, CommentTable.POST_ID,
            CommentTable.AUTHOR_ID, CommentTable.PARENT_ID, CommentTable.BODY) + " RETURNING " + CommentTable.ID)) {
          s.setObject(1, post);
          s.setObject(2, users.get((p + k + 1) % users.size()));
          s.setObject(3, parent, Types.BIGINT);
          s.setString(4, k == 0 ? "Great list!" : "Replying to the comment above.");
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            parent = rs.getLong(1);
          }
        }
      }
    }
  }

  private void insertAuditEvent(Connection c, UUID actor) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insert(AuditEventTable.TABLE, AuditEventTable.ACTOR_ID,
        AuditEventTable.ACTION, AuditEventTable.ENTITY_TYPE, AuditEventTable.ENTITY_ID, AuditEventTable.PAYLOAD,
        AuditEventTable.IP_ADDRESS))) {
      s.setObject(1, actor);
      s.setString(2, "catalog.imported");
      s.setString(3, ProductTable.TABLE);
      s.setString(4, "*");
      s.setObject(5, jsonb("{\"products\": " + PRODUCTS + "}"));
      s.setObject(6, "192.0.2.10", Types.OTHER);
      s.executeUpdate();
    }
  }

  // --- reading, into the domain records ---

  private static Order readOrder(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + OrderTable.COLUMN_LIST + " FROM " + OrderTable.TABLE
        + " WHERE " + OrderTable.ID + " = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Order(
            rs.getLong(OrderTable.ID),
            rs.getObject(OrderTable.USER_ID, UUID.class),
            OrderStatus.valueOf(rs.getString(OrderTable.STATUS)),
            rs.getBigDecimal(OrderTable.TOTAL),
            rs.getString(OrderTable.CURRENCY),
            instant(rs, OrderTable.CREATED_AT),
            instant(rs, OrderTable.SHIPPED_AT),
            rs.getString(OrderTable.NOTE));
      }
    }
  }

  private static List<OrderItem> readOrderItems(Connection c, long orderId) throws SQLException {
    List<OrderItem> items = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT " + OrderItemTable.COLUMN_LIST + " FROM "
        + OrderItemTable.TABLE + " WHERE " + OrderItemTable.ORDER_ID + " = ? ORDER BY " + OrderItemTable.LINE_NO)) {
      s.setLong(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          items.add(new OrderItem(
              rs.getLong(OrderItemTable.ORDER_ID),
              rs.getInt(OrderItemTable.LINE_NO),
              rs.getObject(OrderItemTable.PRODUCT_ID, UUID.class),
              rs.getInt(OrderItemTable.QUANTITY),
              rs.getBigDecimal(OrderItemTable.UNIT_PRICE)));
        }
      }
    }
    return items;
  }

  // --- helpers ---

  /** {@code INSERT INTO table (a, b) VALUES (?, ?)}: always the columns by name. */
  static String insert(String table, String... columns) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
  }

  /** The product of line {@code l} of order {@code o}: four distinct products per order, ten orders each. */
  private static int product(int o, int l) {
    return (o * 37 + l * (PRODUCTS / LINES_PER_ORDER)) % PRODUCTS;
  }

  static String sku(int i) {
    return String.format(Locale.ROOT, "SKU-%04d", i);
  }

  private static BigDecimal price(int i) {
    return BigDecimal.valueOf(1999 + (i % 100) * 100L, 2);
  }

  private static PGobject jsonb(String json) throws SQLException {
    PGobject o = new PGobject();
    o.setType("jsonb");
    o.setValue(json);
    return o;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MICROS);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String serverVersion() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
    }
  }

  private static String resource(String path) {
    try (InputStream in = SampleApp.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void say(String line) {
    out.println("[sample] " + line);
  }
}
