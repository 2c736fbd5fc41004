package com.example.payments;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A payment by bank transfer. */
@Entity
@DiscriminatorValue("TRANSFER")
public class BankTransfer extends Payment {
  @Column(nullable = false, length = 34)
  private String iban;

  @Column(length = 140)
  private String remittanceInfo;
}
