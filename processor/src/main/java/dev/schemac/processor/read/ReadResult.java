package dev.schemac.processor.read;

import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import java.util.List;

/**
 * The model read from the sources, the structural problems found while reading, and whether
 * the sources named a type javac could not resolve (it reports that itself after processing;
 * a model built around the hole must not be written).
 */
public record ReadResult(Schema schema, List<Problem> problems, boolean incomplete) {
  public ReadResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }
}
