package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** date-as-text on the model: dates and moments, not settings, parts of dates or places, on text only. */
class DateAsTextTest {
  private static final DateAsText RULE = new DateAsText();

  private static List<Finding> check(Column column) {
    return RULE.check(Models.schema(Models.table("people", Models.of("id", Kind.UUID), column)),
        Models.context());
  }

  private static boolean fires(Column column) {
    return !check(column).isEmpty();
  }

  private static boolean firesOnText(String name) {
    return fires(Models.text(name));
  }

  @Test
  void dateAsText_dateAndTimeNamesOnText_fire() {
    List<String> silent = Stream.of(
            "birth_date", "date_of_birth", "dob", "birthday", "birthdate", "created_at", "updated_at",
            "deleted_at", "published_at", "expires_at", "password_reset_at", "due_on", "published_on", "born_on",
            "start_date", "end_date", "due_date", "date", "order_date", "invoice_date", "ship_date", "hire_date",
            "date_created", "date_modified", "expiry_date", "date_str", "event_timestamp", "timestamp",
            "created_ts", "datetime", "event_date_time", "start_time", "end_time", "opening_time", "closing_time",
            "valid_until", "valid_from", "last_login", "time_stamp", "date_from", "date_to")
        .filter(n -> !firesOnText(n)).toList();
    assertThat(silent).isEmpty();
  }

  @Test
  void dateAsText_settingsPartsPlacesAndDurationsOnText_doNotFire() {
    List<String> firing = Stream.of(
            // settings about dates
            "date_format", "time_format", "timestamp_format", "date_pattern", "time_zone", "timezone", "locale",
            // parts of a date, periods, slots
            "fiscal_year", "birth_year", "year", "month", "quarter", "time_of_day", "time_slot", "date_range",
            // durations written out
            "time", "cook_time", "prep_time", "reading_time", "delivery_time", "wait_time", "time_to_live", "expires_in",
            // copies kept as text on purpose
            "display_date", "raw_date", "date_label", "date_text",
            // places and things after at/on
            "located_at", "works_at", "hosted_at", "stored_at", "based_on", "depends_on", "runs_on", "add_on",
            // whole-word traps
            "at", "on", "updates", "update_notes", "candidate", "mandate", "validation", "data", "datum",
            "created_by", "updated_by", "dates", "status", "attempts", "timeline", "overtime_policy")
        .filter(DateAsTextTest::firesOnText).toList();
    assertThat(firing).isEmpty();
  }

  @Test
  void dateAsText_varcharAndCharTypes_fire() {
    assertThat(fires(Models.column("birth_date", LogicalType.string(10)))).isTrue();
    assertThat(fires(Models.column("birth_date", Models.raw("char(10)")))).isTrue();
  }

  @Test
  void dateAsText_otherTypes_doNotFire() {
    assertThat(fires(Models.of("birth_date", Kind.DATE))).isFalse();
    assertThat(fires(Models.of("created_at", Kind.INSTANT))).isFalse();
    assertThat(fires(Models.of("created_at", Kind.INT64))).isFalse();
    assertThat(fires(Models.of("start_time", Kind.TIME))).isFalse();
    assertThat(fires(Models.column("birth_date", LogicalType.of(Kind.STRING).asArray()))).isFalse();
    assertThat(fires(Models.column("date_format", LogicalType.enumOf(List.of("ISO", "US"))))).isFalse();
    assertThat(fires(Models.column("start_date", LogicalType.enumOf(List.of("TODAY", "TOMORROW"))))).isFalse();
    assertThat(fires(Models.of("created_at", Kind.JSON))).isFalse();
  }

  @Test
  void dateAsText_fix_picksTheJavaTypeByName() {
    assertThat(check(Models.text("birth_date")).get(0).fix()).contains("`LocalDate birth_date`");
    assertThat(check(Models.text("due_on")).get(0).fix()).contains("`LocalDate due_on`");
    assertThat(check(Models.text("created_at")).get(0).fix()).contains("`Instant created_at`");
    assertThat(check(Models.text("opening_time")).get(0).fix()).contains("`LocalTime opening_time`");
    Finding f = check(Models.text("birth_date")).get(0);
    assertThat(f.ruleId()).isEqualTo("date-as-text");
    assertThat(f.column()).isEqualTo("birth_date");
    assertThat(f.message()).contains("people.birth_date");
  }
}
