package dev.schemac.processor.rules;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A nullable column in a multi-column UNIQUE constraint or unique index (NULLs are distinct, so
 * a row with a NULL there never conflicts), or in a composite foreign key (MATCH SIMPLE: one
 * NULL column switches the whole check off). A single nullable unique column is the normal
 * "optional but unique" pattern and does not fire.
 */
public final class NullableKeyColumn extends SchemaRule {
  private static final Pattern NULL_COUNT = Pattern.compile("(?i)\\bnum_(non)?nulls\\s*\\(");
  private static final Pattern NULLS_EQUAL = Pattern.compile("(?i)\\bIS\\s+NULL\\s*\\)\\s*=\\s*\\(");

  public NullableKeyColumn() {
    super("nullable-key-column", Level.WARNING, "A nullable column in a unique constraint or a composite foreign key.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      Map<Column, List<String>> uniquesOf = new LinkedHashMap<>();
      Map<Column, List<String>> examplesOf = new LinkedHashMap<>(); // a key that can repeat, e.g. (zone, NULL)
      Map<Column, List<String>> foreignKeysOf = new LinkedHashMap<>();
      for (UniqueConstraint unique : table.uniques()) {
        if (unique.columns().size() > 1) {
          for (Column c : nullable(table, unique.columns(), null)) {
            add(uniquesOf, c, "UNIQUE constraint " + unique.name() + " (" + String.join(", ", unique.columns()) + ")");
            examplesOf.putIfAbsent(c, unique.columns());
          }
        }
      }
      for (Index index : table.indexes()) {
        if (index.unique() && index.elements().size() > 1) {
          for (Column c : nullable(table, index.columns(), index.where() == null ? null : index.where().sql())) {
            add(uniquesOf, c, "unique index " + index.name() + " (" + String.join(", ", index.columns()) + ")");
            examplesOf.putIfAbsent(c, index.columns());
          }
        }
      }
      for (ForeignKey fk : table.foreignKeys()) {
        if (fk.columns().size() > 1 && !nullTogether(table, fk.columns())) {
          nullable(table, fk.columns(), null).forEach(c -> add(foreignKeysOf, c, "foreign key " + fk.name()
              + " (" + String.join(", ", fk.columns()) + ") -> " + fk.targetTable()));
        }
      }
      for (Column column : table.columns()) {
        List<String> uniques = uniquesOf.getOrDefault(column, List.of());
        List<String> fks = foreignKeysOf.getOrDefault(column, List.of());
        if (uniques.isEmpty() && fks.isEmpty()) {
          continue;
        }
        List<String> harm = new ArrayList<>();
        if (!uniques.isEmpty()) {
          String example = examplesOf.get(column).stream().map(c -> c.equals(column.name()) ? "NULL" : c)
              .collect(Collectors.joining(", ", "(", ")"));
          harm.add("it is in " + String.join(" and ", uniques) + ": NULLs are never equal, so a row with a NULL "
              + column.name() + " conflicts with no other and the same " + example + " can be inserted any number"
              + " of times");
        }
        if (!fks.isEmpty()) {
          harm.add("it is in " + String.join(" and ", fks) + ": a composite foreign key (MATCH SIMPLE) is not"
              + " checked at all once any of its columns is NULL, so the other columns can point at a row that"
              + " does not exist");
        }
        String component = column.javaName() == null ? column.name() : column.javaName();
        String message = "column " + table.name() + "." + column.name() + " is nullable and " + String.join("; and ", harm)
            + ".";
        List<String> optional = optionalReference(table, column);
        String fix = "make " + component + " NOT NULL (" + Fixes.notNull(table) + ")"
            + (uniques.isEmpty() ? "" : "; a UNIQUE constraint that treats NULLs as equal is not written by schemac"
                + " yet")
            + (fks.isEmpty() || optional == null ? "" : "; if the reference is optional, keep its columns NULL"
                + " together with @Check(\"" + nullTogetherCheck(optional) + "\") on " + Fixes.source(table));
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  /** The columns of a composite foreign key of {@code column} that are all nullable: an optional reference. */
  private static List<String> optionalReference(Table table, Column column) {
    return table.foreignKeys().stream()
        .filter(fk -> fk.columns().size() > 1 && fk.columns().contains(column.name()))
        .map(ForeignKey::columns)
        .filter(cols -> cols.stream().allMatch(c -> table.column(c).map(Column::nullable).orElse(false)))
        .findFirst().orElse(null);
  }

  /** The nullable ones among {@code columns}, except those a partial index excludes with IS NOT NULL. */
  private static List<Column> nullable(Table table, List<String> columns, String where) {
    List<Column> out = new ArrayList<>();
    for (String name : columns) {
      Column column = table.column(name).orElse(null);
      if (column == null || !column.nullable()) {
        continue;
      }
      if (where != null && Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\"?\\s+is\\s+not\\s+null\\b")
          .matcher(where).find()) {
        continue;
      }
      out.add(column);
    }
    return out;
  }

  /**
   * A CHECK that keeps {@code columns} NULL together, in SQL every engine reads alike: {@code (a IS
   * NULL) = (b IS NULL)}, once for each column after the first.
   */
  static String nullTogetherCheck(List<String> columns) {
    String first = "(" + columns.get(0) + " IS NULL)";
    return columns.subList(1, columns.size()).stream().map(c -> first + " = (" + c + " IS NULL)")
        .collect(Collectors.joining(" AND "));
  }

  /**
   * A CHECK over every column that keeps them NULL together: the form {@link #nullTogetherCheck}
   * suggests, or PostgreSQL's {@code num_nulls}/{@code num_nonnulls}.
   */
  private static boolean nullTogether(Table table, List<String> columns) {
    for (CheckConstraint check : table.checks()) {
      if (check.raw() != null && (NULL_COUNT.matcher(check.raw().sql()).find()
              || NULLS_EQUAL.matcher(check.raw().sql()).find())
          && ExpressionColumns.of(check.raw().sql()).orElse(List.of()).containsAll(columns)) {
        return true;
      }
    }
    return false;
  }

  private static void add(Map<Column, List<String>> map, Column column, String what) {
    List<String> list = map.computeIfAbsent(column, c -> new ArrayList<>());
    if (!list.contains(what)) {
      list.add(what);
    }
  }
}
