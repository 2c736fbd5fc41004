package com.example.adopt;

import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Invoice {
  @Id Long id;
  @Embedded
  @Convert(attributeName = "amount", converter = AmountConverter.class)
  @Convert(attributeName = "currency", converter = CurrencyConverter.class)
  Money total;
}
