package dev.schemac.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that no generated script may carry, whatever engine it is for: control characters and
 * broken UTF-16 in anything a user writes that reaches SQL — doc comments and {@code @param}
 * tags, defaults, CHECK expressions, index expressions and predicates, column types, enum
 * labels, names. A NUL makes psql stop reading the line inside a string literal, so the rest of
 * the script is read with the literal still open and the next comment's text runs as SQL; other
 * control characters are invisible in review and mean nothing in a schema. Each is a located
 * error naming the character; tab, line feed and carriage return are white space in SQL and
 * stay allowed in SQL text (doc comments fold them into spaces before they get here).
 *
 * <p>This check holds whatever built the model (a reader, a snapshot); targets still escape
 * what they write, and refuse to write a literal with a control character in it.
 */
public final class UnsafeText {
  /** The id of the error, in the message and in docs/mapping.md. */
  public static final String ID = ErrorId.CONTROL_CHARACTER.id();

  private UnsafeText() {}

  /** The first character of {@code text} no script may carry, as {@code U+0000 (NUL)}, or null when there is none. */
  public static String firstUnsafe(String text, boolean whiteSpaceAllowed) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return describe(c) + " (half of a UTF-16 surrogate pair, which UTF-8 cannot encode)";
      }
      if (whiteSpaceAllowed && (c == '\t' || c == '\n' || c == '\r')) {
        continue;
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return describe(c) + (c == 0 ? " (NUL)" : " (a control character)");
      }
    }
    return null;
  }

  private static String describe(char c) {
    return String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
  }

  /** Every unsafe text of {@code schema}, one error per text, on the element it came from. */
  public static List<Problem> check(Schema schema) {
    List<Problem> problems = new ArrayList<>();
    for (Table t : schema.tables()) {
      String table = "table " + t.qualifiedName();
      name(problems, table, "name", t.name(), t.origin());
      text(problems, "the comment of " + table, t.comment(), false, t.origin(),
          "remove it from the record's Javadoc (the table comment)");
      for (Column c : t.columns()) {
        String column = "column " + t.qualifiedName() + "." + c.name();
        Origin at = c.origin();
        name(problems, column, "name", c.name(), at);
        text(problems, "the comment of " + column, c.comment(), false, at,
            "remove it from the Javadoc @param " + (c.javaName() == null ? c.name() : c.javaName()));
        // a literal is written as one SQL string, which carries no control character, white space ones included
        text(problems, "the DEFAULT of " + column, userText(c.defaultValue()),
            !(c.defaultValue() instanceof ColumnDefault.Literal), at, "remove it from @Default");
        text(problems, "the type of " + column, c.type().rawSql(), false, at, "remove it from the column's type");
        for (String label : c.type().enumValues()) {
          text(problems, "an enum constant of " + column, label, false, at, "rename the constant");
        }
      }
      for (CheckConstraint check : t.checks()) {
        if (check.raw() != null) {
          text(problems, "CHECK " + check.name() + " of " + table, check.raw().sql(), true, origin(check.origin(), t),
              "remove it from the expression");
        } else if (check.condition() instanceof Condition.OneOf oneOf) {
          for (String value : oneOf.values()) {
            text(problems, "a value of CHECK " + check.name() + " of " + table, value, false,
                origin(check.origin(), t), "change the value");
          }
        }
      }
      for (Index index : t.indexes()) {
        Origin at = origin(index.origin(), t);
        for (Index.Element e : index.elements()) {
          text(problems, "the expression of index " + index.name(), e.expression() == null ? null : e.expression().sql(),
              true, at, "remove it from the expression");
        }
        text(problems, "the predicate of index " + index.name(), index.where() == null ? null : index.where().sql(),
            true, at, "remove it from where");
      }
    }
    for (EnumType type : schema.enumTypes()) {
      for (String label : type.labels()) {
        text(problems, "a label of enum type " + type.name(), label, false, Origin.NONE, "rename the constant");
      }
    }
    return problems;
  }

  /** The text of a default the user wrote (a literal's value, or the SQL), null for schemac's own. */
  private static String userText(ColumnDefault value) {
    if (value instanceof ColumnDefault.Literal literal) {
      return literal.text();
    }
    return value instanceof ColumnDefault.Raw raw ? raw.sql().sql() : null;
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }

  private static void name(List<Problem> problems, String what, String part, String name, Origin at) {
    text(problems, "the " + part + " of " + what, name, false, at, "choose a name without it");
  }

  private static void text(List<Problem> problems, String what, String text, boolean whiteSpaceAllowed, Origin at,
      String fix) {
    String unsafe = firstUnsafe(text, whiteSpaceAllowed);
    if (unsafe != null) {
      problems.add(Problem.error(ErrorId.CONTROL_CHARACTER, what + " contains " + unsafe + ": a script that carries it"
          + " can be read differently by psql, JDBC drivers and Flyway (psql stops reading a line at a NUL, inside"
          + " the string literal), so schemac writes none. Fix: " + fix + ".", at));
    }
  }
}
