package dev.schemac.processor.rules;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code text} column with no length bound in the primary key, a UNIQUE constraint or the key
 * of a B-tree index. Enum columns (bounded by their CHECK), {@code varchar(n)}, columns with a
 * CHECK on their length and {@code @Hashed} values (a fixed-length digest) are bounded; GIN, GiST
 * and hash indexes have no such limit, and expressions are not looked into.
 */
public final class UnboundedTextKey extends SchemaRule {
  public UnboundedTextKey() {
    super("unbounded-text-key", Level.WARNING, "A unique or indexed text column without a length bound.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      Map<String, List<String>> keysOf = new LinkedHashMap<>(); // column -> the keys it is in
      if (table.primaryKey() != null) {
        table.primaryKey().columns().forEach(c -> add(keysOf, c, "the primary key"));
      }
      for (UniqueConstraint unique : table.uniques()) {
        unique.columns().forEach(c -> add(keysOf, c, "UNIQUE constraint " + unique.name()));
      }
      for (Index index : table.indexes()) {
        if (index.method() != Index.Method.ORDERED) {
          continue;
        }
        for (Index.Element e : index.elements()) {
          if (e.column() != null) {
            add(keysOf, e.column(), (index.unique() ? "unique index " : "index ") + index.name());
          }
        }
      }
      for (Column column : table.columns()) {
        List<String> keys = keysOf.get(column.name());
        if (keys == null || !isUnboundedText(column, context) || hasLengthCheck(table, column)) {
          continue;
        }
        String component = column.javaName() == null ? column.name() : column.javaName();
        String message = "column " + table.name() + "." + column.name() + " is " + context.typeName(column.type())
            + " without a length bound and is in " + String.join(", ", keys) + ": a B-tree entry must fit in"
            + " about 2700 bytes (a third of a page), so an INSERT or UPDATE of a longer value fails at run time"
            + " with \"index row size ... exceeds btree version 4 maximum 2704\", and long keys bloat the index"
            + " and slow every look-up.";
        boolean unique = keys.stream().anyMatch(k -> !k.startsWith("index "));
        String fix = "@Column(length = 255) on " + component + " (varchar(255): the longest value you accept),"
            + " or, for values that really are long, index a hash instead: @Index(expression = \"md5("
            + column.name() + ")\"" + (unique ? ", unique = true)" : ")");
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static void add(Map<String, List<String>> keysOf, String column, String key) {
    List<String> keys = keysOf.computeIfAbsent(column, c -> new ArrayList<>());
    if (!keys.contains(key)) {
      keys.add(key);
    }
  }

  static boolean isUnboundedText(Column column, RuleContext context) {
    if (column.type().isEnum() || column.has(Column.Marker.HASHED)) {
      return false;
    }
    LogicalType type = context.stored(column.type());
    return type.kind() == Kind.STRING && type.length() == 0;
  }

  /** A CHECK such as {@code char_length(code) <= 100}: a bound as good as varchar(100). */
  private static boolean hasLengthCheck(Table table, Column column) {
    if (table.checks().isEmpty()) {
      return false;
    }
    Pattern bound = Pattern.compile("(?i)\\b(char_length|character_length|length|octet_length)\\s*\\(\\s*\"?"
        + Pattern.quote(column.name()) + "\"?\\s*\\)\\s*(<|<=|between)\\s*\\d+");
    for (CheckConstraint check : table.checks()) {
      if (check.raw() != null && bound.matcher(check.raw().sql()).find()) {
        return true;
      }
    }
    return false;
  }
}
