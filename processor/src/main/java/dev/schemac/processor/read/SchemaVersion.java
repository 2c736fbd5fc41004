package dev.schemac.processor.read;

import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The compilation's {@code @Schema} declaration, on a package-info or a type (the same meaning
 * in both places), or none (an unversioned build). The packages of the table records are
 * looked at too, so that a build that recompiles only some records still finds the
 * package-info's declaration in its class file.
 */
public record SchemaVersion(Declaration declaration, List<Problem> problems) {
  /** {@code @Schema(version, description, drops)} and where it is written. */
  public record Declaration(int version, String description, List<DropAcknowledgment> drops,
      boolean singleTransaction, Element element, Origin origin, Map<String, String> timeouts,
      Map<String, Origin> timeoutOrigins) {}

  /**
   * Whether the build must stop here: an error of the declaration, or an annotation in it that javac
   * could not resolve (javac reports that itself; the note says why nothing is written).
   */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR
        || p.errorId().orElse(null) == ErrorId.UNRESOLVED_TYPE);
  }

  private static final String SCHEMA = "dev.schemac.annotations.Schema";
  private static final String DROP = "dev.schemac.annotations.Drop";

  public static SchemaVersion find(Elements elements, Set<String> types, Set<String> packages,
      List<TypeElement> tableTypes) {
    Map<String, Element> candidates = new LinkedHashMap<>();
    for (String name : packages) {
      PackageElement p = elements.getPackageElement(name);
      if (p != null) {
        candidates.put("package " + name, p);
      }
    }
    for (TypeElement table : tableTypes) {
      PackageElement p = elements.getPackageOf(table);
      if (Mirrors.find(p, SCHEMA).isPresent()) {
        candidates.putIfAbsent("package " + p.getQualifiedName(), p);
      }
    }
    for (String name : types) {
      TypeElement t = elements.getTypeElement(name);
      if (t != null) {
        candidates.put("type " + name, t);
      }
    }
    List<Problem> problems = new ArrayList<>();
    if (candidates.isEmpty()) {
      return new SchemaVersion(null, problems);
    }
    List<String> where = new ArrayList<>(candidates.keySet());
    if (candidates.size() > 1) {
      for (Element e : candidates.values()) {
        problems.add(Problem.error(ErrorId.DUPLICATE_SCHEMA,
            "@Schema is declared " + candidates.size() + " times in this compilation ("
            + String.join(", ", where) + "): declare the version once, on one package-info.java or type.",
            ElementOrigin.of(e, Mirrors.find(e, SCHEMA).orElse(null))));
      }
      return new SchemaVersion(null, problems);
    }
    Element element = candidates.values().iterator().next();
    AnnotationMirror schema = Mirrors.find(element, SCHEMA).orElseThrow();
    Mirrors mirrors = new Mirrors(elements);
    List<DropAcknowledgment> drops = new ArrayList<>();
    for (AnnotationValue v : mirrors.list(schema, "drops")) {
      if (!(v.getValue() instanceof AnnotationMirror drop) || !Mirrors.typeName(drop).equals(DROP)) {
        // @Drop without its import: javac reports "cannot find symbol", and the value is not our annotation
        problems.add(Problem.note(ErrorId.UNRESOLVED_TYPE, "@Schema(drops) holds " + v + ", which javac could not"
            + " resolve to " + DROP + ", so schemac writes nothing in this compilation. Fix: import " + DROP,
            ElementOrigin.of(element, schema)));
        return new SchemaVersion(null, problems);
      }
      String column = mirrors.string(drop, "column");
      drops.add(new DropAcknowledgment(mirrors.string(drop, "table"), column.isEmpty() ? null : column));
    }
    Map<String, String> timeouts = new LinkedHashMap<>();
    Map<String, Origin> timeoutOrigins = new LinkedHashMap<>();
    for (String name : List.of("lockTimeout", "statementTimeout", "nonTransactionalStatementTimeout")) {
      String value = mirrors.string(schema, name);
      if (!value.isBlank()) {
        timeouts.put(name, value);
        timeoutOrigins.put(name, new ElementOrigin(element, schema, mirrors.value(schema, name)));
      }
    }
    Declaration d = new Declaration(mirrors.integer(schema, "version"), mirrors.string(schema, "description"), drops,
        mirrors.bool(schema, "singleTransaction"), element, ElementOrigin.of(element, schema), timeouts,
        timeoutOrigins);
    return new SchemaVersion(d, problems);
  }
}
