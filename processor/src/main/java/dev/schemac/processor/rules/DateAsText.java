package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.TemporalNames.Holds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scalar text column whose name says it is a date or a moment: birth_date, dob, created_at,
 * due_on, event_timestamp, start_time. Settings about dates (date_format, time_zone), parts of a
 * date (fiscal_year, birth_month) and durations written out (cook_time) are not reported.
 */
public final class DateAsText extends SchemaRule {
  public DateAsText() {
    super("date-as-text", Level.ERROR,
        "A date or time stored as text: no validation, wrong sort order, no date arithmetic.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!ColumnTypes.isText(column, false, context)) {
          continue;
        }
        Optional<Holds> holds = TemporalNames.pointInTime(ColumnTypes.words(column));
        if (holds.isEmpty()) {
          continue;
        }
        String message = table.name() + "." + column.name() + " stores " + (holds.get() == Holds.DATE ? "a date" : "a"
            + " point in time") + " as " + context.typeName(column.type()) + ": nothing rejects '2024-02-30', 'tomorrow' or"
            + " a second format ('03/04/2024': March or April?), so bad values pile up until a report or a"
            + " migration fails on them; text sorts and compares character by character, so ranges and ORDER BY"
            + " go wrong as soon as two formats or time zones mix; and every date calculation needs a cast that"
            + " fails on the first bad row and keeps indexes from being used.";
        String fix = "declare it " + TemporalNames.declaration(holds.get(), ColumnTypes.javaName(column))
            + ColumnTypes.withoutCustomType(table, column);
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }
}
