package com.example.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

/** A truck, with its payload. */
@Entity
@PrimaryKeyJoinColumn(name = "vehicleId")
public class Truck extends Vehicle {
  @Column(nullable = false)
  private int payloadKg;

  private short axles;
}
