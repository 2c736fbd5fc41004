package com.example.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;

/** A customer, with three maps. */
@Entity
@Table(name = "customers")
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ElementCollection
  @CollectionTable(name = "customer_notifications")
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "channel")
  @Column(name = "enabled", nullable = false)
  private Map<Channel, Boolean> notifications = new HashMap<>();

  /** Keyed by the address's label: no key column. */
  @OneToMany
  @JoinTable(name = "customer_addresses")
  @MapKey(name = "label")
  private Map<String, Address> addresses = new HashMap<>();

  @ManyToMany
  @JoinTable(name = "customer_favorites", indexes = @Index(columnList = "favorites_id"))
  @MapKeyColumn(name = "slot")
  private Map<Integer, Product> favorites = new HashMap<>();
}
