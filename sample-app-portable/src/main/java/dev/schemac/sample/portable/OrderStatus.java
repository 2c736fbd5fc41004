package dev.schemac.sample.portable;

/** Where an order is in its life. */
public enum OrderStatus {
  PLACED,
  PAID,
  SHIPPED,
  CANCELLED,
  REFUNDED
}
