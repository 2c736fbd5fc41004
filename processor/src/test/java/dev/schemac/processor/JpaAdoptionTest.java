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
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What existing JPA code bases need to adopt schemac (issue 16): the mappings real code has and
 * schemac once refused, and the located errors where a mapping really conflicts or is not read.
 * The mappings themselves are compared with Hibernate 7's export in the parity models {@code
 * adoption}, {@code hierarchies}, {@code hibernate}, {@code constraints} and {@code legacy}; this
 * class holds the errors, and the schemas where the rows matter.
 */
class JpaAdoptionTest {
  private static final String PKG = "com.example.adopt";
  private static final String IMPORTS = String.join("\n",
      "import jakarta.persistence.*;",
      "import dev.schemac.annotations.Indexed;",
      "import java.util.*;",
      "");

  private static JavaFileObject src(String simpleName, String... body) {
    return SchemacCompiler.source(PKG + "." + simpleName, "package " + PKG + ";", IMPORTS, String.join("\n", body));
  }

  private static final JavaFileObject ITEM = src("Item", "@Entity", "public class Item { @Id Long id; }");

  // ---------------------------------------------------------------- raw collections (items 5, 11)

  @Test
  void rawMapOfEntities_withoutMapKeyClass_isAnErrorOnTheAttribute_notACrash() {
    JavaFileObject shelf = src("Shelf",
        "@Entity",
        "@SuppressWarnings(\"rawtypes\")",
        "public class Shelf {",
        "  @Id Long id;",
        "  @ManyToMany(targetEntity = Item.class) @MapKeyColumn(name = \"k\") Map items;",
        "}");
    Compilation compilation = failing(ITEM, shelf);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "a raw Map says nothing about its keys; declare Map<K, V>, or give the"
        + " key class with @MapKeyClass(K.class)")).inFile(shelf).onLineContaining("Map items;");
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).filter(m -> m.contains("internal error")).toList()).isEmpty();
  }

  @Test
  void rawMapWithMapKeyClass_andRawListWithTargetClass_areRead() throws Exception {
    JavaFileObject shelf = src("Shelf",
        "@Entity",
        "@SuppressWarnings({\"rawtypes\", \"schemac\"})",
        "public class Shelf {",
        "  @Id Long id;",
        "  @ManyToMany(targetEntity = Item.class) @MapKeyClass(String.class) @MapKeyColumn(name = \"k\") Map items;",
        "  @ElementCollection(targetClass = String.class) Set tags;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(ITEM, shelf)) {
      Catalog catalog = schema.catalog();
      assertThat(catalog.columns("shelf_item")).containsExactly(plain("shelf_id", "bigint", true),
          plain("k", "character varying(255)", true), plain("items_id", "bigint", true)).inOrder();
      assertThat(catalog.primaryKey("shelf_item").columns()).containsExactly("shelf_id", "k").inOrder();
      assertThat(catalog.columns("shelf_tags")).containsExactly(plain("shelf_id", "bigint", true),
          plain("tags", "character varying(255)", true)).inOrder();
    }
  }

  @Test
  void rawListOfValues_withoutTargetClass_namesTargetClassInTheFix() {
    JavaFileObject shelf = src("Shelf",
        "@Entity",
        "@SuppressWarnings(\"rawtypes\")",
        "public class Shelf {",
        "  @Id Long id;",
        "  @ElementCollection List tags;",
        "}");
    assertThat(failing(shelf)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "@ElementCollection(targetClass = String.class)")).inFile(shelf)
        .onLineContaining("List tags;");
  }

  // ---------------------------------------------------------------- inverse order column (item 6)

  @Test
  void orderColumnOfAnInverseOneToMany_isInTheElementsTable_withItsCheck() throws Exception {
    JavaFileObject dept = src("Dept",
        "@Entity",
        "public class Dept {",
        "  @Id Long id;",
        "  @OneToMany(mappedBy = \"dept\") @OrderColumn(name = \"pos\") List<Emp> emps;",
        "}");
    JavaFileObject emp = src("Emp",
        "@Entity",
        "public class Emp {",
        "  @Id Long id;",
        "  @ManyToOne(optional = false) @Indexed Dept dept;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(dept, emp)) {
      assertThat(schema.catalog().column("emp", "pos")).isEqualTo(plain("pos", "integer", false));
      assertThat(schema.catalog().checks("emp")).containsExactly("emp_pos_check", "CHECK (pos >= 0)");
      schema.execute("INSERT INTO dept (id) VALUES (1)");
      schema.execute("INSERT INTO emp (id, dept_id, pos) VALUES (1, 1, 0)");
      schema.expectFailure("23514", "INSERT INTO emp (id, dept_id, pos) VALUES (2, 1, -1)");
    }
  }

  // ---------------------------------------------------------------- converters of an embedded (item 7)

  @Test
  void severalConvertsOnAnEmbeddedAttribute_typeEachColumn() throws Exception {
    JavaFileObject money = src("Money", "@Embeddable", "public class Money { String amount; String currency; }");
    JavaFileObject cents = src("Cents",
        "@Converter",
        "public class Cents implements AttributeConverter<String, Long> {",
        "  public Long convertToDatabaseColumn(String s) { return null; }",
        "  public String convertToEntityAttribute(Long l) { return null; }",
        "}");
    JavaFileObject code = src("Code",
        "@Converter",
        "public class Code implements AttributeConverter<String, Integer> {",
        "  public Integer convertToDatabaseColumn(String s) { return null; }",
        "  public String convertToEntityAttribute(Integer i) { return null; }",
        "}");
    JavaFileObject invoice = src("Invoice",
        "@Entity",
        "@SuppressWarnings(\"schemac\")",
        "public class Invoice {",
        "  @Id Long id;",
        "  @Embedded",
        "  @Convert(attributeName = \"amount\", converter = Cents.class)",
        "  @Convert(attributeName = \"currency\", converter = Code.class)",
        "  Money total;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(money, cents, code, invoice)) {
      assertThat(schema.catalog().column("invoice", "amount").type()).isEqualTo("bigint");
      assertThat(schema.catalog().column("invoice", "currency").type()).isEqualTo("integer");
    }
  }

  // ---------------------------------------------------------------- two entities, one table (item 9)

  @Test
  void twoEntitiesOnOneTable_withAColumnOfAnotherType_isAnErrorOnTheSecond() {
    JavaFileObject note = src("Note",
        "@Entity @Table(name = \"notes\")",
        "public class Note { @Id Long id; @Column(length = 200) String body; }");
    JavaFileObject imported = src("ImportedNote",
        "@Entity @Table(name = \"notes\")",
        "public class ImportedNote {",
        "  @Id Long id;",
        "  @Lob String body;",
        "}");
    assertThat(failing(note, imported)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "column 'body' of table 'notes' is string(200) in Note"
        + " and clob in com.example.adopt.ImportedNote")).inFile(note).onLineContaining("String body;");
  }

  @Test
  void twoEntitiesOnOneTable_withAnotherKey_isAnError() {
    JavaFileObject a = src("A", "@Entity @Table(name = \"things\")", "public class A { @Id Long id; }");
    JavaFileObject b = src("B", "@Entity @Table(name = \"things\")", "public class B { @Id Long code; }");
    assertThat(failing(a, b)).hadErrorContainingMatch(Diagnostics.tagged("invalid-mapping",
            "B is mapped to table 'things' of com.example.adopt.A with another"
        + " primary key (code, not id)")).inFile(b).onLineContaining("public class B");
  }

  // ---------------------------------------------------------------- sibling subclasses (item 10)

  @Test
  void siblingSubclassesMappingOneColumnWithTwoTypes_isAnError() {
    JavaFileObject staff = src("Staff", "@Entity", "public abstract class Staff { @Id Long id; }");
    JavaFileObject manager = src("Manager", "@Entity",
        "public class Manager extends Staff { @Column(name = \"SALARY\") Integer salary; }");
    JavaFileObject clerk = src("Clerk", "@Entity",
        "public class Clerk extends Staff { @Column(name = \"SALARY\") String salary; }");
    assertThat(failing(staff, manager, clerk)).hadErrorContainingMatch(Diagnostics.tagged("duplicate-name",
            "column 'salary' of table 'staff' is already used by"
        + " 'salary'")).inFile(manager).onLineContaining("salary;");
  }

  // ---------------------------------------------------------------- @MapsId over an embedded id (item 12)

  @Test
  void mapsIdWithoutValue_overACompositeEmbeddedId_isTheWholeKey() throws Exception {
    JavaFileObject key = src("OrderKey", "@Embeddable",
        "public class OrderKey implements java.io.Serializable { Long region; Long number; }");
    JavaFileObject order = src("PurchaseOrder", "@Entity", "public class PurchaseOrder { @EmbeddedId OrderKey id; }");
    JavaFileObject shipment = src("Shipment",
        "@Entity",
        "public class Shipment {",
        "  @EmbeddedId OrderKey id;",
        "  @MapsId @OneToOne PurchaseOrder order;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(key, order, shipment)) {
      assertThat(schema.catalog().columnNames("shipment")).containsExactly("order_region", "order_number").inOrder();
      assertThat(schema.catalog().primaryKey("shipment").columns()).containsExactly("order_region", "order_number");
      assertThat(schema.catalog().foreignKeys("shipment").values().iterator().next().referencedTable())
          .isEqualTo("purchaseorder");
    }
  }

  // ---------------------------------------------------------------- one error for one cause (item 14)

  @Test
  void secondaryTableError_isNotFollowedByFalseNoPrimaryKeyErrorsOnItsReferences() {
    JavaFileObject vet = src("Vet",
        "@Entity",
        "@SecondaryTables(@SecondaryTable(name = \"vet_details\"))",
        "public class Vet { @Id Long id; }");
    JavaFileObject visit = src("Visit",
        "@Entity",
        "public class Visit { @Id Long id; @ManyToOne @Indexed Vet vet; }");
    Compilation compilation = failing(vet, visit);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unsupported-mapping",
            "@SecondaryTables is not read by schemac")).inFile(vet);
    assertThat(compilation.errors()).hasSize(1);
  }

  // ---------------------------------------------------------------- a hash in a legacy password column (item 17)

  @Test
  void passwordColumn_whoseAttributeSaysHash_compiles_andTheFixOfAPlainOneCompiles() {
    JavaFileObject plain = src("Account",
        "@Entity",
        "public class Account { @Id Long id; @Column(name = \"password\", length = 60) String password; }");
    assertThat(failing(plain)).hadErrorContainingMatch(Diagnostics.tagged("plaintext-secret",
            "`@Column(name = \"password\") String passwordHash`")).inFile(plain)
        .onLineContaining("String password;");
    JavaFileObject fixed = src("Account",
        "@Entity",
        "public class Account { @Id Long id; @Column(name = \"password\", length = 60) String passwordHash; }");
    assertThat(SchemacCompiler.compile(List.of(fixed)).compilation()).succeeded();
  }

  // ---------------------------------------------------------------- Hibernate's annotations and JPA 3.2

  @Test
  void hibernateColumnDefaultBesideSchemacsDefault_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id Long id;",
        "  @org.hibernate.annotations.ColumnDefault(\"0\") @dev.schemac.annotations.Default(\"1\") Integer n;",
        "}");
    assertThat(failing(a)).hadErrorContainingMatch(Diagnostics.tagged("conflicting-annotations",
            "column 'n' has a default from schemac's annotations and Hibernate's"
        + " @ColumnDefault: keep one")).inFile(a).onLineContaining("Integer n;");
  }

  @Test
  void hibernateCommentOnAnotherTable_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "@org.hibernate.annotations.Comment(value = \"details\", on = \"a_details\")",
        "public class A { @Id Long id; }");
    assertThat(failing(a)).hadErrorContainingMatch(Diagnostics.tagged("unsupported-mapping",
            "@Comment(on = \"a_details\") comments a secondary table or another"
        + " column")).inFile(a).onLineContaining("on = \"a_details\"");
  }

  @Test
  void jpaOptions_areAnError_forTheyAreRawSqlSchemacDoesNotWrite() {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A { @Id Long id; @Column(options = \"collate \\\"C\\\"\") String name; }");
    assertThat(failing(a)).hadErrorContainingMatch(Diagnostics.tagged("unsupported-mapping",
            "@Column(options = \"collate \"C\"\"): SQL appended to the DDL"))
        .inFile(a).onLineContaining("String name;");
  }

  @Test
  void jdbcTypeCodeSchemacDoesNotRead_andAnUnknownJdbcTypeClass_areErrors() {
    JavaFileObject mine = src("MyJdbcType",
        "public class MyJdbcType extends org.hibernate.type.descriptor.jdbc.VarcharJdbcType {}");
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id Long id;",
        "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.GEOMETRY) String shape;",
        "  @org.hibernate.annotations.JdbcType(MyJdbcType.class) String code;",
        "}");
    Compilation compilation = failing(mine, a);
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unmapped-type",
            "@JdbcTypeCode(SqlTypes.GEOMETRY) is not read by schemac")).inFile(a)
        .onLineContaining("String shape;");
    assertThat(compilation).hadErrorContainingMatch(Diagnostics.tagged("unmapped-type",
            "@JdbcType(MyJdbcType.class) is not one of the Hibernate JDBC types"
        + " schemac knows")).inFile(a).onLineContaining("String code;");
  }

  @Test
  void hibernateSoftDelete_besideSchemacs_isAnError() {
    JavaFileObject a = src("A",
        "@Entity",
        "@org.hibernate.annotations.SoftDelete",
        "@dev.schemac.annotations.SoftDelete",
        "public class A { @Id Long id; }");
    assertThat(failing(a)).hadErrorContainingMatch(Diagnostics.tagged("conflicting-annotations",
            "Hibernate's @SoftDelete and schemac's @SoftDelete on one entity"))
        .inFile(a).onLineContaining("@org.hibernate.annotations.SoftDelete");
  }

  @Test
  void hibernateGeneratedColumn_isAStoredGeneratedColumn_computedByPostgresql() throws Exception {
    JavaFileObject a = src("A",
        "@Entity",
        "public class A {",
        "  @Id Long id;",
        "  int quantity;",
        "  @org.hibernate.annotations.GeneratedColumn(\"quantity * 2\") Integer doubled;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(a)) {
      Catalog.Column doubled = schema.catalog().column("a", "doubled");
      assertThat(doubled.generated()).isTrue();
      assertThat(doubled.defaultExpression()).isEqualTo("(quantity * 2)");
    }
  }

  @Test
  void hibernateRuntimeAnnotations_changeNothing_andAnUnknownOneIsOnlyAWarning() throws Exception {
    JavaFileObject a = src("A",
        "@Entity",
        "@org.hibernate.annotations.DynamicUpdate @org.hibernate.annotations.BatchSize(size = 10)",
        "@org.hibernate.annotations.Immutable",
        "public class A {",
        "  @Id Long id;",
        "  @org.hibernate.annotations.Nationalized @Column(nullable = false) String name;",
        "}");
    try (AppliedSchema schema = AppliedSchema.of(a)) {
      assertThat(schema.catalog().columns("a")).containsExactly(plain("id", "bigint", true),
          plain("name", "character varying(255)", true)).inOrder();
    }
  }
}
