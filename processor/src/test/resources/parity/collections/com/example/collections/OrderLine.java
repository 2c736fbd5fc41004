package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line of an order. */
@Embeddable
public class OrderLine {
  @Column(nullable = false, length = 40)
  private String sku;

  @Column(nullable = false)
  private Integer quantity;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal unitPrice;

  @Column(length = 500)
  private String note;
}
