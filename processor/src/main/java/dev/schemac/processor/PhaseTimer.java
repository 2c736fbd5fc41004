package dev.schemac.processor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall-clock time per phase of schemac's work over all rounds of one compilation, for {@code
 * -Aschemac.timings=true} and the benchmark. A phase run in several rounds adds up.
 */
final class PhaseTimer {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Starts timing again at {@code now} (the beginning of a round): what happened since is not schemac's. */
  void restart(long now) {
    last = now;
  }

  /** Adds the time since the last lap (or restart) to {@code phase}. */
  void lap(String phase) {
    long now = System.nanoTime();
    nanos.merge(phase, now - last, Long::sum);
    last = now;
  }

  /** Milliseconds with microsecond resolution, so that small phases still show: {@code 12.345}. */
  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  /** {@code scan 1.2 ms, metamodel 30.4 ms, read 12.3 ms, ...; total 50.1 ms}. */
  @Override
  public String toString() {
    return nanos.entrySet().stream().map(e -> e.getKey() + " " + millis(e.getValue()) + " ms")
        .collect(Collectors.joining(", "))
        + "; total " + millis(nanos.values().stream().mapToLong(Long::longValue).sum()) + " ms";
  }
}
