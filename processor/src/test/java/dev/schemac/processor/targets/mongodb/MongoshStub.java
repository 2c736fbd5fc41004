package dev.schemac.processor.targets.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generated mongosh script under Node.js (Debian's {@code nodejs}, on every machine of this
 * project's kind) against {@code mongodb/mongosh-stub.js}, a recording stand-in for {@code db}: the
 * script must parse as plain JavaScript, use nothing but what the stand-in offers, and the calls it
 * made come back as JSON, {@code [{"on", "method", "arguments"}]}.
 */
final class MongoshStub {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MongoshStub() {}

  /** The calls {@code script} makes, in order; fails with Node's own message when it does not run. */
  static JsonNode run(Path script) throws IOException, InterruptedException {
    Path stub;
    try {
      stub = Path.of(MongoshStub.class.getClassLoader().getResource("mongodb/mongosh-stub.js").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Process node;
    try {
      node = new ProcessBuilder("node", stub.toString(), script.toString()).start();
    } catch (IOException e) {
      throw new AssertionError("Node.js is needed to run the generated mongosh scripts (Debian's nodejs package:"
          + " apt-get install nodejs): " + e.getMessage(), e);
    }
    byte[] out = node.getInputStream().readAllBytes();
    String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(60, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("node did not finish " + script);
    }
    if (node.exitValue() != 0) {
      throw new AssertionError("node refused " + script + ":\n" + err);
    }
    return JSON.readTree(out);
  }
}
