package dev.schemac.processor.targets;

import java.util.List;

/**
 * A version's hand-written data step, for one target: {@code data/V{N}__d.sql} (the up, SQL of
 * that target, run as written) and {@code data/U{N}__d.sql} (its down; null when there is none).
 * The generated up runs it between what the version adds and what it removes or tightens (expand,
 * data, contract: {@link dev.schemac.processor.model.change.ExpandContract}): after new tables and
 * columns exist, before columns are dropped, types narrowed, NOT NULL set or constraints added.
 * The down runs the inverse order.
 *
 * @param upFile   its path under {@code schemac.dir}, for the generated file's comment
 * @param downFile the down's path, or null
 */
public record DataStep(String upFile, String up, String downFile, String down) {
  /** What the step's statements follow in a generated file: a comment naming its file. */
  public static final String MARKER = "-- Data step, hand-written: ";

  /** The up as the generated up runs it: as written, under a comment naming its file. */
  public List<String> upStatements() {
    return List.of(MARKER + upFile + "\n" + up.strip());
  }

  /** The down as the generated down runs it, or a comment saying there is none. */
  public List<String> downStatements() {
    return down == null
        ? List.of("-- " + upFile + " has no down (no " + upFile.replaceFirst("V(\\d+)__", "U$1__")
            + "): nothing to undo for it.")
        : List.of(MARKER + downFile + "\n" + down.strip());
  }

  /** The file of the data step a generated file runs ({@code statements}), or null when it runs none. */
  public static String fileIn(List<String> statements) {
    return statements.stream().filter(s -> s.startsWith(MARKER)).findFirst()
        .map(s -> s.substring(MARKER.length(), s.indexOf('\n'))).orElse(null);
  }
}
