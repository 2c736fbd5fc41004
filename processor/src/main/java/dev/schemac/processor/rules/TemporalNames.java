package dev.schemac.processor.rules;

import dev.schemac.processor.model.LogicalType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a snake_case column name says the column holds a point in time (a date, a moment or
 * a time of day), for the rules that catch one stored as a number or as text. Durations
 * ({@code response_time_ms}, {@code ttl_seconds}), settings ({@code date_format},
 * {@code time_zone}), parts of a date ({@code birth_year}) and keys ({@code date_key}) are not.
 */
final class TemporalNames {
  /** What a point-in-time name holds, which decides the Java type to suggest. */
  enum Holds {
    /** A moment: {@code created_at}, {@code event_timestamp}, {@code epoch_millis}. */
    INSTANT,
    /** A calendar date: {@code birth_date}, {@code dob}, {@code due_on}. */
    DATE,
    /** A moment, or a time of day: {@code start_time}. */
    TIME
  }

  /** Precision units that may follow a point-in-time word: {@code created_at_ms}. */
  private static final Set<String> PRECISION_UNITS = Set.of(
      "ms", "msec", "msecs", "millis", "milli", "milliseconds", "s", "sec", "secs", "second", "seconds",
      "us", "usec", "micros", "microseconds", "ns", "nanos", "nanoseconds");

  private static final Set<String> ZONE_SUFFIXES = Set.of("utc", "gmt", "z");

  private static final Set<String> EPOCH = Set.of("epoch", "unix");

  /**
   * Words that make the name something other than a point in time: a duration or an amount of
   * time, a statistic, a setting or format, a part of a date, a key, a free-text description.
   */
  private static final Set<String> NOT_A_POINT = Set.of(
      // durations and amounts of time
      "duration", "elapsed", "ttl", "timeout", "interval", "age", "diff", "delta", "difference", "offset",
      "lag", "latency", "delay", "spent", "taken", "remaining", "left", "window", "budget", "days", "hours",
      "minutes", "weeks", "months", "years", "mins", "hrs",
      // statistics
      "count", "counts", "total", "sum", "avg", "average", "mean", "median", "p50", "p90", "p95", "p99",
      "stddev",
      // settings, formats, grouping
      "format", "fmt", "pattern", "template", "mask", "regex", "zone", "timezone", "tz", "locale", "style",
      "precision", "granularity", "resolution", "unit", "units", "type", "kind", "source", "field", "column",
      "range", "bucket", "slot", "period",
      // parts of a date
      "year", "month", "day", "week", "quarter", "hour", "minute", "weekday", "dow",
      // keys and positions
      "id", "ids", "key", "keys", "sk", "uuid", "guid", "index", "idx", "seq", "sequence", "version", "rank",
      "position",
      // a description or a copy kept on purpose as text
      "label", "display", "formatted", "pretty", "human", "raw", "original", "verbatim", "text",
      "description", "note", "notes", "comment", "remark");

  /** Words before {@code _time} that make it a moment (start_time), not a duration (cook_time). */
  private static final Set<String> POINT_QUALIFIERS = Set.of(
      "start", "starting", "end", "ending", "begin", "stop", "finish", "finished", "event", "login", "logon",
      "logout", "signin", "signup", "arrival", "departure", "created", "creation", "create", "updated", "update",
      "modified", "modification", "deleted", "deletion", "last", "first", "next", "expiry", "expire", "expires",
      "expiration", "scheduled", "due", "sent", "send", "received", "publish", "published", "publication",
      "release", "released", "open", "opening", "close", "closing", "pickup", "dropoff", "checkin", "checkout",
      "completion", "completed", "submit", "submitted", "submission", "access", "accessed", "birth", "death",
      "registration", "registered", "issue", "issued", "entry", "exit", "alarm", "appointment", "booking",
      "meeting", "takeoff", "landing", "kickoff", "launch", "cutoff", "deadline", "reminder", "fire", "trigger",
      "cancel", "cancelled", "cancellation", "payment", "order", "transaction", "capture", "captured", "upload",
      "uploaded", "import", "imported", "export", "exported", "sync", "synced", "seen", "occurrence", "occurred",
      "observation", "observed", "measurement", "measured", "sample", "sampled", "recorded", "logged", "posted",
      "commit", "committed", "approval", "approved", "effective", "valid", "local", "utc", "gmt", "server",
      "client", "current", "unix", "epoch", "wake", "wakeup");

  /** Words before {@code _at} that make it a place or an address, not a moment: located_at, works_at. */
  private static final Set<String> PLACE_VERBS = Set.of(
      "located", "location", "hosted", "host", "stored", "available", "reachable", "aimed", "directed",
      "pointed", "points", "served", "based", "works", "work", "working", "employed", "studies", "studied",
      "studying", "stationed", "parked", "lives", "living", "resides", "residing", "looked", "look", "found",
      "mounted", "listening", "exposed", "rooted", "anchored", "seated", "positioned", "sits");

  /** Words before {@code _on} that make it a date (due_on), unlike depends_on, based_on, runs_on. */
  private static final Set<String> ON_PARTICIPLES = Set.of(
      "due", "born", "published", "posted", "created", "updated", "modified", "deleted", "shipped", "delivered",
      "issued", "expires", "expired", "effective", "paid", "completed", "started", "ended", "joined",
      "occurred", "received", "sent", "scheduled", "hired", "terminated", "opened", "closed", "renewed",
      "approved", "submitted", "recorded", "registered", "released", "launched", "starts", "ends", "signed",
      "enrolled", "graduated", "married", "died", "filed", "incorporated", "settled", "cancelled", "canceled",
      "booked", "dated", "valid");

  /** Words before {@code _from} that make it the start of a validity: valid_from. */
  private static final Set<String> FROM_QUALIFIERS = Set.of("valid", "effective", "active", "available");

  /** Words that make a moment by themselves: event_timestamp, created_ts, mtime. */
  private static final Set<String> MOMENT_WORDS = Set.of("timestamp", "tstamp", "datestamp", "datetime", "ts", "mtime",
      "ctime", "atime");

  private static final Set<String> DATE_WORDS = Set.of("date", "dob", "birthday", "birthdate");

  /** Names that are a moment alone: created (Drupal's unix time), modified. */
  private static final Set<String> MOMENT_NAMES = Set.of("created", "modified", "updated");

  /** last_login, last_seen...: the moment something last happened. */
  private static final Set<String> LAST_EVENTS = Set.of("login", "seen", "modified", "updated", "activity", "active",
      "accessed", "used", "heartbeat", "ping", "sync", "synced");

  private TemporalNames() {}

  /** What the name says the column holds, if it names a point in time. */
  static Optional<Holds> pointInTime(List<String> words) {
    int end = words.size();
    boolean unit = false;
    boolean epoch = false;
    while (end > 0) {
      String w = words.get(end - 1);
      if (PRECISION_UNITS.contains(w)) {
        unit = true;
      } else if (EPOCH.contains(w)) {
        epoch = true;
      } else if (!ZONE_SUFFIXES.contains(w)) {
        break;
      }
      end--;
    }
    List<String> core = words.subList(0, end);
    if (Words.containsAny(words, NOT_A_POINT)) {
      return Optional.empty();
    }
    epoch |= Words.containsAny(core, EPOCH);
    boolean unitAnywhere = unit || Words.containsAny(core, PRECISION_UNITS);
    if (core.isEmpty()) {
      return epoch && unit ? Optional.of(Holds.INSTANT) : Optional.empty();
    }
    String last = Words.last(core);
    String beforeLast = core.size() >= 2 ? core.get(core.size() - 2) : "";
    if (epoch && (unitAnywhere || core.contains("time") || Words.containsAny(core, MOMENT_WORDS))) {
      return Optional.of(Holds.INSTANT);
    }
    if (Words.containsAny(core, MOMENT_WORDS) || Words.hasPair(core, "date", "time")
        || Words.hasPair(core, "time", "stamp") || Words.hasPair(core, "date", "stamp")) {
      return Optional.of(Holds.INSTANT);
    }
    if (core.size() == 1 && MOMENT_NAMES.contains(last)
        || core.size() == 2 && core.get(0).equals("last") && LAST_EVENTS.contains(last)) {
      return Optional.of(Holds.INSTANT);
    }
    if (core.size() >= 2 && (last.equals("at") && !PLACE_VERBS.contains(beforeLast) || last.equals("until"))) {
      return Optional.of(Holds.INSTANT);
    }
    if (core.size() >= 2 && last.equals("from") && FROM_QUALIFIERS.contains(beforeLast)) {
      return Optional.of(Holds.INSTANT);
    }
    if (core.size() >= 2 && last.equals("on") && ON_PARTICIPLES.contains(beforeLast)) {
      return Optional.of(Holds.DATE);
    }
    if (Words.containsAny(core, DATE_WORDS)) {
      return Optional.of(Holds.DATE);
    }
    // "time" alone is as often a duration (a lap time, a recipe's "30 min") as a moment: not reported
    if (last.equals("time") && POINT_QUALIFIERS.contains(beforeLast)
        || core.size() == 2 && core.get(0).equals("time") && POINT_QUALIFIERS.contains(last)) {
      return Optional.of(Holds.TIME);
    }
    return Optional.empty();
  }

  /** The Java declaration to suggest, with how the first target stores it, e.g. "`Instant createdAt` (timestamptz)". */
  static String declaration(Holds holds, String javaName, RuleContext context) {
    String instant = context.typeDescription(LogicalType.of(LogicalType.Kind.INSTANT));
    return switch (holds) {
      case INSTANT -> "`Instant " + javaName + "` (" + instant + ")";
      case DATE -> "`LocalDate " + javaName + "` (" + context.typeDescription(LogicalType.of(LogicalType.Kind.DATE))
          + ")";
      case TIME -> "`Instant " + javaName + "` (" + instant + "), or `LocalTime " + javaName + "` ("
          + context.typeDescription(LogicalType.of(LogicalType.Kind.TIME)) + ") if it holds a time of day";
    };
  }

  /** The words of the name without a trailing unit: created_at_ms -> created, at. */
  static List<String> withoutUnit(List<String> words) {
    int end = words.size();
    while (end > 1 && (PRECISION_UNITS.contains(words.get(end - 1)) || ZONE_SUFFIXES.contains(words.get(end - 1)))) {
      end--;
    }
    return words.subList(0, end);
  }
}
