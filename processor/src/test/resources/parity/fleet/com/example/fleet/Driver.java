package com.example.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A driver licensed for trucks, with the truck assigned to them. */
@Entity
@Table(indexes = @Index(columnList = "assigned_truck_vehicle_id"))
public class Driver {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String fullName;

  @ManyToOne
  private Truck assignedTruck;
}
