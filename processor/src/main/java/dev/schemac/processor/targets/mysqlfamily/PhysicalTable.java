package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.targets.UnsupportedFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table as InnoDB holds it, beyond what the model says:
 *
 * <ul>
 *   <li>every key is an index ({@link Key}): UNIQUE constraints, the model's indexes, with a
 *       prefix length on a TEXT or BLOB column of an ordinary index, and one index per foreign key
 *       that no other index leads with: InnoDB builds that one itself, named after the
 *       constraint, drops it silently when another index comes to lead with the columns and then
 *       refuses to drop that other index ("needed in a foreign key constraint"). schemac writes it
 *       explicitly and adds and drops it itself, so that every up and down works;
 *   <li>generated columns ({@link Generated}), virtual and invisible: {@value #LIVE_ROW} on a
 *       soft-delete table, 1 on live rows and NULL on deleted ones, which ends every UNIQUE key so
 *       that it holds among live rows only (NULLs never collide); and on MariaDB, which has no
 *       functional indexes, one column per indexed expression, named after its index;
 *   <li>the CHECKs: an enum's values are its ENUM type, so the CHECK the model derives for them is
 *       not written;
 *   <li>{@code @UpdatedAt}: the column's {@code ON UPDATE current_timestamp(6)}, not a trigger.
 * </ul>
 */
public record PhysicalTable(Table table, List<Key> keys, List<Generated> generated, List<CheckConstraint> checks,
    List<String> problems) {
  /** The generated column that makes a soft-delete table's UNIQUE keys hold among live rows. */
  public static final String LIVE_ROW = "live_row";

  public PhysicalTable {
    keys = List.copyOf(keys);
    generated = List.copyOf(generated);
    checks = List.copyOf(checks);
    problems = List.copyOf(problems);
  }

  /**
   * An index: {@code parts} as the key writes them (quoted column, prefix length, DESC, or a
   * functional key part); {@code leading}: the plain columns it starts with, which a foreign key
   * can use; {@code forForeignKey}: it is the index schemac writes for a foreign key no other index
   * serves.
   */
  public record Key(String name, boolean unique, List<String> parts, List<String> leading, boolean forForeignKey,
      boolean expression) {
    public Key {
      parts = List.copyOf(parts);
      leading = List.copyOf(leading);
    }

    /** Whether a foreign key over {@code columns} can use this index: it leads with them, in order. */
    public boolean serves(List<String> columns) {
      return leading.size() >= columns.size() && leading.subList(0, columns.size()).equals(columns);
    }
  }

  /**
   * A virtual, invisible generated column: its name, type, expression (as written), comment, and
   * the index it is for (null for {@value #LIVE_ROW}, which every UNIQUE key of the table ends with).
   */
  public record Generated(String name, String type, String expression, String comment, String index) {}

  /** Whether {@code column} is an {@code @UpdatedAt} column: ON UPDATE current_timestamp(6). */
  public boolean onUpdate(String column) {
    return table.triggers().stream().anyMatch(t -> t.kind() == Trigger.Kind.SET_UPDATED_AT && t.column().equals(column));
  }

  /** The key of that name. */
  public java.util.Optional<Key> key(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The generated columns of one index (MariaDB's expression indexes), in key order. */
  public List<Generated> generatedFor(String index) {
    return generated.stream().filter(g -> index.equals(g.index())).toList();
  }

  /** The table as {@code dialect}'s engine holds it. */
  public static PhysicalTable of(Table table, MySqlFamilyDialect dialect) {
    Engine engine = dialect.engine();
    List<Key> keys = new ArrayList<>();
    List<Generated> generated = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean softDelete = table.softDeleteColumn() != null && (!table.uniques().isEmpty()
        || table.indexes().stream().anyMatch(i -> UnsupportedFeatures.liveRowsOnly(table, i)));
    if (softDelete) {
      generated.add(new Generated(LIVE_ROW, "tinyint",
          "IF(" + dialect.quote(table.softDeleteColumn()) + " IS NULL, 1, NULL)",
          "schemac: 1 on live rows, NULL on soft-deleted ones; ends each UNIQUE key so that it holds among live rows",
          null));
    }
    for (UniqueConstraint unique : table.uniques()) {
      List<String> parts = new ArrayList<>();
      unique.columns().forEach(c -> parts.add(dialect.quote(c)));
      if (softDelete) {
        parts.add(LIVE_ROW);
      }
      keys.add(new Key(unique.name(), true, parts, unique.columns(), false, false));
    }
    for (Index index : table.indexes()) {
      keys.add(key(table, index, dialect, engine, generated, problems));
    }
    for (ForeignKey fk : table.foreignKeys()) {
      boolean served = table.primaryKey() != null && new Key("", true, List.of(), table.primaryKey().columns(), false,
          false).serves(fk.columns()) || keys.stream().anyMatch(k -> k.serves(fk.columns()));
      if (!served) {
        keys.add(new Key(fk.name(), false, fk.columns().stream().map(dialect::quote).toList(), fk.columns(), true,
            false));
      }
    }
    List<CheckConstraint> checks = table.checks().stream().filter(c -> !enforcedByType(table, c)).toList();
    return new PhysicalTable(table, keys, generated, checks, problems);
  }

  /** An enum's values are its column's ENUM type: the model's CHECK on them says nothing more. */
  static boolean enforcedByType(Table table, CheckConstraint check) {
    return check.condition() instanceof Condition.OneOf oneOf && !oneOf.elements()
        && table.column(oneOf.column()).map(c -> c.type().isEnum() && c.type().enumValues().equals(oneOf.values()))
            .orElse(false);
  }

  private static Key key(Table table, Index index, MySqlFamilyDialect dialect, Engine engine, List<Generated> generated,
      List<String> problems) {
    List<String> parts = new ArrayList<>();
    List<String> leading = new ArrayList<>();
    boolean plain = true;
    boolean expression = false;
    int budget = MySqlFamilyDialect.MAX_KEY_BYTES;
    int lobs = 0;
    for (Index.Element e : index.elements()) {
      if (e.column() != null) {
        LogicalType type = table.column(e.column()).map(Column::type).orElse(LogicalType.string());
        int bytes = MySqlFamilyDialect.keyBytes(type);
        if (bytes < 0 || bytes > MySqlFamilyDialect.MAX_KEY_BYTES / 2) {
          lobs++;
        } else {
          budget -= bytes;
        }
      }
    }
    int expressions = (int) index.elements().stream().filter(e -> e.column() == null).count();
    int n = 0;
    for (Index.Element e : index.elements()) {
      String part;
      if (e.column() != null) {
        LogicalType type = table.column(e.column()).map(Column::type).orElse(LogicalType.string());
        int bytes = MySqlFamilyDialect.keyBytes(type);
        boolean prefixed = !index.unique() && (bytes < 0 || bytes > MySqlFamilyDialect.MAX_KEY_BYTES / 2);
        part = dialect.quote(e.column());
        if (prefixed) {
          int chars = Math.max(1, budget / Math.max(1, lobs) / (type.kind() == Kind.BINARY || type.kind() == Kind.BLOB ? 1 : 4));
          if (type.kind() == Kind.STRING && type.length() > 0) {
            chars = Math.min(chars, type.length());
          }
          part += "(" + chars + ")";
        }
        if (plain && !prefixed && !e.descending()) {
          leading.add(e.column());
        } else {
          plain = false;
        }
      } else {
        plain = false;
        expression = true;
        String sql = PortableSql.render(e.expression(), dialect);
        if (engine.functionalIndexes()) {
          part = "(" + sql + ")";
        } else {
          String name = expressions == 1 ? index.name() : Identifiers.fit(index.name() + "_" + (++n));
          String type = expressionType(table, e.expression().sql(), dialect);
          if (type == null) {
            problems.add(index.name());
            type = "longtext";
          }
          generated.add(new Generated(name, type, sql, "schemac: the expression of index " + index.name()
              + " (MariaDB indexes an expression through a generated column)", index.name()));
          part = dialect.quote(name);
        }
      }
      if (e.descending()) {
        part += " DESC";
      }
      parts.add(part);
    }
    if (UnsupportedFeatures.liveRowsOnly(table, index)) {
      parts.add(LIVE_ROW); // NULL on deleted rows: unique among live rows only
    }
    return new Key(index.name(), index.unique(), parts, leading, false, expression);
  }

  private static final Pattern CALL = Pattern.compile("\\s*([a-z_]+)\\s*\\(\\s*\"?([a-z_][a-z0-9_]*)\"?\\s*\\)\\s*",
      Pattern.CASE_INSENSITIVE);

  /**
   * The type of a generated column that holds {@code expression}, for the calls whose type schemac
   * knows: a string function of one column has that column's type, {@code md5} 32 characters,
   * {@code date} a date; null for anything else.
   */
  static String expressionType(Table table, String expression, MySqlFamilyDialect dialect) {
    Matcher m = CALL.matcher(expression);
    if (!m.matches()) {
      return null;
    }
    String function = m.group(1).toLowerCase(Locale.ROOT);
    Column column = table.column(m.group(2)).orElse(null);
    if (column == null) {
      return null;
    }
    LogicalType type = column.type();
    return switch (function) {
      case "lower", "upper", "trim", "ltrim", "rtrim", "reverse" -> type.kind() == Kind.STRING && !MySqlFamilyDialect.isLob(type)
          ? dialect.typeName(type) : null;
      case "md5" -> "char(32)";
      case "date" -> type.kind() == Kind.INSTANT || type.kind() == Kind.LOCAL_DATE_TIME ? "date" : null;
      default -> null;
    };
  }
}
