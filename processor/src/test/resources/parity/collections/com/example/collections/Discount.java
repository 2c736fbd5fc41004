package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A discount granted on an order: a primitive percentage, which can never be null. */
@Embeddable
public class Discount {
  @Column(nullable = false, length = 20)
  private String code;

  private int percent;
}
