package dev.schemac.processor.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * The column names an SQL expression mentions, from JSqlParser's parse tree: unquoted names
 * folded to lowercase as PostgreSQL folds them, quoted ones as written. Empty when the
 * expression is beyond the parser (PostgreSQL still checks it when the DDL runs).
 */
public final class ExpressionColumns {
  private ExpressionColumns() {}

  public static Optional<List<String>> of(String sql) {
    Expression expression;
    try {
      expression = CCJSqlParserUtil.parseExpression(sql, false);
    } catch (Exception | Error e) { // the parser signals some syntax with TokenMgrError
      return Optional.empty();
    }
    Set<String> columns = new LinkedHashSet<>();
    expression.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column column, S context) {
        String name = column.getColumnName();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          columns.add(name.substring(1, name.length() - 1).replace("\"\"", "\""));
        } else if (!isKeywordLiteral(name)) {
          columns.add(name.toLowerCase(Locale.ROOT));
        }
        return null;
      }
    }, null);
    return Optional.of(new ArrayList<>(columns));
  }

  /** Niladic SQL functions that parse as column names. */
  private static boolean isKeywordLiteral(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
          "current_user", "session_user", "current_role", "current_catalog", "current_schema",
          "true", "false", "null" -> true;
      default -> false;
    };
  }
}
