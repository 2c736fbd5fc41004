package com.example.hr;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/** A department; departments nest. */
@Entity
public class Department {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private int id;

  @Column(nullable = false, unique = true, length = 10)
  private String code;

  @Column(nullable = false)
  private String name;

  @ManyToOne
  @JoinColumn(name = "parent_id")
  @Indexed
  private Department parent;

  @OneToMany(mappedBy = "department")
  private Set<Employee> employees = new HashSet<>();

  protected Department() {}
}
