package dev.schemac.processor.read;

import dev.schemac.processor.model.ErrorId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Hibernate ORM's own mapping annotations ({@code org.hibernate.annotations}), read by qualified
 * name so that the processor needs no Hibernate API: which ones schemac reads, which ones change
 * nothing in the schema (ignored), and which ones change the schema in a way schemac does not read
 * (a compile error on the annotation, never a silently different schema). docs/jpa.md lists them.
 */
final class HibernateMappings {
  static final String P = "org.hibernate.annotations.";
  static final String JDBC_TYPE_CODE = P + "JdbcTypeCode";
  static final String JDBC_TYPE = P + "JdbcType";
  static final String COLUMN_DEFAULT = P + "ColumnDefault";
  static final String COMMENT = P + "Comment";
  static final String COMMENTS = P + "Comments";
  static final String CHECK = P + "Check";
  static final String CHECKS = P + "Checks";
  static final String NATURAL_ID = P + "NaturalId";
  static final String SOFT_DELETE = P + "SoftDelete";
  static final String CREATION_TIMESTAMP = P + "CreationTimestamp";
  static final String UPDATE_TIMESTAMP = P + "UpdateTimestamp";
  static final String FORMULA = P + "Formula";
  static final String GENERATED = P + "Generated";
  static final String GENERATED_COLUMN = P + "GeneratedColumn";
  static final String ON_DELETE = P + "OnDelete";
  static final String SUBSELECT = P + "Subselect";
  static final String VIEW = P + "View";

  /** What schemac reads (docs/jpa.md, "Hibernate's annotations"). */
  private static final Set<String> READ = Set.of("JdbcTypeCode", "JdbcType", "ColumnDefault", "Comment", "Comments",
      "Check", "Checks", "NaturalId", "SoftDelete", "CreationTimestamp", "UpdateTimestamp", "Formula", "Generated",
      "GeneratedColumn", "OnDelete", "Subselect", "View");

  /** What changes how Hibernate works at run time, and nothing in the schema it exports for PostgreSQL. */
  private static final Set<String> RUNTIME = Set.of("AttributeAccessor", "AttributeBinderType", "Bag", "BatchSize",
      "Cache", "Cascade", "CollectionType", "ColumnTransformer", "ColumnTransformers", "ConcreteProxy",
      "CurrentTimestamp", "DialectOverride", "DiscriminatorOptions", "DynamicInsert", "DynamicUpdate",
      "EmbeddableInstantiator", "Fetch", "FetchProfile", "FetchProfileOverride", "FetchProfileOverrides",
      "FetchProfiles", "Filter", "FilterDef", "FilterDefs", "FilterJoinTable", "FilterJoinTables", "Filters",
      "HQLSelect", "Immutable", "Imported", "Instantiator", "LazyGroup", "ListIndexBase", "Mutability",
      "NamedEntityGraph", "NamedEntityGraphs", "NamedNativeQueries", "NamedNativeQuery", "NamedQueries", "NamedQuery",
      "Nationalized", "NaturalIdCache", "NaturalIdClass", "NotFound", "OptimisticLock", "OptimisticLocking",
      "ParamDef", "Parameter", "Parent", "PartitionKey", "QueryCacheLayout", "RowId", "SQLDelete", "SQLDeleteAll",
      "SQLDeletes", "SQLInsert", "SQLInserts", "SQLJoinTableRestriction", "SQLOrder", "SQLRestriction", "SQLSelect",
      "SQLUpdate", "SQLUpdates", "SortComparator", "SortNatural", "Source", "SqlFragmentAlias", "Synchronize",
      "TargetEmbeddable", "TenantId", "UuidGenerator");

  /** What changes the schema in a way schemac does not read: the reason, said in the error. */
  private static final Map<String, String> NOT_READ = Map.ofEntries(
      Map.entry("Any", "an @Any association's columns"),
      Map.entry("ManyToAny", "a @ManyToAny association's table"),
      Map.entry("Array", "the length of an array column"),
      Map.entry("Collate", "a column's collation"),
      Map.entry("CollectionId", "the id column of a collection table"),
      Map.entry("CompositeType", "the columns of a custom composite type"),
      Map.entry("DiscriminatorFormula", "a discriminator computed by a formula"),
      Map.entry("EmbeddedColumnNaming", "the column names of an embedded attribute"),
      Map.entry("EmbeddedTable", "the table of an embedded attribute"),
      Map.entry("FractionalSeconds", "the precision of a time or timestamp column"),
      Map.entry("JavaType", "the column type a custom Java type descriptor chooses"),
      Map.entry("JoinColumnOrFormula", "a join through a formula"),
      Map.entry("JoinColumnsOrFormulas", "a join through a formula"),
      Map.entry("JoinFormula", "a join through a formula"),
      Map.entry("ListIndexJdbcType", "the type of an order column"),
      Map.entry("ListIndexJdbcTypeCode", "the type of an order column"),
      Map.entry("MapKeyCompositeType", "the columns of a map key's custom type"),
      Map.entry("MapKeyJavaType", "the type of a map key column"),
      Map.entry("MapKeyJdbcType", "the type of a map key column"),
      Map.entry("MapKeyJdbcTypeCode", "the type of a map key column"),
      Map.entry("MapKeyType", "the type of a map key column"),
      Map.entry("PropertyRef", "a foreign key to a column other than the key"),
      Map.entry("SecondaryRow", "a secondary table"),
      Map.entry("Struct", "a column of a structured type"),
      Map.entry("Temporal", "the row start and end columns of a temporal table"),
      Map.entry("TimeZoneColumn", "the column that stores a time zone"),
      Map.entry("TimeZoneStorage", "how (and in which column) a time zone is stored"),
      Map.entry("Type", "the column type a custom UserType chooses"),
      Map.entry("CompositeTypeRegistration", "the column types a registered composite type chooses"),
      Map.entry("CompositeTypeRegistrations", "the column types a registered composite type chooses"),
      Map.entry("ConverterRegistration", "the column types a registered converter chooses"),
      Map.entry("ConverterRegistrations", "the column types a registered converter chooses"),
      Map.entry("JavaTypeRegistration", "the column types a registered Java type chooses"),
      Map.entry("JavaTypeRegistrations", "the column types a registered Java type chooses"),
      Map.entry("JdbcTypeRegistration", "the column types a registered JDBC type chooses"),
      Map.entry("JdbcTypeRegistrations", "the column types a registered JDBC type chooses"),
      Map.entry("TypeRegistration", "the column types a registered UserType chooses"),
      Map.entry("TypeRegistrations", "the column types a registered UserType chooses"));

  private final Diagnostics diagnostics;

  HibernateMappings(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Whether schemac reads everything Hibernate annotates the element with: reports each
   * annotation that changes the schema in a way it does not read, and warns of one it does not
   * know. True when nothing was reported as an error.
   */
  boolean supported(Element element, java.util.List<? extends AnnotationMirror> annotations) {
    boolean supported = true;
    for (AnnotationMirror annotation : annotations) {
      String name = Mirrors.typeName(annotation);
      if (!name.startsWith(P)) {
        continue;
      }
      String simple = name.substring(P.length());
      String reason = NOT_READ.get(simple);
      if (reason != null) {
        diagnostics.error(ErrorId.UNSUPPORTED_MAPPING, ElementOrigin.of(element, annotation), "Hibernate's @" + simple + " sets " + reason
            + ", which schemac does not read: state the column with @Column(columnDefinition = \"...\") and plain"
            + " JPA mappings, or keep this entity out of the schemac compilation");
        supported = false;
      } else if (!READ.contains(simple) && !RUNTIME.contains(simple) && !simple.contains(".")) {
        diagnostics.warning(ErrorId.UNSUPPORTED_MAPPING, ElementOrigin.of(element, annotation), "Hibernate's @" + simple + " is not known to"
            + " schemac, so the schema is written as if it were absent: check that it changes nothing in the"
            + " schema Hibernate exports");
      }
    }
    return supported;
  }

  /** The Hibernate annotation of that qualified name. */
  static Optional<AnnotationMirror> find(java.util.List<? extends AnnotationMirror> annotations, String name) {
    return Mirrors.find(annotations, name);
  }
}
