package com.example.pay;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CARD")
public class Card extends Payment {
  int installments;
  @Basic(optional = false) String network;
  @Column(nullable = false, length = 4) String last4;
  @Column(name = "fee") Integer fee;
}
