package com.example.pay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "payments")
public abstract class Payment {
  @Id Long id;
  @Column(nullable = false, precision = 12, scale = 2) BigDecimal amount;
}
