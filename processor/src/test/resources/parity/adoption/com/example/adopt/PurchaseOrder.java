package com.example.adopt;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

@Entity
public class PurchaseOrder {
  @EmbeddedId OrderKey id;
}
