package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code mvn schemac:...} commands README and docs/maven-plugin.md show are ones the plugin
 * accepts: each goal exists, each {@code -D} property is one the goal reads (its parameters' in the
 * plugin's descriptor, or Flyway's that the database goals fall back to), each required one is
 * given, and each URL and target is one {@link Engine} takes. README shows undo and drift for every
 * engine the goals connect to.
 */
class ReadmeCommandsTest {
  private static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
  /** The Flyway properties {@link DatabaseMojo} falls back to. */
  private static final Set<String> FLYWAY = Set.of("flyway.url", "flyway.user", "flyway.password", "flyway.table",
      "flyway.defaultSchema", "flyway.schemas");
  private static final Pattern GOAL = Pattern.compile("^(?:schemac|dev\\.schemac:schemac-maven-plugin:[^:]+):(\\w+)$");
  private static final Pattern PROPERTY = Pattern.compile("^-D([\\w.]+)=(.*)$");
  private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{([\\w.]+)}$");

  /** A goal's properties, and those of them it requires. */
  private record Goal(Set<String> properties, Set<String> required) {}

  private record Command(String file, String line, String goal, Map<String, String> properties) {}

  private static Map<String, Goal> goals() throws Exception {
    Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
        .getDocumentElement();
    Map<String, Goal> goals = new HashMap<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      // <configuration><to implementation="...">${schemac.to}</to>: the parameter a property sets
      Map<String, String> propertyOf = new HashMap<>();
      Set<String> defaulted = new TreeSet<>();
      Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
      for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
        Matcher m = EXPRESSION.matcher(n.getTextContent().strip());
        if (n instanceof Element e && m.matches()) {
          propertyOf.put(e.getTagName(), m.group(1));
          if (e.hasAttribute("default-value")) {
            defaulted.add(e.getTagName());
          }
        }
      }
      Set<String> required = new TreeSet<>();
      NodeList parameters = mojo.getElementsByTagName("parameter");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element parameter = (Element) parameters.item(j);
        String name = text(parameter, "name");
        if (text(parameter, "required").equals("true") && propertyOf.containsKey(name) && !defaulted.contains(name)) {
          required.add(propertyOf.get(name));
        }
      }
      Set<String> properties = new TreeSet<>(propertyOf.values());
      goals.put(text(mojo, "goal"), new Goal(properties, required));
    }
    return goals;
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  /** The {@code mvn} lines naming one of schemac's goals in the file's code blocks, continuation lines joined. */
  private static List<Command> commands(String file) throws Exception {
    List<Command> commands = new ArrayList<>();
    boolean code = false;
    StringBuilder pending = new StringBuilder();
    for (String raw : Files.readAllLines(Path.of("..").resolve(file), UTF_8)) {
      if (raw.startsWith("```")) {
        code = !code;
        continue;
      }
      if (!code) {
        continue;
      }
      String line = raw.replaceAll("\\s+#.*$", "").strip();
      pending.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) + " " : line);
      if (line.endsWith("\\")) {
        continue;
      }
      String command = pending.toString().strip();
      pending.setLength(0);
      if (!command.startsWith("mvn ")) {
        continue;
      }
      String goal = null;
      Map<String, String> properties = new LinkedHashMap<>();
      for (String token : command.split("\\s+")) {
        Matcher g = GOAL.matcher(token);
        Matcher p = PROPERTY.matcher(token);
        if (g.matches()) {
          goal = g.group(1);
        } else if (p.matches()) {
          properties.put(p.group(1), p.group(2));
        }
      }
      if (goal != null) {
        commands.add(new Command(file, command, goal, properties));
      }
    }
    return commands;
  }

  private static void checkAccepted(Command command, Map<String, Goal> goals) throws Exception {
    Goal goal = goals.get(command.goal());
    assertWithMessage(command.file() + ": " + command.line()).that(goal).isNotNull();
    for (String property : command.properties().keySet()) {
      boolean flyway = FLYWAY.contains(property) && !command.goal().equals("verify");
      assertWithMessage(command.file() + ": " + command.line() + ": -D" + property + " is not a property of schemac:"
          + command.goal() + " " + goal.properties()).that(flyway || goal.properties().contains(property)).isTrue();
    }
    assertWithMessage(command.file() + ": " + command.line()).that(command.properties().keySet())
        .containsAtLeastElementsIn(goal.required());
    String url = command.properties().get("schemac.url");
    if (url != null) {
      Engine.of(url).target(command.properties().get("schemac.target")); // throws what the goal would say
    }
  }

  @Test
  void readmesCommands_areOnesTheGoalsAccept_andCoverEveryEngine() throws Exception {
    Map<String, Goal> goals = goals();
    assertThat(goals.keySet()).containsExactly("verify", "undo", "drift");
    assertThat(goals.get("undo").required()).containsExactly("schemac.to");
    List<Command> commands = commands("README.md");
    assertThat(commands.size()).isAtLeast(10);
    for (Command command : commands) {
      checkAccepted(command, goals);
    }
    assertThat(commands.stream().map(Command::goal).distinct().toList()).containsExactly("verify", "undo", "drift");
    for (Engine engine : Engine.values()) {
      for (String goal : List.of("undo", "drift")) {
        assertWithMessage("README shows schemac:" + goal + " on " + engine.displayName).that(commands.stream()
            .anyMatch(c -> c.goal().equals(goal) && c.properties().getOrDefault("schemac.url", "")
                .startsWith(engine.urlPrefix))).isTrue();
      }
    }
  }

  @Test
  void thePluginDocsCommands_areOnesTheGoalsAccept() throws Exception {
    Map<String, Goal> goals = goals();
    List<Command> commands = commands("docs/maven-plugin.md");
    assertThat(commands.size()).isAtLeast(10);
    for (Command command : commands) {
      checkAccepted(command, goals);
    }
  }
}
