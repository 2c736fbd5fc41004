package com.example.adopt;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public abstract class Staff {
  @Id Long id;
}
