package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.TargetFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table, column, sequence or schema named with a reserved key word of one of the build's targets
 * (each knows its own: {@link TargetFacts#isReserved}). schemac quotes it, so the DDL works; every
 * query written by
 * hand must quote it too, forever.
 */
public final class ReservedWord extends SchemaRule {
  /** Names that say what such a column usually holds. */
  private static final Map<String, String> COLUMN_NAMES = Map.ofEntries(
      Map.entry("order", "sort_order"),
      Map.entry("user", "app_user"),
      Map.entry("group", "user_group"),
      Map.entry("limit", "max_count"),
      Map.entry("offset", "offset_value"),
      Map.entry("check", "check_number"),
      Map.entry("default", "is_default"),
      Map.entry("primary", "is_primary"),
      Map.entry("unique", "is_unique"),
      Map.entry("desc", "description"),
      Map.entry("asc", "ascending"),
      Map.entry("end", "ends_at"),
      Map.entry("from", "sender"),
      Map.entry("to", "recipient"),
      Map.entry("table", "table_name"),
      Map.entry("column", "column_name"),
      Map.entry("window", "time_window"),
      Map.entry("case", "case_number"),
      Map.entry("references", "reference_list"),
      Map.entry("current_user", "current_user_name"));

  /** Table names for the usual reserved words; otherwise the plural, which is not reserved. */
  private static final Map<String, String> TABLE_NAMES =
      Map.of("user", "app_users", "order", "orders", "group", "user_groups", "check", "checks",
          "table", "tables", "window", "windows");

  /** Key words that are values in an expression: unquoted, they read without error, and wrongly. */
  private static final Set<String> VALUE_WORDS = Set.of("user", "current_user", "session_user", "current_role",
      "system_user", "current_catalog", "current_schema", "current_date", "current_time", "current_timestamp",
      "localtime", "localtimestamp", "true", "false", "null");

  public ReservedWord() {
    super("reserved-word", Level.ERROR, "A reserved word used as a table, column, sequence or schema name.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (isReserved(table.name(), context)) {
        String better = TABLE_NAMES.getOrDefault(table.name(), plural(table.name()));
        findings.add(on(table, table.origin(), "table name \"" + table.name() + "\"" + source(table)
                + " is a reserved key word of " + reservedIn(table.name(), context) + ": "
                + consequence("", "SELECT * FROM " + table.name()),
            "@Table(name = \"" + better + "\") on " + simple(table.sourceType())
                + ", or another name that is not a key word"));
      }
      for (Column column : table.columns()) {
        if (!isReserved(column.name(), context)) {
          continue;
        }
        String better = COLUMN_NAMES.getOrDefault(column.name(), singular(table.name()) + "_" + column.name());
        String component = column.javaName() == null ? column.name() : column.javaName();
        findings.add(on(table, column, "column " + table.name() + "." + column.name() + " is named \""
                + column.name() + "\", a reserved key word of " + reservedIn(column.name(), context) + ": "
                + consequence(column.name(), "SELECT " + column.name() + " FROM " + quoted(table.name(), context)),
            "@Column(name = \"" + better + "\") on " + component + ", or another name that is not a key word"));
      }
    }
    for (Sequence sequence : schema.sequences()) {
      if (isReserved(sequence.name(), context)) {
        findings.add(on(sequence, "sequence name \"" + sequence.name() + "\" is a reserved key word of "
                + reservedIn(sequence.name(), context) + ": "
                + consequence("", "ALTER SEQUENCE " + sequence.name() + " RESTART"),
            "sequenceName = \"" + sequence.name() + "_seq\" on its @SequenceGenerator, or another name that is not a"
                + " key word"));
      }
    }
    SchemaNames.firstDeclarations(schema).forEach((name, declaration) -> {
      if (isReserved(name, context)) {
        findings.add(declaration.finding(id(), "schema name \"" + name + "\" is a reserved key word of "
                + reservedIn(name, context) + ": "
                + consequence("", "SELECT * FROM " + name + "." + declaration.relation()),
            "schema = \"" + plural(name) + "\" on its @Table or @SequenceGenerator (and on every other one in that"
                + " schema), or another name that is not a key word"));
      }
    });
    return findings;
  }

  /** Whether one of the targets reserves the word. */
  static boolean isReserved(String name, RuleContext context) {
    return context.targets().stream().anyMatch(t -> t.isReserved(name));
  }

  /** The targets that reserve the word, by name: "PostgreSQL", "PostgreSQL and MariaDB". */
  private static String reservedIn(String name, RuleContext context) {
    List<String> names = context.targets().stream().filter(t -> t.isReserved(name)).map(TargetFacts::displayName)
        .toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String consequence(String word, String query) {
    return "schemac quotes it so that the DDL works, but every hand-written query, view, migration, report"
        + " and database tool must quote it too, forever: `" + query + "` is "
        + (VALUE_WORDS.contains(word)
            ? "not even an error, it silently returns SQL's " + word + " instead of the column."
            : "a syntax error.");
  }

  /** The table as a correct query must write it, so the example shows only the column's problem. */
  private static String quoted(String name, RuleContext context) {
    return isReserved(name, context) ? "\"" + name + "\"" : name;
  }

  private static String source(Table table) {
    return " (record " + simple(table.sourceType()) + ")";
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  private static String plural(String word) {
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
      return word + "es";
    }
    return word + "s";
  }

  /** A rough singular, good enough to prefix a suggested column name: {@code categories} -> {@code category}. */
  private static String singular(String tableName) {
    String last = tableName.substring(tableName.lastIndexOf('_') + 1);
    if (last.endsWith("ies") && last.length() > 3) {
      return last.substring(0, last.length() - 3) + "y";
    }
    if (last.endsWith("sses") || last.endsWith("xes") || last.endsWith("ches") || last.endsWith("shes")) {
      return last.substring(0, last.length() - 2);
    }
    if (last.endsWith("s") && !last.endsWith("ss") && last.length() > 1) {
      return last.substring(0, last.length() - 1);
    }
    return last;
  }
}
