package dev.schemac.processor.targets.mariadb;

import dev.schemac.processor.targets.mysqlfamily.Engine;
import dev.schemac.processor.targets.mysqlfamily.MySqlFamilyTarget;
import dev.schemac.processor.targets.mysqlfamily.ReservedWords;

/**
 * MariaDB 10.11 and 11.4 (tested on 11.4.5; the schema and the portable sample's history on 10.11.5
 * too): InnoDB tables in utf8mb4 with a binary NO PAD collation, UUIDs in MariaDB's own UUID type,
 * expression indexes through generated columns, IF [NOT] EXISTS on every statement of a migration.
 * Its files go under {@code mariadb/}. See docs/targets/mariadb.md.
 */
public final class MariaDbTarget extends MySqlFamilyTarget {
  public static final String ID = "mariadb";

  /** What MariaDB is, as the shared MySQL-family code needs it. */
  public static final Engine ENGINE = new Engine(ID, "MariaDB", "10.11 and 11.4", "utf8mb4_nopad_bin",
      ReservedWords.MARIADB, true, true, false, true, true, true, false, 32);

  public MariaDbTarget() {
    super(ENGINE);
  }
}
