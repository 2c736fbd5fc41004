package dev.schemac.processor.read;

import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import java.util.List;

/** The model read from the sources, and the structural problems found while reading. */
public record ReadResult(Schema schema, List<Problem> problems) {
  public ReadResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }
}
