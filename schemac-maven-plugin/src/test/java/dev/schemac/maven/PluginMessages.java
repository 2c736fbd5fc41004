package dev.schemac.maven;

import java.util.regex.Pattern;

/** What the plugin's tests assert with: a message of one id that says one thing. */
public final class PluginMessages {
  private PluginMessages() {}

  /**
   * A pattern that matches {@code [schemac:<id>]} followed, on the same line, by {@code fragment}:
   * in a message, or in Maven's output, where each message is a line.
   */
  public static String tagged(PluginErrorId id, String fragment) {
    return Pattern.quote(id.tag()) + "[^\\n]*?" + Pattern.quote(fragment);
  }
}
