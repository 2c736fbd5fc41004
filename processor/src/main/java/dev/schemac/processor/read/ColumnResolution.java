package dev.schemac.processor.read;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A column named in an annotation ({@code @Index}, {@code @Unique}, {@code @Table(indexes)},
 * {@code referencedColumnName}...), found in its table by SQL name or by the Java name of its
 * component or attribute; the message when there is none.
 */
final class ColumnResolution {
  private final Mirrors mirrors;
  private final Diagnostics diagnostics;
  private final EntityNaming naming;

  ColumnResolution(Mirrors mirrors, Diagnostics diagnostics, EntityNaming naming) {
    this.mirrors = mirrors;
    this.diagnostics = diagnostics;
    this.naming = naming;
  }

  /** The column written by its SQL name or its Java name; null when there is none. */
  static String resolve(Draft d, String written) {
    for (Column c : d.columns) {
      if (c.name().equals(written)) {
        return c.name();
      }
    }
    for (Column c : d.columns) {
      if (written.equals(c.javaName())) {
        return c.name();
      }
    }
    return null;
  }

  /** A column named in a JPA annotation: by its physical name, as written, or by the attribute's name. */
  String resolveEntity(Draft d, String written) {
    String column = resolve(d, naming.physical(written));
    return column != null ? column : resolve(d, written);
  }

  /** Columns named in an annotation (SQL or component names), or null after an error. */
  List<String> resolveAll(Draft d, AnnotationMirror ann, String element, String what) {
    List<String> out = new ArrayList<>();
    AnnotationValue value = mirrors.value(ann, element);
    for (String written : mirrors.strings(ann, element)) {
      String column = resolve(d, written.strip());
      if (column == null) {
        if (!failedBefore(d, written.strip())) {
          diagnostics.error(new ElementOrigin(d.type, ann, value), unknownColumn(d, what, written.strip()));
        }
        return null;
      }
      out.add(column);
    }
    return out;
  }

  /** Whether {@code written} names a column that could not be read: its error was reported, this mention is not another. */
  static boolean failedBefore(Draft d, String written) {
    return d.columnsIncomplete || d.failedColumns.contains(written)
        || d.failedColumns.contains(written.toLowerCase(Locale.ROOT));
  }

  static String unknownColumn(Draft d, String what, String written) {
    List<String> names = d.columns.stream().map(Column::name).toList();
    String closest = Suggestions.closest(written.toLowerCase(Locale.ROOT), names);
    return what + " names column '" + written + "', which table '" + d.table + "' does not have"
        + (closest == null ? "." : ": did you mean '" + closest + "'?")
        + " Its columns are: " + String.join(", ", names) + ".";
  }
}
