package dev.schemac.processor.rules;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Suggestions;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A CHECK expression, index expression or index predicate that names a column its table does
 * not have. The expression is parsed (JSqlParser); what the parser cannot read is left to
 * PostgreSQL.
 */
public final class UnknownColumnInExpression extends SchemaRule {
  public UnknownColumnInExpression() {
    super("unknown-column-in-expression", Level.ERROR,
        "A CHECK expression or index predicate that names a column the table does not have.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (CheckConstraint check : table.checks()) {
        if (check.raw() != null) { // the conditions schemac derives name their column
          inspect(table, "CHECK " + check.name(), check.raw().sql(), check.column(), check.origin(), findings);
        }
      }
      for (Index index : table.indexes()) {
        for (Index.Element e : index.elements()) {
          if (e.expression() != null) {
            inspect(table, "the expression of index " + index.name(), e.expression().sql(), null, index.origin(),
                findings);
          }
        }
        if (index.where() != null) {
          inspect(table, "the predicate of index " + index.name(), index.where().sql(), null, index.origin(), findings);
        }
      }
    }
    return findings;
  }

  private void inspect(Table table, String what, String sql, String column, Origin origin, List<Finding> findings) {
    List<String> names = table.columns().stream().map(Column::name).toList();
    for (String ref : ExpressionColumns.of(sql).orElse(List.of())) {
      if (names.contains(ref)) {
        continue;
      }
      String closest = Suggestions.closest(ref, names);
      String message = what + " (" + sql + ") names column '" + ref + "', which table " + table.name()
          + " does not have: PostgreSQL rejects the DDL when the migration runs, far from this line.";
      String fix = (closest != null ? "did you mean '" + closest + "'? " : "")
          + "write one of the table's columns: " + String.join(", ", names);
      Column owner = column == null ? null : table.column(column).orElse(null);
      findings.add(owner != null
          ? new Finding(id(), table.qualifiedName(), owner.name(), message, fix, origin)
          : on(table, origin, message, fix));
    }
  }
}
