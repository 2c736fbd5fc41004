package com.example.payments;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A payment by card. */
@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {
  @Column(nullable = false, length = 4)
  private String cardLast4;

  @Column(nullable = false, length = 20)
  private String cardNetwork;
}
