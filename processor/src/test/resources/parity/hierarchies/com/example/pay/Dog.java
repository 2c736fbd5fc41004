package com.example.pay;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("2")
public class Dog extends Animal {
  boolean barks;
}
