package com.example.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** An account: composite keys on both sides of its join table. */
@Entity
@Table(name = "accounts")
public class Account {
  @EmbeddedId
  private AccountId id;

  @Column(nullable = false)
  private String email;

  @ManyToMany
  @JoinTable(name = "account_roles", indexes = @Index(columnList = "roles_code, roles_tenant"))
  private Set<Role> roles = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "account_settings")
  @MapKeyColumn(name = "setting", length = 60)
  @Column(name = "setting_value", nullable = false)
  private Map<String, String> settings = new HashMap<>();
}
