package com.example.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

/** What a member of staff was paid for a month, in the payroll schema. */
@Entity
@Table(name = "payslips", schema = "payroll",
    uniqueConstraints = @UniqueConstraint(columnNames = {"staff_id", "period"}))
public class Payslip {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "staff_id")
  private StaffMember staff;

  @Column(nullable = false, length = 7)
  private String period;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal gross;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal net;
}
