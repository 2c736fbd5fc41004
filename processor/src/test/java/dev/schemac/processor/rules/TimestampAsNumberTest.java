package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** timestamp-as-number on the model: points in time, not durations, on number columns only. */
class TimestampAsNumberTest {
  private static final TimestampAsNumber RULE = new TimestampAsNumber();

  private static List<Finding> check(Column column) {
    return RULE.check(Models.schema(Models.table("events", Models.of("id", Kind.UUID), column)),
        Models.context());
  }

  private static boolean fires(Column column) {
    return !check(column).isEmpty();
  }

  private static boolean firesOnBigint(String name) {
    return fires(Models.of(name, Kind.INT64));
  }

  @Test
  void timestampAsNumber_pointInTimeNamesOnBigint_fire() {
    List<String> silent = Stream.of(
            "created_at", "updated_at", "deleted_at", "expires_at", "last_seen_at", "published_at", "created_at_ms",
            "updated_at_millis", "sent_at_epoch", "epoch_millis", "epoch_ms", "epoch_seconds", "unix_time",
            "unix_timestamp", "timestamp", "event_timestamp", "timestamp_ms", "created_ts", "ts", "start_time",
            "end_time", "login_time", "scheduled_time", "start_time_ms", "event_time_utc", "birth_date", "date",
            "order_date", "date_created", "valid_until", "valid_from", "due_on", "last_login", "last_seen",
            "created", "modified", "mtime", "ms_since_epoch", "seconds_since_epoch", "time_stamp", "event_datetime")
        .filter(n -> !firesOnBigint(n)).toList();
    assertThat(silent).isEmpty();
  }

  @Test
  void timestampAsNumber_durationsCountsAndPartsOnBigint_doNotFire() {
    List<String> firing = Stream.of(
            // durations
            "response_time_ms", "processing_time", "cook_time", "prep_time", "reading_time", "wait_time",
            "lap_time", "flight_time", "total_time", "avg_response_time", "max_wait_time", "run_time_ms",
            "cpu_time", "time", "time_ms", "time_to_live", "ttl_seconds", "timeout_ms", "expires_in", "elapsed_ms",
            "duration_seconds", "age", "age_in_days", "uptime", "downtime", "days_until_due_date",
            "timestamp_offset", "time_spent_seconds", "latency_p99",
            // counts, keys, parts of a date, machine-learning epochs
            "retry_count", "attempts", "seen_count", "update_count", "token_count", "first_time_buyers",
            "timezone_offset", "time_zone_offset", "birth_year", "fiscal_year", "month", "day_of_week", "hour",
            "date_key", "date_id", "epoch", "current_epoch", "num_epochs", "epoch_count", "precision_at_10",
            "recall_at_k", "located_at", "price_cents", "quantity", "version", "sort_order", "status_code")
        .filter(TimestampAsNumberTest::firesOnBigint).toList();
    assertThat(firing).isEmpty();
  }

  @Test
  void timestampAsNumber_everyNumberType_fires() {
    for (Kind kind : List.of(Kind.INT16, Kind.INT32, Kind.INT64, Kind.DECIMAL, Kind.FLOAT32, Kind.FLOAT64)) {
      assertThat(fires(Models.of("created_at", kind))).isTrue();
    }
    assertThat(fires(Models.column("created_at", Models.raw("bigint")))).isTrue();
    assertThat(fires(Models.column("created_at", LogicalType.decimal(13, 0)))).isTrue();
  }

  @Test
  void timestampAsNumber_otherTypes_doNotFire() {
    assertThat(fires(Models.of("created_at", Kind.INSTANT))).isFalse();
    assertThat(fires(Models.of("created_at", Kind.STRING))).isFalse();
    assertThat(fires(Models.of("birth_date", Kind.DATE))).isFalse();
    assertThat(fires(Models.of("start_time", Kind.TIME))).isFalse();
    assertThat(fires(Models.of("timeout", Kind.DURATION))).isFalse();
    assertThat(fires(Models.column("created_at", LogicalType.of(Kind.INT64).asArray()))).isFalse();
    assertThat(fires(Models.withMarkers(Models.column("timestamp_kind", Models.raw("smallint")),
        Column.Marker.ENUM_ORDINAL))).isFalse();
  }

  @Test
  void timestampAsNumber_fix_picksTheJavaTypeAndDropsTheUnit() {
    assertThat(check(Models.of("created_at_ms", Kind.INT64)).get(0).fix()).contains("`Instant createdAt`");
    assertThat(check(Models.of("birth_date", Kind.INT32)).get(0).fix()).contains("`LocalDate birth_date`");
    assertThat(check(Models.of("start_time", Kind.INT32)).get(0).fix()).contains("`LocalTime start_time`");
    assertThat(check(Models.of("epoch_millis", Kind.INT64)).get(0).fix()).contains("`Instant epoch_millis`");
    assertThat(check(Models.of("created_at", Kind.FLOAT32)).get(0).message()).contains("real (float4)");
    Finding f = check(Models.of("created_at", Kind.INT64)).get(0);
    assertThat(f.ruleId()).isEqualTo("timestamp-as-number");
    assertThat(f.message()).contains("events.created_at");
    assertThat(f.column()).isEqualTo("created_at");
  }
}
