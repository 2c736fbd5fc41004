package com.example.adopt;

import jakarta.persistence.Embeddable;

@Embeddable
public class Money {
  String amount;
  String currency;
}
