package dev.schemac.processor.rules;

import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An index that another one already provides: an exact duplicate (the later one is reported), a
 * non-unique B-tree index whose key is a leading prefix of another B-tree index, the primary key
 * or a UNIQUE constraint with the same predicate, or a UNIQUE constraint that repeats the
 * primary key or another one. Other methods (HASH, GIN, GiST, BRIN) only duplicate exactly, and
 * a unique index is never made redundant by a non-unique one: it enforces something.
 */
public final class RedundantIndex extends SchemaRule {
  public RedundantIndex() {
    super("redundant-index", Level.WARNING,
        "An index that another index, the primary key or a UNIQUE constraint already provides.");
  }

  /**
   * What PostgreSQL builds for a primary key, a UNIQUE constraint or an index, in comparable
   * form. {@code keys} are normalized key elements, {@code shown} the same for messages.
   */
  private record Structure(String what, String name, List<String> keys, List<String> shown, Set<String> include,
      boolean unique, Index.Method method, String where, boolean reportable, String column, Origin origin) {}

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      List<Structure> all = structures(table);
      for (int i = 0; i < all.size(); i++) {
        Structure candidate = all.get(i);
        if (!candidate.reportable()) {
          continue;
        }
        for (int j = 0; j < all.size(); j++) {
          Structure other = all.get(j);
          boolean mutual = covers(candidate, other);
          if (i == j || !covers(other, candidate) || mutual && j > i) {
            continue; // of two exact duplicates, the later one is reported
          }
          findings.add(finding(table, candidate, other, mutual));
          break;
        }
      }
    }
    return findings;
  }

  /** Whether {@code b} serves every look-up {@code a} serves, and enforces whatever {@code a} enforces. */
  private static boolean covers(Structure b, Structure a) {
    if (a.method() != b.method() || !a.where().equals(b.where())) {
      return false;
    }
    if (a.unique() && !b.unique()) {
      return false;
    }
    // a's INCLUDE columns serve index-only scans: b must hold them too (a B-tree also in its key)
    Set<String> bColumns = new HashSet<>(b.include());
    if (a.method() == Index.Method.ORDERED) {
      b.keys().forEach(k -> bColumns.add(k.substring(0, k.indexOf(' '))));
    }
    if (!bColumns.containsAll(a.include())) {
      return false;
    }
    if (a.unique() || a.method() != Index.Method.ORDERED) {
      return a.keys().equals(b.keys()); // a unique key enforces more than a longer one; other methods have no prefixes
    }
    return a.keys().size() <= b.keys().size() && b.keys().subList(0, a.keys().size()).equals(a.keys());
  }

  private Finding finding(Table table, Structure redundant, Structure by, boolean duplicate) {
    String relation = duplicate ? "it duplicates"
        : redundant.keys().size() == by.keys().size() ? "it has the same key as"
        : redundant.keys().size() == 1 ? "its column leads" : "its columns lead";
    String message = redundant.what() + " " + redundant.name() + " on " + table.name() + " ("
        + String.join(", ", redundant.shown()) + (redundant.where().isEmpty() ? "" : " WHERE " + redundant.where())
        + ") is redundant: " + relation + " " + by.what() + " " + by.name() + " ("
        + String.join(", ", by.shown()) + "), which serves every look-up it serves"
        + (redundant.unique() ? " and enforces the same uniqueness" : "")
        + ". The database still writes both on every INSERT and on every UPDATE of their columns, and keeps both"
        + " in its log, on disk and in cache, for nothing.";
    String fix = "remove it" + (redundant.what().equals("UNIQUE constraint") ? " (the @Unique)" : "") + ": "
        + by.what() + " " + by.name() + " already serves these look-ups";
    return new Finding(id(), table.qualifiedName(), redundant.column(), message, fix, redundant.origin());
  }

  /** The primary key, then the UNIQUE constraints, then the indexes: the order "later" refers to. */
  private static List<Structure> structures(Table table) {
    List<Structure> out = new ArrayList<>();
    if (table.primaryKey() != null) {
      List<String> cols = table.primaryKey().columns();
      out.add(new Structure("primary key", table.primaryKey().name(), plainKeys(cols), cols, Set.of(), true,
          Index.Method.ORDERED, "", false, null, table.primaryKey().origin()));
    }
    // On a soft-delete table a UNIQUE constraint is a unique index over the live rows.
    String uniqueWhere = table.softDeleteColumn() == null ? "" : normalize(table.softDeleteColumn() + " IS NULL");
    for (UniqueConstraint unique : table.uniques()) {
      List<String> cols = unique.columns();
      out.add(new Structure("UNIQUE constraint", unique.name(), plainKeys(cols), cols, Set.of(), true,
          Index.Method.ORDERED, uniqueWhere, true, cols.size() == 1 ? cols.get(0) : null, unique.origin()));
    }
    for (Index index : table.indexes()) {
      List<String> keys = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (Index.Element e : index.elements()) {
        String target = e.column() != null ? e.column() : "(" + normalize(e.expression().sql()) + ")";
        Index.Nulls nulls = e.nulls() != Index.Nulls.DEFAULT ? e.nulls()
            : e.descending() ? Index.Nulls.FIRST : Index.Nulls.LAST; // PostgreSQL's defaults
        keys.add(target.replace(' ', '\u0000') + " " + (e.opclass() == null ? "-" : e.opclass()) + " "
            + (e.descending() ? "desc" : "asc") + " " + nulls);
        shown.add((e.column() != null ? e.column() : e.expression().sql()) + (e.opclass() == null ? "" : " " + e.opclass())
            + (e.descending() ? " DESC" : "") + (e.nulls() == Index.Nulls.DEFAULT ? "" : " NULLS " + e.nulls()));
      }
      boolean oneColumn = index.elements().size() == 1 && index.elements().get(0).column() != null;
      out.add(new Structure(index.unique() ? "unique index" : "index", index.name(), keys, shown,
          new HashSet<>(index.include()), index.unique(), index.method(),
          index.where() == null ? "" : normalize(index.where().sql()), true,
          oneColumn ? index.elements().get(0).column() : null, index.origin()));
    }
    return out;
  }

  private static List<String> plainKeys(List<String> columns) {
    return columns.stream().map(c -> c + " - asc " + Index.Nulls.LAST).toList();
  }

  /**
   * SQL text in a comparable form: whitespace collapsed, none inside parentheses or around
   * commas, lowercase outside quotes, one pair of enclosing parentheses removed.
   */
  static String normalize(String sql) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    boolean space = false;
    for (char c : sql.strip().toCharArray()) {
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      char last = out.length() == 0 ? '(' : out.charAt(out.length() - 1);
      if (space && last != '(' && last != ',' && c != ')' && c != ',') {
        out.append(' ');
      }
      space = false;
      if (c == '\'' || c == '"') {
        quote = c;
      }
      out.append(quote == 0 ? Character.toLowerCase(c) : c);
    }
    String s = out.toString();
    if (s.startsWith("(") && s.endsWith(")") && enclosing(s)) {
      return normalize(s.substring(1, s.length() - 1));
    }
    return s;
  }

  /** Whether the first parenthesis closes at the very end. */
  private static boolean enclosing(String s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == s.length() - 1;
      }
    }
    return false;
  }
}
