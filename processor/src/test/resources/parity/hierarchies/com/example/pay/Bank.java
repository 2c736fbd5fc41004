package com.example.pay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Bank {
  @Id Long id;
  @Column(nullable = false) String bic;
}
