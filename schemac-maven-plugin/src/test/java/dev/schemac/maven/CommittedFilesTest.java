package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed files of one target among several, in the shop's folder. */
class CommittedFilesTest {
  private static int checksum(Path file) throws Exception {
    return FlywayChecksum.of(Files.readString(file, UTF_8));
  }

  @Test
  void aScriptThatIsAnotherTargetsFile_namesThatTarget() throws Exception {
    Path db = ShopFixture.copy();
    String v1 = "V1__initial_schema.sql";
    int mysql = checksum(db.resolve("mysql/migration").resolve(v1));
    int mariadb = checksum(db.resolve("mariadb/migration").resolve(v1));
    assertThat(mysql).isNotEqualTo(mariadb);

    assertThat(CommittedFiles.of(db, "mariadb").otherTargetHint(v1, mysql)).isEqualTo(" (it is the committed file of"
        + " the mysql target: if this database is MySQL, pass -Dschemac.target=mysql)");
    assertThat(CommittedFiles.of(db, "mysql").otherTargetHint(v1, mariadb)).isEqualTo(" (it is the committed file of"
        + " the mariadb target: if this database is MariaDB, pass -Dschemac.target=mariadb)");
  }

  @Test
  void aScriptNoTargetHas_getsNoHint() throws Exception {
    Path db = ShopFixture.copy();
    String v1 = "V1__initial_schema.sql";
    int mariadb = checksum(db.resolve("mariadb/migration").resolve(v1));

    assertThat(CommittedFiles.of(db, "mariadb").otherTargetHint(v1, mariadb + 1)).isEmpty();
    assertThat(CommittedFiles.of(db, "mariadb").otherTargetHint(v1, mariadb)).isEmpty(); // its own: no other target's
    assertThat(CommittedFiles.of(db, "mariadb").otherTargetHint(v1, null)).isEmpty();
    assertThat(CommittedFiles.of(db, "mariadb").otherTargetHint("V9__nothing.sql", mariadb)).isEmpty();
  }
}
