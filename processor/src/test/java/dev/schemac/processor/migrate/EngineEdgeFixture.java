package dev.schemac.processor.migrate;

import dev.schemac.processor.targets.postgresql.PostgresTarget;

/**
 * A deliberate reach into an engine's package from outside it, for {@code LayeringTest} only: the
 * migrations naming PostgreSQL's target instead of speaking to {@code SqlTarget}.
 */
final class EngineEdgeFixture {
  PostgresTarget target;
}
