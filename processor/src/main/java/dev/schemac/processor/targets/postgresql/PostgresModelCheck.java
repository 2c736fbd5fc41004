package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL would refuse, or stores in a way the user should hear about, in the columns and
 * indexes of a model, found before any SQL is written (the reader is engine-neutral; these are
 * PostgreSQL's own limits): a bounded string longer than its varchar takes, a numeric of more
 * digits than it keeps, an index option the
 * chosen access method does not have, an operator class of another access method; and a warning
 * on a {@code @Lob}, which Hibernate keeps in a large object on PostgreSQL only.
 */
final class PostgresModelCheck {
  /** The longest varchar PostgreSQL accepts. */
  static final int VARCHAR_LIMIT = 10_485_760;

  /** The most digits a PostgreSQL numeric with a precision keeps. */
  static final int NUMERIC_LIMIT = 1000;

  /** Operator classes that exist for one access method only, by that method. */
  private static final Map<String, Index.Method> OPCLASS_METHODS = Map.of(
      "gin_trgm_ops", Index.Method.INVERTED, "gist_trgm_ops", Index.Method.SPATIAL,
      "jsonb_path_ops", Index.Method.INVERTED, "jsonb_ops", Index.Method.INVERTED, "array_ops", Index.Method.INVERTED,
      "text_pattern_ops", Index.Method.ORDERED, "varchar_pattern_ops", Index.Method.ORDERED,
      "inet_ops", Index.Method.SPATIAL, "range_ops", Index.Method.SPATIAL);

  private PostgresModelCheck() {}

  static List<Problem> check(Schema schema) {
    List<Problem> problems = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        column(table, column, problems);
      }
      for (Index index : table.indexes()) {
        String refused = refusedByMethod(index);
        if (refused != null) {
          problems.add(Problem.error(ErrorId.INVALID_INDEX, "@Index on table " + table.qualifiedName() + ": " + refused
              + " (target " + PostgresTarget.ID + ")", at(index.origin(), table)));
        }
      }
    }
    return problems;
  }

  private static void column(Table table, Column column, List<Problem> problems) {
    String component = column.javaName() == null ? column.name() : column.javaName();
    Origin at = at(column.origin(), table);
    Kind kind = column.type().kind();
    if ((kind == Kind.STRING || kind == Kind.FIXED_STRING) && column.type().length() > VARCHAR_LIMIT) {
      problems.add(Problem.error(ErrorId.INVALID_COLUMN_SIZE, "column " + table.qualifiedName() + "." + column.name()
          + " has length " + column.type().length() + ", and PostgreSQL's varchar and char hold at most " + VARCHAR_LIMIT
          + " characters (target " + PostgresTarget.ID + "). Fix: a length of at most " + VARCHAR_LIMIT + " on "
          + component + ", or unbounded text: no length on a record component, @Column(columnDefinition = \"text\")"
          + " on an entity attribute", at));
    }
    if (kind == Kind.DECIMAL && column.type().precision() > NUMERIC_LIMIT) {
      problems.add(Problem.error(ErrorId.INVALID_COLUMN_SIZE, "column " + table.qualifiedName() + "." + column.name()
          + " has precision " + column.type().precision() + ", and PostgreSQL's numeric keeps at most " + NUMERIC_LIMIT
          + " digits (target " + PostgresTarget.ID + "). Fix: a precision of at most " + NUMERIC_LIMIT + " on "
          + component, at));
    }
    if (kind == Kind.CLOB || kind == Kind.BLOB) {
      problems.add(Problem.warning(ErrorId.LOB, "@Lob on " + table.qualifiedName() + "." + column.name() + " ("
          + component + "): Hibernate keeps a @Lob in a PostgreSQL large object and the column holds only its number"
          + " (oid), so schemac writes oid for Hibernate to work against this schema. SQL then sees a number, and the"
          + " data is not deleted with its row (that needs the lo extension's lo_manage trigger, or vacuumlo). Fix:"
          + " remove @Lob; for a " + (kind == Kind.BLOB ? "byte[] Hibernate then writes bytea"
              : "String add @Column(columnDefinition = \"text\")"), at));
    }
  }

  /** What PostgreSQL refuses in this index for its access method, or null. */
  private static String refusedByMethod(Index index) {
    String method = methodConstant(index.method());
    if (index.unique() && index.method() != Index.Method.ORDERED) {
      return "unique = true needs method BTREE: PostgreSQL's " + method + " indexes cannot be unique";
    }
    if (!index.include().isEmpty() && index.method() != Index.Method.ORDERED && index.method() != Index.Method.SPATIAL) {
      return "include = {...} needs method BTREE or GIST: PostgreSQL's " + method + " indexes cannot include columns";
    }
    if (index.elements().size() > 1 && index.method() == Index.Method.HASH) {
      return "a HASH index has exactly one key column; use BTREE for several";
    }
    for (Index.Element e : index.elements()) {
      Index.Method only = e.opclass() == null ? null : OPCLASS_METHODS.get(e.opclass().sql());
      if (only != null && only != index.method()) {
        return "operator class " + e.opclass().sql() + " exists for method " + methodConstant(only) + " only: add"
            + " method = IndexMethod." + methodConstant(only);
      }
    }
    return null;
  }

  /** The {@code IndexMethod} constant that asks for this intent: PostgreSQL's access method, upper case. */
  private static String methodConstant(Index.Method method) {
    String access = PostgresDialect.accessMethod(method);
    return access == null ? "BTREE" : access.toUpperCase(Locale.ROOT);
  }

  private static Origin at(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }
}
