package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.TemporalNames.Holds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A number column (integral, numeric or floating point) whose name says it is a point in time:
 * created_at, event_timestamp, epoch_millis, start_time, birth_date. Durations
 * (response_time_ms, ttl_seconds, cook_time) are fine as numbers and are not reported.
 */
public final class TimestampAsNumber extends SchemaRule {
  public TimestampAsNumber() {
    super("timestamp-as-number", Level.ERROR,
        "A point in time stored as a number: unknown epoch, unit and zone, unreadable, no date arithmetic.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!ColumnTypes.isNumber(column, context)) {
          continue;
        }
        List<String> words = ColumnTypes.words(column);
        Optional<Holds> holds = TemporalNames.pointInTime(words);
        if (holds.isEmpty()) {
          continue;
        }
        String type = context.typeName(column.type());
        String message = table.name() + "." + column.name() + " stores a point in time as " + type + ": nothing"
            + " says which epoch, unit (seconds? milliseconds?) or time zone it is in, so one writer's seconds are"
            + " read as another's milliseconds (dates in 1970 or in the year 50000) and nothing rejects them;"
            + " PostgreSQL's date arithmetic, date_trunc, range queries and partitioning need a conversion in"
            + " every query, and nobody can read it in a result."
            + (column.type().kind() == Kind.FLOAT32 ? " A real (float4) cannot even hold today's epoch seconds to the"
                + " second." : "");
        String fix = "declare it " + TemporalNames.declaration(holds.get(), suggestedName(column, words))
            + ColumnTypes.withoutCustomType(table, column);
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  /** createdAtMillis -> createdAt: the unit goes with the number. */
  private static String suggestedName(Column column, List<String> words) {
    List<String> core = TemporalNames.withoutUnit(words);
    boolean meaningful = core.size() < words.size()
        && !core.stream().allMatch(w -> w.equals("epoch") || w.equals("unix") || w.equals("time"));
    return meaningful ? ColumnTypes.camelCase(core) : ColumnTypes.javaName(column);
  }
}
