package dev.schemac.processor.read;

import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one sink of the reader's diagnostics, shared by the assembler and both front ends: the
 * structural problems found while reading, in the order found, and whether the sources named a
 * type javac could not resolve.
 */
final class Diagnostics {
  private final List<Problem> problems = new ArrayList<>();
  private final java.util.Set<String> failedTypes = new java.util.HashSet<>();
  private boolean incomplete;

  /**
   * A type no table could be read from, after an error on it: references to it from other tables
   * are consequences of that error, not mistakes of their own, and are not reported.
   */
  void typeFailed(javax.lang.model.element.TypeElement type) {
    failedTypes.add(type.getQualifiedName().toString());
  }

  /** Whether {@link #typeFailed} was said of the type of that qualified name. */
  boolean failed(String qualifiedName) {
    return failedTypes.contains(qualifiedName);
  }

  void error(Origin origin, String message) {
    problems.add(Problem.error(message, origin));
  }

  void warning(Origin origin, String message) {
    problems.add(Problem.warning(message, origin));
  }

  /** A type javac could not resolve: it reports that itself; nothing must be written. */
  void markIncomplete() {
    incomplete = true;
  }

  /** As {@link #markIncomplete()}, with a note saying what schemac would need to read the entity anyway. */
  void markIncomplete(Origin origin, String why) {
    incomplete = true;
    problems.add(Problem.note(why, origin));
  }

  /** A bug of schemac's, not the user's: one error on the draft's type, with the trace, and reading goes on. */
  void internalError(Draft draft, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(draft == null ? Origin.NONE : draft.origin, "internal error while reading "
        + (draft == null ? "the entities" : draft.type.getQualifiedName())
        + ". Nothing was written. Please report this with the trace:\n" + trace);
  }

  List<Problem> problems() {
    return problems;
  }

  boolean incomplete() {
    return incomplete;
  }
}
