package com.example.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/** A parking spot in the company garage, assigned to at most one employee. */
@Entity
public class ParkingSpot {
  @Id
  @Column(length = 8)
  private String code;

  private int floorNumber;

  private boolean charger;

  @OneToOne
  @JoinColumn(name = "holder_email", referencedColumnName = "workEmail")
  private Employee holder;

  protected ParkingSpot() {}
}
