package dev.schemac.processor.testing;

import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.rules.MigrationRule;
import dev.schemac.processor.rules.Rule;
import dev.schemac.processor.targets.RuleCatalog;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What a test expects of a diagnostic, for compile-testing's {@code hadErrorContainingMatch} and
 * {@code hadWarningContainingMatch}: its stable id first, then what it says. The id is what the
 * test holds on to; the fragment only tells it from the others of the same id.
 */
public final class Diagnostics {
  private Diagnostics() {}

  /**
   * A pattern that matches a message carrying {@code id} (a catalog error's {@code [schemac:id]}
   * or a rule finding's {@code [schemac:id; see ...]}) and containing {@code fragment}. Fails on an
   * id that is neither in the catalog nor a rule, so that a typo cannot make an assertion vacuous.
   */
  public static String tagged(String id, String fragment) {
    boolean known = Arrays.stream(ErrorId.values()).anyMatch(e -> e.id().equals(id))
        || RuleCatalog.schemaRules().stream().map(Rule::id).anyMatch(id::equals)
        || RuleCatalog.migrationRules().stream().map(MigrationRule::id).anyMatch(id::equals);
    if (!known) {
      throw new IllegalArgumentException("no diagnostic has id " + id + ": see docs/errors.md and docs/rules.md");
    }
    return "(?s)^(?=.*\\[schemac:" + Pattern.quote(id) + "[\\];]).*" + Pattern.quote(fragment);
  }
}
