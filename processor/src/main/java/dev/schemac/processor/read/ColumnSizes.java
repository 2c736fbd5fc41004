package dev.schemac.processor.read;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Origin;

/** The bounds of a written length, precision and scale, the same for a record component and an entity attribute. */
final class ColumnSizes {
  private ColumnSizes() {}

  /**
   * Whether a written length is one a bounded string can have. The longest each engine accepts is
   * its target's to check ({@code Target#unsupported}): a length is a fact of the model, the limit
   * a fact of an engine.
   */
  static boolean validLength(int length) {
    return length >= 1;
  }

  /** What is wrong with a length outside {@link #validLength}, without the advice, which differs by front end. */
  static String lengthProblem(int length) {
    return "@Column(length = " + length + ") must be at least 1";
  }

  /**
   * What is wrong with a written precision and scale, or null when they make a numeric type (0, 0:
   * none written). The most digits an engine keeps is its target's to check (PostgreSQL 1000,
   * MariaDB and MySQL 65).
   */
  static String numericProblem(int precision, int scale) {
    if (precision < 0 || scale < 0 || scale > precision && precision > 0 || scale > 0 && precision == 0) {
      return "@Column(precision = " + precision + ", scale = " + scale + ") is not a numeric type: precision must be"
          + " at least 1 and scale 0..precision, e.g. @Column(precision = 12, scale = 2)";
    }
    return null;
  }

  /**
   * Reports what is wrong with a {@code @Column}'s written length, precision and scale (a
   * record's component or an embedded record's), on {@code at}; whether they are fine.
   */
  static boolean check(Diagnostics diagnostics, Origin at, int length, int precision, int scale) {
    if (length != 0 && !validLength(length)) {
      diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, at, lengthProblem(length) + "; leave it out for unbounded text");
      return false;
    }
    String numeric = numericProblem(precision, scale);
    if (numeric != null) {
      diagnostics.error(ErrorId.INVALID_COLUMN_SIZE, at, numeric);
      return false;
    }
    return true;
  }
}
