package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.CustomTypes;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Fixes;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import dev.schemac.processor.rules.SchemaRule;
import java.util.ArrayList;
import java.util.List;

/** A column of PostgreSQL's {@code money} type. */
public final class MoneyType extends SchemaRule {
  public MoneyType() {
    super("money-type", Level.WARNING, "PostgreSQL's money type.", java.util.Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!"money".equals(CustomTypes.baseName(column.type()))) {
          continue;
        }
        String message = table.name() + "." + column.name() + " is PostgreSQL's money type: it holds one currency"
            + " for the whole database and no currency code, its text form and fraction digits follow the server's"
            + " lc_monetary setting (a dump restored on a server with another locale reads different amounts), and"
            + " it has a fixed 2-digit fraction, too coarse for unit prices, tax rates and exchange amounts.";
        String fix = "@Column(precision = 19, scale = 4) BigDecimal " + name(column)
            + ", plus a currency column such as @Column(length = 3) String currency";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static String name(Column column) {
    return column.javaName() == null ? column.name() : column.javaName();
  }
}
