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
 * <p>Input: a TSV with the header {@code size tool run wall_ms cpu_ms rss_kb scan metamodel read
 * rules version render diff write total between hib_load hib_export thread_ms load1} ("-" where a
 * column does not apply; {@code thread_ms}, javac's main-thread CPU, only with InProcessJavac);
 * tools {@code javac}, {@code schemac}, {@code schemac-nometa}, {@code schemac-2}, {@code
 * schemac-4}, {@code noop}, {@code hibernate}, any of them may be missing. Optional second
 * argument: the model's name, printed. Output on stdout.
 */
public final class Report {
  private static final List<String> TOOLS = List.of("javac", "schemac", "schemac-nometa", "noop", "hibernate");
  /** What a second target costs: one row per size, these tools side by side. */
  private static final List<String> TARGET_TOOLS = List.of("javac", "noop", "schemac", "schemac-2", "schemac-4");
  private static final Map<String, String> TITLES = Map.of(
      "schemac", "javac + schemac", "schemac-nometa", "javac + schemac, metamodel off",
      "schemac-2", "javac + schemac, targets postgresql,mariadb",
      "schemac-4", "javac + schemac, targets postgresql,mariadb,mysql,sqlite");
  private static final List<String> PHASES =
      List.of("scan", "metamodel", "read", "rules", "version", "render", "diff", "write");

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
    if (args.length > 1) {
      out.append("Model: ").append(args[1]).append(". ");
    }
    out.append(load(lines, header));
    out.append("Medians of ").append(runs(data)).append(" runs per cell, a fresh JVM each; wall and CPU (user + sys)"
        + " in ms, peak RSS in MiB (from /usr/bin/time -v). \"+x %\": added to javac -proc:none.\n\n");
    out.append("| tables | javac -proc:none | javac + schemac | added | per table | schemac, metamodel off | added |"
        + " per table | no-op processor | added | Hibernate export (in JVM) | Hibernate JVM |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var e : data.entrySet()) {
      int n = e.getKey();
      var bySize = e.getValue();
      double javac = median(bySize, "javac", "wall_ms");
      out.append(String.format(Locale.ROOT, "| %d | %s |", n, ms(javac)));
      for (String tool : List.of("schemac", "schemac-nometa")) {
        double wall = median(bySize, tool, "wall_ms");
        out.append(String.format(Locale.ROOT, " %s | %s | %s |", ms(wall), added(wall, javac), perTable(wall - javac, n)));
      }
      double noop = median(bySize, "noop", "wall_ms");
      out.append(String.format(Locale.ROOT, " %s | %s | %s | %s |\n", ms(noop), added(noop, javac),
          ms(median(bySize, "hibernate", "hib_export")), ms(median(bySize, "hibernate", "wall_ms"))));
    }
    out.append("\nCPU time (user + sys, all threads) and peak memory:\n\n");
    out.append("| tables | javac CPU | javac + schemac CPU | added | metamodel off CPU | added | no-op CPU | added |"
        + " Hibernate CPU | javac RSS | javac + schemac RSS | metamodel off RSS | no-op RSS | Hibernate RSS |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var e : data.entrySet()) {
      var bySize = e.getValue();
      double jc = median(bySize, "javac", "cpu_ms");
      out.append(String.format(Locale.ROOT, "| %d | %s |", e.getKey(), ms(jc)));
      for (String tool : List.of("schemac", "schemac-nometa", "noop")) {
        double cpu = median(bySize, tool, "cpu_ms");
        out.append(String.format(Locale.ROOT, " %s | %s |", ms(cpu), added(cpu, jc)));
      }
      out.append(String.format(Locale.ROOT, " %s |", ms(median(bySize, "hibernate", "cpu_ms"))));
      for (String tool : TOOLS) {
        out.append(String.format(Locale.ROOT, " %s |", ms(median(bySize, tool, "rss_kb") / 1024)));
      }
      out.append('\n');
    }
    if (data.values().stream().anyMatch(bySize -> bySize.containsKey("schemac-2") || bySize.containsKey("schemac-4"))) {
      targets(out, data);
    }
    for (String tool : List.of("schemac", "schemac-nometa", "schemac-2", "schemac-4")) {
      if (data.values().stream().noneMatch(bySize -> bySize.containsKey(tool))) {
        continue;
      }
      out.append("\n").append(TITLES.get(tool))
          .append(": schemac's phases (median ms, from -Aschemac.timings=true; total = their sum), and javac's time"
              + " between schemac's rounds:\n\n| tables |");
      PHASES.forEach(p -> out.append(' ').append(p).append(" |"));
      out.append(" total | per table | javac between rounds |\n|---:|");
      PHASES.forEach(p -> out.append("---:|"));
      out.append("---:|---:|---:|\n");
      for (var e : data.entrySet()) {
        out.append("| ").append(e.getKey()).append(" |");
        for (String p : PHASES) {
          out.append(' ').append(ms(median(e.getValue(), tool, p))).append(" |");
        }
        double total = median(e.getValue(), tool, "total");
        out.append(String.format(Locale.ROOT, " %s | %s | %s |\n", ms(total), perTable(total, e.getKey()),
            ms(median(e.getValue(), tool, "between"))));
      }
    }
    System.out.print(out);
  }

  /**
   * What a second target costs: javac alone, the no-op processor, schemac for postgresql, for two
   * targets and for four, side by side per size, for each measure the run has, each as a multiple
   * of javac alone; then what the second target added to one target, and each target beyond the
   * first on average (four targets less one, divided by three).
   */
  private static void targets(StringBuilder out, Map<Integer, Map<String, Map<String, List<Double>>>> data) {
    for (String[] measure : List.of(new String[] {"wall_ms", "Wall time (ms)"},
        new String[] {"cpu_ms", "CPU time (user + sys, all threads; ms)"},
        new String[] {"thread_ms", "javac's main-thread CPU time (InProcessJavac; ms)"},
        new String[] {"rss_kb", "Peak RSS (MiB)"})) {
      String column = measure[0];
      double scale = column.equals("rss_kb") ? 1024 : 1;
      if (data.values().stream().noneMatch(bySize -> !Double.isNaN(median(bySize, "schemac", column))
          || !Double.isNaN(median(bySize, "schemac-2", column)))) {
        continue;
      }
      out.append("\nWhat a second target costs: ").append(measure[1])
          .append(", medians; \"×\" = multiple of javac alone:\n\n| tables | javac -proc:none | no-op processor |"
              + " schemac, postgresql | schemac, 2 targets | schemac, 4 targets | 2nd target adds | each of targets"
              + " 2-4 adds |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (var e : data.entrySet()) {
        var bySize = e.getValue();
        double javac = median(bySize, "javac", column) / scale;
        out.append("| ").append(e.getKey()).append(" |");
        for (String tool : TARGET_TOOLS) {
          double v = median(bySize, tool, column) / scale;
          out.append(' ').append(ms(v));
          if (!tool.equals("javac") && !Double.isNaN(v) && !Double.isNaN(javac)) {
            out.append(String.format(Locale.ROOT, " (%.2f×)", v / javac));
          }
          out.append(" |");
        }
        double one = median(bySize, "schemac", column) / scale;
        double two = median(bySize, "schemac-2", column) / scale;
        double four = median(bySize, "schemac-4", column) / scale;
        out.append(' ').append(added(two, one)).append(" | ")
            .append(Double.isNaN(four) || Double.isNaN(one) ? "-"
                : String.format(Locale.ROOT, "%.0f (%+.0f %%)", (four - one) / 3, 100 * (four - one) / 3 / one))
            .append(" |\n");
      }
    }
  }

  /** The load averages (1 min) run.sh sampled as each command ended: min, median, max. */
  private static String load(List<String> lines, String[] header) {
    int column = List.of(header).indexOf("load1");
    if (column < 0) {
      return "";
    }
    List<Double> loads = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length > column && !f[column].equals("-")) {
        loads.add(Double.parseDouble(f[column]));
      }
    }
    if (loads.isEmpty()) {
      return "";
    }
    loads.sort(null);
    return String.format(Locale.ROOT, "Load average (1 min) as each command ended: %.1f to %.1f, median %.1f. ",
        loads.get(0), loads.get(loads.size() - 1), loads.get(loads.size() / 2));
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String added(double value, double base) {
    return Double.isNaN(value) || Double.isNaN(base) ? "-"
        : String.format(Locale.ROOT, "%.0f (%+.0f %%)", value - base, 100 * (value - base) / base);
  }

  private static String perTable(double value, int tables) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value / tables);
  }

  /** The fewest runs any tool that was measured has, over all sizes. */
  private static int runs(Map<Integer, Map<String, Map<String, List<Double>>>> data) {
    int min = Integer.MAX_VALUE;
    for (var bySize : data.values()) {
      for (var cols : bySize.values()) {
        min = Math.min(min, cols.containsKey("wall_ms") ? cols.get("wall_ms").size() : 0);
      }
    }
    return min == Integer.MAX_VALUE ? 0 : min;
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
