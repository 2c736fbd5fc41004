package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.maven.PluginMessages.tagged;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The engine a URL names, and the target whose files run on it ({@code -Dschemac.target}). */
class EngineTest {
  @Test
  void theUrlPicksTheEngine_andItsOwnTargetByDefault() throws Exception {
    assertThat(Engine.of("jdbc:postgresql://h/db").target(null)).isEqualTo("postgresql");
    assertThat(Engine.of("jdbc:mariadb://h/db").target("")).isEqualTo("mariadb");
    assertThat(Engine.of("jdbc:mysql://h/db").target(null)).isEqualTo("mysql");
    assertThat(Engine.of("jdbc:sqlite:shop.db").target(null)).isEqualTo("sqlite");
  }

  @Test
  void mariadbAndMysql_takeEachOthersTarget() throws Exception {
    assertThat(Engine.MARIADB.target("mysql")).isEqualTo("mysql");
    assertThat(Engine.MYSQL.target("mariadb")).isEqualTo("mariadb");
    assertThat(Engine.POSTGRESQL.target("postgresql")).isEqualTo("postgresql");
  }

  @Test
  void aTargetOfAnotherEngine_isRefused() {
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> Engine.MARIADB.target("sqlite"));
    assertThat(e).hasMessageThat().isEqualTo(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=sqlite does not run on"
        + " MariaDB (jdbc:mariadb:...): the files of a target run on its own engine only (mariadb and mysql share theirs)"));
    e = assertThrows(MojoFailureException.class, () -> Engine.POSTGRESQL.target("mysql"));
    assertThat(e).hasMessageThat().startsWith(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=mysql does not run on"
        + " PostgreSQL"));
  }

  @Test
  void anUnknownTarget_isRefused_namingTheAllowedValues() {
    for (String wrong : new String[] {"oracle", "MySQL", "mongodb"}) {
      MojoFailureException e = assertThrows(MojoFailureException.class, () -> Engine.MARIADB.target(wrong));
      assertThat(e).hasMessageThat().isEqualTo(PluginErrorId.INVALID_TARGET.message("-Dschemac.target=" + wrong
          + " is not one of schemac's SQL targets: postgresql, mariadb, mysql, sqlite"));
    }
  }

  @Test
  void aUrlOfAnotherEngine_isRefused_namingTheEnginesTheGoalsConnectTo() {
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> Engine.of("jdbc:oracle:thin:@h:1521/x"));
    assertThat(e).hasMessageThat().containsMatch(tagged(PluginErrorId.UNSUPPORTED_URL, "PostgreSQL"
        + " (jdbc:postgresql://host:port/database), MariaDB (jdbc:mariadb://host:port/database), MySQL"
        + " (jdbc:mysql://host:port/database) and SQLite"));
  }
}
