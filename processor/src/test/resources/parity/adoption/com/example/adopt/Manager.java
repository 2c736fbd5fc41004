package com.example.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class Manager extends Staff {
  @Column(name = "SALARY") Integer salary;
}
