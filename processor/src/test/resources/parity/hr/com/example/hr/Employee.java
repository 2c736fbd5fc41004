package com.example.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Date;

/** Someone the company employs. */
@Entity
@Table(name = "Employees",
    uniqueConstraints = @UniqueConstraint(columnNames = {"department_id", "badgeNumber"}),
    indexes = @Index(columnList = "manager_id"))
public class Employee {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private long id;

  @Column(nullable = false, length = 60)
  private String firstName;

  @Column(nullable = false, length = 60)
  private String lastName;

  @Column(nullable = false, unique = true, length = 254)
  private String workEmail;

  private int badgeNumber;

  @ManyToOne(optional = false)
  private Department department;

  @ManyToOne
  @JoinColumn(name = "manager_id")
  private Employee manager;

  @Temporal(TemporalType.DATE)
  @Column(nullable = false)
  private Date hiredOn;

  @Temporal(TemporalType.TIME)
  private Date shiftStart;

  private LocalTime shiftEnd;

  @Column(precision = 10, scale = 2)
  private BigDecimal salary;

  private Short grade;

  private Double fte;

  // JPA's default, ORDINAL: the payroll export reads the numbers, and the constants only grow at the end
  @SuppressWarnings("schemac:enum-ordinal")
  @Column(nullable = false)
  private EmploymentType employmentType;

  @Version
  private short version;

  protected Employee() {}
}
