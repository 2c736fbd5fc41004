package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.maven.PluginMessages.tagged;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Connecting: what the goals say when there is no URL, or nothing answers at it. */
class DatabaseMojoTest {
  @Test
  void noUrl_isNoDatabaseUrl() {
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> new DriftMojo().connect());
    assertThat(e).hasMessageThat().startsWith(PluginErrorId.NO_DATABASE_URL.message("no database: pass"
        + " -Dschemac.url="));
  }

  @Test
  void nothingListening_andAUrlNoDriverTakes_areConnectionFailed() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop?password=secret";
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> new UndoMojo().connect(url));
    assertThat(e).hasMessageThat().startsWith(PluginErrorId.CONNECTION_FAILED.message("cannot connect to "));
    assertThat(e).hasMessageThat().doesNotContain("secret");

    e = assertThrows(MojoFailureException.class, () -> new UndoMojo().connect("jdbc:oracle:thin:@h:1521/x"));
    assertThat(e).hasMessageThat().containsMatch(tagged(PluginErrorId.CONNECTION_FAILED, "no bundled JDBC driver"
        + " accepts this URL"));
  }
}
