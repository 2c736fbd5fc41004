package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.type.YesNoConverter;

@Entity
@Table(name = "flags")
@SoftDelete(converter = YesNoConverter.class)
public class Flag {
  @Id Long id;
  @Column(nullable = false) String label;
}
