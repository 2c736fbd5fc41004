package com.example.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A cost center of the books; in the default schema. */
@Entity
public class CostCenter {
  @Id
  @Column(length = 8)
  private String code;

  @Column(nullable = false)
  private String name;
}
