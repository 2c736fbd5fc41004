package dev.schemac.processor.targets.mysqlfamily;

import java.util.Set;

/**
 * Where MariaDB and MySQL differ, as far as schemac's DDL feels it: everything else about the two
 * (InnoDB, backtick quoting, ALTER TABLE with ALGORITHM and LOCK, ENUM columns, ON UPDATE
 * CURRENT_TIMESTAMP) is shared by the classes of this package.
 *
 * @param id the target id ({@code mariadb}, {@code mysql})
 * @param displayName how messages name it
 * @param versions the versions the target is for, as the docs and file headers say
 * @param collation the utf8mb4 collation of every table: binary and NO PAD, so that equality,
 *     uniqueness and ordering are those of PostgreSQL's deterministic collations
 * @param reservedWords the engine's reserved words (lowercase): as a name they need backticks
 * @param uuidType MariaDB's {@code UUID} type; without it, {@code BINARY(16)}
 * @param ifExists {@code IF [NOT] EXISTS} on every DDL statement (MariaDB); without it, each
 *     statement is guarded by a look-up in information_schema (MySQL)
 * @param functionalIndexes index key parts that are expressions (MySQL 8.0.13+); without them an
 *     expression is indexed through a generated column (MariaDB)
 * @param sequences free-standing sequences (MariaDB 10.3+)
 * @param instantVarcharGrowth a longer VARCHAR is a metadata change within the same length-byte
 *     size, and past 255 bytes from below 128 (MariaDB 10.4+, ROW_FORMAT=DYNAMIC; from 128-255
 *     bytes to more it copies); without it, in place within the same size only
 * @param statementTimeout a session limit on how long any statement runs, DDL included
 *     ({@code max_statement_time}, MariaDB); MySQL's {@code max_execution_time} limits only SELECT
 * @param generatedNotNull a generated column may be declared NOT NULL (MySQL); MariaDB refuses
 *     the constraint there, and the expression alone decides whether the value can be NULL
 * @param maxKeyParts the most columns one index or key may have: 32 on MariaDB (measured on
 *     11.4.5: "Too many key parts specified; max 32 parts allowed"), 16 on MySQL (its manual)
 */
public record Engine(
    String id,
    String displayName,
    String versions,
    String collation,
    Set<String> reservedWords,
    boolean uuidType,
    boolean ifExists,
    boolean functionalIndexes,
    boolean sequences,
    boolean instantVarcharGrowth,
    boolean statementTimeout,
    boolean generatedNotNull,
    int maxKeyParts) {

  public Engine {
    reservedWords = Set.copyOf(reservedWords);
  }
}
