package dev.schemac.processor.read;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Identifiers;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the parts of the JPA front end share: javac's utilities, the assembler's services, the
 * naming, and the front end's notes on each table ({@link EntityState}). Also the questions every
 * part asks: is it an entity, which JPA annotation is there ({@code jakarta.persistence} or, for
 * older code, {@code javax.persistence}, both by name), what is a logical name's physical name.
 */
final class JpaContext {
  private static final List<String> PACKAGES = List.of("jakarta.persistence.", "javax.persistence.");

  final Elements elements;
  final Types types;
  final Mirrors mirrors;
  final EntityNaming naming;
  final Diagnostics diagnostics;
  final ConstraintNames names;
  final SchemacColumns schemacColumns;
  final ColumnResolution resolution;
  /** The SQL users write, attributed to its target. */
  final UserSql userSql;
  final EntityAttributes attributes;
  final HibernateMappings hibernate;
  /** Another module's tables a relationship may name, read from the class path; null where none may be. */
  final ClassPathTables classPath;
  /**
   * Table names as Hibernate writes them, by the physical name the model uses (the first spelling
   * read wins): {@code Account} for {@code account} under JPA's naming. Only where they differ.
   */
  private final Map<String, String> tableSpellings = new java.util.HashMap<>();
  /** Per table draft: what the front end knows beyond the draft. */
  private final Map<Draft, EntityState> states = new IdentityHashMap<>();

  JpaContext(Elements elements, Types types, Mirrors mirrors, EntityNaming naming, Diagnostics diagnostics,
      ConstraintNames names, SchemacColumns schemacColumns, ColumnResolution resolution, UserSql userSql,
      ClassPathTables classPath) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.naming = naming;
    this.diagnostics = diagnostics;
    this.names = names;
    this.schemacColumns = schemacColumns;
    this.resolution = resolution;
    this.userSql = userSql;
    this.classPath = classPath;
    this.attributes = new EntityAttributes(types, mirrors);
    this.hibernate = new HibernateMappings(diagnostics);
  }

  /** The front end's notes on a table, created on first use. */
  EntityState state(Draft d) {
    return states.computeIfAbsent(d, k -> new EntityState());
  }

  /** The front end's notes on a table, or null when it has none. */
  EntityState existingState(Draft d) {
    return states.get(d);
  }

  static boolean isEntity(TypeElement type) {
    return jpa(type.getAnnotationMirrors(), "Entity").isPresent();
  }

  /** The JPA annotation of that simple name, from jakarta.persistence or javax.persistence. */
  static Optional<AnnotationMirror> jpa(List<? extends AnnotationMirror> annotations, String simpleName) {
    for (String pkg : PACKAGES) {
      Optional<AnnotationMirror> found = Mirrors.find(annotations, pkg + simpleName);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Whether a qualified name is the JPA type of that simple name, in either package. */
  static boolean isJpa(String qualified, String simpleName) {
    return PACKAGES.stream().anyMatch(p -> qualified.equals(p + simpleName));
  }

  static boolean has(List<? extends AnnotationMirror> annotations, String simpleName) {
    return jpa(annotations, simpleName).isPresent();
  }

  static boolean has(Element element, String simpleName) {
    return has(element.getAnnotationMirrors(), simpleName);
  }

  /** Whether the annotation type has that element: javax.persistence before 2.1 has no indexes or foreignKey. */
  static boolean declares(AnnotationMirror annotation, String element) {
    return ElementFilter.methodsIn(annotation.getAnnotationType().asElement().getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals(element));
  }

  /** The physical name of a logical one, checked; null after an error. */
  String physical(String logical, ElementOrigin at, String what) {
    String name = naming.physical(logical.strip());
    if (!Identifiers.isValid(name)) {
      diagnostics.error(ErrorId.INVALID_NAME,
          at, "invalid " + what + " \"" + logical + "\" (\"" + name + "\" as the physical name): write a name"
          + " of letters, digits and _ that does not start with a digit; schemac does not write quoted identifiers");
      return null;
    }
    if (what.equals("table name")) {
      String written = naming.written(logical.strip());
      if (!written.equals(name) && Identifiers.isSpelling(written, name)) {
        tableSpellings.putIfAbsent(name, written);
      }
    }
    return name;
  }

  /** The name as written of a physical table name ({@link #tableSpellings}): {@code name} itself when it has none. */
  String spelling(String name) {
    return tableSpellings.getOrDefault(name, name);
  }

  /**
   * The spelling of a sequence named from {@code logical}, whose physical name is {@code name}: null
   * when it has none other than {@code name} (or no ASCII one, which the model could not hold).
   */
  String sequenceSpelling(String logical, String name) {
    String written = naming.written(logical.strip());
    return !written.equals(name) && Identifiers.isSpelling(written, name) ? written : null;
  }

  /** The entity name: {@code @Entity(name)}, else the simple name. */
  String entityName(TypeElement type) {
    String name = jpa(type.getAnnotationMirrors(), "Entity").map(e -> mirrors.string(e, "name")).orElse("");
    return name.isEmpty() ? type.getSimpleName().toString() : name;
  }

  /**
   * Whether a JPA 3.2 annotation leaves {@code options} empty: SQL appended to the statement,
   * which schemac does not write; reported otherwise.
   */
  boolean noOptions(AnnotationMirror annotation, Element at) {
    if (!declares(annotation, "options") || mirrors.string(annotation, "options").isBlank()) {
      return true;
    }
    diagnostics.error(ErrorId.UNSUPPORTED_MAPPING, new ElementOrigin(at, annotation, mirrors.value(annotation, "options")), "@"
        + Mirrors.simpleName(annotation) + "(options = \"" + mirrors.string(annotation, "options") + "\"): SQL"
        + " appended to the DDL, which schemac does not write; say it with the annotation's other members or"
        + " columnDefinition, or schemac's @Check and @Default");
    return false;
  }

  /**
   * The comment an element states: Hibernate's {@code @Comment}, else the {@code comment} of JPA
   * 3.2's {@code @Table}/{@code @Column}/{@code @JoinColumn}/{@code @JoinTable} ({@code
   * annotation}, may be null); null when none does. A {@code @Comment(on)} (another table's or
   * column's comment) is reported.
   */
  String comment(Element at, List<? extends AnnotationMirror> annotations, AnnotationMirror annotation) {
    List<AnnotationMirror> comments = new java.util.ArrayList<>();
    Mirrors.find(annotations, HibernateMappings.COMMENT).ifPresent(comments::add);
    Mirrors.find(annotations, HibernateMappings.COMMENTS)
        .ifPresent(c -> mirrors.list(c, "value").forEach(v -> comments.add((AnnotationMirror) v.getValue())));
    String found = null;
    for (AnnotationMirror comment : comments) {
      if (!mirrors.string(comment, "on").isBlank()) {
        diagnostics.error(ErrorId.UNSUPPORTED_MAPPING, new ElementOrigin(at, comment, mirrors.value(comment, "on")), "@Comment(on = \""
            + mirrors.string(comment, "on") + "\") comments a secondary table or another column, which schemac does"
            + " not read: put the @Comment on what it is about");
      } else if (found == null) {
        found = mirrors.string(comment, "value");
      }
    }
    if (found != null) {
      return found;
    }
    if (annotation != null && declares(annotation, "comment") && !mirrors.string(annotation, "comment").isEmpty()) {
      return mirrors.string(annotation, "comment");
    }
    return null;
  }

  /** The schema of a schema element ({@code @SequenceGenerator(schema)}, ...): null for the default; "" after an error. */
  String schemaOf(AnnotationMirror annotation, Element at) {
    String written = mirrors.string(annotation, "schema");
    if (written.isBlank()) {
      return null;
    }
    String name = physical(written, new ElementOrigin(at, annotation, mirrors.value(annotation, "schema")), "schema name");
    return name == null ? "" : name;
  }
}
