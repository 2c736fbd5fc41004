package dev.schemac.maven;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback that stops a migrate inside its first migration, holding Flyway's lock, until
 * the test releases it: what a {@code flyway migrate} running elsewhere looks like to undo.
 */
final class HoldInsideMigrate implements Callback {
  final CountDownLatch migrating = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    migrating.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String getCallbackName() {
    return "hold";
  }
}
