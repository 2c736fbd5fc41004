package dev.schemac.processor.read;

import dev.schemac.processor.model.Column.Identity;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.read.EntityAttributes.Attribute;
import dev.schemac.processor.read.EntityHierarchy.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * How an entity's key is generated ({@code @GeneratedValue}): an identity column, a sequence the
 * application draws from ({@code @SequenceGenerator}, as Hibernate 6 finds it), or a generated
 * UUID; and the sequences of the compilation.
 */
final class IdGenerators {
  private final JpaContext ctx;
  private final EntityHierarchy hierarchy;
  /** The sequences of the keys, by qualified name. */
  private final Map<String, Sequence> sequences = new TreeMap<>();
  /** The tables of the {@code @TableGenerator}s, by qualified name. */
  private final Map<String, Draft> tables = new TreeMap<>();

  IdGenerators(JpaContext ctx, EntityHierarchy hierarchy) {
    this.ctx = ctx;
    this.hierarchy = hierarchy;
  }

  /** A key column's generation: identity or none, and its default (the UUID key's). */
  record Generation(Identity identity, ColumnDefault defaultValue) {}

  /**
   * The generation {@code @GeneratedValue} asks for on a key column of type {@code sqlType};
   * {@code defaultValue} is the default schemac's own annotations gave it. Null after an error.
   */
  Generation generation(Draft d, Attribute attr, AnnotationMirror generated, TypeMirror type, LogicalType sqlType,
      ColumnDefault defaultValue) {
    String strategy = ctx.mirrors.enumConstant(generated, "strategy");
    ElementOrigin genAt = new ElementOrigin(attr.element(), generated, Mirrors.explicitValue(generated, "strategy"));
    boolean integral = sqlType.kind().isIntegral() && !sqlType.array();
    boolean uuid = sqlType.kind() == Kind.UUID && !sqlType.array();
    if (strategy.equals("IDENTITY")) {
      if (!integral) {
        ctx.diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
            genAt, "GenerationType.IDENTITY needs a number: declare " + attr.name() + " as Long (or"
            + " long, Integer, int, Short), or use GenerationType.UUID for a UUID");
        return null;
      }
      return new Generation(Identity.BY_DEFAULT, defaultValue);
    } else if (integral && (strategy.equals("SEQUENCE") || strategy.equals("AUTO"))) {
      if (!sequence(d, attr, generated, genAt)) {
        return null; // the column is a plain number the application draws from the sequence
      }
    } else if (strategy.equals("TABLE")) {
      if (!integral) {
        ctx.diagnostics.error(ErrorId.WRONG_JAVA_TYPE, genAt, "GenerationType.TABLE draws numbers: declare " + attr.name() + " as Long (or"
            + " long, Integer, int), or use GenerationType.UUID for a UUID");
        return null;
      }
      if (!table(d, attr, generated, genAt)) {
        return null;
      }
    } else if (strategy.equals("SEQUENCE")) {
      ctx.diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
          genAt, "GenerationType.SEQUENCE draws numbers: declare " + attr.name() + " as Long (or"
          + " long, Integer, int), or use GenerationType.UUID for a UUID");
      return null;
    } else if (uuid && (strategy.equals("UUID") || strategy.equals("AUTO"))) {
      if (defaultValue == null) {
        return new Generation(Identity.NONE, ColumnDefault.RANDOM_UUID);
      }
    } else if (!(strategy.equals("UUID") || strategy.equals("AUTO")) || sqlType.kind() != Kind.STRING) {
      ctx.diagnostics.error(ErrorId.WRONG_JAVA_TYPE,
          genAt, "@GeneratedValue(strategy = " + strategy + ") cannot generate " + type + " keys:"
          + " use a number with IDENTITY, or a UUID with GenerationType.UUID");
      return null;
    }
    return new Generation(Identity.NONE, defaultValue);
  }

  /**
   * The sequence a {@code SEQUENCE} (or {@code AUTO}, on a number) key draws from, as Hibernate 6
   * finds it: the {@code @SequenceGenerator} the {@code generator} names (on the attribute, the
   * entity and its superclasses, or any entity: generator names are global), or an unnamed one on
   * the attribute or the entity; without one, a sequence named like the generator, or {@code
   * <root entity name>_seq}. False after an error.
   */
  private boolean sequence(Draft d, Attribute attr, AnnotationMirror generated, ElementOrigin genAt) {
    String generator = ctx.mirrors.string(generated, "generator").strip();
    List<Element> places = places(d, attr, generator);
    Found sequence = find(places, generator, "SequenceGenerator", "SequenceGenerators");
    Found table = find(places, generator, "TableGenerator", "TableGenerators");
    if (!generator.isEmpty() && table != null && (sequence == null || places.indexOf(table.at()) < places.indexOf(
        sequence.at()))) {
      return table(d, attr, generated, genAt); // the generator named is a table's
    }
    return sequence(d, attr, generator, sequence == null ? null : sequence.generator(),
        sequence == null ? null : sequence.at(), genAt);
  }

  /** A generator annotation and the element it is written on. */
  private record Found(AnnotationMirror generator, Element at) {}

  /**
   * The first generator of that kind in {@code places}: the one named {@code generator}, or for
   * none an unnamed one, or any on the attribute or the entity (the first two places); null when
   * there is none.
   */
  private Found find(List<Element> places, String generator, String single, String container) {
    for (Element place : places) {
      for (AnnotationMirror g : ctx.attributes.repeated(place.getAnnotationMirrors(), single, container)) {
        String name = ctx.mirrors.string(g, "name").strip();
        if (generator.isEmpty() ? name.isEmpty() || places.indexOf(place) <= 1 : name.equals(generator)) {
          return new Found(g, place);
        }
      }
    }
    return null;
  }

  /**
   * Where a generator may be declared, nearest first, as Hibernate 7 scopes generator names: the
   * attribute, the entity and its superclasses, the class that declares the attribute, and for a
   * named generator the other members of those classes and their packages ({@code
   * package-info.java}). A generator declared on another entity is not seen (Hibernate 7's
   * default; {@code hibernate.jpa.compliance.global_id_generators} makes names global).
   */
  private List<Element> places(Draft d, Attribute attr, String generator) {
    List<Element> places = new ArrayList<>();
    places.add(attr.element());
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement t = d.type; t != null; t = EntityAttributes.superclassOf(t)) {
      classes.add(t);
    }
    if (attr.element().getEnclosingElement() instanceof TypeElement declaring && !classes.contains(declaring)) {
      classes.add(declaring);
    }
    places.addAll(classes);
    if (!generator.isEmpty()) {
      for (TypeElement t : classes) {
        t.getEnclosedElements().stream().filter(m -> !places.contains(m)).forEach(places::add);
      }
      for (TypeElement t : classes) {
        Element pkg = ctx.elements.getPackageOf(t);
        if (!places.contains(pkg)) {
          places.add(pkg);
        }
      }
    }
    return places;
  }

  /** The sequence of a {@code @SequenceGenerator} ({@code found}, may be null for the defaults); false after an error. */
  private boolean sequence(Draft d, Attribute attr, String generator, AnnotationMirror found, Element foundAt,
      ElementOrigin genAt) {
    Family family = hierarchy.family(d.type);
    // Hibernate 6+ names a default sequence <entity name>_SEQ (account_seq once PostgreSQL folds it)
    String fallback = generator.isEmpty() ? ctx.entityName(family.root()) + "_SEQ" : generator;
    String written = fallback;
    String name;
    String schema = null;
    long start = 1;
    long increment = 50;
    Origin at = genAt;
    List<String> suppressions = new ArrayList<>(Suppressions.on(attr.element()));
    suppressions.addAll(Suppressions.around(d.type));
    if (found != null) {
      String sequenceName = ctx.mirrors.string(found, "sequenceName").strip();
      written = !sequenceName.isEmpty() ? sequenceName
          : !ctx.mirrors.string(found, "name").strip().isEmpty() ? ctx.mirrors.string(found, "name").strip() : fallback;
      name = ctx.physical(written, new ElementOrigin(foundAt, found, Mirrors.explicitValue(found,
          sequenceName.isEmpty() ? "name" : "sequenceName")), "sequence name");
      schema = ctx.schemaOf(found, foundAt);
      if ("".equals(schema)) {
        return false;
      }
      start = ctx.mirrors.integer(found, "initialValue");
      increment = ctx.mirrors.integer(found, "allocationSize");
      at = ElementOrigin.of(foundAt, found);
      suppressions = new ArrayList<>(Suppressions.on(foundAt));
      Element declaring = foundAt instanceof TypeElement ? foundAt : foundAt.getEnclosingElement();
      suppressions.addAll(Suppressions.around(declaring));
      if (increment == 0) {
        ctx.diagnostics.error(ErrorId.INVALID_SEQUENCE,
            new ElementOrigin(foundAt, found, ctx.mirrors.value(found, "allocationSize")),
            "@SequenceGenerator(allocationSize = 0): a sequence cannot step by 0; Hibernate's default is 50, 1 draws"
                + " one id per call");
        return false;
      }
    } else {
      name = ctx.physical(fallback, genAt, "sequence name");
    }
    if (name == null) {
      return false;
    }
    Sequence sequence = new Sequence(schema, name, start, increment, d.type.getQualifiedName().toString(),
        suppressions.stream().distinct().sorted().toList(), at, ctx.sequenceSpelling(written, name));
    Sequence existing = sequences.get(sequence.qualifiedName());
    if (existing != null && (existing.start() != start || existing.increment() != increment)) {
      ctx.diagnostics.error(ErrorId.CONFLICTING_ANNOTATIONS,
          at, "sequence '" + sequence.qualifiedName() + "' is declared twice with different settings"
          + " (start " + existing.start() + ", increment " + existing.increment() + " for " + existing.sourceType()
          + "; start " + start + ", increment " + increment + " here): one sequence has one increment. Share one"
          + " @SequenceGenerator, or give each its own sequenceName");
      return false;
    }
    sequences.putIfAbsent(sequence.qualifiedName(), sequence);
    return true;
  }

  /**
   * The table a {@code TABLE} key draws from, as Hibernate 7 creates it: the {@code
   * @TableGenerator} the {@code generator} names (or an unnamed one on the attribute or the
   * entity), its table named after it unless it says {@code table}; without one, Hibernate's
   * {@code hibernate_sequences}; a {@code varchar(255)} key column {@code sequence_name} and a
   * {@code bigint} column {@code next_val} unless it names them. Hibernate inserts
   * a generator's row itself when it first draws from it. False after an error.
   */
  private boolean table(Draft d, Attribute attr, AnnotationMirror generated, ElementOrigin genAt) {
    String generator = ctx.mirrors.string(generated, "generator").strip();
    Found declared = find(places(d, attr, generator), generator, "TableGenerator", "TableGenerators");
    AnnotationMirror found = declared == null ? null : declared.generator();
    Element foundAt = declared == null ? null : declared.at();
    ElementOrigin at = found == null ? genAt : ElementOrigin.of(foundAt, found);
    String table = found == null ? "" : ctx.mirrors.string(found, "table").strip();
    String keyColumn = found == null ? "" : ctx.mirrors.string(found, "pkColumnName").strip();
    String valueColumn = found == null ? "" : ctx.mirrors.string(found, "valueColumnName").strip();
    if (found != null && !ctx.mirrors.string(found, "catalog").isEmpty()) {
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING, new ElementOrigin(foundAt, found, ctx.mirrors.value(found, "catalog")), "@TableGenerator(catalog):"
          + EntityTables.ANOTHER_CATALOG);
      return false;
    }
    if (found != null && !ctx.noOptions(found, foundAt)) {
      return false;
    }
    // Hibernate 7: a @TableGenerator without table names its table after itself; GenerationType.TABLE alone uses its own
    String name = ctx.physical(!table.isEmpty() ? table : found != null ? ctx.mirrors.string(found, "name").strip()
        : "hibernate_sequences", at, "table name");
    String key = ctx.physical(keyColumn.isEmpty() ? "sequence_name" : keyColumn, at, "column name");
    String value = ctx.physical(valueColumn.isEmpty() ? "next_val" : valueColumn, at, "column name");
    String schema = found == null ? null : ctx.schemaOf(found, foundAt);
    if (name == null || key == null || value == null || "".equals(schema)) {
      return false;
    }
    String qualified = dev.schemac.processor.model.Identifiers.qualified(schema, name);
    Draft existing = tables.get(qualified);
    if (existing != null) {
      if (!existing.pkColumns.equals(List.of(key)) || existing.column(value) == null) {
        ctx.diagnostics.error(ErrorId.DUPLICATE_NAME, at, "@TableGenerator table '" + qualified + "' is declared twice with different columns ("
            + existing.columns.get(0).name() + ", " + existing.columns.get(1).name() + " for "
            + existing.type.getQualifiedName() + "; " + key + ", " + value + " here): one table has one shape. Share"
            + " one @TableGenerator, or give each its own table");
        return false;
      }
      return true;
    }
    Draft generatorTable = new Draft(d.type, name, at);
    generatorTable.entity = true;
    generatorTable.collectionTable = true;
    generatorTable.generatorTable = true;
    generatorTable.schema = schema;
    generatorTable.doc = DocComment.parse(null);
    List<String> suppressions = Suppressions.around(foundAt == null ? d.type
        : foundAt instanceof TypeElement ? foundAt : foundAt.getEnclosingElement());
    generatorTable.columns.add(new dev.schemac.processor.model.Column(key, null, null, LogicalType.string(255), false,
        null, Identity.NONE, List.of(), null, null, suppressions, at));
    generatorTable.columns.add(new dev.schemac.processor.model.Column(value, null, null, LogicalType.of(Kind.INT64), true,
        null, Identity.NONE, List.of(), null, null, suppressions, at));
    generatorTable.pkColumns.add(key);
    generatorTable.reportOn.put(key, foundAt == null ? attr.element() : foundAt);
    generatorTable.reportOn.put(value, foundAt == null ? attr.element() : foundAt);
    EntityState state = ctx.state(generatorTable);
    state.tableAnnotation = found; // its uniqueConstraints and indexes, read as @Table's (none without one)
    state.tableAt = foundAt == null ? attr.element() : foundAt;
    state.collectionTable = true;
    tables.put(qualified, generatorTable);
    return true;
  }

  /** The tables of the {@code @TableGenerator}s, by qualified name. */
  List<Draft> tables() {
    return List.copyOf(tables.values());
  }

  /** The sequences of the entities' keys, by qualified name. */
  List<Sequence> sequences() {
    return List.copyOf(sequences.values());
  }
}
