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
      ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
          genAt, "GenerationType.TABLE keeps its counters in a table of its own (Hibernate's"
          + " hibernate_sequences), which schemac does not create: use GenerationType.SEQUENCE (a database"
          + " sequence) or IDENTITY");
      return null;
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
    List<Element> places = new ArrayList<>();
    places.add(attr.element());
    for (TypeElement t = d.type; t != null; t = EntityAttributes.superclassOf(t)) {
      places.add(t);
    }
    if (attr.element().getEnclosingElement() instanceof TypeElement declaring && !places.contains(declaring)) {
      places.add(declaring);
    }
    if (!generator.isEmpty()) {
      for (TypeElement entity : hierarchy.allEntities()) {
        for (TypeElement t = entity; t != null; t = EntityAttributes.superclassOf(t)) {
          if (!places.contains(t)) {
            places.add(t);
          }
          t.getEnclosedElements().stream().filter(m -> !places.contains(m)).forEach(places::add);
        }
      }
    }
    AnnotationMirror found = null;
    Element foundAt = null;
    for (Element place : places) {
      for (AnnotationMirror sg : ctx.attributes.repeated(place.getAnnotationMirrors(), "SequenceGenerator",
          "SequenceGenerators")) {
        String name = ctx.mirrors.string(sg, "name").strip();
        if (generator.isEmpty() ? name.isEmpty() || places.indexOf(place) <= 1 : name.equals(generator)) {
          found = sg;
          foundAt = place;
          break;
        }
      }
      if (found != null) {
        break;
      }
      for (AnnotationMirror tg : ctx.attributes.repeated(place.getAnnotationMirrors(), "TableGenerator",
          "TableGenerators")) {
        if (!generator.isEmpty() && ctx.mirrors.string(tg, "name").strip().equals(generator)) {
          ctx.diagnostics.error(ErrorId.UNSUPPORTED_MAPPING,
              genAt, "generator '" + generator + "' is a @TableGenerator, which keeps its counters"
              + " in a table of its own; schemac does not create it: use a @SequenceGenerator (or IDENTITY)");
          return false;
        }
      }
    }
    Family family = hierarchy.family(d.type);
    String fallback = generator.isEmpty() ? ctx.entityName(family.root()) + "_seq" : generator;
    String name;
    String schema = null;
    long start = 1;
    long increment = 50;
    Origin at = genAt;
    List<String> suppressions = new ArrayList<>(Suppressions.on(attr.element()));
    suppressions.addAll(Suppressions.around(d.type));
    if (found != null) {
      String sequenceName = ctx.mirrors.string(found, "sequenceName").strip();
      String written = !sequenceName.isEmpty() ? sequenceName
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
        suppressions.stream().distinct().sorted().toList(), at);
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

  /** The sequences of the entities' keys, by qualified name. */
  List<Sequence> sequences() {
    return List.copyOf(sequences.values());
  }
}
