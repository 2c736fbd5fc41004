package dev.schemac.processor.targets.mysql;

import dev.schemac.processor.targets.mysqlfamily.Engine;
import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyTarget;
import dev.schemac.processor.targets.mysqlfamily.ReservedWords;

/**
 * MySQL 8.4 LTS: InnoDB tables in utf8mb4 with the binary NO PAD collation {@code utf8mb4_0900_bin},
 * UUIDs in BINARY(16), functional indexes, and, since MySQL has no IF [NOT] EXISTS on columns,
 * indexes and constraints, each statement of a migration prepared from a look-up in
 * information_schema. Its files go under {@code mysql/}. See docs/targets/mysql.md for what was
 * verified against what: MySQL itself cannot be obtained where schemac is tested.
 */
public final class MySqlTarget extends MySqlFamilyTarget {
  public static final String ID = "mysql";

  /** What MySQL is, as the shared MySQL-family code needs it. */
  public static final Engine ENGINE = new Engine(ID, "MySQL", "8.4 LTS", "utf8mb4_0900_bin", ReservedWords.MYSQL,
      false, false, true, false, false, false, true, 16);

  public MySqlTarget() {
    super(ENGINE);
  }
}
