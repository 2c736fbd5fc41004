package dev.schemac.processor.read;

import static dev.schemac.processor.read.JpaContext.jpa;

import java.beans.Introspector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The persistent attributes of an entity, a mapped superclass or an embeddable, as the Jakarta
 * Persistence specification defines them: fields or getters by the access type (section 2.3),
 * {@code @Transient} and {@code transient} left out, {@code @Access} on a class or an attribute
 * honoured, types seen from the entity (so a generic mapped superclass's {@code ID} is the
 * entity's key type).
 */
final class EntityAttributes {
  /**
   * One persistent attribute. {@code path} is its dotted name from the entity ({@code
   * address.city} inside an embedded {@code address}), {@code element} the field or getter that
   * declares it (diagnostics go there), {@code column} the {@code @Column} that applies (an
   * {@code @AttributeOverride}'s, or the attribute's own; null when none), {@code columnAt} the
   * element that {@code column} is written on, {@code joinColumns} those of an {@code
   * @AssociationOverride} when one applies (else null), {@code embeddedIn} the attributes an
   * embedded one sits in, outermost first, {@code convert} the {@code @Convert(attributeName)} an
   * embedding (or collection) attribute states for it (else null: its own {@code @Convert} applies).
   */
  record Attribute(String name, String path, Element element, TypeMirror type, List<AnnotationMirror> annotations,
      AnnotationMirror column, Element columnAt, List<AnnotationMirror> joinColumns, List<Element> embeddedIn,
      AnnotationMirror convert) {

    boolean has(String simpleName) {
      return jpa(annotations, simpleName).isPresent();
    }

    Optional<AnnotationMirror> get(String simpleName) {
      return jpa(annotations, simpleName);
    }
  }

  enum Access { FIELD, PROPERTY }

  private final Types types;
  private final Mirrors mirrors;

  EntityAttributes(Types types, Mirrors mirrors) {
    this.types = types;
    this.mirrors = mirrors;
  }

  /** The access type a class states with {@code @Access}, or null. */
  Access declaredAccess(TypeElement type) {
    return jpa(type.getAnnotationMirrors(), "Access")
        .map(a -> Access.valueOf(mirrors.enumConstant(a, "value"))).orElse(null);
  }

  /**
   * The default access of an entity hierarchy: where its {@code @Id} or {@code @EmbeddedId} is,
   * on a field or on a getter, in the classes given (the root entity and its mapped superclasses).
   */
  Access defaultAccess(List<TypeElement> hierarchy) {
    for (TypeElement type : hierarchy) {
      Access declared = declaredAccess(type);
      if (declared != null && hierarchy.indexOf(type) == 0) {
        return declared;
      }
    }
    for (TypeElement type : hierarchy) {
      for (Element member : type.getEnclosedElements()) {
        if (jpa(member.getAnnotationMirrors(), "Id").isPresent() || jpa(member.getAnnotationMirrors(), "EmbeddedId").isPresent()) {
          return member.getKind() == ElementKind.METHOD ? Access.PROPERTY : Access.FIELD;
        }
      }
    }
    for (TypeElement type : hierarchy) {
      Access declared = declaredAccess(type);
      if (declared != null) {
        return declared;
      }
    }
    return Access.FIELD;
  }

  /**
   * The attributes {@code declaring} declares, in declaration order, seen as members of {@code
   * seenFrom} (the entity or the embeddable holding them), with {@code access} unless the class
   * says otherwise.
   */
  List<Element> declared(TypeElement declaring, Access access) {
    Access classAccess = Optional.ofNullable(declaredAccess(declaring)).orElse(access);
    List<Element> out = new ArrayList<>();
    for (Element member : declaring.getEnclosedElements()) {
      if (member.getModifiers().contains(Modifier.STATIC) || jpa(member.getAnnotationMirrors(), "Transient").isPresent()) {
        continue;
      }
      Access own = jpa(member.getAnnotationMirrors(), "Access")
          .map(a -> Access.valueOf(mirrors.enumConstant(a, "value"))).orElse(null);
      if (member.getKind() == ElementKind.FIELD) {
        if (member.getModifiers().contains(Modifier.TRANSIENT)) {
          continue;
        }
        if (classAccess == Access.FIELD || own == Access.FIELD) {
          out.add(member);
        }
      } else if (member.getKind() == ElementKind.METHOD && propertyName((ExecutableElement) member) != null) {
        if (classAccess == Access.PROPERTY || own == Access.PROPERTY) {
          out.add(member);
        }
      }
    }
    return out;
  }

  /**
   * The Java Beans property of a getter ({@code getUnitPrice} -> {@code unitPrice}, {@code
   * isActive}), or null; a lowercase letter after {@code get} is read as Hibernate reads it.
   */
  static String propertyName(ExecutableElement method) {
    if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID
        || !method.getTypeParameters().isEmpty()) {
      return null;
    }
    // as Hibernate: any letter after get/is (getdescription is property description, getsURL sURL)
    String name = method.getSimpleName().toString();
    if (name.startsWith("get") && name.length() > 3 && Character.isJavaIdentifierStart(name.charAt(3))) {
      return Introspector.decapitalize(name.substring(3));
    }
    if (name.startsWith("is") && name.length() > 2 && Character.isJavaIdentifierStart(name.charAt(2))
        && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
      return Introspector.decapitalize(name.substring(2));
    }
    return null;
  }

  /** An attribute's name: the field's, or the getter's property. */
  static String nameOf(Element member) {
    return member.getKind() == ElementKind.METHOD ? propertyName((ExecutableElement) member) : member.getSimpleName().toString();
  }

  /** The attribute's type as a member of {@code seenFrom} (type variables of a generic superclass resolved). */
  TypeMirror typeOf(Element member, TypeElement seenFrom) {
    TypeMirror type;
    try {
      type = types.asMemberOf((DeclaredType) seenFrom.asType(), member);
    } catch (IllegalArgumentException e) {
      type = member.asType(); // not a member (an unresolved superclass): its declared type
    }
    if (type instanceof ExecutableType method) {
      return method.getReturnType();
    }
    return type;
  }

  /** The {@code @AttributeOverride}s an element carries (repeated or in {@code @AttributeOverrides}), by name. */
  Map<String, AnnotationMirror> overrides(Element element, String single, String container, String value) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    for (AnnotationMirror o : repeated(element.getAnnotationMirrors(), single, container)) {
      out.putIfAbsent(mirrors.string(o, "name").strip(), (AnnotationMirror) mirrors.value(o, value).getValue());
    }
    return out;
  }

  /** The {@code @Convert}s an element carries (repeated or in {@code @Converts}), by {@code attributeName} ("" for none). */
  Map<String, AnnotationMirror> converts(Element element) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    for (AnnotationMirror convert : repeated(element.getAnnotationMirrors(), "Convert", "Converts")) {
      out.putIfAbsent(mirrors.string(convert, "attributeName").strip(), convert);
    }
    return out;
  }

  /** The {@code @AssociationOverride}s of an element: their join columns by attribute name. */
  Map<String, List<AnnotationMirror>> associationOverrides(Element element) {
    Map<String, List<AnnotationMirror>> out = new HashMap<>();
    for (AnnotationMirror o : repeated(element.getAnnotationMirrors(), "AssociationOverride", "AssociationOverrides")) {
      List<AnnotationMirror> columns = new ArrayList<>();
      for (AnnotationValue v : mirrors.list(o, "joinColumns")) {
        columns.add((AnnotationMirror) v.getValue());
      }
      out.putIfAbsent(mirrors.string(o, "name").strip(), Collections.unmodifiableList(columns));
    }
    return out;
  }

  /** A JPA annotation written once or several times (in its container). */
  List<AnnotationMirror> repeated(List<? extends AnnotationMirror> annotations, String single, String container) {
    List<AnnotationMirror> out = new ArrayList<>();
    jpa(annotations, single).ifPresent(out::add);
    jpa(annotations, container).ifPresent(c -> {
      for (AnnotationValue v : mirrors.list(c, "value")) {
        out.add((AnnotationMirror) v.getValue());
      }
    });
    return out;
  }

  /** The class of a declared type, or null (a primitive, an array, an unresolved type). */
  static TypeElement classOf(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  /** The superclass of a class, or null at {@code Object} or when it cannot be resolved. */
  static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
    return parent.getQualifiedName().contentEquals("java.lang.Object") ? null : parent;
  }

  static boolean unresolvedSuperclass(TypeElement type) {
    return type.getSuperclass().getKind() == TypeKind.ERROR;
  }

  /** Whether a class has a field of that name (used to tell an @Id field from an @Id getter). */
  static boolean hasField(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> RELATIONS = Set.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "ElementCollection");
}
