package dev.schemac.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the measurements bench/run.sh wrote into Markdown tables of medians.
 *
 * <p>Input: a TSV with the header {@code size tool run wall_ms cpu_ms rss_kb read rules version render
 * diff write hib_load hib_export} ("-" where a column does not apply). Output on stdout.
 */
public final class Report {
  private static final List<String> TOOLS = List.of("javac", "schemac", "hibernate");
  private static final List<String> PHASES = List.of("read", "rules", "version", "render", "diff", "write");

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    String[] header = lines.get(0).split("\t");
    // size -> tool -> column -> values
    Map<Integer, Map<String, Map<String, List<Double>>>> data = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      Map<String, List<Double>> columns = data.computeIfAbsent(Integer.parseInt(f[0]), k -> new LinkedHashMap<>())
          .computeIfAbsent(f[1], k -> new LinkedHashMap<>());
      for (int i = 3; i < f.length; i++) {
        if (!f[i].equals("-")) {
          columns.computeIfAbsent(header[i], k -> new ArrayList<>()).add(Double.parseDouble(f[i]));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Medians of ").append(runs(data)).append(" runs per cell, a fresh JVM each; wall and CPU (user + sys) in ms,"
        + " peak RSS in MiB (from /usr/bin/time -v).\n\n");
    out.append("| tables | javac -proc:none wall | javac + schemac wall | ratio | added by schemac |"
        + " schemac phases (sum) | per table: added / phases | Hibernate export (in JVM) | Hibernate JVM wall |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var e : data.entrySet()) {
      int n = e.getKey();
      double javac = median(e.getValue(), "javac", "wall_ms");
      double schemac = median(e.getValue(), "schemac", "wall_ms");
      double phases = phaseSum(e.getValue());
      double hib = median(e.getValue(), "hibernate", "hib_export");
      double hibWall = median(e.getValue(), "hibernate", "wall_ms");
      out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.1f / %.1f | %.0f | %.0f |\n",
          n, javac, schemac, schemac / javac, schemac - javac, phases, (schemac - javac) / n, phases / n, hib,
          hibWall));
    }
    out.append("\nCPU time (user + sys, all threads) and peak memory:\n\n");
    out.append("| tables | javac CPU | javac + schemac CPU | ratio | Hibernate CPU | javac RSS | javac + schemac RSS |"
        + " Hibernate RSS |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var e : data.entrySet()) {
      double jc = median(e.getValue(), "javac", "cpu_ms");
      double sc = median(e.getValue(), "schemac", "cpu_ms");
      out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.0f |\n", e.getKey(), jc, sc,
          sc / jc, median(e.getValue(), "hibernate", "cpu_ms"), median(e.getValue(), "javac", "rss_kb") / 1024,
          median(e.getValue(), "schemac", "rss_kb") / 1024, median(e.getValue(), "hibernate", "rss_kb") / 1024));
    }
    out.append("\nschemac's phases (median ms, from -Aschemac.timings=true):\n\n| tables |");
    PHASES.forEach(p -> out.append(' ').append(p).append(" |"));
    out.append(" sum | per table |\n|---:|");
    PHASES.forEach(p -> out.append("---:|"));
    out.append("---:|---:|\n");
    for (var e : data.entrySet()) {
      out.append("| ").append(e.getKey()).append(" |");
      for (String p : PHASES) {
        out.append(String.format(Locale.ROOT, " %.0f |", median(e.getValue(), "schemac", p)));
      }
      double sum = phaseSum(e.getValue());
      out.append(String.format(Locale.ROOT, " %.0f | %.2f |\n", sum, sum / e.getKey()));
    }
    System.out.print(out);
  }

  private static int runs(Map<Integer, Map<String, Map<String, List<Double>>>> data) {
    int min = Integer.MAX_VALUE;
    for (var bySize : data.values()) {
      for (String tool : TOOLS) {
        var cols = bySize.get(tool);
        min = Math.min(min, cols == null || !cols.containsKey("wall_ms") ? 0 : cols.get("wall_ms").size());
      }
    }
    return min;
  }

  private static double phaseSum(Map<String, Map<String, List<Double>>> bySize) {
    double sum = 0;
    for (String p : PHASES) {
      double m = median(bySize, "schemac", p);
      sum += Double.isNaN(m) ? 0 : m;
    }
    return sum;
  }

  private static double median(Map<String, Map<String, List<Double>>> bySize, String tool, String column) {
    var cols = bySize.get(tool);
    List<Double> values = cols == null ? null : cols.get(column);
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
