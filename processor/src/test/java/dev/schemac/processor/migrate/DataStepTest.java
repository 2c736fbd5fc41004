package dev.schemac.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemac.processor.migrate.MigrationScenarioTest.compileOk;
import static dev.schemac.processor.migrate.MigrationScenarioTest.down;
import static dev.schemac.processor.migrate.MigrationScenarioTest.failure;
import static dev.schemac.processor.migrate.MigrationScenarioTest.read;
import static dev.schemac.processor.migrate.MigrationScenarioTest.rows;
import static dev.schemac.processor.migrate.MigrationScenarioTest.snapshot;
import static dev.schemac.processor.migrate.MigrationScenarioTest.type;
import static dev.schemac.processor.migrate.MigrationScenarioTest.up;
import static dev.schemac.processor.migrate.MigrationScenarioTest.version;

import com.google.testing.compile.Compilation;
import dev.schemac.processor.testing.Diagnostics;
import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import dev.schemac.processor.testing.SchemacCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written data step in a generated version ({@code data/V{N}__d.sql}): a backfill that lets
 * a NOT NULL column without a default be added to a table with rows, run between the column's
 * ADD and its NOT NULL, on PostgreSQL: up with rows, down, up again.
 */
class DataStepTest {
  private static final JavaFileObject USER_V1 = type("User", "@Table public record User(@Id UUID id, String name) {}");
  private static final JavaFileObject USER_V2 = type("User",
      "@Table public record User(@Id UUID id, String name, String email) {}");

  @TempDir Path dir;

  @Test
  void backfill_runsAfterTheColumnIsAdded_andBeforeItBecomesNotNull() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"),
        "-- every existing user gets an address derived from the name\n"
            + "UPDATE users SET email = lower(name) || '@example.com';\n");

    compileOk(dir, version(2, USER_V2));

    String v2 = read(dir.resolve("migration/V2__add_users_email.sql"));
    int add = v2.indexOf("ALTER TABLE users ADD COLUMN email text;");
    int step = v2.indexOf("-- Data step, hand-written: data/V2__backfill_emails.sql");
    int check = v2.indexOf("CHECK (email IS NOT NULL) NOT VALID");
    assertThat(add).isAtLeast(0);
    assertThat(step).isGreaterThan(add);
    assertThat(check).isGreaterThan(step);
    assertThat(v2).contains("UPDATE users SET email = lower(name) || '@example.com';");
    assertThat(read(dir.resolve("migration/V2.1__add_users_email.sql"))).contains("ALTER TABLE users ALTER COLUMN"
        + " email SET NOT NULL;");
    assertThat(read(dir.resolve("undo/U2__add_users_email.sql"))).contains("-- data/V2__backfill_emails.sql has no"
        + " down (no data/U2__backfill_emails.sql): nothing to undo for it.");
    assertThat(read(dir.resolve("snapshots/v2.json"))).contains("\"data/V2__backfill_emails.sql\": \"");

    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      up(db, dir, 1);
      db.executeScript("INSERT INTO users (id, name) VALUES (gen_random_uuid(), 'Ada'), (gen_random_uuid(), 'Grace')");
      Map<String, Object> atOne = snapshot(db);

      up(db, dir, 2);
      assertThat(rows(db, "SELECT email FROM users ORDER BY email")).containsExactly("ada@example.com",
          "grace@example.com").inOrder();
      assertThat(failure(db, "INSERT INTO users (id, name) VALUES (gen_random_uuid(), 'Linus')")).isEqualTo("23502");

      down(db, dir, 2);
      assertThat(snapshot(db)).isEqualTo(atOne);
      up(db, dir, 2);
      assertThat(rows(db, "SELECT count(*) FROM users WHERE email IS NOT NULL")).containsExactly("2");
    }
  }

  @Test
  void withoutADataStep_theSameChange_isNotNullWithoutDefault() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Compilation c = SchemacCompiler.compile(dir, version(2, USER_V2)).compilation();
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[schemac:not-null-without-default;");
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("not-null-without-default",
            "fill it with a data step in this version (data/V{N}__d.sql"));
  }

  @Test
  void aDataStepDown_runsInTheUndo_beforeWhatTheVersionAdded() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"), "UPDATE users SET email = name;\n");
    Files.writeString(dir.resolve("data/U2__backfill_emails.sql"), "UPDATE users SET name = email;\n");

    compileOk(dir, version(2, USER_V2));

    String u2 = read(dir.resolve("undo/U2__add_users_email.sql"));
    int stepDown = u2.indexOf("-- Data step, hand-written: data/U2__backfill_emails.sql\nUPDATE users SET name = email;");
    int drop = u2.indexOf("ALTER TABLE users DROP COLUMN email;");
    assertThat(stepDown).isAtLeast(0);
    assertThat(drop).isGreaterThan(stepDown);
  }

  @Test
  void aReleasedDataStep_editedByHand_isAnError() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"), "UPDATE users SET email = name;\n");
    compileOk(dir, version(2, USER_V2));
    compileOk(dir, version(3, USER_V2));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"), "UPDATE users SET email = 'x';\n");

    Compilation c = SchemacCompiler.compile(dir, version(3, USER_V2)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("released-file-changed",
            "data/V2__backfill_emails.sql (edited)"));
  }

  @Test
  void twoDataStepsForOneVersion_areAnError() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__a.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("data/V2__b.sql"), "SELECT 2;\n");

    Compilation c = SchemacCompiler.compile(dir, version(2, USER_V2)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-data-step",
            "version 2 has more than one data step (data/V2__a.sql, data/V2__b.sql)"));
  }

  @Test
  void aDataStepWithoutItsFinalSemicolon_isAnError_beforeItRunsIntoTheNextStatement() throws Exception {
    compileOk(dir, version(1, USER_V1));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"), "UPDATE users SET email = name\n-- done\n");

    Compilation c = SchemacCompiler.compile(dir, version(2, USER_V2)).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-data-step",
            "data step data/V2__backfill_emails.sql does not end with a semicolon"));
    assertThat(Files.exists(dir.resolve("migration"))).isTrue(); // version 1's
    assertThat(Files.exists(dir.resolve("migration/V2__add_users_email.sql"))).isFalse();
  }

  /** With a data step on one target only, another target's up would add the NOT NULL column to rows without a value. */
  @Test
  void aDataStepForOneTargetOnly_isAnError_onTheColumnItFills() throws Exception {
    String targets = "-Aschemac.targets=postgresql,sqlite";
    compileOk(dir, version(1, USER_V1), targets);
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/V2__backfill_emails.sql"), "UPDATE users SET email = name;\n");

    Compilation c = SchemacCompiler.compile(dir, version(2, USER_V2), targets).compilation();

    assertThat(c).failed();
    assertThat(c).hadErrorContainingMatch(Diagnostics.tagged("invalid-data-step", "column users.email is added NOT"
        + " NULL without a default, which data/V2__backfill_emails.sql fills on target postgresql, but target sqlite"
        + " has no data step for version 2"));
    assertThat(c.errors().stream().filter(e -> e.getMessage(null).contains("target sqlite has no data step"))
        .map(e -> e.getSource() == null ? "no source" : e.getSource().toUri().getPath()).toList())
        .containsExactly(USER_V2.toUri().getPath()); // on the column

    Files.createDirectories(dir.resolve("sqlite/data"));
    Files.writeString(dir.resolve("sqlite/data/V2__backfill_emails.sql"), "UPDATE users SET email = name;\n");
    compileOk(dir, version(2, USER_V2), targets);
    assertThat(read(dir.resolve("sqlite/migration/V2__add_users_email.sql")))
        .contains("-- Data step, hand-written: sqlite/data/V2__backfill_emails.sql\n");
  }
}
