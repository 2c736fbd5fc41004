package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity
@Table(name = "archives")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "archived_at")
public class Archive {
  @Id Long id;
  @Column(nullable = false) String label;
}
