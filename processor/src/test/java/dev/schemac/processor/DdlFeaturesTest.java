package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.SchemacCompiler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each DDL feature compiled from records, applied to a fresh database of the embedded
 * PostgreSQL, and checked in the catalog (and, where it has a behaviour, by data).
 */
class DdlFeaturesTest {

  private static JavaFileObject source(String simpleName, String body) {
    return SchemacCompiler.typeIn("com.example.ddl", simpleName, body);
  }

  // ------------------------------------------------------------------ keys

  @Test
  void compositeId_becomesOnePrimaryKeyOverBothColumnsWithoutDefaults() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("PostTag", """
        @Table
        public record PostTag(@Id UUID postId, @Id UUID tagId, int weight) {}
        """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.primaryKey("post_tags")).isEqualTo(new Catalog.PrimaryKey("post_tags_pkey", List.of("post_id", "tag_id")));
      assertThat(catalog.column("post_tags", "post_id").defaultExpression()).isNull();
      assertThat(catalog.column("post_tags", "tag_id").defaultExpression()).isNull();
      schema.expectFailure("23502", "INSERT INTO post_tags (post_id, weight) VALUES (gen_random_uuid(), 1)");
    }
  }

  @Test
  void uuidId_defaultsToGenRandomUuid_butSharedKeyDoesNot() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("User", """
            @Table
            public record User(@Id UUID id, String email) {}
            """),
        source("UserProfile", """
            @Table
            public record UserProfile(@Id @References(value = User.class, onDelete = ReferentialAction.CASCADE) UUID userId, String bio) {}
            """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.column("users", "id").defaultExpression()).isEqualTo("gen_random_uuid()");
      assertThat(catalog.primaryKey("users")).isEqualTo(new Catalog.PrimaryKey("users_pkey", List.of("id")));
      assertThat(catalog.column("user_profiles", "user_id").defaultExpression()).isNull();
      schema.execute("INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com')");
      assertThat(schema.queryValue("SELECT count(DISTINCT id) FROM users")).isEqualTo(2L);
    }
  }

  @Test
  void identityIds_areGeneratedByDefaultOrAlways() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Invoice", """
            @Table
            public record Invoice(@Id(generated = Id.Generated.IDENTITY) long id, String number) {}
            """),
        source("AuditEntry", """
            @Table
            public record AuditEntry(@Id(generated = Id.Generated.IDENTITY_ALWAYS) long id, String action) {}
            """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.column("invoices", "id").identity()).isEqualTo(Catalog.Identity.BY_DEFAULT);
      assertThat(catalog.column("invoices", "id").type()).isEqualTo("bigint");
      assertThat(catalog.column("audit_entries", "id").identity()).isEqualTo(Catalog.Identity.ALWAYS);
      schema.execute("INSERT INTO invoices (number) VALUES ('A-1')");
      schema.execute("INSERT INTO invoices (id, number) VALUES (100, 'A-100')");
      schema.execute("INSERT INTO audit_entries (action) VALUES ('login')");
      assertThat(schema.queryValue("SELECT id FROM audit_entries")).isEqualTo(1L);
      schema.expectFailure("428C9", "INSERT INTO audit_entries (id, action) VALUES (5, 'forged')");
    }
  }

  // ------------------------------------------------------------------ foreign keys

  @Test
  void referentialActions_areDeclaredAndBehaveOnDelete() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Customer", """
            @Table
            public record Customer(@Id UUID id, String name) {}
            """),
        source("Coupon", """
            @Table
            public record Coupon(@Id UUID id, String code) {}
            """),
        source("Warehouse", """
            @Table
            public record Warehouse(@Id UUID id) {}
            """),
        source("Order", """
            @Table
            public record Order(
                @Id UUID id,
                @References(value = Customer.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE) @Indexed UUID customerId,
                @Nullable @References(value = Coupon.class, onDelete = ReferentialAction.SET_NULL) @Indexed UUID couponId,
                @References(value = Warehouse.class, onDelete = ReferentialAction.RESTRICT, name = "orders_from_warehouse") @Indexed UUID warehouseId) {}
            """))) {
      Map<String, Catalog.ForeignKey> keys = schema.catalog().foreignKeys("orders");

      assertThat(keys).containsExactly(
          "orders_customer_id_fkey", new Catalog.ForeignKey("orders_customer_id_fkey", List.of("customer_id"), "customers", List.of("id"), "CASCADE", "CASCADE"),
          "orders_coupon_id_fkey", new Catalog.ForeignKey("orders_coupon_id_fkey", List.of("coupon_id"), "coupons", List.of("id"), "SET NULL", "NO ACTION"),
          "orders_from_warehouse", new Catalog.ForeignKey("orders_from_warehouse", List.of("warehouse_id"), "warehouses", List.of("id"), "RESTRICT", "NO ACTION"));

      schema.execute("INSERT INTO customers (id, name) VALUES ('00000000-0000-0000-0000-00000000000c', 'Ada')");
      schema.execute("INSERT INTO coupons (id, code) VALUES ('00000000-0000-0000-0000-0000000000c0', 'TEN')");
      schema.execute("INSERT INTO warehouses (id) VALUES ('00000000-0000-0000-0000-0000000000a0')");
      schema.execute("INSERT INTO orders (customer_id, coupon_id, warehouse_id) VALUES"
          + " ('00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-0000000000c0', '00000000-0000-0000-0000-0000000000a0')");

      schema.execute("DELETE FROM coupons");
      assertThat(schema.queryValue("SELECT count(*) FROM orders WHERE coupon_id IS NULL")).isEqualTo(1L);
      schema.expectFailure("23503", "DELETE FROM warehouses"); // RESTRICT: refused at once, same SQLState as NO ACTION
      schema.execute("UPDATE customers SET id = '00000000-0000-0000-0000-00000000000d'");
      assertThat(schema.queryValue("SELECT customer_id::text FROM orders")).isEqualTo("00000000-0000-0000-0000-00000000000d");
      schema.execute("DELETE FROM customers");
      assertThat(schema.queryValue("SELECT count(*) FROM orders")).isEqualTo(0L);
    }
  }

  @Test
  void selfReference_appliesAndCascadesToChildren() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Category", """
        @Table
        public record Category(
            @Id UUID id,
            String name,
            @Nullable @References(value = Category.class, onDelete = ReferentialAction.CASCADE) @Indexed UUID parentId) {}
        """))) {
      assertThat(schema.catalog().foreignKeys("categories")).containsExactly("categories_parent_id_fkey",
          new Catalog.ForeignKey("categories_parent_id_fkey", List.of("parent_id"), "categories", List.of("id"), "CASCADE", "NO ACTION"));
      assertThat(schema.catalog().column("categories", "id").defaultExpression()).isEqualTo("gen_random_uuid()");

      schema.execute("INSERT INTO categories (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'root')");
      schema.execute("INSERT INTO categories (name, parent_id) VALUES ('leaf', '00000000-0000-0000-0000-000000000001')");
      schema.expectFailure("23503", "INSERT INTO categories (name, parent_id) VALUES ('orphan', gen_random_uuid())");
      schema.execute("DELETE FROM categories WHERE name = 'root'");
      assertThat(schema.queryValue("SELECT count(*) FROM categories")).isEqualTo(0L);
    }
  }

  @Test
  void foreignKeyCycle_closesWithAlterTableAfterBothTables() throws SQLException {
    String sql = AppliedSchema.compile(
        source("Alpha", """
            @Table
            public record Alpha(@Id UUID id, @Nullable @References(Beta.class) @Indexed UUID betaId) {}
            """),
        source("Beta", """
            @Table
            public record Beta(@Id UUID id, @Nullable @References(Alpha.class) @Indexed UUID alphaId) {}
            """));

    int alpha = sql.indexOf("CREATE TABLE alphas");
    int beta = sql.indexOf("CREATE TABLE betas");
    int alter = sql.indexOf("ALTER TABLE");
    assertWithMessage(sql).that(alpha).isAtLeast(0);
    assertWithMessage(sql).that(beta).isAtLeast(0);
    assertWithMessage(sql).that(alter).isGreaterThan(Math.max(alpha, beta));
    assertWithMessage(sql).that(sql.indexOf("ALTER TABLE", alter + 1)).isEqualTo(-1);

    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.foreignKeys("alphas").keySet()).containsExactly("alphas_beta_id_fkey");
      assertThat(catalog.foreignKeys("alphas").get("alphas_beta_id_fkey").referencedTable()).isEqualTo("betas");
      assertThat(catalog.foreignKeys("betas").keySet()).containsExactly("betas_alpha_id_fkey");
      assertThat(catalog.foreignKeys("betas").get("betas_alpha_id_fkey").referencedTable()).isEqualTo("alphas");

      schema.execute("INSERT INTO alphas (id) VALUES ('00000000-0000-0000-0000-0000000000a1')");
      schema.execute("INSERT INTO betas (id, alpha_id) VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1')");
      schema.execute("UPDATE alphas SET beta_id = '00000000-0000-0000-0000-0000000000b1'");
      schema.expectFailure("23503", "UPDATE alphas SET beta_id = gen_random_uuid()");
    }
  }

  @Test
  void tables_areCreatedInDependencyOrderWhateverTheirNames() throws SQLException {
    String sql = AppliedSchema.compile(
        source("AaaLeaf", """
            @Table
            public record AaaLeaf(@Id UUID id, @References(MmmMiddle.class) @Indexed UUID middleId) {}
            """),
        source("MmmMiddle", """
            @Table
            public record MmmMiddle(@Id UUID id, @References(ZzzRoot.class) @Indexed UUID rootId) {}
            """),
        source("ZzzRoot", """
            @Table
            public record ZzzRoot(@Id UUID id) {}
            """));

    int root = sql.indexOf("CREATE TABLE zzz_roots");
    int middle = sql.indexOf("CREATE TABLE mmm_middles");
    int leaf = sql.indexOf("CREATE TABLE aaa_leaves");
    assertWithMessage(sql).that(root).isAtLeast(0);
    assertWithMessage(sql).that(middle).isGreaterThan(root);
    assertWithMessage(sql).that(leaf).isGreaterThan(middle);
    assertWithMessage(sql).that(sql).doesNotContain("ALTER TABLE");
    try (AppliedSchema schema = AppliedSchema.apply(sql)) {
      assertThat(schema.catalog().tables()).containsExactly("aaa_leaves", "mmm_middles", "zzz_roots");
    }
  }

  @Test
  void recordLevelReferences_isCompositeForeignKeyInTargetKeyOrder() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("PostTag", """
            @Table
            public record PostTag(@Id UUID postId, @Id UUID tagId) {}
            """),
        source("PostTagVote", """
            @Table
            @References(value = PostTag.class, columns = {"post_id", "tagId"}, onDelete = ReferentialAction.CASCADE)
            @Index(columns = {"post_id", "tag_id"})
            public record PostTagVote(@Id UUID id, UUID postId, UUID tagId, int score) {}
            """))) {
      assertThat(schema.catalog().foreignKeys("post_tag_votes")).containsExactly("post_tag_votes_post_id_tag_id_fkey",
          new Catalog.ForeignKey("post_tag_votes_post_id_tag_id_fkey", List.of("post_id", "tag_id"), "post_tags",
              List.of("post_id", "tag_id"), "CASCADE", "NO ACTION"));

      schema.execute("INSERT INTO post_tags VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002')");
      schema.execute("INSERT INTO post_tag_votes (post_id, tag_id, score) VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 1)");
      schema.expectFailure("23503", "INSERT INTO post_tag_votes (post_id, tag_id, score) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 1)");
    }
  }

  // ------------------------------------------------------------------ uniques

  @Test
  void uniqueOnComponentAndOnRecord_areUniqueConstraints() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Page", """
        @Table
        @Unique(columns = {"tenant_id", "slug"})
        public record Page(@Id UUID id, UUID tenantId, String slug, @Unique String path) {}
        """))) {
      assertThat(schema.catalog().uniqueConstraints("pages")).containsExactly(
          "pages_path_key", List.of("path"),
          "pages_tenant_id_slug_key", List.of("tenant_id", "slug"));

      schema.execute("INSERT INTO pages (tenant_id, slug, path) VALUES ('00000000-0000-0000-0000-000000000001', 'home', '/a')");
      schema.execute("INSERT INTO pages (tenant_id, slug, path) VALUES ('00000000-0000-0000-0000-000000000002', 'home', '/b')");
      schema.expectFailure("23505", "INSERT INTO pages (tenant_id, slug, path) VALUES ('00000000-0000-0000-0000-000000000001', 'home', '/c')");
      schema.expectFailure("23505", "INSERT INTO pages (tenant_id, slug, path) VALUES ('00000000-0000-0000-0000-000000000003', 'x', '/a')");
    }
  }

  @Test
  void softDelete_turnsUniquesIntoPartialUniqueIndexesOverLiveRows() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Member", """
        @Table
        @SoftDelete
        @Unique(columns = {"team", "nickname"})
        @Index(expression = "lower(email)", unique = true)
        public record Member(@Id UUID id, @Unique String email, String team, String nickname, @Nullable Instant deletedAt) {}
        """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.uniqueConstraints("members")).isEmpty();
      Map<String, Catalog.Index> unique = catalog.uniqueIndexes("members");
      assertThat(unique.keySet()).containsExactly("members_email_key", "members_team_nickname_key", "idx_members_lower_email");
      assertThat(unique.get("members_email_key").predicate()).isEqualTo("(deleted_at IS NULL)");
      assertThat(unique.get("members_team_nickname_key").keys()).containsExactly("team", "nickname").inOrder();
      assertThat(unique.get("members_team_nickname_key").predicate()).isEqualTo("(deleted_at IS NULL)");
      assertThat(unique.get("idx_members_lower_email").predicate()).isEqualTo("(deleted_at IS NULL)");
      assertThat(catalog.column("members", "deleted_at").nullable()).isTrue();

      schema.execute("INSERT INTO members (email, team, nickname, deleted_at) VALUES ('a@x.org', 't', 'n', now())");
      schema.execute("INSERT INTO members (email, team, nickname) VALUES ('a@x.org', 't', 'n')");
      schema.expectFailure("23505", "INSERT INTO members (email, team, nickname) VALUES ('a@x.org', 'u', 'm')");
      schema.expectFailure("23505", "INSERT INTO members (email, team, nickname) VALUES ('b@x.org', 't', 'n')");
      schema.expectFailure("23505", "INSERT INTO members (email, team, nickname) VALUES ('A@X.org', 'v', 'o')");
    }
  }

  @Test
  void softDeleteWithoutComponent_addsNullableDeletedAtColumn() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Member", """
        @Table
        @SoftDelete
        public record Member(@Id UUID id, @Unique String email) {}
        """))) {
      Catalog.Column deletedAt = schema.catalog().column("members", "deleted_at");

      assertThat(deletedAt.type()).isEqualTo("timestamp with time zone");
      assertThat(deletedAt.nullable()).isTrue();
      assertThat(schema.catalog().uniqueIndexes("members").get("members_email_key").predicate()).isEqualTo("(deleted_at IS NULL)");
      schema.execute("INSERT INTO members (email, deleted_at) VALUES ('a@x.org', now())");
      schema.execute("INSERT INTO members (email) VALUES ('a@x.org')");
      schema.expectFailure("23505", "INSERT INTO members (email) VALUES ('a@x.org')");
    }
  }

  // ------------------------------------------------------------------ indexes

  @Test
  void indexVariants_areCreatedAsDeclared() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Article", """
        @Table
        @Index(columns = "published_at DESC")
        @Index(columns = "archived_at DESC NULLS LAST")
        @Index(expression = "lower(email)", unique = true)
        @Index(columns = "status", where = "status <> 'DRAFT'")
        @Index(columns = "attributes", method = IndexMethod.GIN)
        @Index(columns = "title", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
        @Index(columns = "view_count", method = IndexMethod.GIST)
        @Index(columns = "created_at", method = IndexMethod.BRIN)
        @Index(columns = "editor_id", method = IndexMethod.HASH)
        @Index(columns = "authorId", include = {"title", "status"})
        @Index(columns = {"status", "published_at DESC"}, name = "articles_feed")
        @SuppressWarnings("schemac") // many indexes on purpose: one of each kind
        public record Article(
            @Id UUID id,
            String email,
            String title,
            String status,
            @Indexed String slug,
            Instant publishedAt,
            Instant createdAt,
            @Nullable Instant archivedAt,
            @Json Map<String, Object> attributes,
            long viewCount,
            UUID authorId,
            UUID editorId) {}
        """))) {
      Map<String, Catalog.Index> indexes = schema.catalog().standaloneIndexes("articles");

      assertThat(definitions(indexes)).containsExactly(
          "idx_articles_published_at", "CREATE INDEX idx_articles_published_at ON public.articles USING btree (published_at DESC)",
          "idx_articles_archived_at", "CREATE INDEX idx_articles_archived_at ON public.articles USING btree (archived_at DESC NULLS LAST)",
          "idx_articles_lower_email", "CREATE UNIQUE INDEX idx_articles_lower_email ON public.articles USING btree (lower(email))",
          "idx_articles_status", "CREATE INDEX idx_articles_status ON public.articles USING btree (status) WHERE (status <> 'DRAFT'::text)",
          "idx_articles_attributes", "CREATE INDEX idx_articles_attributes ON public.articles USING gin (attributes)",
          "idx_articles_title", "CREATE INDEX idx_articles_title ON public.articles USING gin (title gin_trgm_ops)",
          "idx_articles_view_count", "CREATE INDEX idx_articles_view_count ON public.articles USING gist (view_count)",
          "idx_articles_created_at", "CREATE INDEX idx_articles_created_at ON public.articles USING brin (created_at)",
          "idx_articles_editor_id", "CREATE INDEX idx_articles_editor_id ON public.articles USING hash (editor_id)",
          "idx_articles_author_id", "CREATE INDEX idx_articles_author_id ON public.articles USING btree (author_id) INCLUDE (title, status)",
          "idx_articles_slug", "CREATE INDEX idx_articles_slug ON public.articles USING btree (slug)",
          "articles_feed", "CREATE INDEX articles_feed ON public.articles USING btree (status, published_at DESC)");
      assertThat(indexes.get("idx_articles_author_id").includedColumns()).containsExactly("title", "status").inOrder();
      assertThat(schema.catalog().extensions()).containsAtLeast("pg_trgm", "btree_gist");
      assertThat(schema.sql).contains("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
      assertThat(schema.sql).contains("CREATE EXTENSION IF NOT EXISTS btree_gist;");

      String row = "INSERT INTO articles (email, title, status, slug, published_at, created_at, attributes, view_count, author_id, editor_id)"
          + " VALUES ('%s', 't', 'DRAFT', 's', now(), now(), '{}', 0, gen_random_uuid(), gen_random_uuid())";
      schema.execute(row.formatted("Ann@example.com"));
      schema.expectFailure("23505", row.formatted("ann@EXAMPLE.com"));
    }
  }

  @Test
  void ginOnScalar_addsBtreeGin_andGinOnArrayApplies() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Doc", """
        @Table
        @Index(columns = "tags", method = IndexMethod.GIN)
        @Index(columns = "rank", method = IndexMethod.GIN)
        public record Doc(@Id UUID id, List<String> tags, int rank) {}
        """))) {
      assertThat(schema.catalog().extensions()).contains("btree_gin");
      assertThat(schema.catalog().standaloneIndexes("docs").get("idx_docs_tags").method()).isEqualTo("gin");
      assertThat(schema.catalog().standaloneIndexes("docs").get("idx_docs_rank").method()).isEqualTo("gin");
    }
  }

  // ------------------------------------------------------------------ checks and defaults

  @Test
  void checks_onComponentAndRecord_withGeneratedAndExplicitNames() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Shipment", """
        @Table
        @Check(name = "shipments_dates_check", value = "shipped_at IS NULL OR shipped_at >= created_at")
        @Check("weight_grams < 1000000")
        public record Shipment(
            @Id UUID id,
            @Check("weight_grams > 0") int weightGrams,
            @Check(value = "char_length(label) BETWEEN 1 AND 40", name = "label_length") String label,
            Instant createdAt,
            @Nullable Instant shippedAt) {}
        """))) {
      Map<String, String> checks = schema.catalog().checks("shipments");

      assertThat(checks).containsExactly(
          "shipments_weight_grams_check", "CHECK (weight_grams > 0)",
          "label_length", "CHECK (char_length(label) >= 1 AND char_length(label) <= 40)",
          "shipments_dates_check", "CHECK (shipped_at IS NULL OR shipped_at >= created_at)",
          "shipments_check", "CHECK (weight_grams < 1000000)");

      String row = "INSERT INTO shipments (weight_grams, label, created_at, shipped_at) VALUES (%s, '%s', now(), %s)";
      schema.execute(row.formatted("10", "box", "NULL"));
      assertThat(schema.expectFailure("23514", row.formatted("0", "box", "NULL")).getMessage()).contains("shipments_weight_grams_check");
      assertThat(schema.expectFailure("23514", row.formatted("10", "", "NULL")).getMessage()).contains("label_length");
      assertThat(schema.expectFailure("23514", row.formatted("10", "box", "now() - interval '1 day'")).getMessage()).contains("shipments_dates_check");
      assertThat(schema.expectFailure("23514", row.formatted("2000000", "box", "NULL")).getMessage()).contains("shipments_check");
    }
  }

  @Test
  void defaults_areColumnDefaults() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Stage", "public enum Stage { DRAFT, PENDING, DONE }"),
        source("Task", """
            @Table
            public record Task(
                @Id UUID id,
                @Default("0") int stock,
                @Default("'draft'") String state,
                @Default("'PENDING'") Stage stage,
                @Default("now()") Instant seenAt,
                @Default("true") boolean active,
                @Default("'{}'") List<String> tags,
                @Default("interval '1 hour'") Duration ttl) {}
            """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.column("tasks", "stock").defaultExpression()).isEqualTo("0");
      assertThat(catalog.column("tasks", "state").defaultExpression()).isEqualTo("'draft'::text");
      assertThat(catalog.column("tasks", "stage").defaultExpression()).isEqualTo("'PENDING'::text");
      assertThat(catalog.column("tasks", "seen_at").defaultExpression()).isEqualTo("now()");
      assertThat(catalog.column("tasks", "active").defaultExpression()).isEqualTo("true");
      assertThat(catalog.column("tasks", "tags").defaultExpression()).isEqualTo("'{}'::text[]");
      assertThat(catalog.column("tasks", "ttl").defaultExpression()).isEqualTo("'01:00:00'::interval");
      schema.execute("INSERT INTO tasks DEFAULT VALUES");
      assertThat(schema.queryValue("SELECT stock || ' ' || state || ' ' || stage || ' ' || active || ' ' || ttl FROM tasks"))
          .isEqualTo("0 draft PENDING true 01:00:00");
    }
  }

  // ------------------------------------------------------------------ timestamps

  @Test
  void updatedAt_triggerMovesValueOnUpdate_createdAtStays() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(source("Account", """
        @Table
        public record Account(
            @Id UUID id,
            String name,
            @CreatedAt Instant createdAt,
            @UpdatedAt Instant updatedAt) {}
        """))) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.triggers("accounts").keySet()).containsExactly("accounts_set_updated_at");
      assertThat(catalog.triggers("accounts").get("accounts_set_updated_at").function()).isEqualTo("schemac_set_updated_at");
      assertThat(catalog.functions()).containsExactly("schemac_set_updated_at");
      assertThat(catalog.column("accounts", "created_at").defaultExpression()).isEqualTo("now()");
      assertThat(catalog.column("accounts", "updated_at").defaultExpression()).isEqualTo("now()");
      assertThat(catalog.column("accounts", "created_at").notNull()).isTrue();

      Connection c = schema.connection();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO accounts (name) VALUES ('first')");
      }
      c.commit();
      Timestamp[] before = times(c);
      assertThat(before[1]).isEqualTo(before[0]);
      Thread.sleep(20);
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE accounts SET name = 'second'");
      }
      c.commit();
      Timestamp[] after = times(c);
      assertThat(after[0]).isEqualTo(before[0]);
      assertThat(after[1]).isGreaterThan(before[1]);

      Thread.sleep(20);
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE accounts SET updated_at = '2000-01-01T00:00:00Z', name = 'third'");
      }
      c.commit();
      Timestamp[] forced = times(c);
      assertThat(forced[1]).isGreaterThan(after[1]);
      assertThat(forced[0]).isEqualTo(before[0]);
      c.setAutoCommit(true);
    }
  }

  @Test
  void updatedAtOnLocalDateTime_triggerMovesValueToo() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(source("Note", """
        @Table
        public record Note(@Id UUID id, String body, @UpdatedAt LocalDateTime changedAt) {}
        """))) {
      schema.execute("SET TIME ZONE 'Asia/Kathmandu'"); // +05:45: a trigger that wrote UTC would be far off
      schema.execute("INSERT INTO notes (body, changed_at) VALUES ('a', '2000-01-01 00:00:00')");
      schema.execute("UPDATE notes SET body = 'b'");

      assertThat(schema.queryValue("SELECT changed_at > '2020-01-01'::timestamp FROM notes")).isEqualTo(true);
      assertThat(schema.queryValue("SELECT abs(extract(epoch FROM changed_at - localtimestamp)) < 5 FROM notes")).isEqualTo(true);
    }
  }

  /** created_at and updated_at of the single account row. */
  private static Timestamp[] times(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT created_at, updated_at FROM accounts");
        ResultSet rows = q.executeQuery()) {
      rows.next();
      Timestamp[] t = {rows.getTimestamp(1), rows.getTimestamp(2)};
      c.commit();
      return t;
    }
  }

  // ------------------------------------------------------------------ comments

  @Test
  void javadoc_becomesTableAndColumnComments() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("User", """
        /**
         * Application users, with the {@code users} login data. It's "quoted".
         *
         * @param email the login, see {@code lower(email)}; it's unique
         * @param displayName shown to others,
         *     on two lines
         */
        @Table
        public record User(@Id UUID id, String email, String displayName, String bio) {}
        """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.tableComment("users")).isEqualTo("Application users, with the users login data. It's \"quoted\".");
      assertThat(catalog.columnComments("users")).containsExactly(
          "email", "the login, see lower(email); it's unique",
          "display_name", "shown to others, on two lines");
    }
  }

  // ------------------------------------------------------------------ names

  @Test
  void generatedNameOver63Bytes_isShortenedWithHashAndKeptByPostgres() throws SQLException {
    String table = "customer_subscription_billing_events";
    String column = "billing_reconciliation_reference_code";
    try (AppliedSchema schema = AppliedSchema.of(
        source("Ledger", """
            @Table
            public record Ledger(@Id String billingReconciliationReferenceCode) {}
            """),
        source("Event", """
            @Table(name = "customer_subscription_billing_events")
            public record Event(
                @Id UUID id,
                @References(Ledger.class) @Indexed @Unique @Check("char_length(billing_reconciliation_reference_code) > 3") String billingReconciliationReferenceCode) {}
            """))) {
      Catalog catalog = schema.catalog();
      String index = Identifiers.fit("idx_" + table + "_" + column);
      String fkey = Identifiers.fit(table + "_" + column + "_fkey");
      String key = Identifiers.fit(table + "_" + column + "_key");
      String check = Identifiers.fit(table + "_" + column + "_check");

      assertThat(index).matches("idx_customer_subscription_billing_events_billing_recon_[0-9a-f]{8}");
      assertThat(catalog.standaloneIndexes(table).keySet()).containsExactly(index);
      assertThat(catalog.foreignKeys(table).keySet()).containsExactly(fkey);
      assertThat(catalog.uniqueConstraints(table).keySet()).containsExactly(key);
      assertThat(catalog.checks(table).keySet()).containsExactly(check);
      assertThat(schema.sql).contains(index);
      assertThat(schema.sql).contains(fkey);
    }
  }

  /**
   * A table or column name derived from a long Java name would be silently truncated by
   * PostgreSQL. It is the user's name (in queries, in code), so schemac does not shorten it
   * behind their back: the identifier-too-long rule fails the build on the record and on the
   * component, and nothing is written.
   */
  @Test
  void tableAndColumnNamesFromLongJavaNames_failCompilationWithIdentifierTooLong() {
    JavaFileObject file = source("CustomerSubscriptionBillingReconciliationAdjustmentLineItemEvent", """
        @Table
        public record CustomerSubscriptionBillingReconciliationAdjustmentLineItemEvent(
            @Id UUID id,
            String theOriginalBillingReconciliationReferenceCodeFromTheUpstreamLedger) {}
        """);
    SchemacCompiler.Result result = SchemacCompiler.compile(List.of(file));

    com.google.testing.compile.CompilationSubject.assertThat(result.compilation())
        .hadErrorContaining("[schemac:identifier-too-long;").inFile(file)
        .onLineContaining("public record CustomerSubscriptionBillingReconciliationAdjustmentLineItemEvent(");
    com.google.testing.compile.CompilationSubject.assertThat(result.compilation())
        .hadErrorContaining("[schemac:identifier-too-long;").inFile(file)
        .onLineContaining("String theOriginalBillingReconciliationReferenceCodeFromTheUpstreamLedger");
    assertThat(result.fileInDir("schema.sql")).isEmpty();
  }

  @Test
  void reservedWordNames_areQuotedAndApply() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Purchase", """
            /**
             * Purchases.
             *
             * @param order position in the list
             */
            @Table(name = "order")
            @SuppressWarnings("schemac:reserved-word") // deliberately: quoting is what is tested
            @SoftDelete
            @Index(columns = {"order", "user"})
            @Unique(columns = {"user", "select"})
            public record Purchase(
                @Id UUID id,
                @Indexed @Check("\\"order\\" >= 0") int order,
                @Column(name = "user") @Unique String owner,
                String select,
                @UpdatedAt Instant updatedAt) {}
            """),
        source("Line", """
            @Table(name = "group")
            @SuppressWarnings("schemac:reserved-word")
            public record Line(@Id UUID id, @References(Purchase.class) @Indexed UUID purchaseId) {}
            """))) {
      Catalog catalog = schema.catalog();

      assertThat(catalog.tables()).containsExactly("order", "group");
      assertThat(catalog.columnNames("order")).containsExactly("id", "order", "user", "select", "updated_at", "deleted_at").inOrder();
      assertThat(catalog.foreignKeys("group").get("group_purchase_id_fkey").referencedTable()).isEqualTo("order");
      assertThat(catalog.columnComments("order")).containsExactly("order", "position in the list");
      schema.execute("INSERT INTO \"order\" (\"order\", \"user\", \"select\") VALUES (1, 'ann', 'x')");
      schema.execute("UPDATE \"order\" SET \"order\" = 2");
      schema.expectFailure("23505", "INSERT INTO \"order\" (\"order\", \"user\", \"select\") VALUES (3, 'ann', 'y')");
      schema.expectFailure("23514", "INSERT INTO \"order\" (\"order\", \"user\", \"select\") VALUES (-1, 'bob', 'z')");
    }
  }

  /** The enum CHECK names its column like every other statement: quoted when reserved. */
  @Test
  void enumInColumnNamedOrder_appliesAndChecksThatColumn() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Level", "public enum Level { LOW, HIGH }"),
        source("Task", """
            @Table
            @SuppressWarnings("schemac:reserved-word")
            public record Task(@Id UUID id, Level order) {}
            """))) {
      schema.execute("INSERT INTO tasks (\"order\") VALUES ('LOW')");
      schema.expectFailure("23514", "INSERT INTO tasks (\"order\") VALUES ('NOPE')");
    }
  }

  /**
   * Unquoted, {@code user} is CURRENT_USER: {@code CHECK (user IN ('LOW', 'HIGH'))} applies but
   * tests the session's role name instead of the column.
   */
  @Test
  void enumInColumnNamedUser_checksTheColumnNotTheCurrentRole() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(
        source("Level", "public enum Level { LOW, HIGH }"),
        source("Task", """
            @Table
            @SuppressWarnings("schemac:reserved-word")
            public record Task(@Id UUID id, @Column(name = "user") Level owner) {}
            """))) {
      assertThat(schema.catalog().checks("tasks").get("tasks_user_check")).contains("\"user\"");
      schema.execute("INSERT INTO tasks (\"user\") VALUES ('HIGH')");
      schema.expectFailure("23514", "INSERT INTO tasks (\"user\") VALUES ('NOPE')");
    }
  }

  /**
   * Java names may hold non-ASCII letters, which take two bytes in UTF-8: a generated name must
   * fit PostgreSQL's 63 bytes, not 63 characters, or the server truncates it.
   */
  @Test
  void generatedNameWithNonAsciiLetters_fitsIn63BytesAndIsKeptByPostgres() throws SQLException {
    try (AppliedSchema schema = AppliedSchema.of(source("Straße", """
        @Table
        public record Straße(@Id UUID id, @Indexed String größeÄnderungsÜbersichtFürDieLieferadresse) {}
        """))) {
      String index = Identifiers.fit("idx_straßes_größe_änderungs_übersicht_für_die_lieferadresse");

      assertThat(Identifiers.byteLength(index)).isAtMost(63);
      assertWithMessage(schema.sql).that(schema.catalog().standaloneIndexes("straßes").keySet()).containsExactly(index);
    }
  }

  private static Map<String, String> definitions(Map<String, Catalog.Index> indexes) {
    Map<String, String> out = new java.util.TreeMap<>();
    indexes.forEach((name, index) -> out.put(name, index.definition()));
    return out;
  }
}
