package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A toy of the shelter. */
@Entity
@Table(name = "toys")
public class Toy {
  @Id
  private Long id;

  @Column(nullable = false)
  private String name;
}
