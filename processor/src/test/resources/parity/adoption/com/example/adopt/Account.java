package com.example.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Account {
  @Id Long id;
  @Column(name = "points") int points;
  @Enumerated(EnumType.STRING) @Column(length = 20) Status status;
  @Column(name = "password", length = 60) String passwordHash;
}
