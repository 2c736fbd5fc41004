package dev.schemac.processor.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations by qualified name through their mirrors, never through {@code
 * getAnnotation}: that way the processor needs no annotation class at run time (JPA's included)
 * and class literals come back as types instead of {@code MirroredTypeException}.
 */
final class Mirrors {
  private final Elements elements;
  /**
   * Each annotation's values, defaults included, by element name: built once per annotation
   * (javac builds a new map, defaults looked up, on every call), for as long as this reader lives.
   */
  private final Map<AnnotationMirror, Map<String, AnnotationValue>> values = new IdentityHashMap<>();

  Mirrors(Elements elements) {
    this.elements = elements;
  }

  /** The compilation's elements: doc comments of types the readers reach beyond the tables. */
  Elements elements() {
    return elements;
  }

  static String typeName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  static Optional<AnnotationMirror> find(List<? extends AnnotationMirror> mirrors, String name) {
    for (AnnotationMirror mirror : mirrors) {
      if (typeName(mirror).equals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static Optional<AnnotationMirror> find(Element element, String name) {
    return find(element.getAnnotationMirrors(), name);
  }

  /** Every occurrence of a repeatable annotation, whether written once or several times. */
  List<AnnotationMirror> findRepeated(Element element, String name, String containerName) {
    return findRepeated(element.getAnnotationMirrors(), name, containerName);
  }

  /** Every occurrence of a repeatable annotation among {@code annotations}. */
  List<AnnotationMirror> findRepeated(List<? extends AnnotationMirror> annotations, String name, String containerName) {
    List<AnnotationMirror> found = new ArrayList<>();
    find(annotations, name).ifPresent(found::add);
    find(annotations, containerName)
        .ifPresent(container -> {
          for (AnnotationValue v : list(container, "value")) {
            found.add((AnnotationMirror) v.getValue());
          }
        });
    return found;
  }

  AnnotationValue value(AnnotationMirror mirror, String name) {
    AnnotationValue value = values.computeIfAbsent(mirror, this::valuesWithDefaults).get(name);
    if (value == null) {
      throw new IllegalArgumentException(typeName(mirror) + " has no element " + name);
    }
    return value;
  }

  private Map<String, AnnotationValue> valuesWithDefaults(AnnotationMirror mirror) {
    Map<String, AnnotationValue> byName = new HashMap<>();
    elements.getElementValuesWithDefaults(mirror).forEach((k, v) -> byName.put(k.getSimpleName().toString(), v));
    return byName;
  }

  /** The value as written, or null when the element was left at its default. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }

  int integer(AnnotationMirror mirror, String name) {
    return (Integer) value(mirror, name).getValue();
  }

  long longValue(AnnotationMirror mirror, String name) {
    return ((Number) value(mirror, name).getValue()).longValue();
  }

  boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name).getValue();
  }

  String enumConstant(AnnotationMirror mirror, String name) {
    return ((VariableElement) value(mirror, name).getValue()).getSimpleName().toString();
  }

  TypeMirror type(AnnotationMirror mirror, String name) {
    return (TypeMirror) value(mirror, name).getValue();
  }

  @SuppressWarnings("unchecked")
  List<AnnotationValue> list(AnnotationMirror mirror, String name) {
    Object v = value(mirror, name).getValue();
    return v instanceof List<?> l ? (List<AnnotationValue>) l : List.of(value(mirror, name));
  }

  List<String> strings(AnnotationMirror mirror, String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue v : list(mirror, name)) {
      out.add((String) v.getValue());
    }
    return out;
  }
}
