package com.example.fleet;

import jakarta.persistence.Entity;

/** A passenger car. */
@Entity
public class Car extends Vehicle {
  private int seats;

  private boolean electric;
}
