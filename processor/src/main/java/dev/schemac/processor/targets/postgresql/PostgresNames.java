package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names of a model as PostgreSQL reads them, checked before any SQL is written:
 *
 * <ul>
 *   <li>{@link #INVALID_ID}: every name schemac writes unquoted must be one identifier to
 *       PostgreSQL's lexer: a letter (any non-ASCII character counts as one) or {@code _}, then
 *       letters, digits, {@code _} or {@code $}. Java allows more: a record {@code $Thing} would
 *       become {@code $things}, which PostgreSQL reads as a parameter;</li>
 *   <li>{@link #SYSTEM_ID}: no relation or type may start with {@code pg_}. PostgreSQL creates
 *       {@code public.pg_class} when asked, but every unqualified name is looked up in {@code
 *       pg_catalog} first, so each later statement would reach the system catalog instead.</li>
 * </ul>
 *
 * Each problem is one error on the element the name comes from, with a fix that names a valid
 * name; a name derived from one already reported (the key of a table, its indexes) is not
 * reported again.
 */
public final class PostgresNames {
  public static final String INVALID_ID = ErrorId.INVALID_IDENTIFIER.id();
  public static final String SYSTEM_ID = ErrorId.SYSTEM_CATALOG_NAME.id();

  private PostgresNames() {}

  /**
   * Whether PostgreSQL's lexer reads {@code name} as one unquoted identifier that it keeps as
   * written (an ASCII capital would be folded to lowercase).
   */
  public static boolean lexesAsIdentifier(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c == '_' || c >= 0x80;
      boolean later = c >= '0' && c <= '9' || c == '$';
      if (!(letter || i > 0 && later)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name PostgreSQL gives the sequence of identity column {@code column} of table {@code table}, as its
   * {@code makeObjectName} builds it: {@code <table>_<column>_seq}, and when that is longer than 63 bytes the
   * longer of the two names loses its last bytes first (one at a time, then cut back to a whole UTF-8 character)
   * until the whole fits. PostgreSQL appends a number when that name is already taken by another relation of the
   * schema, which schemac's own names never make it do (PostgresNamespaces refuses a sequence of that name).
   */
  public static String identitySequence(String table, String column) {
    byte[] a = table.getBytes(StandardCharsets.UTF_8);
    byte[] b = column.getBytes(StandardCharsets.UTF_8);
    int available = Identifiers.MAX_BYTES - "_".length() - "_seq".length();
    int aLength = a.length;
    int bLength = b.length;
    while (aLength + bLength > available) {
      if (aLength > bLength) {
        aLength--;
      } else {
        bLength--;
      }
    }
    return prefix(a, aLength) + "_" + prefix(b, bLength) + "_seq";
  }

  /** The longest prefix of at most {@code length} bytes of UTF-8 {@code bytes} that ends on a whole character. */
  private static String prefix(byte[] bytes, int length) {
    int end = length;
    while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) { // bytes[end] continues a character
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** Whether PostgreSQL keeps the name for its catalog: {@code pg_} and anything after it. */
  public static boolean isSystemName(String name) {
    return name != null && name.startsWith("pg_");
  }

  public static List<Problem> check(Schema schema) {
    List<Problem> problems = new ArrayList<>();
    for (Table t : schema.tables()) {
      String fixTable = tableAnnotation(t) + "(name = \"" + Identifiers.suggestion(t.name(), "renamed") + "\")";
      if (!lexesAsIdentifier(t.name())) {
        problems.add(invalid("table name " + t.name(), t.origin(), fixTable + " on " + who(t)));
        continue; // its key, constraints and indexes are named after it
      }
      if (isSystemName(t.name())) {
        problems.add(system("table name " + t.name(), t.origin(), fixTable + " on " + who(t)));
        continue;
      }
      for (Column c : t.columns()) {
        String fix = "@Column(name = \"" + Identifiers.suggestion(c.name(), "value") + "\") on "
            + (c.javaName() == null ? "the column" : c.javaName());
        if (!lexesAsIdentifier(c.name())) {
          problems.add(invalid("column name " + t.qualifiedName() + "." + c.name(), origin(c.origin(), t), fix));
        }
        if (c.type().isNamedEnum() && !lexesAsIdentifier(c.type().enumTypeName())) {
          problems.add(invalid("enum type name " + c.type().enumTypeName(), origin(c.origin(), t),
              "@NativeEnum(name = \"" + Identifiers.suggestion(c.type().enumTypeName(), "status") + "\")"));
        }
        if (c.type().isNamedEnum() && isSystemName(c.type().enumTypeName())) {
          problems.add(system("enum type name " + c.type().enumTypeName(), origin(c.origin(), t),
              "@NativeEnum(name = \"" + Identifiers.suggestion(c.type().enumTypeName(), "status") + "\")"));
        }
      }
      if (t.primaryKey() != null && isSystemName(t.primaryKey().name())) {
        problems.add(system("primary key name " + t.primaryKey().name(), origin(t.primaryKey().origin(), t),
            "give the key another name"));
      }
      for (UniqueConstraint u : t.uniques()) {
        if (isSystemName(u.name())) {
          problems.add(system("unique constraint name " + u.name() + " (its index is a relation)",
              origin(u.origin(), t), "name = \"" + Identifiers.suggestion(u.name(), "unique_key") + "\" on its"
                  + " unique constraint"));
        }
      }
      for (Index i : t.indexes()) {
        if (isSystemName(i.name()) || !lexesAsIdentifier(i.name())) {
          Problem p = isSystemName(i.name())
              ? system("index name " + i.name(), origin(i.origin(), t), indexFix(i))
              : invalid("index name " + i.name(), origin(i.origin(), t), indexFix(i));
          problems.add(p);
        }
      }
    }
    for (Sequence s : schema.sequences()) {
      if (isSystemName(s.name())) {
        problems.add(system("sequence name " + s.qualifiedName(), s.origin(),
            "@SequenceGenerator(sequenceName = \"" + Identifiers.suggestion(s.name(), "id_sequence") + "\")"));
      }
    }
    for (EnumType type : schema.enumTypes()) {
      if (!lexesAsIdentifier(type.name()) || isSystemName(type.name())) {
        boolean reported = schema.tables().stream().flatMap(t -> t.columns().stream())
            .anyMatch(c -> Objects.equals(c.type().enumTypeName(), type.name()));
        if (!reported) {
          problems.add(invalid("enum type name " + type.name(), Origin.NONE,
              "@NativeEnum(name = \"" + Identifiers.suggestion(type.name(), "status") + "\")"));
        }
      }
    }
    return problems;
  }

  private static String indexFix(Index index) {
    return "name = \"" + Identifiers.suggestion(index.name(), "idx") + "\" on its @Index or @Indexed";
  }

  private static String tableAnnotation(Table t) {
    return switch (t.source()) {
      case RECORD -> "@Table";
      case ENTITY -> "@jakarta.persistence.Table";
      case JOIN_TABLE -> "@JoinTable";
      case COLLECTION_TABLE -> "@CollectionTable";
      case GENERATOR_TABLE -> "@TableGenerator";
    };
  }

  private static String who(Table t) {
    String simple = t.sourceType().substring(t.sourceType().lastIndexOf('.') + 1);
    return t.collection() ? "the collection attribute of " + simple : simple;
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }

  private static Problem invalid(String what, Origin at, String fix) {
    return Problem.error(ErrorId.INVALID_IDENTIFIER, what + " is not an identifier PostgreSQL can read"
        + " unquoted (a letter or _, then letters, digits, _ or $; a leading $ reads as a parameter), so the"
        + " generated SQL would not run. Fix: " + fix, at);
  }

  private static Problem system(String what, Origin at, String fix) {
    return Problem.error(ErrorId.SYSTEM_CATALOG_NAME, what + " starts with pg_, which PostgreSQL keeps for its"
        + " system catalog: every unqualified statement looks in pg_catalog first, so later statements on this"
        + " name would reach (or fail on) the catalog's own object instead. Fix: " + fix, at);
  }
}
