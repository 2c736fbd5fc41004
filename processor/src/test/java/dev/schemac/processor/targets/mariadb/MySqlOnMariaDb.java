package dev.schemac.processor.targets.mariadb;

/**
 * The {@code mysql} target's files as the MariaDB of the tests runs them. MySQL cannot be
 * obtained where schemac is tested (docs/targets/mysql.md), so its files are run on MariaDB 11.4
 * where MariaDB accepts them. One word is read as MariaDB's equivalent: MySQL 8's binary NO PAD
 * utf8mb4 collation {@code utf8mb4_0900_bin}, which MariaDB 11.4 does not know, becomes MariaDB's
 * {@code utf8mb4_nopad_bin}, the same comparison (code point order, no pad). Nothing else changes.
 */
final class MySqlOnMariaDb {
  static final String MYSQL_COLLATION = "utf8mb4_0900_bin";
  static final String MARIADB_COLLATION = "utf8mb4_nopad_bin";

  private MySqlOnMariaDb() {}

  static String script(String mysql) {
    return mysql.replace("COLLATE=" + MYSQL_COLLATION, "COLLATE=" + MARIADB_COLLATION);
  }
}
