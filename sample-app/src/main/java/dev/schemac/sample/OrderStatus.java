package dev.schemac.sample;

/** An order's progress. */
public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
