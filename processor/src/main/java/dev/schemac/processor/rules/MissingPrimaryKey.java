package dev.schemac.processor.rules;

import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;

/** A table without a primary key. */
public final class MissingPrimaryKey extends SchemaRule {
  public MissingPrimaryKey() {
    super("missing-primary-key", Level.ERROR, "A table without a primary key.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (table.primaryKey() == null) {
        findings.add(on(table, table.origin(), "table " + table.name() + " has no primary key: nothing stops"
            + " duplicate rows, an UPDATE or DELETE cannot address exactly one row, no other table can reference it,"
            + " and logical replication refuses to publish its UPDATEs and DELETEs.",
            Fixes.primaryKey(table)));
      }
    }
    return findings;
  }
}
