package dev.schemac.processor.targets;

import dev.schemac.processor.model.Problem;
import java.util.List;

/**
 * One target's migration pair for one version: the statements of the transactional up ({@code
 * V{N}}), of its non-transactional second step ({@code V{N}.1}, empty when none is needed), and
 * their inverses ({@code U{N}}, {@code U{N}.1}); {@code problems}: the changes the target
 * cannot make, as errors located on the element (nothing is written then). {@code upBefore}: what
 * must be committed before {@code V{N}} runs (PostgreSQL's new enum values, which no statement
 * of the transaction that adds them may use), a step of its own ordered before {@code V{N}}, and
 * {@code downAfter} its inverse, run after {@code U{N}}; both empty when none is needed.
 */
public record MigrationPlan(
    List<String> upTransactional,
    List<String> upNonTransactional,
    List<String> downTransactional,
    List<String> downNonTransactional,
    List<Problem> problems,
    List<String> upBefore,
    List<String> downAfter) {

  public MigrationPlan {
    upTransactional = List.copyOf(upTransactional);
    upNonTransactional = List.copyOf(upNonTransactional);
    downTransactional = List.copyOf(downTransactional);
    downNonTransactional = List.copyOf(downNonTransactional);
    problems = List.copyOf(problems);
    upBefore = List.copyOf(upBefore);
    downAfter = List.copyOf(downAfter);
  }

  /** A plan without a step before {@code V{N}}. */
  public MigrationPlan(List<String> upTransactional, List<String> upNonTransactional, List<String> downTransactional,
      List<String> downNonTransactional, List<Problem> problems) {
    this(upTransactional, upNonTransactional, downTransactional, downNonTransactional, problems, List.of(), List.of());
  }
}
