package com.example.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A truck. */
@Entity
@Table(name = "trucks")
public class Truck extends Vehicle {
  private int axles;
}
