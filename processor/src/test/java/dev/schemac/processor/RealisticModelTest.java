package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Catalog.Column;
import dev.schemac.processor.testing.Catalog.ForeignKey;
import dev.schemac.processor.testing.Catalog.Identity;
import dev.schemac.processor.testing.Catalog.Index;
import dev.schemac.processor.testing.Catalog.PrimaryKey;
import dev.schemac.processor.testing.Catalog.Trigger;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop and blog model under {@code src/test/resources/realistic} compiled by the processor and
 * applied to a real PostgreSQL 17: what the catalog holds afterwards is the specification of the
 * naming, type, nullability, key, index, check, comment and trigger conventions.
 */
class RealisticModelTest {

  private static final String MODEL = "realistic/com/example/shop";

  private static final List<String> TABLES =
      List.of(
          "comments", "order_items", "orders", "post_tags", "posts", "products", "tags",
          "user_profiles", "users");

  private static final List<String> TABLES_WITH_UPDATED_AT =
      List.of("comments", "posts", "products", "user_profiles", "users");

  @TempDir static Path schemacDir;

  private static SchemacCompiler.Result result;
  private static TestDatabase database;

  @BeforeAll
  static void compileModel() {
    result = SchemacCompiler.compile(schemacDir, SchemacCompiler.resourcesUnder(MODEL));
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  /** The schema applied once to a database that tests only read. */
  private static Catalog catalog() throws SQLException {
    if (database == null) {
      database = freshSchema();
    }
    return database.catalog();
  }

  /** A new database with the schema applied, for tests that write rows. */
  private static TestDatabase freshSchema() throws SQLException {
    assertThat(result.compilation()).succeeded();
    TestDatabase db = EmbeddedPostgresServer.freshDatabase();
    try {
      db.executeScript(result.schemaSql());
    } catch (SQLException e) {
      db.close();
      throw new AssertionError("schema.sql does not apply: " + e.getMessage() + "\n" + result.schemaSql(), e);
    }
    return db;
  }

  // ---------------------------------------------------------------- compilation and output

  @Test
  void model_compilesWithoutWarnings() {
    assertThat(result.compilation()).succeededWithoutWarnings();
  }

  @Test
  void schemaSql_isWrittenToSchemacDirAndClassOutputWithTheSameBytes() {
    byte[] inDir = result.bytesInDir("schema.sql");
    byte[] inClassOutput =
        result.generatedResourceBytes(SchemacCompiler.SCHEMA_RESOURCE).orElseThrow();

    assertThat(inDir).isEqualTo(inClassOutput);
  }

  @Test
  void schemaSql_hasUnixLineEndingsAndNoPathOfTheBuild() {
    String sql = result.schemaSql();

    assertThat(sql).doesNotContain("\r");
    assertThat(sql).endsWith("\n");
    assertThat(sql).doesNotContain(schemacDir.toString());
  }

  @Test
  void schemaSql_isTheSameBytesForTheSameSourcesInAnyOrder(@TempDir Path again, @TempDir Path reversed)
      throws Exception {
    List<JavaFileObject> sources = SchemacCompiler.resourcesUnder(MODEL);
    List<JavaFileObject> reversedSources = new ArrayList<>(sources);
    Collections.reverse(reversedSources);

    SchemacCompiler.Result second = SchemacCompiler.compile(again, sources);
    SchemacCompiler.Result third = SchemacCompiler.compile(reversed, reversedSources);

    assertThat(second.compilation()).succeeded();
    assertThat(third.compilation()).succeeded();
    byte[] first = Files.readAllBytes(schemacDir.resolve("schema.sql"));
    assertThat(new String(second.bytesInDir("schema.sql"), UTF_8)).isEqualTo(new String(first, UTF_8));
    assertThat(second.bytesInDir("schema.sql")).isEqualTo(first);
    assertThat(new String(third.bytesInDir("schema.sql"), UTF_8)).isEqualTo(new String(first, UTF_8));
    assertThat(third.bytesInDir("schema.sql")).isEqualTo(first);
    assertThat(third.generatedResourceBytes(SchemacCompiler.SCHEMA_RESOURCE).orElseThrow())
        .isEqualTo(first);
  }

  // ---------------------------------------------------------------- tables and columns

  @Test
  void tables_areSnakeCasePluralsOfTheRecordNames() throws SQLException {
    assertThat(catalog().tables()).containsExactlyElementsIn(TABLES);
  }

  @Test
  void columns_haveTheMappedTypesNullabilityAndDefaults() throws SQLException {
    Catalog catalog = catalog();
    Map<String, List<Column>> expected = new LinkedHashMap<>();
    expected.put(
        "user_profiles",
        List.of(
            notNull("user_id", "uuid"), // a key that references another table gets no default
            nullable("bio", "text"), // the shop's own @Nullable
            nullable("birth_date", "date"),
            nullable("avatar", "bytea"),
            notNull("settings", "jsonb"),
            withDefault("updated_at", "timestamp with time zone", "now()")));
    expected.put(
        "products",
        List.of(
            identity("id", "bigint"),
            notNull("sku", "character varying(64)"),
            notNull("name", "text"),
            nullable("description", "text"),
            notNull("price_cents", "bigint"),
            nullable("weight_kg", "numeric(8,3)"),
            notNull("keywords", "text[]"),
            nullable("warranty", "interval"),
            withDefault("active", "boolean", "true"),
            withDefault("created_at", "timestamp with time zone", "now()"),
            withDefault("updated_at", "timestamp with time zone", "now()")));
    expected.put(
        "orders",
        List.of(
            withDefault("id", "uuid", "gen_random_uuid()"),
            notNull("user_id", "uuid"),
            notNull("status", "text"),
            notNull("total_amount", "numeric(12,2)"),
            notNull("currency", "character varying(3)"),
            withDefault("created_at", "timestamp with time zone", "now()"),
            nullable("shipped_at", "timestamp with time zone")));
    expected.put(
        "order_items",
        List.of(
            identity("id", "bigint"),
            notNull("order_id", "uuid"),
            notNull("product_id", "bigint"),
            notNull("line_number", "smallint"),
            notNull("quantity", "integer"),
            notNull("unit_price", "numeric(12,2)")));
    expected.put(
        "posts",
        List.of(
            withDefault("id", "uuid", "gen_random_uuid()"),
            notNull("author_id", "uuid"),
            notNull("title", "character varying(200)"),
            notNull("slug", "character varying(200)"),
            notNull("body", "text"),
            notNull("reading_time", "interval"),
            nullable("published_at", "timestamp with time zone"),
            withDefault("created_at", "timestamp with time zone", "now()"),
            withDefault("updated_at", "timestamp with time zone", "now()")));
    expected.put("tags", List.of(identity("id", "integer"), notNull("name", "character varying(50)")));
    expected.put(
        "post_tags",
        List.of(
            notNull("post_id", "uuid"), // part of a composite key: no default
            notNull("tag_id", "integer"),
            withDefault("created_at", "timestamp with time zone", "now()")));
    expected.put(
        "comments",
        List.of(
            identity("id", "bigint"),
            notNull("post_id", "uuid"),
            nullable("author_id", "uuid"),
            nullable("parent_id", "bigint"),
            notNull("body", "text"),
            withDefault("created_at", "timestamp with time zone", "now()"),
            withDefault("updated_at", "timestamp with time zone", "now()")));

    List<Executable> checks = new ArrayList<>();
    expected.forEach(
        (table, columns) ->
            checks.add(() -> assertThat(catalog.columns(table)).containsExactlyElementsIn(columns).inOrder()));
    checks.add(
        () -> {
          // @SoftDelete adds deleted_at; where it goes among the columns is the processor's choice.
          List<Column> declared =
              List.of(
                  withDefault("id", "uuid", "gen_random_uuid()"),
                  notNull("email", "character varying(255)"),
                  notNull("password_hash", "text"),
                  notNull("status", "text"),
                  nullable("display_name", "text"),
                  withDefault("created_at", "timestamp with time zone", "now()"),
                  withDefault("updated_at", "timestamp with time zone", "now()"));
          List<Column> actual = catalog.columns("users");
          assertThat(actual).containsAtLeastElementsIn(declared).inOrder();
          assertThat(actual).contains(nullable("deleted_at", "timestamp with time zone"));
          assertThat(actual).hasSize(declared.size() + 1);
        });
    assertAll(checks);
  }

  // ---------------------------------------------------------------- keys

  @Test
  void primaryKeys_areNamedTablePkeyWithColumnsInDeclarationOrder() throws SQLException {
    Catalog catalog = catalog();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (String table : TABLES) {
      expected.put(table, List.of("id"));
    }
    expected.put("user_profiles", List.of("user_id"));
    expected.put("post_tags", List.of("post_id", "tag_id"));

    assertAll(
        expected.entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () ->
                            assertThat(catalog.primaryKey(e.getKey()))
                                .isEqualTo(new PrimaryKey(e.getKey() + "_pkey", e.getValue()))));
  }

  @Test
  void foreignKeys_referenceThePrimaryKeyWithTheDeclaredActions() throws SQLException {
    Catalog catalog = catalog();
    Map<String, List<ForeignKey>> expected = new LinkedHashMap<>();
    expected.put("users", List.of());
    expected.put("products", List.of());
    expected.put("tags", List.of());
    expected.put(
        "user_profiles", List.of(fk("user_profiles", "user_id", "users", "CASCADE", "NO ACTION")));
    expected.put("orders", List.of(fk("orders", "user_id", "users", "RESTRICT", "NO ACTION")));
    expected.put(
        "order_items",
        List.of(
            fk("order_items", "order_id", "orders", "CASCADE", "NO ACTION"),
            fk("order_items", "product_id", "products", "RESTRICT", "NO ACTION")));
    expected.put("posts", List.of(fk("posts", "author_id", "users", "CASCADE", "NO ACTION")));
    expected.put(
        "post_tags",
        List.of(
            fk("post_tags", "post_id", "posts", "CASCADE", "NO ACTION"),
            fk("post_tags", "tag_id", "tags", "CASCADE", "CASCADE")));
    expected.put(
        "comments",
        List.of(
            fk("comments", "author_id", "users", "SET NULL", "NO ACTION"),
            fk("comments", "parent_id", "comments", "CASCADE", "NO ACTION"), // self-reference
            fk("comments", "post_id", "posts", "CASCADE", "NO ACTION")));

    assertAll(
        expected.entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () ->
                            assertThat(catalog.foreignKeys(e.getKey()).values())
                                .containsExactlyElementsIn(e.getValue())
                                .inOrder()));
  }

  /** The unindexed-foreign-key rule must find nothing here: every FK leads some index. */
  @Test
  void everyForeignKey_isTheLeadingColumnsOfAnIndex() throws SQLException {
    Catalog catalog = catalog();
    List<Executable> checks = new ArrayList<>();
    for (String table : TABLES) {
      for (ForeignKey key : catalog.foreignKeys(table).values()) {
        checks.add(
            () -> {
              boolean covered =
                  catalog.indexes(table).values().stream()
                      .anyMatch(
                          index ->
                              index.predicate() == null
                                  && index.keys().size() >= key.columns().size()
                                  && index.keys().subList(0, key.columns().size()).equals(key.columns()));
              assertWithMessage("%s is the leading columns of an index of %s", key.name(), table)
                  .that(covered)
                  .isTrue();
            });
      }
    }
    assertThat(checks).hasSize(10);
    assertAll(checks);
  }

  @Test
  void uniqueConstraints_areNamedTableColumnsKey() throws SQLException {
    Catalog catalog = catalog();
    Map<String, Map<String, List<String>>> expected = new LinkedHashMap<>();
    for (String table : TABLES) {
      expected.put(table, Map.of());
    }
    expected.put("products", Map.of("products_sku_key", List.of("sku")));
    expected.put(
        "order_items", Map.of("order_items_order_id_product_id_key", List.of("order_id", "product_id")));
    expected.put("posts", Map.of("posts_slug_key", List.of("slug")));
    expected.put("tags", Map.of("tags_name_key", List.of("name")));
    // users: @SoftDelete turns its unique constraint into a partial unique index (see indexes).

    assertAll(
        expected.entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () -> assertThat(catalog.uniqueConstraints(e.getKey())).isEqualTo(e.getValue())));
  }

  // ---------------------------------------------------------------- indexes

  @Test
  void indexes_haveTheDeclaredMethodOrderOpclassIncludeAndPredicate() throws SQLException {
    Catalog catalog = catalog();
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    expected.put(
        "users",
        Map.of(
            // @SoftDelete: the @Unique email constraint becomes a partial unique index, same name.
            "users_email_key",
            "CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)"
                + " WHERE (deleted_at IS NULL)",
            "idx_users_lower_email",
            "CREATE UNIQUE INDEX idx_users_lower_email ON public.users USING btree"
                + " (lower((email)::text)) WHERE (deleted_at IS NULL)",
            "idx_users_status_created_at",
            "CREATE INDEX idx_users_status_created_at ON public.users USING btree"
                + " (status, created_at DESC) WHERE (status <> 'INACTIVE'::text)"));
    expected.put(
        "user_profiles",
        Map.of(
            "idx_user_profiles_settings",
            "CREATE INDEX idx_user_profiles_settings ON public.user_profiles USING gin (settings)"));
    expected.put(
        "products",
        Map.of(
            "idx_products_name",
            "CREATE INDEX idx_products_name ON public.products USING gin (name gin_trgm_ops)"));
    expected.put(
        "orders",
        Map.of(
            "idx_orders_user_id_created_at",
            "CREATE INDEX idx_orders_user_id_created_at ON public.orders USING btree"
                + " (user_id, created_at DESC) INCLUDE (status, total_amount)"));
    expected.put(
        "order_items",
        Map.of(
            "idx_order_items_product_id",
            "CREATE INDEX idx_order_items_product_id ON public.order_items USING btree (product_id)"));
    expected.put(
        "posts",
        Map.of(
            "idx_posts_author_id",
            "CREATE INDEX idx_posts_author_id ON public.posts USING btree (author_id)",
            "idx_posts_published_at",
            "CREATE INDEX idx_posts_published_at ON public.posts USING btree (published_at DESC)"
                + " WHERE (published_at IS NOT NULL)"));
    expected.put("tags", Map.of());
    expected.put(
        "post_tags",
        Map.of(
            "idx_post_tags_tag_id",
            "CREATE INDEX idx_post_tags_tag_id ON public.post_tags USING btree (tag_id)"));
    expected.put(
        "comments",
        Map.of(
            "idx_comments_author_id",
            "CREATE INDEX idx_comments_author_id ON public.comments USING btree (author_id)",
            "idx_comments_parent_id",
            "CREATE INDEX idx_comments_parent_id ON public.comments USING btree (parent_id)",
            "idx_comments_post_id_created_at",
            "CREATE INDEX idx_comments_post_id_created_at ON public.comments USING btree"
                + " (post_id, created_at)"));

    assertAll(
        expected.entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () -> {
                          Map<String, String> actual = new LinkedHashMap<>();
                          for (Index index : catalog.standaloneIndexes(e.getKey()).values()) {
                            actual.put(index.name(), index.definition());
                          }
                          assertThat(actual).isEqualTo(e.getValue());
                        }));
  }

  @Test
  void indexes_onSoftDeleteTable_uniqueOnesIgnoreDeletedRows() throws SQLException {
    Map<String, Index> unique = catalog().uniqueIndexes("users");

    assertThat(unique.keySet()).containsExactly("idx_users_lower_email", "users_email_key");
    assertThat(unique.get("users_email_key").keys()).containsExactly("email");
    assertThat(unique.get("users_email_key").predicate()).isEqualTo("(deleted_at IS NULL)");
    assertThat(unique.get("idx_users_lower_email").keys()).containsExactly("lower(email::text)");
    assertThat(unique.get("idx_users_lower_email").predicate()).isEqualTo("(deleted_at IS NULL)");
  }

  // ---------------------------------------------------------------- checks

  @Test
  void checks_areNamedAndKeepTheirExpressions() throws SQLException {
    Catalog catalog = catalog();
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (String table : TABLES) {
      expected.put(table, Map.of());
    }
    expected.put(
        "users",
        Map.of(
            "users_status_check",
            "CHECK (status = ANY (ARRAY['ACTIVE'::text, 'INACTIVE'::text, 'BANNED'::text]))"));
    expected.put(
        "user_profiles", Map.of("user_profiles_bio_check", "CHECK (char_length(bio) <= 500)"));
    expected.put("products", Map.of("products_price_cents_check", "CHECK (price_cents >= 0)"));
    expected.put(
        "orders",
        Map.of(
            "orders_check",
            "CHECK (shipped_at IS NULL OR shipped_at >= created_at)",
            "orders_check2",
            "CHECK (currency::text = upper(currency::text))",
            "orders_status_check",
            "CHECK (status = ANY (ARRAY['NEW'::text, 'PAID'::text, 'SHIPPED'::text, 'CANCELLED'::text]))",
            "orders_total_amount_check",
            "CHECK (total_amount >= 0::numeric)"));
    expected.put("order_items", Map.of("order_items_quantity_check", "CHECK (quantity > 0)"));

    assertAll(
        expected.entrySet().stream()
            .map(
                e -> (Executable) () -> assertThat(catalog.checks(e.getKey())).isEqualTo(e.getValue())));
  }

  @Test
  void enums_areTextWithCheckNotNativeTypes() throws SQLException {
    assertThat(catalog().enumTypes()).isEmpty();
  }

  // ---------------------------------------------------------------- comments

  @Test
  void comments_comeFromTheRecordJavadocAndItsParamTags() throws SQLException {
    Catalog catalog = catalog();
    Map<String, String> tableComments = new LinkedHashMap<>();
    tableComments.put("users", "People who can sign in to the shop.");
    tableComments.put("user_profiles", "Optional details a user adds to their account.");
    tableComments.put("products", "Things the shop sells.");
    tableComments.put("orders", "A customer's purchase.");
    tableComments.put("order_items", "One line of an order.");
    tableComments.put("posts", "Blog articles written by users.");
    tableComments.put("tags", "Labels that group posts by topic.");
    tableComments.put("post_tags", "Which tags a post carries.");
    tableComments.put("comments", "Readers' replies to posts, threaded.");

    Map<String, Map<String, String>> columnComments = new LinkedHashMap<>();
    columnComments.put(
        "users",
        Map.of(
            "id", "the user's key",
            "email", "the user's login and contact address",
            "password_hash", "BCrypt hash of the password, never the password itself",
            "status", "whether the user may sign in",
            "display_name", "the name shown next to posts and comments"));
    columnComments.put(
        "user_profiles",
        Map.of(
            "user_id", "the profile's owner, one profile per user",
            "bio", "a short self-description",
            "avatar", "the picture, as PNG bytes",
            "settings", "user interface preferences as JSON"));
    columnComments.put(
        "products",
        Map.of(
            "sku", "the stock-keeping unit printed on the label",
            "price_cents", "the list price in cents",
            "keywords", "search keywords",
            "warranty", "how long the manufacturer's warranty lasts"));
    columnComments.put(
        "orders",
        Map.of(
            "total_amount", "the amount charged, in the order's currency",
            "currency", "ISO 4217 currency code",
            "shipped_at", "when the parcel left the warehouse"));
    columnComments.put(
        "order_items",
        Map.of(
            "quantity", "how many units were ordered",
            "unit_price", "the price of one unit when the order was placed"));
    columnComments.put(
        "posts",
        Map.of(
            "slug", "the URL path segment, unique across posts",
            "reading_time", "the estimated time to read the body",
            "published_at", "when the post went public; null while it is a draft"));
    columnComments.put("tags", Map.of("name", "the label as shown"));
    columnComments.put("post_tags", Map.of());
    columnComments.put(
        "comments",
        Map.of(
            "author_id", "the writer; null once their account is erased",
            "parent_id", "the comment this one answers; null for a top-level comment"));

    List<Executable> checks = new ArrayList<>();
    tableComments.forEach(
        (table, comment) -> checks.add(() -> assertThat(catalog.tableComment(table)).isEqualTo(comment)));
    columnComments.forEach(
        (table, comments) ->
            checks.add(() -> assertThat(catalog.columnComments(table)).isEqualTo(comments)));
    assertAll(checks);
  }

  // ---------------------------------------------------------------- triggers, functions, extensions

  @Test
  void updatedAt_getsABeforeUpdateTriggerOnTheSharedFunction() throws SQLException {
    Catalog catalog = catalog();
    Map<String, Trigger> triggers = catalog.triggers();

    List<String> expectedNames =
        TABLES_WITH_UPDATED_AT.stream().map(table -> table + "_set_updated_at").toList();
    assertThat(triggers.keySet()).containsExactlyElementsIn(expectedNames);
    assertThat(catalog.functions()).containsExactly("schemac_set_updated_at");
    assertAll(
        TABLES_WITH_UPDATED_AT.stream()
            .map(
                table ->
                    (Executable)
                        () -> {
                          Trigger trigger = triggers.get(table + "_set_updated_at");
                          assertThat(trigger.table()).isEqualTo(table);
                          assertThat(trigger.function()).isEqualTo("schemac_set_updated_at");
                          assertThat(trigger.definition())
                              .startsWith(
                                  "CREATE TRIGGER " + table + "_set_updated_at BEFORE UPDATE ON "
                                      + table
                                      + " FOR EACH ROW EXECUTE FUNCTION schemac_set_updated_at(");
                        }));
  }

  @Test
  void trigramIndex_bringsItsExtension() throws SQLException {
    assertThat(catalog().extensions()).containsExactly("pg_trgm", "plpgsql");
  }

  // ---------------------------------------------------------------- behaviour of the applied schema

  @Test
  void updatedAt_movesWhenALaterTransactionUpdatesTheRow() throws SQLException {
    try (TestDatabase db = freshSchema()) {
      Connection connection = db.connection();
      UUID id = insertUser(connection, "ada@example.com");
      Instant createdBefore = instant(connection, "SELECT created_at FROM users WHERE id = ?", id);
      Instant updatedBefore = instant(connection, "SELECT updated_at FROM users WHERE id = ?", id);

      Instant updateTransactionStart;
      connection.setAutoCommit(false);
      try {
        update(connection, "UPDATE users SET display_name = 'Ada' WHERE id = ?", id);
        updateTransactionStart = instant(connection, "SELECT now()");
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }

      Instant updatedAfter = instant(connection, "SELECT updated_at FROM users WHERE id = ?", id);
      assertThat(updatedAfter).isGreaterThan(updatedBefore);
      assertThat(updatedAfter).isAtLeast(updateTransactionStart);
      assertThat(instant(connection, "SELECT created_at FROM users WHERE id = ?", id))
          .isEqualTo(createdBefore);
    }
  }

  @Test
  void updatedAt_overridesAValueTheUpdateStatementSets() throws SQLException {
    try (TestDatabase db = freshSchema()) {
      Connection connection = db.connection();
      UUID id = insertUser(connection, "grace@example.com");
      Instant updatedBefore = instant(connection, "SELECT updated_at FROM users WHERE id = ?", id);

      update(connection, "UPDATE users SET updated_at = '2000-01-01T00:00:00Z' WHERE id = ?", id);

      assertThat(instant(connection, "SELECT updated_at FROM users WHERE id = ?", id))
          .isGreaterThan(updatedBefore);
    }
  }

  @Test
  void softDelete_deletedUserDoesNotBlockTheirEmailButActiveOneDoes() throws SQLException {
    try (TestDatabase db = freshSchema()) {
      Connection connection = db.connection();
      UUID first = insertUser(connection, "linus@example.com");

      SQLException duplicate =
          assertThrows(SQLException.class, () -> insertUser(connection, "linus@example.com"));
      assertThat(duplicate.getSQLState()).isEqualTo("23505");
      SQLException differentCase =
          assertThrows(SQLException.class, () -> insertUser(connection, "Linus@Example.com"));
      assertThat(differentCase.getSQLState()).isEqualTo("23505");
      assertThat(differentCase.getMessage()).contains("idx_users_lower_email");

      update(connection, "UPDATE users SET deleted_at = now() WHERE id = ?", first);
      UUID second = insertUser(connection, "linus@example.com");

      assertThat(second).isNotEqualTo(first);
    }
  }

  @Test
  void enumCheck_rejectsAStatusTheEnumDoesNotHave() throws SQLException {
    try (TestDatabase db = freshSchema();
        Statement statement = db.connection().createStatement()) {
      SQLException error =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "INSERT INTO users (email, password_hash, status)"
                          + " VALUES ('x@example.com', 'h', 'DELETED')"));

      assertThat(error.getSQLState()).isEqualTo("23514");
      assertThat(error.getMessage()).contains("users_status_check");
    }
  }

  @Test
  void foreignKeyActions_cascadeSetNullAndRestrictAsDeclared() throws SQLException {
    try (TestDatabase db = freshSchema()) {
      Connection connection = db.connection();
      UUID author = insertUser(connection, "author@example.com");
      UUID reader = insertUser(connection, "reader@example.com");
      UUID post =
          uuid(
              connection,
              "INSERT INTO posts (author_id, title, slug, body, reading_time)"
                  + " VALUES (?, 'Hello', 'hello', 'First post', interval '3 minutes') RETURNING id",
              author);
      long topComment =
          number(
              connection,
              "INSERT INTO comments (post_id, author_id, body) VALUES (?, ?, 'Nice') RETURNING id",
              post,
              reader);
      long reply =
          number(
              connection,
              "INSERT INTO comments (post_id, author_id, parent_id, body)"
                  + " VALUES (?, ?, ?, 'Thanks') RETURNING id",
              post,
              author,
              topComment);
      update(
          connection,
          "INSERT INTO orders (user_id, status, total_amount, currency) VALUES (?, 'NEW', 9.99, 'EUR')",
          reader);

      // orders.user_id: RESTRICT
      SQLException restricted =
          assertThrows(SQLException.class, () -> update(connection, "DELETE FROM users WHERE id = ?", reader));
      assertThat(restricted.getSQLState()).isEqualTo("23503");
      assertThat(restricted.getMessage()).contains("orders_user_id_fkey");

      // comments.author_id: SET NULL
      update(connection, "DELETE FROM orders WHERE user_id = ?", reader);
      update(connection, "DELETE FROM users WHERE id = ?", reader);
      assertThat(
              number(connection, "SELECT count(*) FROM comments WHERE id = ? AND author_id IS NULL", topComment))
          .isEqualTo(1);

      // comments.parent_id (self-reference): CASCADE
      update(connection, "DELETE FROM comments WHERE id = ?", topComment);
      assertThat(number(connection, "SELECT count(*) FROM comments WHERE id = ?", reply)).isEqualTo(0);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Column notNull(String name, String type) {
    return new Column(name, type, true, null, Identity.NONE);
  }

  private static Column nullable(String name, String type) {
    return new Column(name, type, false, null, Identity.NONE);
  }

  private static Column withDefault(String name, String type, String defaultExpression) {
    return new Column(name, type, true, defaultExpression, Identity.NONE);
  }

  private static Column identity(String name, String type) {
    return new Column(name, type, true, null, Identity.BY_DEFAULT);
  }

  private static ForeignKey fk(
      String table, String column, String referencedTable, String onDelete, String onUpdate) {
    return new ForeignKey(
        table + "_" + column + "_fkey", List.of(column), referencedTable, List.of("id"), onDelete, onUpdate);
  }

  private static UUID insertUser(Connection connection, String email) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO users (email, password_hash, status) VALUES (?, '$2a$10$hash', 'ACTIVE')"
                + " RETURNING id")) {
      insert.setString(1, email);
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return rows.getObject(1, UUID.class);
      }
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      statement.execute();
    }
  }

  private static Instant instant(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static UUID uuid(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, UUID.class);
    }
  }

  private static long number(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
