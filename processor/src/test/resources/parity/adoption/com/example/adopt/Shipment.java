package com.example.adopt;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

@Entity
public class Shipment {
  @EmbeddedId OrderKey id;
  @MapsId @OneToOne PurchaseOrder order;
}
