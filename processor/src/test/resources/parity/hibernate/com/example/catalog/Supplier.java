package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity
@Table(name = "suppliers")
@SoftDelete(strategy = SoftDeleteType.ACTIVE)
public class Supplier {
  @Id Long id;
  @Column(nullable = false) String name;
}
