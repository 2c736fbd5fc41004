package dev.schemac.processor.read;

import dev.schemac.processor.model.Origin;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a model element came from: the source element to report on and, when the problem is
 * in one annotation value, that annotation and value (so IDEs underline the value itself).
 */
public record ElementOrigin(Element element, AnnotationMirror annotation, AnnotationValue value)
    implements Origin {

  public static ElementOrigin of(Element element) {
    return new ElementOrigin(element, null, null);
  }

  public static ElementOrigin of(Element element, AnnotationMirror annotation) {
    return new ElementOrigin(element, annotation, null);
  }
}
