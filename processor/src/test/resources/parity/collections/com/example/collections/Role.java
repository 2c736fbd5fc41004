package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A role of a tenant. */
@Entity
@Table(name = "roles")
@IdClass(RoleKey.class)
public class Role {
  @Id
  @Column(length = 40)
  private String code;

  @Id
  private UUID tenant;

  @Column(nullable = false)
  private String description;
}
