package dev.schemac.processor.targets.sqlite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.compileOk;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.file;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.read;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.type;
import static dev.schemac.processor.targets.sqlite.SqliteMigrations.version;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.testing.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files as Flyway (flyway-core alone: its SQLite support needs no other module) applies them,
 * on a connection that enforces foreign keys: a rebuild of a parent table whose child references it
 * with ON DELETE CASCADE keeps every child row; without its {@code .conf} Flyway refuses the file;
 * and what the pragma and the file's own transaction prevent is shown by running the same
 * statements the way Flyway runs a transactional file.
 */
class SqliteFlywayTest {
  /** The versions, compiled once for the class: v1, v2 (a parent rebuilt), v3 (v1, then a NOT NULL). */
  @TempDir static Path versions;

  @TempDir Path dir;

  private static final JavaFileObject CHILD = type("Child", "@Table public record Child(@Id(generated ="
      + " Id.Generated.IDENTITY) long id, @References(value = Parent.class, onDelete = ReferentialAction.CASCADE)"
      + " @Indexed long parentId, String label) {}");

  private static JavaFileObject parent(int nameLength, String note) {
    return type("Parent", "@Table public record Parent(@Id(generated = Id.Generated.IDENTITY) long id,"
        + " @Column(length = " + nameLength + ") String name, " + note + " String note) {}");
  }

  private Flyway flyway(Path db, Path locations) {
    return Flyway.configure().dataSource(SqliteDatabase.url(db, true), null, null).loggers("slf4j")
        .locations("filesystem:" + locations).validateMigrationNaming(true).load();
  }

  @BeforeAll
  static void compileVersions() {
    compileOk(versions.resolve("v1"), version("1", parent(20, "@Nullable"), CHILD));
    copyHistory(versions.resolve("v1"), versions.resolve("v2"));
    compileOk(versions.resolve("v2"), version("2", parent(40, "@Nullable"), CHILD));
    copyHistory(versions.resolve("v1"), versions.resolve("v3"));
    compileOk(versions.resolve("v3"), version("2", parent(20, ""), CHILD)); // note becomes NOT NULL
  }

  @BeforeEach
  void copyVersions() {
    copyHistory(versions, dir);
  }

  private static void copyHistory(Path from, Path to) {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path copy = to.resolve(from.relativize(p).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(p, copy);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void seed(SqliteDatabase db) throws Exception {
    db.run("INSERT INTO parents (name) VALUES ('ada'), ('bob');"
        + " INSERT INTO children (parent_id, label) VALUES (1, 'a1'), (1, 'a2'), (2, 'b1')");
  }

  /** The version's lock limit is the connection's busy_timeout once the file ran (0: the longest SQLite takes). */
  @Test
  void lockLimit_isTheConnectionsBusyTimeout() throws Exception {
    compileOk(dir.resolve("limited"), version("version = 1, lockTimeout = \"2s\"", parent(20, "@Nullable"), CHILD));
    compileOk(dir.resolve("unlimited"), version("version = 1, lockTimeout = \"0\"", parent(20, "@Nullable"), CHILD));
    assertThat(read(file(dir.resolve("v1"), "sqlite/migration", "V1__"))).contains("PRAGMA busy_timeout = 5000;");
    String[][] expected = {{"limited", "2000"}, {"unlimited", String.valueOf(Integer.MAX_VALUE)}};
    for (String[] e : expected) {
      try (SqliteDatabase sqlite = SqliteDatabase.create(dir.resolve(e[0] + ".db"))) {
        sqlite.apply(file(dir.resolve(e[0]), "sqlite/migration", "V1__"));
        assertWithMessage(e[0]).that(sqlite.value("PRAGMA busy_timeout")).isEqualTo(e[1]);
      }
    }
  }

  @Test
  void flywayAppliesTheHistory_andTheRebuildOfAParentKeepsEveryChildRow() throws Exception {
    Path db = dir.resolve("app.db");
    flyway(db, dir.resolve("v1/sqlite/migration")).migrate();
    try (SqliteDatabase sqlite = SqliteDatabase.create(db)) {
      seed(sqlite);
    }
    assertThat(read(file(dir.resolve("v2"), "sqlite/migration", "V2__"))).contains("parents is rebuilt");
    var result = flyway(db, dir.resolve("v2/sqlite/migration")).migrate();
    assertThat(result.migrationsExecuted).isEqualTo(1);
    try (SqliteDatabase sqlite = SqliteDatabase.create(db)) {
      assertThat(sqlite.rows("SELECT label FROM children ORDER BY id")).containsExactly("a1", "a2", "b1").inOrder();
      assertThat(sqlite.rows("SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1 1", "2 1").inOrder();
      sqlite.run("INSERT INTO parents (name) VALUES ('" + "c".repeat(40) + "')");
      assertThat(sqlite.failure("INSERT INTO children (parent_id, label) VALUES (99, 'x')"))
          .contains("FOREIGN KEY constraint failed");
    }
  }

  @Test
  void withoutItsConf_flywayRefusesTheFile() throws Exception {
    Path db = dir.resolve("app.db");
    flyway(db, dir.resolve("v1/sqlite/migration")).migrate();
    Files.delete(Path.of(file(dir.resolve("v2"), "sqlite/migration", "V2__") + ".conf"));
    FlywayException e = assertThrows(FlywayException.class, () -> flyway(db, dir.resolve("v2/sqlite/migration"))
        .migrate());
    assertThat(e.getMessage()).contains("Detected both transactional and non-transactional statements");
  }

  /**
   * The trap the file's shape avoids: the same statements in one transaction (as Flyway runs a file
   * without {@code executeInTransaction=false}), where {@code PRAGMA foreign_keys = OFF} does
   * nothing, so dropping the old parent table deletes its children through ON DELETE CASCADE, and
   * nothing fails.
   */
  @Test
  void theSameStatementsInsideOneTransaction_wouldEmptyTheChildTable() throws Exception {
    try (SqliteDatabase db = SqliteDatabase.create(dir.resolve("trap.db"))) {
      db.apply(file(dir.resolve("v2"), "sqlite/migration", "V1__"));
      seed(db);
      String v2 = read(file(dir.resolve("v2"), "sqlite/migration", "V2__"));
      String body = v2.substring(v2.indexOf("SAVEPOINT schemac_migration;") + "SAVEPOINT schemac_migration;".length(),
          v2.indexOf("-- every foreign key holds"));
      db.run("BEGIN; PRAGMA foreign_keys = OFF; " + body + " COMMIT;");
      assertThat(db.value("SELECT count(*) FROM children")).isEqualTo("0");
    }
  }

  @Test
  void aFailingUp_leavesTheDatabaseAsItWas_andRunsOnceTheDataIsFixed() throws Exception {
    Path db = dir.resolve("app.db");
    flyway(db, dir.resolve("v1/sqlite/migration")).migrate();
    try (SqliteDatabase sqlite = SqliteDatabase.create(db)) {
      seed(sqlite); // the notes are NULL
    }
    assertThrows(FlywayException.class, () -> flyway(db, dir.resolve("v3/sqlite/migration")).migrate());
    try (SqliteDatabase sqlite = SqliteDatabase.create(db)) {
      assertThat(sqlite.value("SELECT \"notnull\" FROM pragma_table_info('parents') WHERE name = 'note'"))
          .isEqualTo("0");
      assertThat(sqlite.rows("SELECT version FROM flyway_schema_history WHERE success = 1")).containsExactly("1");
      assertThat(sqlite.value("SELECT count(*) FROM children")).isEqualTo("3");
      sqlite.run("UPDATE parents SET note = 'fixed'");
    }
    flyway(db, dir.resolve("v3/sqlite/migration")).migrate();
    try (SqliteDatabase sqlite = SqliteDatabase.create(db)) {
      assertThat(sqlite.value("SELECT \"notnull\" FROM pragma_table_info('parents') WHERE name = 'note'"))
          .isEqualTo("1");
      assertThat(sqlite.value("SELECT count(*) FROM children")).isEqualTo("3");
    }
  }
}
