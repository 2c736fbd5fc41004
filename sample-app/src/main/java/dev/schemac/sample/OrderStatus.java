package dev.schemac.sample;

/** An order's progress. Stored as the PostgreSQL enum type {@code order_status} ({@code @NativeEnum}). */
public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  DELIVERED,
  CANCELLED
}
