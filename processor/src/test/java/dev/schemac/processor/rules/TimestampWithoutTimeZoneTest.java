package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** timestamp-without-time-zone: on the column type, whatever the name. */
class TimestampWithoutTimeZoneTest {
  private static List<Finding> check(Column column) {
    return new TimestampWithoutTimeZone().check(schema(table("events", of("id", Kind.INT64), column)),
        Models.context());
  }

  private static Column localDateTime(String name, String javaName) {
    return new Column(name, javaName, "java.time.LocalDateTime", LogicalType.of(Kind.LOCAL_DATE_TIME), false, null,
        Column.Identity.NONE, List.of(), null, null, List.of(), Origin.NONE);
  }

  @Test
  void localDateTime_fires_onTheColumn_andSaysWhatGoesWrongAndHowToFix() {
    List<Finding> findings = check(localDateTime("starts_at", "startsAt"));

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.ruleId()).isEqualTo("timestamp-without-time-zone");
    assertThat(finding.table()).isEqualTo("events");
    assertThat(finding.column()).isEqualTo("starts_at");
    assertThat(finding.message()).contains("events.starts_at (LocalDateTime startsAt)");
    assertThat(finding.message()).contains("time zone");
    assertThat(finding.fix()).contains("`Instant startsAt` (timestamptz)");
    assertThat(finding.fix()).contains("@SuppressWarnings(\"schemac:timestamp-without-time-zone\")");
  }

  /** On MariaDB an Instant is DATETIME(6) as well: the fix says so instead of promising a zoned type. */
  @Test
  void onMariaDb_theFixSaysAnInstantIsTheSameDatetimeInUtc() {
    Finding finding = new TimestampWithoutTimeZone().check(schema(table("events", of("id", Kind.INT64),
        localDateTime("starts_at", "startsAt"))), new RuleContext(RuleSettings.defaults(),
        List.of(new dev.schemac.processor.targets.mariadb.MariaDbTarget()))).get(0);
    assertThat(finding.fix()).contains("`Instant startsAt` (datetime(6)) if it is a moment (on MariaDB an Instant is"
        + " datetime(6) too, in UTC: the column cannot tell a moment from a wall-clock reading");
    assertThat(check(localDateTime("starts_at", "startsAt")).get(0).fix()).doesNotContain("in UTC");
  }

  @Test
  void theFix_namesTheTypeAsTheBuildsFirstTargetSpellsIt() {
    Finding finding = new TimestampWithoutTimeZone().check(schema(table("events", of("id", Kind.INT64),
        localDateTime("starts_at", "startsAt"))), new RuleContext(RuleSettings.defaults(),
        List.of(new dev.schemac.processor.targets.minimal.MinimalTarget()))).get(0);

    assertThat(finding.fix()).contains("`Instant startsAt` (TIMESTAMP WITH TIME ZONE)");
    assertThat(finding.fix()).doesNotContain("timestamptz");
  }

  @Test
  void everyTimestampColumn_fires_whateverItsName() {
    for (String name : List.of("starts_at", "meeting_time", "appointment", "x", "created", "valid_until",
        "local_wall_clock", "opens")) {
      assertThat(check(column(name, LogicalType.of(Kind.LOCAL_DATE_TIME)))).hasSize(1);
    }
  }

  @Test
  void timestampArray_fires_andTheFixKeepsTheList() {
    Column column = new Column("slots", "slots", "java.util.List<java.time.LocalDateTime>",
        LogicalType.of(Kind.LOCAL_DATE_TIME).asArray(), false, null, Column.Identity.NONE, List.of(), null, null, List.of(),
        Origin.NONE);
    List<Finding> findings = check(column);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix()).contains("`List<Instant> slots`");
  }

  @Test
  void customZonelessTypes_fire() {
    for (String type : List.of("timestamp", "timestamp without time zone", "TIMESTAMP", "timestamp(3)",
        "timestamp (6) without time zone", "timestamp[]", "Timestamp Without Time Zone")) {
      List<Finding> findings = check(column("placed_at", Models.raw(type)));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).fix()).contains("drop @Column(type = \"" + type + "\")");
    }
  }

  @Test
  void zonedAndOtherTemporalTypes_doNotFire() {
    for (Kind kind : List.of(Kind.INSTANT, Kind.DATE, Kind.TIME, Kind.DURATION, Kind.INT64, Kind.STRING)) {
      assertThat(check(column("created_at", LogicalType.of(kind)))).isEmpty();
    }
    for (String type : List.of("timestamptz", "timestamp with time zone", "timestamp(3) with time zone",
        "timestamptz(6)", "tstzrange", "date", "time", "timetz", "interval")) {
      assertThat(check(column("created_at", Models.raw(type)))).isEmpty();
    }
  }
}
