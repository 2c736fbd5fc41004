package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.testing.Catalog.Column.plain;
import static dev.schemac.processor.testing.SchemacCompiler.failing;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Join tables and collection tables of JPA entities (docs/jpa.md, "Join tables and collection
 * tables"): realistic models compiled by the processor, each schema applied to PostgreSQL 17, the
 * catalog checked (columns, types, nullability, keys, foreign keys, uniques, checks), and rows
 * inserted to show that the keys hold; then the findings and the mapping errors, each on the
 * attribute it is about.
 */
class CollectionTablesTest {
  private static final String PKG = "com.example.app";
  private static final String IMPORTS = String.join("\n",
      "import jakarta.persistence.*;",
      "import dev.schemac.annotations.Indexed;",
      "import java.math.BigDecimal;",
      "import java.util.*;",
      "");

  private static JavaFileObject src(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", IMPORTS, String.join("\n", body));
  }

  // ---------------------------------------------------------------- composite keys on both sides

  static final JavaFileObject ACCOUNT_ID = src("AccountId",
      "@Embeddable",
      "public class AccountId {",
      "  @Column(name = \"tenant_id\") UUID tenantId;",
      "  @Column(name = \"user_no\") int userNo;",
      "}");
  static final JavaFileObject ROLE_KEY = src("RoleKey",
      "public class RoleKey implements java.io.Serializable {",
      "  UUID tenant;",
      "  String code;",
      "}");
  static final JavaFileObject ROLE = src("Role",
      "@Entity",
      "@Table(name = \"roles\")",
      "@IdClass(RoleKey.class)",
      "public class Role {",
      "  @Id UUID tenant;",
      "  @Id @Column(length = 40) String code;",
      "  @Column(nullable = false) String description;",
      "}");
  static final JavaFileObject ACCOUNT = src("Account",
      "@Entity",
      "@Table(name = \"accounts\")",
      "public class Account {",
      "  @EmbeddedId AccountId id;",
      "  @Column(nullable = false) String email;",
      "  @ManyToMany",
      "  @JoinTable(name = \"account_roles\", indexes = @Index(columnList = \"roles_tenant, roles_code\"))",
      "  Set<Role> roles;",
      "  /** The account's preferences, by name. */",
      "  @ElementCollection",
      "  @CollectionTable(name = \"account_settings\")",
      "  @MapKeyColumn(name = \"setting\", length = 60)",
      "  @Column(name = \"setting_value\", nullable = false)",
      "  Map<String, String> settings;",
      "}");

  @Test
  void usersAndRoles_compositeKeysOnBothSides_giveCompositeJoinColumnsAndForeignKeys() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(ACCOUNT_ID, ROLE_KEY, ROLE, ACCOUNT)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("accounts", "account_roles", "account_settings", "roles");
      // <owner entity>_<key column> for the owner, <attribute>_<key column> for the target, in key order
      assertThat(catalog.columns("account_roles")).containsExactly(
          plain("account_tenant_id", "uuid", true), plain("account_user_no", "integer", true),
          plain("roles_tenant", "uuid", true), plain("roles_code", "character varying(40)", true)).inOrder();
      assertThat(catalog.primaryKey("account_roles").columns()).containsExactly("account_tenant_id",
          "account_user_no", "roles_tenant", "roles_code").inOrder();
      assertThat(catalog.foreignKeys("account_roles").values()).containsExactly(
          new Catalog.ForeignKey("account_roles_account_tenant_id_account_user_no_fkey",
              List.of("account_tenant_id", "account_user_no"), "accounts", List.of("tenant_id", "user_no"),
              "NO ACTION", "NO ACTION"),
          new Catalog.ForeignKey("account_roles_roles_tenant_roles_code_fkey", List.of("roles_tenant", "roles_code"),
              "roles", List.of("tenant", "code"), "NO ACTION", "NO ACTION"));
      assertThat(catalog.standaloneIndexes("account_roles")).containsKey("idx_account_roles_roles_tenant_roles_code");
      // a map: owner, key (@MapKeyColumn), value (@Column); keyed by owner and map key
      assertThat(catalog.columns("account_settings")).containsExactly(
          plain("account_tenant_id", "uuid", true), plain("account_user_no", "integer", true),
          plain("setting", "character varying(60)", true),
          plain("setting_value", "character varying(255)", true)).inOrder();
      assertThat(catalog.primaryKey("account_settings").columns()).containsExactly("account_tenant_id",
          "account_user_no", "setting").inOrder();
      assertThat(catalog.tableComment("account_settings")).isEqualTo("The account's preferences, by name.");

      String tenant = "'6f1c3f5e-4a36-4d56-9d0e-0b7b3c1a2d10'";
      schema.execute("INSERT INTO roles VALUES (" + tenant + ", 'admin', 'Administers the tenant')");
      schema.execute("INSERT INTO accounts VALUES (" + tenant + ", 1, 'ada@example.com')");
      schema.execute("INSERT INTO account_roles VALUES (" + tenant + ", 1, " + tenant + ", 'admin')");
      schema.expectFailure("23505", "INSERT INTO account_roles VALUES (" + tenant + ", 1, " + tenant + ", 'admin')");
      schema.expectFailure("23503", "INSERT INTO account_roles VALUES (" + tenant + ", 1, " + tenant + ", 'owner')");
      schema.expectFailure("23503", "INSERT INTO account_roles VALUES (" + tenant + ", 2, " + tenant + ", 'admin')");
      schema.execute("INSERT INTO account_settings VALUES (" + tenant + ", 1, 'theme', 'dark')");
      schema.expectFailure("23505", "INSERT INTO account_settings VALUES (" + tenant + ", 1, 'theme', 'light')");
      schema.expectFailure("23503", "DELETE FROM accounts"); // its roles and settings refer to it
    }
  }

  // ---------------------------------------------------------------- element collections

  static final JavaFileObject BADGE = src("Badge", "public enum Badge { NEW, SALE, ECO }");
  static final JavaFileObject PRODUCT = src("Product",
      "@Entity",
      "@Table(name = \"products\")",
      "public class Product {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false) String name;",
      "  /** Where the pictures are served from, in display order. */",
      "  @ElementCollection",
      "  @CollectionTable(name = \"product_images\", joinColumns = @JoinColumn(name = \"product_id\"))",
      "  @OrderColumn(name = \"position\")",
      "  @Column(name = \"url\", nullable = false, length = 2048)",
      "  List<String> imageUrls;",
      "  @ElementCollection @Enumerated(EnumType.STRING) Set<Badge> badges;",
      "}");
  static final JavaFileObject ORDER_LINE = src("OrderLine",
      "@Embeddable",
      "public class OrderLine {",
      "  @Column(nullable = false, length = 40) String sku;",
      "  @Column(nullable = false) int quantity;",
      "  @Column(nullable = false, precision = 12, scale = 2) BigDecimal unitPrice;",
      "  String note;",
      "}");
  static final JavaFileObject CUSTOMER_ORDER = src("CustomerOrder",
      "@Entity",
      "@Table(name = \"orders\")",
      "public class CustomerOrder {",
      "  @Id UUID id;",
      "  @ElementCollection",
      "  @CollectionTable(name = \"order_lines\", joinColumns = @JoinColumn(name = \"order_id\"))",
      "  @OrderColumn(name = \"line_no\")",
      "  @AttributeOverride(name = \"note\", column = @Column(name = \"line_note\", length = 500))",
      "  List<OrderLine> lines;",
      "}");

  @Test
  void imageUrlsBadgesAndOrderLines_areCollectionTablesKeyedByOwnerAndPositionOrValue() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(BADGE, PRODUCT, ORDER_LINE, CUSTOMER_ORDER)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("orders", "order_lines", "products", "product_badges",
          "product_images");
      // a list of values with @OrderColumn: keyed by owner and position, which cannot be negative
      assertThat(catalog.columns("product_images")).containsExactly(plain("product_id", "bigint", true),
          plain("url", "character varying(2048)", true), plain("position", "integer", true)).inOrder();
      assertThat(catalog.primaryKey("product_images").columns()).containsExactly("product_id", "position").inOrder();
      assertThat(catalog.checks("product_images")).containsEntry("product_images_position_check", "CHECK (\"position\" >= 0)");
      assertThat(catalog.tableComment("product_images")).isEqualTo("Where the pictures are served from, in display order.");
      // a set of enums: <entity>_<attribute>, the element typed as the attribute would be, keyed by owner and value
      assertThat(catalog.columns("product_badges")).containsExactly(plain("product_id", "bigint", true),
          plain("badges", "text", true)).inOrder();
      assertThat(catalog.primaryKey("product_badges").columns()).containsExactly("product_id", "badges").inOrder();
      assertThat(catalog.checks("product_badges")).containsKey("product_badges_badges_check");
      // embeddable elements: their columns, with @AttributeOverride
      assertThat(catalog.columns("order_lines")).containsExactly(plain("order_id", "uuid", true),
          plain("sku", "character varying(40)", true), plain("quantity", "integer", true),
          plain("unitprice", "numeric(12,2)", true), plain("line_note", "character varying(500)", false),
          plain("line_no", "integer", true)).inOrder();
      assertThat(catalog.primaryKey("order_lines").columns()).containsExactly("order_id", "line_no").inOrder();
      assertThat(catalog.foreignKeys("order_lines").values()).containsExactly(new Catalog.ForeignKey(
          "order_lines_order_id_fkey", List.of("order_id"), "orders", List.of("id"), "NO ACTION", "NO ACTION"));

      schema.execute("INSERT INTO products (name) VALUES ('Kettle')");
      schema.execute("INSERT INTO product_images VALUES (1, 'https://img.example.com/k1.jpg', 0)");
      schema.execute("INSERT INTO product_images VALUES (1, 'https://img.example.com/k1.jpg', 1)"); // a list may repeat
      schema.expectFailure("23505", "INSERT INTO product_images VALUES (1, 'https://img.example.com/k2.jpg', 1)");
      schema.expectFailure("23514", "INSERT INTO product_images VALUES (1, 'https://img.example.com/k3.jpg', -1)");
      schema.execute("INSERT INTO product_badges VALUES (1, 'ECO')");
      schema.expectFailure("23505", "INSERT INTO product_badges VALUES (1, 'ECO')");
      schema.expectFailure("23514", "INSERT INTO product_badges VALUES (1, 'USED')");
      String order = "'0b0e3a52-7d8a-4f0c-9a61-3f5b2f4c7e01'";
      schema.execute("INSERT INTO orders VALUES (" + order + ")");
      schema.execute("INSERT INTO order_lines VALUES (" + order + ", 'KET-1', 2, 19.90, NULL, 0)");
      schema.execute("INSERT INTO order_lines VALUES (" + order + ", 'KET-1', 1, 19.90, 'gift', 1)");
      schema.expectFailure("23505", "INSERT INTO order_lines VALUES (" + order + ", 'MUG-1', 1, 4.50, NULL, 1)");
      schema.expectFailure("23502", "INSERT INTO order_lines VALUES (" + order + ", NULL, 1, 4.50, NULL, 2)");
      schema.expectFailure("23503", "INSERT INTO order_lines VALUES ('" + java.util.UUID.randomUUID()
          + "', 'MUG-1', 1, 4.50, NULL, 0)");
    }
  }

  // ---------------------------------------------------------------- maps

  static final JavaFileObject CHANNEL = src("Channel", "public enum Channel { EMAIL, SMS, PUSH }");
  static final JavaFileObject ADDRESS = src("Address",
      "@Entity",
      "@Table(name = \"addresses\")",
      "public class Address {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false, length = 40) String label;",
      "  @Column(nullable = false) String street;",
      "}");
  static final JavaFileObject CUSTOMER = src("Customer",
      "@Entity",
      "@Table(name = \"customers\")",
      "public class Customer {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @ElementCollection",
      "  @CollectionTable(name = \"customer_notifications\")",
      "  @MapKeyEnumerated(EnumType.STRING) @MapKeyColumn(name = \"channel\")",
      "  @Column(name = \"enabled\", nullable = false)",
      "  Map<Channel, Boolean> notifications;",
      "  /** Keyed by the address's own label: no key column. */",
      "  @OneToMany @JoinTable(name = \"customer_addresses\") @MapKey(name = \"label\")",
      "  Map<String, Address> addresses;",
      "  @ManyToMany",
      "  @JoinTable(name = \"customer_favorites\", indexes = @Index(columnList = \"favorites_id\"))",
      "  @MapKeyColumn(name = \"slot\")",
      "  Map<Integer, Product> favorites;",
      "}");

  @Test
  void maps_haveAKeyColumn_unlessMapKeyNamesAnAttributeOfTheTarget() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(BADGE, PRODUCT, CHANNEL, ADDRESS, CUSTOMER)) {
      Catalog catalog = schema.catalog();
      // a map of enums to values: the key typed like an enum attribute, keyed by owner and map key
      assertThat(catalog.columns("customer_notifications")).containsExactly(plain("customer_id", "bigint", true),
          plain("channel", "text", true), plain("enabled", "boolean", true)).inOrder();
      assertThat(catalog.primaryKey("customer_notifications").columns()).containsExactly("customer_id", "channel")
          .inOrder();
      assertThat(catalog.checks("customer_notifications")).containsKey("customer_notifications_channel_check");
      // @MapKey: the key is an attribute of the address, so the join table is owner and target, the target once
      assertThat(catalog.columns("customer_addresses")).containsExactly(plain("customer_id", "bigint", true),
          plain("addresses_id", "bigint", true)).inOrder();
      assertThat(catalog.primaryKey("customer_addresses").columns()).containsExactly("customer_id", "addresses_id")
          .inOrder();
      assertThat(catalog.uniqueConstraints("customer_addresses")).containsExactly(
          "customer_addresses_addresses_id_key", List.of("addresses_id"));
      // @MapKeyColumn on a many-to-many: owner, key, target; keyed by owner and key
      assertThat(catalog.columns("customer_favorites")).containsExactly(plain("customer_id", "bigint", true),
          plain("slot", "integer", true), plain("favorites_id", "bigint", true)).inOrder();
      assertThat(catalog.primaryKey("customer_favorites").columns()).containsExactly("customer_id", "slot").inOrder();

      schema.execute("INSERT INTO customers DEFAULT VALUES");
      schema.execute("INSERT INTO customers DEFAULT VALUES");
      schema.execute("INSERT INTO customer_notifications VALUES (1, 'EMAIL', true)");
      schema.expectFailure("23505", "INSERT INTO customer_notifications VALUES (1, 'EMAIL', false)");
      schema.expectFailure("23514", "INSERT INTO customer_notifications VALUES (1, 'FAX', false)");
      schema.execute("INSERT INTO addresses (label, street) VALUES ('home', '1 Main St')");
      schema.execute("INSERT INTO customer_addresses VALUES (1, 1)");
      schema.expectFailure("23505", "INSERT INTO customer_addresses VALUES (2, 1)"); // one customer per address
      schema.execute("INSERT INTO products (name) VALUES ('Kettle')");
      schema.execute("INSERT INTO customer_favorites VALUES (1, 1, 1)");
      schema.execute("INSERT INTO customer_favorites VALUES (1, 2, 1)"); // the same product in two slots
      schema.expectFailure("23505", "INSERT INTO customer_favorites VALUES (1, 2, 1)");
    }
  }

  // ---------------------------------------------------------------- the entity a collection belongs to

  @Test
  void collectionsOfSubclasses_areNamedAfterTheEntityThatDeclaresThem_asHibernateNamesThem() throws Exception {
    JavaFileObject animal = src("Animal",
        "@Entity",
        "@Table(name = \"animals\")",
        "public class Animal {",
        "  @Id Long id;",
        "}");
    JavaFileObject dog = src("Dog",
        "@Entity",
        "public class Dog extends Animal {",
        "  @ElementCollection @Column(name = \"trick\", nullable = false) Set<String> tricks;",
        "}");
    JavaFileObject vehicle = src("Vehicle",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Vehicle {",
        "  @Id Long id;",
        "  @ElementCollection @Column(name = \"plate\", nullable = false) Set<String> plates;",
        "}");
    JavaFileObject car = src("Car", "@Entity @Table(name = \"cars\") public class Car extends Vehicle { int doors; }");
    JavaFileObject truck = src("Truck", "@Entity @Table(name = \"trucks\") public class Truck extends Vehicle { int axles; }");
    JavaFileObject person = src("Person",
        "@Entity",
        "@Table(name = \"people\")",
        "@Inheritance(strategy = InheritanceType.JOINED)",
        "public class Person {",
        "  @Id Long id;",
        "}");
    JavaFileObject manager = src("Manager",
        "@Entity",
        "@Table(name = \"managers\")",
        "public class Manager extends Person {",
        "  @ElementCollection @Column(name = \"report\", nullable = false) Set<String> reports;",
        "}");
    SchemacCompiler.Result result = SchemacCompiler.compile(Files.createTempDirectory("schemac-"),
        List.of(animal, dog, vehicle, car, truck, person, manager));
    assertThat(result.compilation()).succeeded();
    // no missing-foreign-key on vehicle_plates.vehicle_id: no foreign key can reference the rows of two tables
    assertThat(result.compilation()).hadWarningCount(0);
    try (AppliedSchema schema = AppliedSchema.apply(result.schemaSql())) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("animals", "cars", "dog_tricks", "managers", "manager_reports",
          "people", "trucks", "vehicle_plates");
      // a single-table subclass's collection: named after the subclass, referencing the hierarchy's table
      assertThat(catalog.columns("dog_tricks")).containsExactly(plain("dog_id", "bigint", true),
          plain("trick", "character varying(255)", true)).inOrder();
      assertThat(catalog.foreignKeys("dog_tricks").values()).containsExactly(new Catalog.ForeignKey(
          "dog_tricks_dog_id_fkey", List.of("dog_id"), "animals", List.of("id"), "NO ACTION", "NO ACTION"));
      // a joined subclass's collection references the subclass's own table
      assertThat(catalog.foreignKeys("manager_reports").values()).containsExactly(new Catalog.ForeignKey(
          "manager_reports_manager_id_fkey", List.of("manager_id"), "managers", List.of("id"), "NO ACTION",
          "NO ACTION"));
      // a table-per-class hierarchy's collection: one table for the hierarchy, whose owners are in two tables
      assertThat(catalog.columns("vehicle_plates")).containsExactly(plain("vehicle_id", "bigint", true),
          plain("plate", "character varying(255)", true)).inOrder();
      assertThat(catalog.primaryKey("vehicle_plates").columns()).containsExactly("vehicle_id", "plate").inOrder();
      assertThat(catalog.foreignKeys("vehicle_plates")).isEmpty();

      schema.execute("INSERT INTO cars VALUES (1, 4)");
      schema.execute("INSERT INTO trucks VALUES (2, 3)");
      schema.execute("INSERT INTO vehicle_plates VALUES (1, 'AB-123'), (2, 'TR-987')");
      schema.execute("INSERT INTO animals (id, dtype) VALUES (7, 'Dog')");
      schema.execute("INSERT INTO dog_tricks VALUES (7, 'sit')");
      schema.expectFailure("23503", "INSERT INTO dog_tricks VALUES (8, 'sit')");
    }
  }

  // ---------------------------------------------------------------- naming

  static final JavaFileObject BLOG_POST = src("BlogPost",
      "@Entity",
      "public class BlogPost {",
      "  @Id Long id;",
      "  @ManyToMany @Indexed Set<Tag> tags;",
      "  @ElementCollection Set<String> searchTerms;",
      "}");
  static final JavaFileObject TAG = src("Tag",
      "@Entity",
      "public class Tag {",
      "  @Id Long id;",
      "  @ManyToMany(mappedBy = \"tags\") Set<BlogPost> blogPosts;",
      "}");

  @Test
  void defaultNames_jpa_joinTableAfterBothTables_ownerColumnAfterTheInverseAttribute() throws Exception {
    // Tag maps BlogPost.tags back, not Article.tags: the article's column is named after the entity
    JavaFileObject article = src("Article",
        "@Entity",
        "public class Article {",
        "  @Id Long id;",
        "  @ManyToMany @Indexed Set<Tag> tags;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(BLOG_POST, TAG, article)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("article", "article_tag", "blogpost", "blogpost_searchterms",
          "blogpost_tag", "tag");
      assertThat(catalog.columnNames("blogpost_tag")).containsExactly("blogposts_id", "tags_id").inOrder();
      assertThat(catalog.columnNames("article_tag")).containsExactly("article_id", "tags_id").inOrder();
      assertThat(catalog.columnNames("blogpost_searchterms")).containsExactly("blogpost_id", "searchterms").inOrder();
      // @Indexed on the many-to-many indexes the join table's target side, which the key does not lead
      assertThat(catalog.standaloneIndexes("blogpost_tag")).containsKey("idx_blogpost_tag_tags_id");
    }
  }

  @Test
  void defaultNames_spring_joinTableAfterTheOwnerTableAndTheAttribute() throws Exception {
    SchemacCompiler.Result result = SchemacCompiler.compile(Files.createTempDirectory("schemac-"),
        List.of(BLOG_POST, TAG), "-Aschemac.naming=spring");
    assertThat(result.compilation()).succeeded();
    try (AppliedSchema schema = AppliedSchema.apply(result.schemaSql())) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("blog_post", "blog_post_search_terms", "blog_post_tags", "tag");
      assertThat(catalog.columnNames("blog_post_tags")).containsExactly("blog_posts_id", "tags_id").inOrder();
      assertThat(catalog.columnNames("blog_post_search_terms")).containsExactly("blog_post_id", "search_terms")
          .inOrder();
    }
  }

  // ---------------------------------------------------------------- foreign keys and schemas

  @Test
  void joinTableForeignKeys_areNamedOrLeftOutAsWritten_andTheTableGoesInItsSchema() throws Exception {
    JavaFileObject team = src("Team",
        "@Entity",
        "@Table(name = \"teams\")",
        "public class Team {",
        "  @Id Long id;",
        "}");
    JavaFileObject member = src("Member",
        "@Entity",
        "@Table(name = \"members\")",
        "public class Member {",
        "  @Id Long id;",
        "  @ManyToMany",
        "  @JoinTable(name = \"member_teams\", schema = \"directory\",",
        "      foreignKey = @ForeignKey(name = \"member_teams_member_fk\"),",
        "      inverseForeignKey = @ForeignKey(name = \"member_teams_team_fk\"),",
        "      indexes = @Index(columnList = \"teams_id\"))",
        "  Set<Team> teams;",
        "  @ElementCollection",
        "  @CollectionTable(name = \"member_aliases\", foreignKey = @ForeignKey(name = \"member_aliases_owner_fk\"))",
        "  @Column(name = \"alias\", nullable = false)",
        "  Set<String> aliases;",
        "  @SuppressWarnings(\"schemac:missing-foreign-key\")",
        "  @ElementCollection",
        "  @CollectionTable(name = \"member_badges\", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))",
        "  @Column(name = \"badge\", nullable = false)",
        "  Set<String> badges;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(team, member)) {
      Catalog directory = schema.catalog().inSchema("directory");
      assertThat(directory.tables()).containsExactly("member_teams");
      assertThat(directory.foreignKeys("member_teams").keySet()).containsExactly("member_teams_member_fk",
          "member_teams_team_fk");
      assertThat(directory.foreignKeys("member_teams").get("member_teams_team_fk").referencedTable())
          .isEqualTo("public.teams");
      Catalog catalog = schema.catalog();
      assertThat(catalog.foreignKeys("member_aliases").keySet()).containsExactly("member_aliases_owner_fk");
      assertThat(catalog.foreignKeys("member_badges")).isEmpty();
      schema.execute("INSERT INTO member_badges VALUES (42, 'founder')"); // no member 42: nothing checks it
    }
  }

  @Test
  void uniqueElements_primitivesOfEmbeddables_andAOneToManyBag_holdInPostgres() throws Exception {
    JavaFileObject discount = src("Discount",
        "@Embeddable",
        "public class Discount {",
        "  @Column(nullable = false, length = 20) String code;",
        "  int percent;",
        "}");
    JavaFileObject address = src("Address",
        "@Entity",
        "@Table(name = \"addresses\")",
        "public class Address {",
        "  @Id Long id;",
        "}");
    JavaFileObject order = src("Purchase",
        "@Entity",
        "@Table(name = \"purchases\")",
        "public class Purchase {",
        "  @Id Long id;",
        "  @ElementCollection Set<Discount> discounts;",
        "  @ElementCollection @Column(name = \"code\", unique = true, length = 12) Set<String> voucherCodes;",
        "  @OneToMany",
        "  @JoinTable(name = \"purchase_addresses\", indexes = @Index(columnList = \"purchase_id\"))",
        "  List<Address> deliveryAddresses;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(discount, address, order)) {
      Catalog catalog = schema.catalog();
      // a primitive is NOT NULL in a collection's embeddable too, so the set is keyed by all its columns
      assertThat(catalog.columns("purchase_discounts")).containsExactly(plain("purchase_id", "bigint", true),
          plain("code", "character varying(20)", true), plain("percent", "integer", true)).inOrder();
      assertThat(catalog.primaryKey("purchase_discounts").columns()).containsExactly("purchase_id", "code", "percent")
          .inOrder();
      // @Column(unique = true) on the element: one voucher code in one purchase only
      assertThat(catalog.primaryKey("purchase_vouchercodes").columns()).containsExactly("purchase_id", "code")
          .inOrder();
      assertThat(catalog.uniqueConstraints("purchase_vouchercodes").values()).containsExactly(List.of("code"));
      // a one-to-many bag through a join table: each address in one purchase at most, the key
      assertThat(catalog.primaryKey("purchase_addresses").columns()).containsExactly("deliveryaddresses_id");

      schema.execute("INSERT INTO purchases VALUES (1), (2)");
      schema.execute("INSERT INTO addresses VALUES (10), (11)");
      schema.execute("INSERT INTO purchase_discounts VALUES (1, 'SPRING', 10), (1, 'SPRING', 15)");
      schema.expectFailure("23502", "INSERT INTO purchase_discounts (purchase_id, code) VALUES (1, 'WINTER')");
      schema.execute("INSERT INTO purchase_vouchercodes VALUES (1, 'V-123')");
      schema.expectFailure("23505", "INSERT INTO purchase_vouchercodes VALUES (2, 'V-123')");
      schema.execute("INSERT INTO purchase_addresses VALUES (1, 10), (1, 11)");
      schema.expectFailure("23505", "INSERT INTO purchase_addresses VALUES (2, 10)");
    }
  }

  // ---------------------------------------------------------------- findings

  @Test
  void aSetOfEmbeddablesWithANullableColumn_isUniqueNotKeyed_andTheFindingSaysWhichColumnToMakeNotNull() {
    JavaFileObject stop = src("Stop",
        "@Embeddable",
        "public class Stop {",
        "  @Column(nullable = false) String city;",
        "  String note;",
        "}");
    JavaFileObject route = src("Route",
        "@Entity",
        "public class Route {",
        "  @Id UUID id;",
        "  @ElementCollection Set<Stop> stops;",
        "}");
    Compilation compilation = failing(stop, route);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("missing-primary-key",
            "table route_stops has no primary key")).inFile(route)
        .onLineContaining("Set<Stop> stops;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("missing-primary-key",
            "@Column(nullable = false) on each of its attributes")).inFile(route)
        .onLineContaining("Set<Stop> stops;");
    assertThat(compilation).hadWarningContainingMatch(Diagnostics.tagged("nullable-key-column",
            "column route_stops.note is nullable and it is in UNIQUE constraint"))
        .inFile(stop).onLineContaining("String note;");
  }

  @Test
  void aBagOfValues_hasNoKey_andTheIndexFixNamesCollectionTable() {
    JavaFileObject member = src("Member",
        "@Entity",
        "public class Member {",
        "  @Id UUID id;",
        "  @ElementCollection List<String> nicknames;",
        "}");
    Compilation compilation = failing(member);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("missing-primary-key",
            "table member_nicknames has no primary key")).inFile(member)
        .onLineContaining("List<String> nicknames;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
        "Fix: add @CollectionTable(indexes = @Index(columnList = \"member_id\")) on nicknames")).inFile(member)
        .onLineContaining("List<String> nicknames;");
  }

  @Test
  void anElementCollectionNamedInThePlural_isNoCommaSeparatedList() {
    JavaFileObject article = src("Article",
        "@Entity",
        "public class Article {",
        "  @Id UUID id;",
        "  @ElementCollection @Column(nullable = false) Set<String> keywords;",
        "  @ElementCollection @Column(nullable = false) Set<String> tags;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(article)).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(null)).toList()).isEmpty();
  }

  // ---------------------------------------------------------------- mapping errors

  @Test
  void mappingErrors_areOnTheAttributeOrTheAnnotationValue() {
    JavaFileObject step = src("Step",
        "@Embeddable",
        "public class Step {",
        "  @Column(nullable = false) String title;",
        "  @ElementCollection List<String> notes;",
        "}");
    JavaFileObject label = src("Label",
        "@Entity",
        "public class Label {",
        "  @Id Long id;",
        "  String text;",
        "}");
    JavaFileObject recipe = src("Recipe",
        "@Entity",
        "public class Recipe {",
        "  @Id Long id;",
        "  @ElementCollection @OrderColumn List<Step> steps;",
        "  @OneToMany @JoinTable(name = \"recipe_by_text\") @MapKey(name = \"title\") Map<String, Label> byText;",
        "  @ManyToMany @JoinTable(name = \"recipe_labels\",",
        "      inverseJoinColumns = @JoinColumn(name = \"label\", referencedColumnName = \"code\"))",
        "  Set<Label> labels;",
        "  @ManyToMany Set<Label> primary;",
        "  @ManyToMany Set<Label> secondary;",
        "  @OneToMany Set<String> names;",
        "  @ElementCollection @CollectionTable(foreignKey = @ForeignKey(name = \"recipe-fk\")) Set<Long> ratings;",
        "  @ManyToMany @JoinTable(name = \"recipe_tools\") Set<Tool> tools;",
        "}");
    JavaFileObject tool = src("Tool",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Tool {",
        "  @Id Long id;",
        "}");
    JavaFileObject knife = src("Knife", "@Entity public class Knife extends Tool { }");
    Compilation compilation = failing(step, label, recipe, tool, knife);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "the embeddable of an element collection cannot hold a collection"))
        .inFile(step).onLineContaining("List<String> notes;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "@MapKey(name = \"title\"): Label has no attribute title")).inFile(recipe)
        .onLineContaining("@MapKey(name = \"title\")");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unknown-column",
        "referencedColumnName names column 'code', which table 'label' does not have. Its columns are: id, text."))
        .inFile(recipe)
        .onLineContaining("referencedColumnName = \"code\"");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("duplicate-name",
            "is already the table of another collection attribute")).inFile(recipe)
        .onLineContaining("Set<Label> secondary;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "for a collection of values use @ElementCollection")).inFile(recipe)
        .onLineContaining("Set<String> names;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-name",
            "invalid foreign key name \"recipe-fk\": write a lowercase SQL"
        + " identifier")).inFile(recipe).onLineContaining("\"recipe-fk\"");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "Tool is an abstract entity of a TABLE_PER_CLASS hierarchy")).inFile(recipe)
        .onLineContaining("Set<Tool> tools;");
  }
}
