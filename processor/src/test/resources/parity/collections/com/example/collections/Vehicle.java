package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.util.HashSet;
import java.util.Set;

/** A vehicle of the fleet; each kind has a table of its own, the plates one for all. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Vehicle {
  @Id
  private Long id;

  @ElementCollection
  @Column(name = "plate", nullable = false, length = 20)
  private Set<String> plates = new HashSet<>();
}
