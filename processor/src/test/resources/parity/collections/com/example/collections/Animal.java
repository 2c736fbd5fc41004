package com.example.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Every animal of the shelter, in one table. */
@Entity
@Table(name = "animals")
public class Animal {
  @Id
  private Long id;
}
