package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A sum of money in a currency. */
@Embeddable
public class Amount {
  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal value;

  @Column(nullable = false, length = 3)
  private String currency;
}
