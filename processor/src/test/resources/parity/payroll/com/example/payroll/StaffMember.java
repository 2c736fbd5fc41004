package com.example.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A member of staff, in the hr schema. */
@Entity
@Table(name = "staff", schema = "hr", indexes = @Index(columnList = "costCenter_code"))
public class StaffMember {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 12)
  private String personnelNumber;

  @Column(nullable = false)
  private String fullName;

  @ManyToOne(optional = false)
  private CostCenter costCenter;
}
