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
import java.util.Set;

/** A column declared serial, bigserial or smallserial (or their serialN spellings). */
public final class SerialType extends SchemaRule {
  private static final Set<String> SERIAL =
      Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

  public SerialType() {
    super("serial-type", Level.WARNING, "serial / bigserial instead of an identity column.", java.util.Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!SERIAL.contains(CustomTypes.baseName(column.type()))) {
          continue;
        }
        String message = table.name() + "." + column.name() + " is " + context.typeName(column.type()) + ": its sequence is"
            + " a separate object with its own owner and privileges, so a GRANT INSERT on the table does not cover it"
            + " and inserts by another role fail with 'permission denied for sequence'; a table copied with CREATE"
            + " TABLE ... (LIKE ... INCLUDING DEFAULTS) shares the same sequence; and rows inserted with explicit ids"
            + " leave it behind until an insert hits a duplicate key. An SQL-standard identity column is part of the"
            + " column: no separate privileges, copied with the table, and GENERATED ALWAYS refuses explicit ids.";
        String fix = "@Id(generated = Id.Generated.IDENTITY) long "
            + (column.javaName() == null ? column.name() : column.javaName());
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }
}
