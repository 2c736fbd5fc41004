package com.example.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A car. */
@Entity
@Table(name = "cars")
public class Car extends Vehicle {
  private int doors;
}
