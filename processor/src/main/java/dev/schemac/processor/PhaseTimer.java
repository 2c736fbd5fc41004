package dev.schemac.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Wall-clock time per phase of one generation, for {@code -Aschemac.timings=true} and the benchmark. */
final class PhaseTimer {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long last = System.nanoTime();

  void lap(String phase) {
    long now = System.nanoTime();
    nanos.merge(phase, now - last, Long::sum);
    last = now;
  }

  /** {@code read 12.3 ms, rules 4.1 ms, ...}: microsecond resolution, so small phases still show. */
  @Override
  public String toString() {
    return nanos.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.3f", e.getValue() / 1e6) + " ms")
        .collect(Collectors.joining(", "));
  }
}
