package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import org.junit.jupiter.api.Test;

/** A type the user spelled for MariaDB or MySQL, read as the logical type it stores. */
class MySqlFamilyTypesTest {
  private static final MariaDbTarget MARIADB = new MariaDbTarget();
  private static final MySqlTarget MYSQL = new MySqlTarget();

  @Test
  void strings() {
    assertThat(MARIADB.readType("char(36)")).isEqualTo(LogicalType.string(36));
    assertThat(MARIADB.readType("VARCHAR(255) CHARACTER SET utf8mb4")).isEqualTo(LogicalType.string(255));
    assertThat(MARIADB.readType("longtext")).isEqualTo(LogicalType.string());
    assertThat(MARIADB.readType("char")).isEqualTo(LogicalType.string(1));
  }

  @Test
  void numbers() {
    assertThat(MARIADB.readType("tinyint(1)")).isEqualTo(LogicalType.of(Kind.BOOLEAN));
    assertThat(MARIADB.readType("int unsigned")).isEqualTo(LogicalType.of(Kind.INT32));
    assertThat(MARIADB.readType("bigint(20)")).isEqualTo(LogicalType.of(Kind.INT64));
    assertThat(MARIADB.readType("decimal(12, 2)")).isEqualTo(LogicalType.decimal(12, 2));
    assertThat(MARIADB.readType("decimal")).isEqualTo(LogicalType.decimal(10, 0));
    assertThat(MARIADB.readType("real")).isEqualTo(LogicalType.of(Kind.FLOAT64));
    assertThat(MARIADB.readType("float")).isEqualTo(LogicalType.of(Kind.FLOAT32));
  }

  /** datetime is a wall-clock reading; timestamp converts through the session's zone, a point in time. */
  @Test
  void datetimeIsWallClock_timestampIsAMoment() {
    assertThat(MARIADB.readType("datetime(6)")).isEqualTo(LogicalType.of(Kind.LOCAL_DATE_TIME));
    assertThat(MARIADB.readType("DATETIME")).isEqualTo(LogicalType.of(Kind.LOCAL_DATE_TIME));
    assertThat(MARIADB.readType("timestamp(3)")).isEqualTo(LogicalType.of(Kind.INSTANT));
    assertThat(MARIADB.readType("time(6)")).isEqualTo(LogicalType.of(Kind.TIME));
  }

  @Test
  void uuidIsMariaDbsOwn_andUnknownTypesAreNone() {
    assertThat(MARIADB.readType("uuid")).isEqualTo(LogicalType.of(Kind.UUID));
    assertThat(MYSQL.readType("uuid")).isNull();
    assertThat(MYSQL.readType("json")).isEqualTo(LogicalType.of(Kind.JSON));
    assertThat(MYSQL.readType("longblob")).isEqualTo(LogicalType.of(Kind.BINARY));
    assertThat(MYSQL.readType("bit(8)")).isNull();
    assertThat(MYSQL.readType("set('a','b')")).isNull();
  }
}
