package dev.schemac.processor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** Parsed expressions repeat across tables (the same CHECK, the same predicate): parse each once. */
  private static final Map<String, Optional<List<String>>> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<List<String>>> eldest) {
          return size() > 10_000;
        }
      });

  public static Optional<List<String>> of(String sql) {
    Optional<List<String>> known = CACHE.get(sql);
    if (known != null) {
      return known;
    }
    Optional<List<String>> parsed = parse(sql);
    CACHE.put(sql, parsed);
    return parsed;
  }

  private static Optional<List<String>> parse(String sql) {
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
    return Optional.of(List.copyOf(columns));
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
