package dev.schemac.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * The schemac rule ids silenced on an element: {@code @SuppressWarnings} values that start with
 * {@code schemac}, and on a package (where javac does not accept {@code @SuppressWarnings})
 * those of {@code @SuppressRules}.
 */
final class Suppressions {
  private static final String SUPPRESS_WARNINGS = "java.lang.SuppressWarnings";
  private static final String SUPPRESS_RULES = "dev.schemac.annotations.SuppressRules";

  private Suppressions() {}

  /** What is written on this element itself. */
  static List<String> on(Element element) {
    List<String> ids = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = Mirrors.typeName(mirror);
      if (name.equals(SUPPRESS_WARNINGS) || name.equals(SUPPRESS_RULES)) {
        mirror.getElementValues().forEach((key, value) -> {
          if (key.getSimpleName().contentEquals("value")) {
            for (Object v : (List<?>) value.getValue()) {
              String id = (String) ((AnnotationValue) v).getValue();
              if (id.equals("schemac") || id.startsWith("schemac:")) {
                ids.add(id);
              }
            }
          }
        });
      }
    }
    return ids;
  }

  /** What is written on a type, the types enclosing it and its package, sorted. */
  static List<String> around(Element type) {
    TreeSet<String> ids = new TreeSet<>();
    for (Element e = type; e != null; e = e.getEnclosingElement()) {
      ids.addAll(on(e));
      if (e.getKind() == ElementKind.PACKAGE) {
        break;
      }
    }
    return List.copyOf(ids);
  }
}
