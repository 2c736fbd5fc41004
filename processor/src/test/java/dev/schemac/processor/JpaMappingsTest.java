package dev.schemac.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.testing.Catalog.Column.plain;
import static dev.schemac.processor.testing.SchemacCompiler.failing;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Catalog;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.SchemacCompiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The JPA mappings beyond plain fields (docs/jpa.md): property access, mapped superclasses,
 * embeddables, composite and derived keys, the three inheritance strategies, converters and the
 * one-to-many join column. Each model is compiled by the processor, its schema applied to
 * PostgreSQL 17, and the catalog (and, where it matters, rows) checked.
 */
class JpaMappingsTest {
  private static final String PKG = "com.example.shop";
  private static final String IMPORTS = String.join("\n",
      "import jakarta.persistence.*;",
      "import dev.schemac.annotations.Indexed;",
      "import java.math.BigDecimal;",
      "import java.time.Instant;",
      "import java.util.*;",
      "");

  private static JavaFileObject src(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", IMPORTS, String.join("\n", body));
  }

  // ---------------------------------------------------------------- access

  @Test
  void propertyAccess_readsGetters_andSkipsTransientOnes() throws Exception {
    JavaFileObject book = src("Book",
        "@Entity",
        "@Table(name = \"books\")",
        "public class Book {",
        "  private UUID id;",
        "  private String title;",
        "  private int pages;",
        "  private String cachedLabel;", // a field, not a property: not a column
        "  @Id public UUID getId() { return id; }",
        "  public void setId(UUID id) { this.id = id; }",
        "  @Column(nullable = false, length = 200) public String getTitle() { return title; }",
        "  public void setTitle(String title) { this.title = title; }",
        "  public int getPages() { return pages; }",
        "  public void setPages(int pages) { this.pages = pages; }",
        "  public boolean isLong() { return pages > 500; }",
        "  public void setLong(boolean ignored) { }",
        "  @Transient public String getLabel() { return title + \" (\" + pages + \")\"; }",
        "  public String describe() { return getLabel(); }",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(book)) {
      assertThat(schema.catalog().columns("books")).containsExactly(
          plain("id", "uuid", true), plain("title", "character varying(200)", true),
          plain("pages", "integer", true), plain("long", "boolean", true)).inOrder();
      assertThat(schema.catalog().primaryKey("books").columns()).containsExactly("id");
    }
  }

  @Test
  void schemacAnnotationsOnGetters_applyToTheirColumns() throws Exception {
    JavaFileObject author = src("Author",
        "@Entity",
        "public class Author {",
        "  private Long id;",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long getId() { return id; }",
        "  public void setId(Long id) { this.id = id; }",
        "}");
    JavaFileObject article = src("Article",
        "@Entity",
        "public class Article {",
        "  private Long id;",
        "  private Author author;",
        "  private String slug;",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long getId() { return id; }",
        "  public void setId(Long id) { this.id = id; }",
        "  @ManyToOne(optional = false) @Indexed public Author getAuthor() { return author; }",
        "  public void setAuthor(Author author) { this.author = author; }",
        "  @Column(nullable = false, length = 80) @dev.schemac.annotations.Unique public String getSlug() { return slug; }",
        "  public void setSlug(String slug) { this.slug = slug; }",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(author, article)) {
      assertThat(schema.catalog().standaloneIndexes("article")).containsKey("idx_article_author_id");
      assertThat(schema.catalog().uniqueConstraints("article")).containsEntry("article_slug_key", List.of("slug"));
    }
    // and without @Indexed, the rule's error points at the getter
    JavaFileObject unindexed = src("Article",
        "@Entity",
        "public class Article {",
        "  private Long id;",
        "  private Author author;",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long getId() { return id; }",
        "  public void setId(Long id) { this.id = id; }",
        "  @ManyToOne(optional = false) public Author getAuthor() { return author; }",
        "  public void setAuthor(Author author) { this.author = author; }",
        "}");
    assertThat(failing(author, unindexed)).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "unindexed-foreign-key")).inFile(unindexed)
        .onLineContaining("public Author getAuthor()");
  }

  @Test
  void accessAnnotation_mixesFieldAndPropertyAccess() throws Exception {
    JavaFileObject person = src("Person",
        "@Entity",
        "@Table(name = \"people\")",
        "public class Person {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String firstName;",
        "  @Transient String lastName;",
        "  /** Stored in one column, read through the getter. */",
        "  @Access(AccessType.PROPERTY) @Column(name = \"full_name\", nullable = false)",
        "  public String getFullName() { return firstName + \" \" + lastName; }",
        "  public void setFullName(String name) { }",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(person)) {
      assertThat(schema.catalog().columnNames("people")).containsExactly("id", "firstname", "full_name").inOrder();
      assertThat(schema.catalog().columnComments("people")).containsEntry("full_name",
          "Stored in one column, read through the getter.");
    }
  }

  @Test
  void accessAnnotation_fieldAttributeInAPropertyAccessEntity() throws Exception {
    JavaFileObject gadget = src("Gadget",
        "@Entity",
        "@Access(AccessType.PROPERTY)",
        "public class Gadget {",
        "  private Long id;",
        "  @Access(AccessType.FIELD) @Column(name = \"serial_no\", nullable = false, length = 20) String serialNo;",
        "  @Id public Long getId() { return id; }",
        "  public void setId(Long id) { this.id = id; }",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(gadget)) {
      assertThat(schema.catalog().columns("gadget")).containsExactly(plain("id", "bigint", true),
          plain("serial_no", "character varying(20)", true));
    }
  }

  @Test
  void accessAnnotation_onASubclass_overridesTheHierarchyDefault() throws Exception {
    JavaFileObject base = src("Base",
        "@MappedSuperclass",
        "public abstract class Base {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "}");
    JavaFileObject gadget = src("Gadget",
        "@Entity",
        "@Access(AccessType.PROPERTY)",
        "public class Gadget extends Base {",
        "  private String label;",
        "  @Column(name = \"label_text\", nullable = false, length = 30) public String getLabel() { return label; }",
        "  public void setLabel(String label) { this.label = label; }",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(base, gadget)) {
      assertThat(schema.catalog().columns("gadget")).containsExactly(
          new Catalog.Column("id", "bigint", true, null, Catalog.Identity.BY_DEFAULT),
          plain("label_text", "character varying(30)", true)).inOrder();
    }
  }

  // ---------------------------------------------------------------- mapped superclasses and embeddables

  static final JavaFileObject BASE = src("BaseEntity",
      "@MappedSuperclass",
      "public abstract class BaseEntity<ID> {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) ID id;",
      "  @Version long version;",
      "  @Column(name = \"created_at\", nullable = false) Instant createdAt;",
      "}");
  static final JavaFileObject ADDRESS = src("Address",
      "@Embeddable",
      "public class Address {",
      "  @Column(nullable = false) String street;",
      "  @Column(nullable = false) String city;",
      "  @Column(length = 10) String zip;",
      "}");
  static final JavaFileObject CUSTOMER = src("Customer",
      "@Entity",
      "@Table(name = \"customers\")",
      "@AttributeOverride(name = \"createdAt\", column = @Column(name = \"registered_at\", nullable = false))",
      "public class Customer extends BaseEntity<Long> {",
      "  @Column(nullable = false) String name;",
      "  @Embedded Address billing;",
      "  @Embedded",
      "  @AttributeOverride(name = \"street\", column = @Column(name = \"ship_street\"))",
      "  @AttributeOverride(name = \"city\", column = @Column(name = \"ship_city\"))",
      "  @AttributeOverride(name = \"zip\", column = @Column(name = \"ship_zip\", length = 12))",
      "  Address shipping;",
      "}");

  @Test
  void mappedSuperclass_andEmbeddables_becomeColumnsOfTheEntityTable() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(BASE, ADDRESS, CUSTOMER)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columnNames("customers")).containsExactly("id", "version", "registered_at", "name", "street",
          "city", "zip", "ship_street", "ship_city", "ship_zip").inOrder();
      // the generic key of the superclass is the entity's Long
      assertThat(catalog.column("customers", "id").type()).isEqualTo("bigint");
      assertThat(catalog.column("customers", "id").identity()).isEqualTo(Catalog.Identity.BY_DEFAULT);
      assertThat(catalog.column("customers", "street").notNull()).isTrue();
      // an override replaces the whole @Column: ship_street is nullable, as in Hibernate
      assertThat(catalog.column("customers", "ship_street").notNull()).isFalse();
      assertThat(catalog.column("customers", "ship_zip").type()).isEqualTo("character varying(12)");
    }
  }

  @Test
  void embeddingTheSameEmbeddableTwice_withoutOverrides_isAnErrorNamingTheFix() {
    JavaFileObject shop = src("Shop",
        "@Entity",
        "public class Shop {",
        "  @Id UUID id;",
        "  @Embedded Address billing;",
        "  @Embedded Address shipping;",
        "}");
    assertThat(failing(ADDRESS, shop)).hadErrorContainingMatch(Diagnostics.tagged("duplicate-name",
            "@AttributeOverride(name = \"street\", column ="
        + " @Column(name = \"...\")) on shipping")).inFile(ADDRESS).onLineContaining("String street;");
  }

  @Test
  void embeddedOfANonEmbeddableClass_isAnError() {
    JavaFileObject plain = src("Plain", "public class Plain { String x; }");
    JavaFileObject shop = src("Shop",
        "@Entity",
        "public class Shop {",
        "  @Id UUID id;",
        "  @Embedded Plain plain;",
        "}");
    assertThat(failing(plain, shop)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "is not an @Embeddable class")).inFile(shop)
        .onLineContaining("Plain plain;");
  }

  // ---------------------------------------------------------------- keys

  @Test
  void embeddedIdWithMapsId_andIdClass_andCompositeJoinColumns() throws Exception {
    JavaFileObject order = src("Order",
        "@Entity",
        "@Table(name = \"orders\")",
        "public class Order {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "}");
    JavaFileObject lineId = src("LineId",
        "@Embeddable",
        "public class LineId implements java.io.Serializable {",
        "  Long orderId;",
        "  @Column(name = \"line_no\") int lineNo;",
        "}");
    JavaFileObject line = src("OrderLine",
        "@Entity",
        "@Table(name = \"order_lines\")",
        "public class OrderLine {",
        "  @EmbeddedId LineId id;",
        "  @MapsId(\"orderId\") @ManyToOne Order order;",
        "  @Column(nullable = false) int quantity;",
        "}");
    JavaFileObject shipment = src("Shipment",
        "@Entity",
        "@Table(name = \"shipments\", indexes = @Index(columnList = \"order_id, line_no\"))",
        "public class Shipment {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @ManyToOne(optional = false)",
        "  @JoinColumns({@JoinColumn(name = \"order_id\", referencedColumnName = \"order_id\"),",
        "      @JoinColumn(name = \"line_no\", referencedColumnName = \"line_no\")})",
        "  OrderLine line;",
        "}");
    JavaFileObject stockId = src("StockId",
        "public class StockId implements java.io.Serializable { UUID warehouse; String sku; }");
    JavaFileObject stock = src("Stock",
        "@Entity",
        "@IdClass(StockId.class)",
        "public class Stock {",
        "  @Id UUID warehouse;",
        "  @Id @Column(length = 40) String sku;",
        "  @Column(nullable = false) int quantity;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(order, lineId, line, shipment, stockId, stock)) {
      Catalog catalog = schema.catalog();
      // @MapsId: the embedded id's orderId is the join column, typed like orders.id, in the key's place
      assertThat(catalog.columns("order_lines")).containsExactly(plain("order_id", "bigint", true),
          plain("line_no", "integer", true), plain("quantity", "integer", true)).inOrder();
      assertThat(catalog.primaryKey("order_lines").columns()).containsExactly("order_id", "line_no").inOrder();
      assertThat(catalog.foreignKeys("order_lines").values()).containsExactly(new Catalog.ForeignKey(
          "order_lines_order_id_fkey", List.of("order_id"), "orders", List.of("id"), "NO ACTION", "NO ACTION"));
      // @JoinColumns: a composite foreign key to the composite key
      assertThat(catalog.foreignKeys("shipments").values()).containsExactly(new Catalog.ForeignKey(
          "shipments_order_id_line_no_fkey", List.of("order_id", "line_no"), "order_lines",
          List.of("order_id", "line_no"), "NO ACTION", "NO ACTION"));
      assertThat(catalog.column("shipments", "line_no").notNull()).isTrue();
      // @IdClass: the @Id fields are the key
      assertThat(catalog.primaryKey("stock").columns()).containsExactly("warehouse", "sku").inOrder();
      schema.execute("INSERT INTO orders DEFAULT VALUES");
      schema.execute("INSERT INTO order_lines (order_id, line_no, quantity) VALUES (1, 1, 3)");
      schema.execute("INSERT INTO shipments (order_id, line_no) VALUES (1, 1)");
      schema.expectFailure("23503", "INSERT INTO shipments (order_id, line_no) VALUES (1, 2)");
      schema.expectFailure("23505", "INSERT INTO order_lines (order_id, line_no, quantity) VALUES (1, 1, 5)");
    }
  }

  @Test
  void mapsIdOnAOneToOne_sharesTheKeyOfTheParent() throws Exception {
    JavaFileObject user = src("User",
        "@Entity",
        "@Table(name = \"users\")",
        "public class User {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false) String email;",
        "}");
    JavaFileObject profile = src("Profile",
        "@Entity",
        "@Table(name = \"profiles\")",
        "public class Profile {",
        "  @Id Long id;",
        "  @MapsId @OneToOne(optional = false) User user;",
        "  @Column(nullable = false) String bio;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(user, profile)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columns("profiles")).containsExactly(plain("user_id", "bigint", true),
          plain("bio", "character varying(255)", true)).inOrder();
      assertThat(catalog.primaryKey("profiles").columns()).containsExactly("user_id");
      assertThat(catalog.foreignKeys("profiles").values().iterator().next().referencedTable()).isEqualTo("users");
      // the key is the one-to-one's uniqueness: no second UNIQUE constraint on it
      assertThat(catalog.uniqueConstraints("profiles")).isEmpty();
    }
  }

  @Test
  void aKeyThatDependsOnItself_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id @OneToOne B b;",
        "}");
    JavaFileObject b = src("B",
        "@Entity",
        "public class B {",
        "  @Id @OneToOne A a;",
        "}");
    assertThat(failing(a, b)).hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key",
            "depends on itself")).inFile(a).onLineContaining("B b;");
  }

  // ---------------------------------------------------------------- inheritance

  @Test
  void singleTable_oneTableWithADiscriminator_andSubclassColumnsNullable() throws Exception {
    JavaFileObject payment = src("Payment",
        "@Entity",
        "@Table(name = \"payments\")",
        "public abstract class Payment {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false, precision = 12, scale = 2) BigDecimal amount;",
        "}");
    JavaFileObject card = src("CardPayment",
        "@Entity",
        "@DiscriminatorValue(\"CARD\")",
        "public class CardPayment extends Payment {",
        "  @Column(name = \"last4\", nullable = false, length = 4) String last4;",
        "}");
    JavaFileObject wire = src("WirePayment",
        "@Entity",
        "public class WirePayment extends Payment {",
        "  @Column(length = 34) String iban;",
        "}");
    JavaFileObject refund = src("Refund",
        "@Entity",
        "public class Refund {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @ManyToOne(optional = false) @Indexed CardPayment payment;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(payment, card, wire, refund)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("payments", "refund");
      assertThat(catalog.columns("payments")).containsExactly(
          new Catalog.Column("id", "bigint", true, null, Catalog.Identity.BY_DEFAULT),
          plain("amount", "numeric(12,2)", true), plain("dtype", "character varying(31)", true),
          plain("last4", "character varying(4)", false), plain("iban", "character varying(34)", false)).inOrder();
      assertThat(catalog.checks("payments")).containsExactly("payments_dtype_check",
          "CHECK (dtype::text = ANY (ARRAY['CARD'::character varying, 'WirePayment'::character varying]::text[]))",
          // nullable = false holds for a card payment's rows, the only ones that have the column (issue 16, item 13)
          "payments_last4_check", "CHECK (dtype::text <> 'CARD'::text OR last4 IS NOT NULL)");
      // a reference to a subclass references the hierarchy's table
      assertThat(catalog.foreignKeys("refund").values().iterator().next().referencedTable()).isEqualTo("payments");
      schema.execute("INSERT INTO payments (amount, dtype, iban) VALUES (10, 'WirePayment', 'DE00')");
      schema.expectFailure("23514", "INSERT INTO payments (amount, dtype) VALUES (10, 'Payment')");
      schema.expectFailure("23514", "INSERT INTO payments (amount, dtype) VALUES (10, 'CARD')");
      schema.execute("INSERT INTO payments (amount, dtype, last4) VALUES (10, 'CARD', '4242')");
    }
  }

  @Test
  void singleTable_discriminatorColumnOptions() throws Exception {
    JavaFileObject animal = src("Animal",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
        "@DiscriminatorColumn(name = \"kind\", discriminatorType = DiscriminatorType.INTEGER)",
        "@DiscriminatorValue(\"1\")",
        "public class Animal {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String name;",
        "}");
    JavaFileObject dog = src("Dog",
        "@Entity",
        "@DiscriminatorValue(\"2\")",
        "public class Dog extends Animal {",
        "  boolean barks;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(animal, dog)) {
      assertThat(schema.catalog().column("animal", "kind")).isEqualTo(plain("kind", "integer", true));
      // a primitive of a subclass is nullable too: an Animal row has no value for it
      assertThat(schema.catalog().column("animal", "barks").notNull()).isFalse();
      // but a dog's row has one (as Hibernate 7.4 writes it), and an integer discriminator is checked as a string one
      assertThat(schema.catalog().checks("animal")).containsExactly(
          "animal_kind_check", "CHECK (kind = ANY (ARRAY[1, 2]))",
          "animal_barks_check", "CHECK (kind <> 2 OR barks IS NOT NULL)");
      schema.execute("INSERT INTO animal (id, kind, name) VALUES (gen_random_uuid(), 1, 'Generic')");
      schema.expectFailure("23514", "INSERT INTO animal (id, kind, name) VALUES (gen_random_uuid(), 2, 'Rex')");
      schema.expectFailure("23514", "INSERT INTO animal (id, kind, name) VALUES (gen_random_uuid(), 3, 'Odd')");
    }
  }

  @Test
  void singleTableSubclassWithATable_isAnError() {
    JavaFileObject animal = src("Animal", "@Entity", "public class Animal { @Id UUID id; }");
    JavaFileObject cat = src("Cat", "@Entity", "@Table(name = \"cats\")", "public class Cat extends Animal { }");
    assertThat(failing(animal, cat)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "single-table hierarchy of Animal")).inFile(cat)
        .onLineContaining("@Table(name = \"cats\")");
  }

  @Test
  void joined_aTablePerEntity_keyedAndLinkedByTheParentKey() throws Exception {
    JavaFileObject vehicle = src("Vehicle",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.JOINED)",
        "@Table(name = \"vehicles\")",
        "public class Vehicle {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false) String make;",
        "}");
    JavaFileObject car = src("Car",
        "@Entity",
        "@Table(name = \"cars\")",
        "public class Car extends Vehicle {",
        "  @Column(nullable = false) int seats;",
        "}");
    JavaFileObject truck = src("Truck",
        "@Entity",
        "@Table(name = \"trucks\")",
        "@PrimaryKeyJoinColumn(name = \"vehicle_id\")",
        "public class Truck extends Vehicle {",
        "  @Column(nullable = false) double payload;",
        "}");
    JavaFileObject tipper = src("Tipper",
        "@Entity",
        "@Table(name = \"tippers\")",
        "public class Tipper extends Truck {",
        "  @Column(nullable = false) int angle;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(vehicle, car, truck, tipper)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columns("cars")).containsExactly(plain("id", "bigint", true), plain("seats", "integer", true))
          .inOrder();
      assertThat(catalog.primaryKey("trucks").columns()).containsExactly("vehicle_id");
      assertThat(catalog.foreignKeys("trucks").values()).containsExactly(new Catalog.ForeignKey("trucks_vehicle_id_fkey",
          List.of("vehicle_id"), "vehicles", List.of("id"), "NO ACTION", "NO ACTION"));
      // two levels down: keyed by the parent's key column name, referencing the parent (not the root)
      assertThat(catalog.foreignKeys("tippers").values()).containsExactly(new Catalog.ForeignKey("tippers_vehicle_id_fkey",
          List.of("vehicle_id"), "trucks", List.of("vehicle_id"), "NO ACTION", "NO ACTION"));
      assertThat(catalog.columnNames("vehicles")).containsExactly("id", "make"); // JOINED: no discriminator unless declared
      schema.execute("INSERT INTO vehicles (make) VALUES ('Volvo')");
      schema.execute("INSERT INTO trucks (vehicle_id, payload) VALUES (1, 12.5)");
      schema.expectFailure("23503", "INSERT INTO cars (id, seats) VALUES (2, 4)");
    }
  }

  @Test
  void tablePerClass_concreteEntitiesGetEveryInheritedColumn() throws Exception {
    JavaFileObject account = src("Account",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Account {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String owner;",
        "}");
    JavaFileObject savings = src("Savings",
        "@Entity",
        "public class Savings extends Account {",
        "  @Column(nullable = false, precision = 5, scale = 2) BigDecimal rate;",
        "}");
    JavaFileObject checking = src("Checking",
        "@Entity",
        "public class Checking extends Account {",
        "  long overdraft;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(account, savings, checking)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("checking", "savings");
      assertThat(catalog.columnNames("savings")).containsExactly("id", "owner", "rate").inOrder();
      assertThat(catalog.columnNames("checking")).containsExactly("id", "owner", "overdraft").inOrder();
      assertThat(catalog.column("checking", "owner").notNull()).isTrue();
    }
  }

  @Test
  void tablePerClass_withIdentity_isAnError() {
    JavaFileObject account = src("Account",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Account {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "}");
    JavaFileObject savings = src("Savings", "@Entity", "public class Savings extends Account { }");
    assertThat(failing(account, savings)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "IDENTITY in a TABLE_PER_CLASS hierarchy")).inFile(account)
        .onLineContaining("Long id;");
  }

  @Test
  void referenceToAnAbstractTablePerClassRoot_isAnError() {
    JavaFileObject account = src("Account",
        "@Entity",
        "@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Account { @Id UUID id; }");
    JavaFileObject savings = src("Savings", "@Entity", "public class Savings extends Account { }");
    JavaFileObject transfer = src("Transfer",
        "@Entity",
        "public class Transfer {",
        "  @Id UUID id;",
        "  @ManyToOne Account source;",
        "}");
    assertThat(failing(account, savings, transfer)).hadErrorContainingMatch(Diagnostics.tagged("invalid-foreign-key",
            "abstract entity of a TABLE_PER_CLASS hierarchy"))
        .inFile(transfer).onLineContaining("Account source;");
  }

  // ---------------------------------------------------------------- sequences and schemas

  @Test
  void sequenceKeys_getTheSequencesHibernateDrawsFrom() throws Exception {
    JavaFileObject invoice = src("Invoice",
        "@Entity",
        "@Table(name = \"invoices\")",
        "public class Invoice {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"invoice_gen\")",
        "  @SequenceGenerator(name = \"invoice_gen\", sequenceName = \"invoice_numbers\", initialValue = 1000,",
        "      allocationSize = 20)",
        "  Long id;",
        "}");
    JavaFileObject creditNote = src("CreditNote",
        "@Entity",
        "public class CreditNote {",
        // another entity's generator is not in scope (Hibernate 7): a sequence named after the generator
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"invoice_gen\") Long id;",
        "}");
    JavaFileObject ticket = src("SupportTicket",
        "@Entity",
        "public class SupportTicket {",
        "  @Id @GeneratedValue Long id;", // AUTO on a number: Hibernate 6's <entity>_seq, by 50
        "}");
    try (AppliedSchema schema = AppliedSchema.of(invoice, creditNote, ticket)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.sequences()).containsExactly(
          "invoice_numbers", new Catalog.Sequence("invoice_numbers", 1000, 20, null),
          "invoice_gen", new Catalog.Sequence("invoice_gen", 1, 50, null),
          "supportticket_seq", new Catalog.Sequence("supportticket_seq", 1, 50, null));
      // the key is a plain number: the application draws it (a DEFAULT nextval would collide with its blocks)
      assertThat(catalog.column("invoices", "id")).isEqualTo(plain("id", "bigint", true));
      assertThat(catalog.column("creditnote", "id")).isEqualTo(plain("id", "bigint", true));
      assertThat(schema.queryValue("SELECT nextval('invoice_numbers')")).isEqualTo(1000L);
      assertThat(schema.queryValue("SELECT nextval('invoice_numbers')")).isEqualTo(1020L);
    }
  }

  @Test
  void oneSequenceDeclaredTwiceWithDifferentSteps_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"a\")",
        "  @SequenceGenerator(name = \"a\", sequenceName = \"ids\", allocationSize = 10) Long id;",
        "}");
    JavaFileObject b = src("B",
        "@Entity",
        "public class B {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"b\")",
        "  @SequenceGenerator(name = \"b\", sequenceName = \"ids\") Long id;",
        "}");
    assertThat(failing(a, b)).hadErrorContainingMatch(Diagnostics.tagged("conflicting-annotations",
            "sequence 'ids' is declared twice with different settings"))
        .inFile(b).onLineContaining("@SequenceGenerator(name = \"b\"");
  }

  @Test
  void tableGenerators_createTheTableHibernateDrawsFrom() throws Exception {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;",
        "}");
    JavaFileObject b = src("B",
        "@Entity",
        "@TableGenerator(name = \"ids\", table = \"id_blocks\", schema = \"ops\", pkColumnName = \"block\",",
        "    valueColumnName = \"next_id\", allocationSize = 10, indexes = @Index(columnList = \"next_id\"))",
        "public class B {",
        "  @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = \"ids\") Long id;",
        "}");
    JavaFileObject c = src("C", // AUTO with a generator that is a table's: its table, named after it (as Hibernate 7)
        "@Entity",
        "@TableGenerator(name = \"c_ids\")",
        "public class C {",
        "  @Id @GeneratedValue(generator = \"c_ids\") Long id;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(a, b, c)) {
      assertThat(schema.catalog().tables()).containsExactly("a", "b", "c", "c_ids", "hibernate_sequences");
      assertThat(schema.catalog().columns("hibernate_sequences")).containsExactly(
          plain("sequence_name", "character varying(255)", true), plain("next_val", "bigint", false)).inOrder();
      assertThat(schema.catalog().primaryKey("hibernate_sequences").columns()).containsExactly("sequence_name");
      Catalog ops = schema.catalog().inSchema("ops");
      assertThat(ops.tables()).containsExactly("id_blocks");
      assertThat(ops.columns("id_blocks")).containsExactly(plain("block", "character varying(255)", true),
          plain("next_id", "bigint", false)).inOrder();
      assertThat(ops.indexes("id_blocks").keySet()).containsExactly("id_blocks_pkey", "idx_id_blocks_next_id");
      assertThat(schema.catalog().sequences()).isEmpty();
    }
  }

  @Test
  void tableGenerators_oneTableWithTwoShapes_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "@TableGenerator(name = \"a\", table = \"ids\", pkColumnName = \"gen\")",
        "public class A {",
        "  @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = \"a\") Long id;",
        "}");
    JavaFileObject b = src("B",
        "@Entity",
        "@TableGenerator(name = \"b\", table = \"ids\")",
        "public class B {",
        "  @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = \"b\") Long id;",
        "}");
    assertThat(failing(a, b)).hadErrorContainingMatch(Diagnostics.tagged("duplicate-name",
            "@TableGenerator table 'ids' is declared twice with different columns"))
        .inFile(b).onLineContaining("@TableGenerator");
  }

  @Test
  void tableSchema_putsTheTableAndItsGeneratorInThatSchema() throws Exception {
    JavaFileObject account = src("Account",
        "@Entity",
        "@Table(name = \"accounts\", schema = \"billing\")",
        "public class Account {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"acc\")",
        "  @SequenceGenerator(name = \"acc\", sequenceName = \"account_ids\", schema = \"billing\") Long id;",
        "  @Column(nullable = false) String holder;",
        "}");
    JavaFileObject customer = src("Customer",
        "@Entity",
        "@Table(name = \"customers\")",
        "public class Customer {",
        "  @Id UUID id;",
        "  @ManyToOne(optional = false) @Indexed Account account;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(account, customer)) {
      Catalog billing = schema.catalog().inSchema("billing");
      assertThat(billing.tables()).containsExactly("accounts");
      assertThat(billing.sequences()).containsKey("account_ids");
      assertThat(schema.catalog().tables()).containsExactly("customers");
      assertThat(schema.catalog().foreignKeys("customers").values().iterator().next().referencedTable())
          .isEqualTo("billing.accounts");
      schema.execute("INSERT INTO billing.accounts (id, holder) VALUES (nextval('billing.account_ids'), 'Ada')");
      schema.execute("INSERT INTO customers (id, account_id) VALUES (gen_random_uuid(), 1)");
      schema.expectFailure("23503", "INSERT INTO customers (id, account_id) VALUES (gen_random_uuid(), 2)");
    }
  }

  // ---------------------------------------------------------------- converters

  @Test
  void converters_giveTheColumnTheirDatabaseType() throws Exception {
    JavaFileObject color = src("Color", "public enum Color { RED, GREEN }");
    JavaFileObject colorConverter = src("ColorConverter",
        "@Converter",
        "public class ColorConverter implements AttributeConverter<Color, String> {",
        "  public String convertToDatabaseColumn(Color c) { return c.name(); }",
        "  public Color convertToEntityAttribute(String s) { return Color.valueOf(s); }",
        "}");
    JavaFileObject money = src("Money", "public record Money(long cents) { }");
    JavaFileObject moneyConverter = src("MoneyConverter",
        "@Converter(autoApply = true)",
        "public class MoneyConverter implements AttributeConverter<Money, Long> {",
        "  public Long convertToDatabaseColumn(Money m) { return m.cents(); }",
        "  public Money convertToEntityAttribute(Long cents) { return new Money(cents); }",
        "}");
    JavaFileObject paint = src("Paint",
        "@Entity",
        "public class Paint {",
        "  @Id UUID id;",
        "  @Convert(converter = ColorConverter.class) @Column(nullable = false, length = 8) Color color;",
        "  @Column(nullable = false) Money price;",
        "  @Convert(disableConversion = true) @Lob Money raw;",
        "}");
    Compilation compilation = SchemacCompiler.compile(List.of(color, colorConverter, money, moneyConverter, paint))
        .compilation();
    assertThat(compilation).failed(); // disableConversion: a record with no mapping
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unmapped-type",
        "column 'raw' of table 'paint': unsupported type com.example.shop.Money"))
        .inFile(paint).onLineContaining("Money raw;");
    JavaFileObject fixed = src("Paint",
        "@Entity",
        "public class Paint {",
        "  @Id UUID id;",
        "  @Convert(converter = ColorConverter.class) @Column(nullable = false, length = 8) Color color;",
        "  @Column(nullable = false) Money price;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(color, colorConverter, money, moneyConverter, fixed)) {
      assertThat(schema.catalog().columns("paint")).containsExactly(plain("id", "uuid", true),
          plain("color", "character varying(8)", true), plain("price", "bigint", true)).inOrder();
      assertThat(schema.catalog().checks("paint")).isEmpty(); // a converted enum is the converter's business
    }
  }

  // ---------------------------------------------------------------- one-to-many with a join column

  @Test
  void oneToManyWithAJoinColumn_putsTheColumnInTheOtherTable() throws Exception {
    JavaFileObject invoice = src("Invoice",
        "@Entity",
        "@Table(name = \"invoices\")",
        "public class Invoice {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @OneToMany @JoinColumn(name = \"invoice_id\", nullable = false) @Indexed List<InvoiceLine> lines;",
        "}");
    JavaFileObject line = src("InvoiceLine",
        "@Entity",
        "@Table(name = \"invoice_lines\")",
        "public class InvoiceLine {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false) String text;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(invoice, line)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columnNames("invoices")).containsExactly("id");
      assertThat(catalog.column("invoice_lines", "invoice_id")).isEqualTo(plain("invoice_id", "bigint", true));
      assertThat(catalog.foreignKeys("invoice_lines").values()).containsExactly(new Catalog.ForeignKey(
          "invoice_lines_invoice_id_fkey", List.of("invoice_id"), "invoices", List.of("id"), "NO ACTION", "NO ACTION"));
      assertThat(catalog.standaloneIndexes("invoice_lines")).containsKey("idx_invoice_lines_invoice_id");
    }
  }

  @Test
  void outputIsTheSame_inAnyOrderOfSources() {
    List<JavaFileObject> sources = List.of(BASE, ADDRESS, CUSTOMER);
    String one = AppliedSchema.compile(sources.toArray(JavaFileObject[]::new));
    String two = AppliedSchema.compile(List.of(CUSTOMER, ADDRESS, BASE).toArray(JavaFileObject[]::new));
    assertThat(two).isEqualTo(one);
  }

  // ---------------------------------------------------------------- join tables and collection tables

  static final JavaFileObject TAG = src("Tag",
      "@Entity",
      "@Table(name = \"tags\")",
      "public class Tag {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false, unique = true) String name;",
      "  @ManyToMany(mappedBy = \"tags\") Set<Post> posts;",
      "}");
  static final JavaFileObject LINK = src("Link",
      "@Embeddable",
      "public class Link {",
      "  @Column(nullable = false) String url;",
      "  String label;",
      "}");
  static final JavaFileObject CHANNEL = src("Channel", "public enum Channel { WEB, MOBILE }");
  static final JavaFileObject POST = src("Post",
      "@Entity",
      "@Table(name = \"posts\")",
      "public class Post {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
      "  @Column(nullable = false) String title;",
      "  /** Indexed: schemac's @Indexed on a many-to-many indexes the join table's other side. */",
      "  @ManyToMany @Indexed Set<Tag> tags;",
      "  @ElementCollection @Column(name = \"keyword\", length = 40) Set<String> keywords;",
      "  @ElementCollection @CollectionTable(name = \"post_links\", joinColumns = @JoinColumn(name = \"post_id\"))",
      "  @OrderColumn(name = \"position\") List<Link> links;",
      "  @ElementCollection @MapKeyEnumerated(EnumType.STRING) @Column(nullable = false) Map<Channel, Integer> views;",
      "}");

  @Test
  void manyToManyAndElementCollections_getTablesKeyedAsHibernateKeysThem() throws Exception {
    try (AppliedSchema schema = AppliedSchema.of(TAG, LINK, CHANNEL, POST)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.tables()).containsExactly("posts", "posts_tags", "post_keywords", "post_links", "post_views",
          "tags");
      // the join table: <owner table>_<target table>, the owner's column named by the inverse attribute
      assertThat(catalog.columns("posts_tags")).containsExactly(plain("posts_id", "bigint", true),
          plain("tags_id", "bigint", true)).inOrder();
      assertThat(catalog.primaryKey("posts_tags").columns()).containsExactly("posts_id", "tags_id").inOrder();
      assertThat(catalog.standaloneIndexes("posts_tags")).containsKey("idx_posts_tags_tags_id");
      // a set of values: keyed by owner and value; a list: by owner and position; a map: by owner and key
      assertThat(catalog.columns("post_keywords")).containsExactly(plain("post_id", "bigint", true),
          plain("keyword", "character varying(40)", true)).inOrder();
      assertThat(catalog.primaryKey("post_keywords").columns()).containsExactly("post_id", "keyword").inOrder();
      // NOT NULL in the model, not only through the key (the rules and the migrations see the model)
      assertThat(schema.sql).containsMatch("keyword\\s+varchar\\(40\\)\\s+NOT NULL");
      assertThat(catalog.columns("post_links")).containsExactly(plain("post_id", "bigint", true),
          plain("url", "character varying(255)", true), plain("label", "character varying(255)", false),
          plain("position", "integer", true)).inOrder();
      assertThat(catalog.primaryKey("post_links").columns()).containsExactly("post_id", "position").inOrder();
      assertThat(catalog.primaryKey("post_views").columns()).containsExactly("post_id", "views_key").inOrder();
      assertThat(catalog.column("post_views", "views_key").type()).isEqualTo("text");
      assertThat(catalog.checks("post_views")).containsKey("post_views_views_key_check");

      schema.execute("INSERT INTO posts (title) VALUES ('Hello')");
      schema.execute("INSERT INTO tags (name) VALUES ('java')");
      schema.execute("INSERT INTO posts_tags VALUES (1, 1)");
      schema.expectFailure("23505", "INSERT INTO posts_tags VALUES (1, 1)");
      schema.expectFailure("23503", "INSERT INTO posts_tags VALUES (1, 2)");
      schema.execute("INSERT INTO post_views VALUES (1, 'WEB', 10)");
      schema.expectFailure("23514", "INSERT INTO post_views VALUES (1, 'TV', 10)");
      schema.execute("DELETE FROM posts_tags");
      schema.execute("DELETE FROM post_views");
      schema.execute("DELETE FROM posts"); // no row left behind refers to it
    }
  }

  @Test
  void oneToManyThroughAJoinTable_isKeyedByTheTarget() throws Exception {
    JavaFileObject award = src("Award",
        "@Entity",
        "public class Award {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(nullable = false) String title;",
        "}");
    JavaFileObject writer = src("Writer",
        "@Entity",
        "public class Writer {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @OneToMany @JoinTable(indexes = @Index(columnList = \"writer_id\")) Set<Award> awards;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(award, writer)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columns("writer_award")).containsExactly(plain("writer_id", "bigint", true),
          plain("awards_id", "bigint", true)).inOrder();
      assertThat(catalog.primaryKey("writer_award").columns()).containsExactly("awards_id");
      schema.execute("INSERT INTO writer DEFAULT VALUES");
      schema.execute("INSERT INTO writer DEFAULT VALUES");
      schema.execute("INSERT INTO award (title) VALUES ('Hugo')");
      schema.execute("INSERT INTO writer_award VALUES (1, 1)");
      schema.expectFailure("23505", "INSERT INTO writer_award VALUES (2, 1)"); // one writer per award
    }
  }

  @Test
  void aBagWithoutKey_andItsUnindexedOwnerColumn_areFindingsWhoseFixNamesTheJoinTable() {
    JavaFileObject editor = src("Editor", "@Entity", "public class Editor { @Id UUID id; }");
    JavaFileObject post = src("Post",
        "@Entity",
        "public class Post {",
        "  @Id UUID id;",
        "  @ManyToMany List<Editor> editors;",
        "}");
    Compilation compilation = failing(editor, post);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("missing-primary-key",
            "table post_editor has no primary key")).inFile(post)
        .onLineContaining("List<Editor> editors;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("missing-primary-key",
            "Fix: declare the collection a Set")).inFile(post)
        .onLineContaining("List<Editor> editors;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unindexed-foreign-key",
            "Fix: add @JoinTable(indexes = @Index(columnList = \"post_id\"))"))
        .inFile(post).onLineContaining("List<Editor> editors;");
  }

  @Test
  void collectionMappingErrors_areOnTheAttribute() {
    JavaFileObject plain = src("Plain", "public class Plain { String x; }");
    JavaFileObject owner = src("Owner",
        "@Entity",
        "public class Owner {",
        "  @Id UUID id;",
        "  @ManyToMany Set<Plain> plains;",
        "  @ElementCollection String notACollection;",
        "  @ManyToMany @JoinTable(joinColumns = @JoinColumn(name = \"o\", referencedColumnName = \"nope\"))",
        "  Set<Owner> friends;",
        "}");
    Compilation compilation = failing(plain, owner);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "is not an @Entity of this compilation, so there is no table to join"))
        .inFile(owner).onLineContaining("Set<Plain> plains;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "is not a collection")).inFile(owner)
        .onLineContaining("String notACollection;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unknown-column",
        "referencedColumnName names column 'nope', which table 'owner' does not have. Its columns are: id."))
        .inFile(owner).onLineContaining("referencedColumnName = \"nope\"");
  }

  // ---------------------------------------------------------------- entities that do not fully compile

  @Test
  void anEntityWithMissingHelperTypes_stillYieldsItsTable() throws Exception {
    JavaFileObject order = SchemacCompiler.source(PKG + ".Order", "package " + PKG + ";",
        "import jakarta.persistence.*;",
        "import com.acme.audit.Audited;",
        "import com.acme.money.Money;",
        "import java.util.UUID;",
        "@Entity @Audited",
        "@Table(name = \"orders\")",
        "public class Order implements com.acme.Tracked {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String reference;",
        "  @Transient Money cached;",
        "  @Column(columnDefinition = \"numeric(12,2)\", nullable = false) Money total;",
        "  @com.fasterxml.jackson.annotation.JsonIgnore @Column(nullable = false) String note;",
        "  public Money total() { return total.plus(com.acme.Tax.rate()); }",
        "  public void send(com.acme.Mailer mailer) { mailer.send(reference); }",
        "}");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("schemac-partial-");
    try {
      SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(order));
      // javac's own errors for the missing classes; none of schemac's
      assertThat(result.compilation()).failed();
      assertThat(result.compilation().errors()).isNotEmpty();
      assertThat(result.compilation().errors().stream().filter(e -> e.getMessage(null).contains("[schemac")).toList())
          .isEmpty();
      try (AppliedSchema schema = AppliedSchema.apply(result.schemaSqlInDir())) {
        assertThat(schema.catalog().columns("orders")).containsExactly(plain("id", "uuid", true),
            plain("reference", "character varying(255)", true), plain("total", "numeric(12,2)", true),
            plain("note", "character varying(255)", true)).inOrder();
      }
    } finally {
      RealJavac.deleteTree(dir);
    }
  }

  @Test
  void aPersistentAttributeOfAMissingType_writesNothing_andSaysWhatWouldHelp() throws Exception {
    JavaFileObject order = SchemacCompiler.source(PKG + ".Order", "package " + PKG + ";",
        "import jakarta.persistence.*;",
        "import java.util.UUID;",
        "@Entity",
        "public class Order {",
        "  @Id UUID id;",
        "  com.acme.Money total;",
        "}");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("schemac-partial-");
    try {
      SchemacCompiler.Result result = SchemacCompiler.compile(dir, List.of(order));
      assertThat(result.compilation()).failed();
      assertThat(result.compilation()).hadNoteContaining("@Column(columnDefinition = \"...\")").inFile(order)
          .onLineContaining("Money total;");
      assertThat(result.fileInDir("schema.sql")).isEmpty();
    } finally {
      RealJavac.deleteTree(dir);
    }
  }
}
