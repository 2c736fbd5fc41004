package com.example.adopt;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Emp {
  @Id Long id;
  @ManyToOne @Indexed Dept dept;
}
