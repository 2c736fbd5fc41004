package dev.schemac.processor.targets.mysqlfamily;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.testing.EmbeddedMariaDb;
import dev.schemac.processor.testing.EmbeddedMariaDb.Server;
import dev.schemac.processor.testing.EmbeddedMariaDb.TestDatabase;
import java.sql.SQLException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What docs/targets/mariadb.md ("What a MySQL DBA expects flagged") says the engine does, where no
 * test of a generated file shows it: held on MariaDB 11.4.5 and 10.11.5, in the session every
 * schemac file sets up (strict {@code sql_mode}).
 */
class MariaDbFactsTest {
  private static final String STRICT = "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
      + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

  @Test
  void whatTheDbaTableSaysTheEngineDoes() throws SQLException {
    String values = IntStream.rangeClosed(1, 255).mapToObj(i -> "'V" + i + "'").collect(Collectors.joining(","));
    for (Server server : Server.values()) {
      try (TestDatabase db = EmbeddedMariaDb.freshDatabase(server)) {
        db.execute(STRICT);
        // MF104: NOT NULL on a column holding NULL fails in strict mode instead of writing 0
        db.execute("CREATE TABLE n (id INT PRIMARY KEY, v INT NULL) ENGINE=InnoDB");
        db.execute("INSERT INTO n VALUES (1, NULL)");
        assertThat(db.failure("ALTER TABLE n MODIFY v INT NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"))
            .contains("Data truncated");
        assertThat(db.rows("SELECT coalesce(v, 'NULL') FROM n")).containsExactly("NULL");
        // MY111: a reorder of ENUM values is no metadata change
        db.execute("CREATE TABLE e (id INT PRIMARY KEY, s ENUM('X','Y') NOT NULL) ENGINE=InnoDB");
        assertThat(db.failure("ALTER TABLE e MODIFY s ENUM('Y','X') NOT NULL, ALGORITHM=INSTANT")).contains("Try ALGORITHM=COPY");
        // MY113: the 255th value is instant, the 256th is not
        db.execute("CREATE TABLE e2 (id INT PRIMARY KEY, s ENUM(" + values.substring(0, values.lastIndexOf(','))
            + ") NOT NULL) ENGINE=InnoDB");
        db.execute("ALTER TABLE e2 MODIFY s ENUM(" + values + ") NOT NULL, ALGORITHM=INSTANT");
        assertThat(db.failure("ALTER TABLE e2 MODIFY s ENUM(" + values + ",'V256') NOT NULL, ALGORITHM=INSTANT"))
            .contains("Try ALGORITHM=COPY");
        // an AUTO_INCREMENT column cannot be added without blocking writes
        assertThat(db.failure("ALTER TABLE n ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (seq),"
            + " ALGORITHM=INPLACE, LOCK=NONE")).contains("Try LOCK=SHARED");
        // a foreign key between INT and BIGINT is refused; an inline REFERENCES makes a foreign key
        db.execute("CREATE TABLE p (id BIGINT PRIMARY KEY) ENGINE=InnoDB");
        assertThat(db.failure("CREATE TABLE c (id INT PRIMARY KEY, p_id INT, FOREIGN KEY (p_id) REFERENCES p (id))"
            + " ENGINE=InnoDB")).contains("errno: 150");
        db.execute("CREATE TABLE c2 (id INT PRIMARY KEY, p_id BIGINT REFERENCES p (id)) ENGINE=InnoDB");
        assertThat(db.rows("SELECT count(*) FROM information_schema.referential_constraints"
            + " WHERE constraint_schema = DATABASE() AND table_name = 'c2'")).containsExactly("1");
        // the server's lock waits, which every schemac file shortens to 5 s
        assertThat(db.rows("SELECT @@global.lock_wait_timeout, @@global.innodb_lock_wait_timeout"))
            .containsExactly("86400|50");
      }
    }
  }
}
