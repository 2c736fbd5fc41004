package com.example.collections;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/** A dog: its collections are named after Dog and reference the animals table. */
@Entity
public class Dog extends Animal {
  @ElementCollection
  @Column(name = "trick", nullable = false, length = 60)
  private Set<String> tricks = new HashSet<>();

  @ManyToMany
  @Indexed
  private Set<Toy> toys = new HashSet<>();
}
