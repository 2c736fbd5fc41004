package com.example.payments;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Money paid back, against an earlier payment. */
@Entity
@DiscriminatorValue("REFUND")
public class Refund extends Payment {
  @ManyToOne
  @JoinColumn(name = "refunded_payment_id")
  private Payment refunded;
}
