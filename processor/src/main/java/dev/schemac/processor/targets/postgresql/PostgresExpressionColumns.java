package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.rules.ExpressionColumns;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Node;
import dev.schemac.processor.targets.postgresql.PostgresExpressions.Parse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a PostgreSQL expression, from {@link PostgresExpressions}' tree: a qualified
 * name gives its last part ({@code orders.total} is {@code total}); an expression the grammar
 * cannot decide gives none.
 */
public final class PostgresExpressionColumns implements ExpressionColumns.Reader {
  @Override
  public Optional<List<String>> columns(String sql) {
    Parse parse = PostgresExpressions.parse(sql);
    if (!parse.valid()) {
      return Optional.empty();
    }
    Set<String> columns = new LinkedHashSet<>();
    for (Node n : parse.root().all()) {
      if (n.type() == PostgresExpressions.Type.COLUMN) {
        columns.add(n.text());
      }
    }
    return Optional.of(List.copyOf(columns));
  }
}
