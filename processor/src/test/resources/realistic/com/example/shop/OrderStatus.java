package com.example.shop;

/** Where an order is in its life. */
public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
