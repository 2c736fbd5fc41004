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

/** A column declared {@code @Column(type = "json")} (or {@code json[]}): jsonb is what is meant. */
public final class JsonNotJsonb extends SchemaRule {
  public JsonNotJsonb() {
    super("json-not-jsonb", Level.WARNING, "The json type where jsonb is meant.", java.util.Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!"json".equals(CustomTypes.baseName(column.type()))) {
          continue;
        }
        String message = table.name() + "." + column.name() + " is " + context.typeName(column.type()) + ", not jsonb:"
            + " json keeps the text as written and re-parses it on every access, has no equality operator (so"
            + " DISTINCT, GROUP BY, UNION and UNIQUE on it fail), and has none of jsonb's containment and key"
            + " operators (@>, ?) and no GIN index to serve them.";
        String fix = "use @Json (jsonb) instead of " + Fixes.columnType(table, column.type().rawSql());
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }
}
