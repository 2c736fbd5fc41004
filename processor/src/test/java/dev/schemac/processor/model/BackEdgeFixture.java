package dev.schemac.processor.model;

import dev.schemac.processor.rules.Rule;

/**
 * A deliberate back edge, for {@code LayeringTest} only: the model naming a rule. It lives in the
 * test sources, which the layering rule over the processor's own classes does not read; the test
 * adds it to show that the rule fails on it.
 */
final class BackEdgeFixture {
  Rule rule;
}
