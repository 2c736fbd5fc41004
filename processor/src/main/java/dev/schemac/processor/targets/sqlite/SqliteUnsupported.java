package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.targets.sqlite.SqliteUserSql.Place;
import dev.schemac.processor.targets.sqlite.SqliteUserSql.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What SQLite cannot express in a schema, beyond what its capabilities rule out: each a located
 * error that names the target and says how to fix it, before anything is written.
 *
 * <ul>
 *   <li>{@code system-catalog-name} (and {@code invalid-identifier}): a name SQLite reserves ({@code sqlite_...}) or cannot read
 *       unquoted;</li>
 *   <li>{@code unsupported-by-target}: a column type, key, default, index method or ordering SQLite has no
 *       form for;</li>
 *   <li>{@code invalid-sql}: SQL the user wrote that SQLite cannot run with its meaning
 *       ({@link SqliteUserSql}); what schemac's reading of SQLite's own SQL does not cover is
 *       the warning {@code unchecked-sql}.</li>
 * </ul>
 */
final class SqliteUnsupported {
  static final ErrorId NAME_ID = ErrorId.SYSTEM_CATALOG_NAME;
  static final ErrorId FEATURE_ID = ErrorId.UNSUPPORTED_BY_TARGET;
  static final ErrorId SQL_ID = ErrorId.INVALID_SQL;
  static final ErrorId UNCHECKED_ID = ErrorId.UNCHECKED_SQL;

  private static final String TARGET = " (target " + SqliteTarget.ID + ")";
  private static final String OR_LEAVE = ", or leave " + SqliteTarget.ID + " out of -Aschemac.targets";

  private final SqliteDialect sql;
  private final List<Problem> problems = new ArrayList<>();

  private SqliteUnsupported(SqliteDialect sql) {
    this.sql = sql;
  }

  static List<Problem> check(Schema schema, SqliteDialect sql) {
    SqliteUnsupported check = new SqliteUnsupported(sql);
    schema.tables().forEach(check::table);
    return check.problems;
  }

  private void error(ErrorId id, String message, Origin origin) {
    problems.add(Problem.error(id, message, origin));
  }

  private static Origin at(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }

  private void table(Table t) {
    if (!names(t)) {
      return; // every other message would name the same table again
    }
    for (Column c : t.columns()) {
      column(t, c);
    }
    for (CheckConstraint check : t.checks()) {
      Rendered r = sql.checkExpression(t, check);
      report(r, "CHECK " + check.name() + " of table " + t.name() + (check.raw() == null ? ""
          : " (" + check.raw().sql() + ")"), at(check.origin(), t), "write the CHECK so that SQLite reads it alike");
    }
    for (Index i : t.indexes()) {
      index(t, i);
    }
    for (Trigger trigger : t.triggers()) {
      Column c = t.column(trigger.column()).orElse(null);
      if (c != null && SqliteDialect.nowOrNull(c.type()) == null) {
        error(FEATURE_ID, "@UpdatedAt column " + t.name() + "." + c.name() + " holds " + SqliteTypes.storageWords(c.type())
            + ", which SQLite cannot set to the current time" + TARGET + ". Fix: declare it Instant (or"
            + " LocalDateTime, LocalDate)" + OR_LEAVE + ".", at(c.origin(), t));
      }
    }
  }

  /** The table's names; false when one is wrong. */
  private boolean names(Table t) {
    boolean ok = name(t.name(), "table " + t.name(), t.origin(), "@Table(name = \"" + fixed(t.name()) + "\")");
    for (Column c : t.columns()) {
      ok &= name(c.name(), "column " + t.name() + "." + c.name(), at(c.origin(), t),
          "@Column(name = \"" + fixed(c.name()) + "\")");
    }
    for (Index i : t.indexes()) {
      ok &= name(i.name(), "index " + i.name() + " of table " + t.name(), at(i.origin(), t),
          "name = \"" + fixed(i.name()) + "\" on the @Index");
    }
    for (UniqueConstraint u : t.uniques()) {
      ok &= name(u.name(), "the unique index " + u.name() + " of table " + t.name(), at(u.origin(), t),
          "name = \"" + fixed(u.name()) + "\" on the @Unique");
    }
    return ok;
  }

  private boolean name(String name, String what, Origin origin, String fix) {
    if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
      error(NAME_ID, what + " starts with sqlite_, a prefix SQLite reserves for its own tables and indexes (\"object"
          + " name reserved for internal use\")" + TARGET + ". Fix: name it otherwise, with " + fix + OR_LEAVE + ".",
          origin);
      return false;
    }
    if (!lexesAsIdentifier(name)) {
      error(ErrorId.INVALID_IDENTIFIER, what + " is not a name SQLite reads unquoted: it must start with a letter or _ and go on with"
          + " letters, digits, _ or $" + TARGET + ". Fix: " + fix + OR_LEAVE + ".", origin);
      return false;
    }
    return true;
  }

  /** Whether SQLite's tokenizer reads {@code name} as one identifier (any non-ASCII character is a letter there). */
  static boolean lexesAsIdentifier(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
      boolean later = c >= '0' && c <= '9' || c == '$';
      if (!(letter || i > 0 && later)) {
        return false;
      }
    }
    return true;
  }

  private static String fixed(String name) {
    String s = name.replaceFirst("(?i)^sqlite_", "").replaceAll("[^A-Za-z0-9_\\x{80}-\\x{10FFFF}]", "_");
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "t_" + s : s;
  }

  private void column(Table t, Column c) {
    LogicalType type = c.type();
    Origin origin = at(c.origin(), t);
    String what = "column " + t.name() + "." + c.name();
    if (type.kind() == Kind.RAW) {
      if (!type.raw().target().equals(SqliteTarget.ID)) {
        error(FEATURE_ID, what + " has type " + type.rawSql() + ", written for target " + type.raw().target()
            + ", which SQLite has no such type for" + TARGET + ". Fix: remove the type from the annotation, so that"
            + " schemac maps the Java type" + OR_LEAVE + ".", origin);
        return;
      }
      if (!SqliteTypes.STRICT_TYPES.contains(type.rawSql().strip().toLowerCase(Locale.ROOT)) || type.array()) {
        error(FEATURE_ID, what + " has type " + type.rawSql() + ", and a STRICT table takes only integer, int, real,"
            + " text, blob and any" + TARGET + ". Fix: write one of those, or remove the type so that schemac maps"
            + " the Java type.", origin);
        return;
      }
    }
    if (c.identity() == Column.Identity.ALWAYS) {
      error(FEATURE_ID, what + " is generated ALWAYS, and SQLite cannot refuse a key the application gives" + TARGET
          + ". Fix: @Id(generated = Id.Generated.IDENTITY) (BY DEFAULT)" + OR_LEAVE + ".", origin);
    } else if (c.identity() != Column.Identity.NONE && !SqliteDialect.isRowidKey(t, c)) {
      error(FEATURE_ID, what + " is an identity column, and SQLite generates values only for the table's one-column"
          + " integer primary key (the rowid)" + TARGET + ". Fix: make it the only key column, or let the"
          + " application give its values" + OR_LEAVE + ".", origin);
    }
    if (c.isGenerated()) {
      report(sql.generationExpression(t, c), "the expression of generated column " + what + " ("
          + c.generated().sql() + ")", origin, "write an expression SQLite reads alike");
    }
    ColumnDefault value = c.defaultValue();
    if (value instanceof ColumnDefault.Now && SqliteDialect.nowOrNull(type) == null) {
      error(FEATURE_ID, what + " defaults to the current time, and SQLite stores it as " + SqliteTypes.storageWords(type)
          + TARGET + ". Fix: declare it Instant, LocalDateTime or LocalDate" + OR_LEAVE + ".", origin);
    } else if (value instanceof ColumnDefault.RandomUuid && (type.kind() != Kind.UUID || type.array())) {
      error(FEATURE_ID, what + " defaults to a random UUID, and is no UUID column" + TARGET + ". Fix: declare it"
          + " UUID" + OR_LEAVE + ".", origin);
    } else if (value instanceof ColumnDefault.Literal literal && sql.literal(type, literal) == null) {
      error(FEATURE_ID, what + " defaults to " + (literal.kind() == ColumnDefault.LiteralKind.STRING ? "'"
          + literal.text() + "'" : literal.text()) + ", which SQLite cannot store in it as "
          + SqliteTypes.storageWords(type) + TARGET + ". Fix: write a default of the column's type ("
          + (type.kind() == Kind.UUID ? "a UUID in its 36-character form" : "a literal of " + type.kind()
          .toString().toLowerCase(Locale.ROOT)) + ")" + OR_LEAVE + ".", origin);
    } else if (value instanceof ColumnDefault.Raw) {
      report(sql.rawDefault(t, c), "the DEFAULT of " + what + " (" + ((ColumnDefault.Raw) value).sql().sql() + ")",
          origin, "write a literal @Default, or one SQLite reads alike");
    }
  }

  private void index(Table t, Index i) {
    Origin origin = at(i.origin(), t);
    String what = "index " + i.name() + " of table " + t.name();
    if (i.method() == Index.Method.INVERTED || i.method() == Index.Method.SPATIAL) {
      error(FEATURE_ID, what + " asks for " + (i.method() == Index.Method.INVERTED ? "an inverted index (GIN)"
          : "a search tree (GiST)") + ", and SQLite has only B-tree indexes, which do not serve what those are for"
          + TARGET + ". Fix: remove method (a B-tree index), or use a full-text (FTS5) table by hand" + OR_LEAVE + ".",
          origin);
      return;
    }
    for (Index.Element e : i.elements()) {
      if (e.opclass() != null) {
        error(FEATURE_ID, what + " names operator class " + e.opclass().sql() + ", and SQLite has none" + TARGET
            + ". Fix: remove opclass" + OR_LEAVE + ".", origin);
        return;
      }
      if (e.nulls() != Index.Nulls.DEFAULT) {
        error(FEATURE_ID, what + " sorts NULLS " + e.nulls() + ", and SQLite's indexes sort NULL first, always"
            + TARGET + ". Fix: remove NULLS " + e.nulls() + " from the column" + OR_LEAVE + ".", origin);
        return;
      }
      if (e.expression() != null) {
        report(SqliteUserSql.render(e.expression(), t, Place.INDEX_EXPRESSION, sql), "the expression of " + what
            + " (" + e.expression().sql() + ")", origin, "write it so that SQLite reads it alike");
      }
    }
    if (i.unique() && !i.include().isEmpty()) {
      error(FEATURE_ID, "unique " + what + " INCLUDEs " + String.join(", ", i.include()) + ", and SQLite has no"
          + " INCLUDE: as key columns they would change what is unique" + TARGET + ". Fix: remove include"
          + OR_LEAVE + ".", origin);
    }
    if (i.where() != null) {
      report(SqliteUserSql.render(i.where(), t, Place.INDEX_PREDICATE, sql), "the predicate of " + what + " ("
          + i.where().sql() + ")", origin, "write it so that SQLite reads it alike");
    }
  }

  private void report(Rendered rendered, String what, Origin origin, String fix) {
    if (rendered.problem() == null) {
      return;
    }
    if (rendered.warning()) {
      problems.add(Problem.warning(UNCHECKED_ID, what + ": " + rendered.problem() + TARGET + ".",
          origin));
    } else {
      error(SQL_ID, what + " cannot be written for SQLite: " + rendered.problem() + TARGET + ". Fix: " + fix + OR_LEAVE
          + ".", origin);
    }
  }
}
