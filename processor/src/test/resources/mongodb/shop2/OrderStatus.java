package shop;

/** Where an order is. */
public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
