package dev.schemac.processor.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings a team accepted when it switched schemac on over existing code, as Android Lint's
 * and detekt's baselines do ({@code -Aschemac.baseline=<file>}, docs/rules.md#baseline): a finding
 * listed there fails nothing and prints nothing; any other finding is reported as usual. Written
 * when the file does not exist yet or when {@code -Aschemac.updateBaseline=true} asks, with
 * today's findings: a finding fixed since leaves the file then. Until then an entry that no
 * finding matches any more is stale, and reported.
 *
 * <p>An entry is a finding's rule, table and column, not its line or its wording: moving code or
 * rewording a message neither breaks the match nor hides a new finding. Each entry accepts one
 * finding, so a second finding of the same rule on the same column is new. Only schema rules
 * are baselined: a migration rule judges the change being made, which is never an old finding.
 */
public final class Baseline {
  public static final String OPTION = "schemac.baseline";
  public static final String OPTION_UPDATE = "schemac.updateBaseline";
  /** The id of the warning on a stale entry. */
  public static final String STALE_ID = dev.schemac.processor.model.ErrorId.STALE_BASELINE_ENTRY.id();

  private static final String HEADER = """
      # schemac baseline: findings accepted when schemac was switched on (docs/rules.md#baseline).
      # The build fails only on findings not listed here. Rewrite it with -Aschemac.updateBaseline=true
      # (or delete it and compile) once findings are fixed, and commit it.
      # rule id<TAB>table<TAB>column (empty for a table's finding)<TAB>message (for the reader only)
      """;

  /** One accepted finding; {@code column} is empty for a finding on a whole table. */
  public record Entry(String ruleId, String table, String column, String message) {
    String key() {
      return ruleId + '\t' + table + '\t' + column;
    }

    static Entry of(Finding finding) {
      return new Entry(finding.ruleId(), finding.table() == null ? "" : finding.table(),
          finding.column() == null ? "" : finding.column(), oneLine(finding.message()));
    }
  }

  private final List<Entry> entries;
  private final boolean writing;
  /** Per key, how many entries are left to accept a finding. */
  private final Map<String, Integer> unmatched = new HashMap<>();
  private final List<Entry> found = new ArrayList<>();
  private final Set<String> checkedRules = new HashSet<>();

  private Baseline(List<Entry> entries, boolean writing) {
    this.entries = List.copyOf(entries);
    this.writing = writing;
    for (Entry entry : entries) {
      unmatched.merge(entry.key(), 1, Integer::sum);
    }
  }

  /**
   * The baseline in {@code text} (the file's content, null when there is no file): {@code
   * writing}, every finding is accepted and {@link #render} gives the file to write.
   *
   * @throws IllegalArgumentException naming the line that is not an entry
   */
  public static Baseline parse(String text, boolean writing) {
    List<Entry> entries = new ArrayList<>();
    if (text != null) {
      String[] lines = text.split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", 4);
        if (fields.length < 3 || fields[0].isBlank() || fields[1].isBlank()) {
          throw new IllegalArgumentException("line " + (i + 1) + " is not <rule id><TAB><table><TAB><column>"
              + "[<TAB><message>]: " + line);
        }
        entries.add(new Entry(fields[0], fields[1], fields[2], fields.length == 4 ? fields[3] : ""));
      }
    }
    return new Baseline(entries, writing);
  }

  /** Whether this run writes the file. */
  public boolean writing() {
    return writing;
  }

  /** The rule {@code ruleId} ran on this schema (its entries can be stale). */
  void checked(String ruleId) {
    checkedRules.add(ruleId);
  }

  /** Whether the baseline accepts {@code finding}; every finding is noted for {@link #render}. */
  boolean accepts(Finding finding) {
    Entry entry = Entry.of(finding);
    found.add(entry);
    if (writing) {
      return true;
    }
    Integer left = unmatched.get(entry.key());
    if (left == null || left == 0) {
      return false;
    }
    unmatched.put(entry.key(), left - 1);
    return true;
  }

  /**
   * The entries no finding matched, of rules that ran, on tables that were checked: fixed, or
   * their table or column is gone. {@code uncheckedTables}: tables whose findings were not looked
   * for (read back from class files in an incremental build).
   */
  public List<Entry> stale(Set<String> uncheckedTables) {
    Map<String, Integer> left = new HashMap<>(unmatched);
    List<Entry> stale = new ArrayList<>();
    for (Entry entry : sorted(entries)) {
      if (checkedRules.contains(entry.ruleId()) && !uncheckedTables.contains(entry.table())
          && left.getOrDefault(entry.key(), 0) > 0) {
        left.merge(entry.key(), -1, Integer::sum);
        stale.add(entry);
      }
    }
    return stale;
  }

  /**
   * The file to write: today's findings, and the entries this run could not judge (of a rule that
   * did not run, on a table that was not checked), which stay as they were.
   */
  public String render(Set<String> uncheckedTables) {
    List<Entry> all = new ArrayList<>(found);
    for (Entry entry : entries) {
      if (!checkedRules.contains(entry.ruleId()) || uncheckedTables.contains(entry.table())) {
        all.add(entry);
      }
    }
    StringBuilder out = new StringBuilder(HEADER);
    for (Entry entry : sorted(all)) {
      out.append(entry.key()).append('\t').append(entry.message()).append('\n');
    }
    return out.toString();
  }

  /** How many findings {@link #render} writes that this run found. */
  public int foundCount() {
    return found.size();
  }

  private static List<Entry> sorted(List<Entry> entries) {
    return entries.stream().sorted(Comparator.comparing(Entry::ruleId).thenComparing(Entry::table)
        .thenComparing(Entry::column).thenComparing(Entry::message)).toList();
  }

  /** A message on one line, without tabs: the file is one entry a line, tab-separated. */
  private static String oneLine(String message) {
    return message.replaceAll("[\\t\\r\\n]+", " ").strip();
  }
}
