package dev.schemac.processor.read;

import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Questions about a component's or an attribute's Java type that both front ends ask. */
final class JavaTypes {
  private static final Pattern TYPE_ANNOTATION = Pattern.compile("@[\\w.$]+(\\([^)]*\\))?\\s+");

  private JavaTypes() {}

  /** Whether javac could not resolve the type or one of its parts (it reports that itself). */
  static boolean containsErrorType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return containsErrorType(array.getComponentType());
    }
    return type instanceof DeclaredType declared
        && declared.getTypeArguments().stream().anyMatch(JavaTypes::containsErrorType);
  }

  static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  /** Whether the type is a class of one of these qualified names. */
  static boolean isDeclared(TypeMirror type, Set<String> names) {
    return type.getKind() == TypeKind.DECLARED && names.contains(qualifiedName(type));
  }

  /** The qualified name of a declared type's class; "" for any other type. */
  static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
  }

  /**
   * {@code @org.jspecify.annotations.Nullable java.lang.String} -> {@code java.lang.String}: a
   * class file keeps no TYPE_USE annotations (JDK 17), and the snapshot must not differ by where
   * the type was read from.
   */
  static String withoutTypeAnnotations(String type) {
    return type.indexOf('@') < 0 ? type : TYPE_ANNOTATION.matcher(type).replaceAll("");
  }

  /** {@code com.example.Order} -> {@code Order}. */
  static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
