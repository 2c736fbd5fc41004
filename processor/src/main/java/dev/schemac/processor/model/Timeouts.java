package dev.schemac.processor.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time limits of a version's migration files, engine-neutral (each target spells them):
 * how long a statement waits for a lock; how long a statement of a transactional file may run;
 * how long one of a non-transactional file may run (index builds and validations, which take as
 * long as the table is large). {@link Duration#ZERO} means no limit.
 */
public record Timeouts(Duration lock, Duration statement, Duration nonTransactionalStatement) {
  /** 5 s for locks, 5 min for a transactional statement, no limit for the non-transactional steps. */
  public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ZERO);

  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|min|h)?\\s*");

  /** {@code 5s}, {@code 250ms}, {@code 15min}, {@code 1h}, {@code 0}; null when {@code text} is not one. */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    if (m.group(2) == null) {
      return n == 0 ? Duration.ZERO : null; // a number needs its unit, but for 0
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "min" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** What the forms are, for messages. */
  public static final String FORMS = "a number and a unit (ms, s, min, h), such as 5s or 15min, or 0 for no limit";

  /** {@code d} in the largest unit that divides it: {@code 5min}, {@code 1500ms}, {@code 0}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "min";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
