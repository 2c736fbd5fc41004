package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.model.change.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A UNIQUE key made only of columns this version adds to an existing table, each with a default
 * that is the same for every row (a literal, or the statement's time): adding the columns gives
 * every existing row the same values, so the UNIQUE fails as soon as the table holds two rows.
 * A default computed per row (a random UUID, a sequence) or the user's SQL that is no constant is
 * left alone, as is a partial index (which rows it covers is the data's business) and a version
 * with a data step (which may fill distinct values before the UNIQUE is added).
 */
public final class UniqueColumnWithDefault extends AbstractMigrationRule {
  /** SQL that gives every row the same value: a literal, or the time of the statement (a cast is left alone). */
  private static final Pattern CONSTANT = Pattern.compile("(?is)\\s*\\(?\\s*(?:'(?:[^']|'')*'|[-+]?\\d+(?:\\.\\d+)?"
      + "|true|false|now\\(\\s*\\)|current_timestamp(?:\\(\\s*\\d\\s*\\))?|current_date|localtimestamp"
      + "(?:\\(\\s*\\d\\s*\\))?)\\s*\\)?\\s*");

  public UniqueColumnWithDefault() {
    super(MigrationRules.UNIQUE_COLUMN_WITH_DEFAULT, Level.ERROR,
        "A UNIQUE column added with the same default for every row to a table that already has rows.");
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    if (context.dataStep()) {
      return findings; // the step may give each row its own value before the UNIQUE is added
    }
    Map<String, Map<String, Column>> added = new LinkedHashMap<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Change.AddColumn add : context.changes().of(Change.AddColumn.class)) {
      if (sameForEveryRow(add.column().defaultValue())) {
        String t = add.table().qualifiedName();
        added.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(add.column().name(), add.column());
        tables.put(t, add.table());
      }
    }
    for (Map.Entry<String, Table> entry : tables.entrySet()) {
      Map<String, Column> columns = added.get(entry.getKey());
      Table table = entry.getValue();
      for (UniqueConstraint unique : table.uniques()) {
        report(context, table, unique.columns(), "UNIQUE constraint " + unique.name(), columns, findings);
      }
      for (Index index : table.indexes()) {
        if (index.unique() && index.where() == null && index.columns().size() == index.elements().size()) {
          report(context, table, index.columns(), "unique index " + index.name(), columns, findings);
        }
      }
    }
    return findings;
  }

  private void report(MigrationContext context, Table table, List<String> key, String what, Map<String, Column> added,
      List<Finding> findings) {
    if (key.isEmpty() || !added.keySet().containsAll(key)) {
      return;
    }
    Column first = added.get(key.get(0));
    String t = table.qualifiedName();
    String columns = String.join(", ", key);
    String message = (key.size() == 1 ? "column " + t + "." + columns + " is" : "columns " + columns + " of " + t
        + " are") + " added to a table that already exists with a default that is the same for every row, and "
        + what + " keys on " + (key.size() == 1 ? "it" : "them") + ": adding " + (key.size() == 1 ? "it" : "them")
        + " gives every existing row the same value, so the UNIQUE fails as soon as the table holds two rows (and"
        + " passes on an empty staging table, which hides the problem).";
    String fix = "add " + (key.size() == 1 ? "it" : "them") + " @Nullable and without @Default (existing rows get NULL,"
        + " which UNIQUE allows), or give each existing row its own value with a data step in this version"
        + " (data/V{N}__d.sql, docs/migrations.md#data-steps), or make it UNIQUE in a later version, after the rows"
        + " are filled";
    Origin origin = first.origin();
    findings.add(finding(message, fix, origin, t, first.name()));
  }

  /** Whether a default gives every row of one statement the same value. */
  static boolean sameForEveryRow(ColumnDefault value) {
    if (value instanceof ColumnDefault.Raw raw) {
      return CONSTANT.matcher(raw.sql().sql()).matches();
    }
    return value instanceof ColumnDefault.Literal || value instanceof ColumnDefault.Now;
  }
}
