package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A table with at least one column besides its key and all of them nullable. The soft-delete
 * column is nullable by design and does not count either way. The same for an embedded document
 * (a record inside a {@code @Table} record, which only a document target stores as such): a
 * document whose every field is optional, which its validator accepts empty.
 */
public final class AllColumnsNullable extends SchemaRule {
  public AllColumnsNullable() {
    super("all-columns-nullable", Level.WARNING, "A table whose every non-key column is nullable.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (table.source() == Table.Source.GENERATOR_TABLE) {
        continue; // Hibernate's shape, which Hibernate fills in
      }
      List<String> key = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
      List<Column> rest = table.columns().stream()
          .filter(c -> !key.contains(c.name()))
          .filter(c -> !c.has(Column.Marker.SOFT_DELETE) && !c.name().equals(table.softDeleteColumn()))
          .toList();
      for (Column column : table.columns()) {
        embedded(table, column, column, column.javaName() == null ? column.name() : column.javaName(), findings);
      }
      if (rest.isEmpty() || !rest.stream().allMatch(Column::nullable)) {
        continue;
      }
      List<String> names = rest.stream().map(Column::name).toList();
      String message = "every column of table " + table.name() + " besides its key is nullable ("
          + String.join(", ", names) + "): the schema promises nothing about a row, so every query, report and"
          + " service reading it must handle NULL in every column, and a row with nothing but a key is accepted"
          + " as readily as a complete one. Usually a sign of a generated or half-designed table.";
      String fix = table.entity()
          ? "mark the attributes that always have a value @Column(nullable = false) (a relationship: optional = false)"
          : "remove @Nullable from the columns that always have a value";
      findings.add(on(table, table.origin(), message, fix));
    }
    return findings;
  }

  /**
   * Reports each embedded document inside {@code field} (itself, or one deeper in it) whose every
   * field is nullable, on the table's column {@code column} that holds it; {@code path} is the
   * field's path in the row's document.
   */
  private void embedded(Table table, Column column, Column field, String path, List<Finding> findings) {
    if (!field.type().isDocument() || field.type().fields().isEmpty()) {
      return;
    }
    List<Column> fields = field.type().fields();
    if (fields.stream().allMatch(Column::nullable)) {
      List<String> names = fields.stream().map(f -> f.javaName() == null ? f.name() : f.javaName()).toList();
      String message = "every field of the embedded document " + path + " of table " + table.name() + " is optional ("
          + String.join(", ", names) + "): its validator accepts an empty document there as readily as a complete"
          + " one, so every reader must handle each field missing.";
      String fix = "remove @Nullable from the components of " + path + "'s record that always have a value";
      findings.add(on(table, column, message, fix));
    }
    for (Column f : fields) {
      embedded(table, column, f, path + "." + (f.javaName() == null ? f.name() : f.javaName()), findings);
    }
  }
}
