package dev.schemac.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.schemac.processor.read.ElementOrigin;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Places a diagnostic on one of several repeated annotations ({@code @Index} twice on a
 * record). javac 17 keeps them in a synthesized container ({@code @Index.List}) that has no
 * source position, so its Messager falls back to the record's line; here the n-th annotation
 * of that type is found in the source tree instead.
 */
final class RepeatedAnnotations {
  private RepeatedAnnotations() {}

  /** Reports at the repeated annotation (or its value); false when it cannot be found. */
  static boolean report(ProcessingEnvironment env, Diagnostic.Kind kind, String message, ElementOrigin at) {
    int position = positionInContainer(at);
    if (position < 0) {
      return false;
    }
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return false; // not javac
    }
    TreePath path = trees.getPath(at.element());
    if (path == null || !(path.getLeaf() instanceof ClassTree declaration)) {
      return false;
    }
    Element type = at.annotation().getAnnotationType().asElement();
    int seen = 0;
    for (AnnotationTree tree : declaration.getModifiers().getAnnotations()) {
      Element resolved = trees.getElement(new TreePath(new TreePath(path, tree), tree.getAnnotationType()));
      if (!type.equals(resolved) || seen++ != position) {
        continue;
      }
      Tree target = tree;
      String name = valueName(at);
      if (name != null) {
        for (ExpressionTree argument : tree.getArguments()) {
          if (argument instanceof AssignmentTree assignment && assignment.getVariable() instanceof IdentifierTree id
              && id.getName().contentEquals(name)) {
            target = assignment.getExpression();
          }
        }
      }
      trees.printMessage(kind, message, target, path.getCompilationUnit());
      return true;
    }
    return false;
  }

  /** Which of the container's annotations this is, or -1. */
  private static int positionInContainer(ElementOrigin at) {
    for (AnnotationMirror container : at.element().getAnnotationMirrors()) {
      for (AnnotationValue held : container.getElementValues().values()) {
        if (held.getValue() instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof AnnotationValue inner && inner.getValue() == at.annotation()) {
              return i;
            }
          }
        }
      }
    }
    return -1;
  }

  /** The name of the annotation element whose value is reported, if it was written explicitly. */
  private static String valueName(ElementOrigin at) {
    if (at.value() == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : at.annotation().getElementValues().entrySet()) {
      if (e.getValue() == at.value()) {
        return e.getKey().getSimpleName().toString();
      }
    }
    return null;
  }
}
