package com.example.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An order: its lines in order. */
@Entity
@Table(name = "orders")
public class CustomerOrder {
  @Id
  private UUID id;

  @ElementCollection
  @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderLine> lines = new ArrayList<>();

  /** A set of embeddables with a primitive: NOT NULL in schemac, so the set has a key. */
  @ElementCollection
  private Set<Discount> discounts = new HashSet<>();

  /** A one-to-many bag through a join table: each address in one order at most. */
  @OneToMany
  @JoinTable(name = "order_addresses", indexes = @Index(columnList = "CustomerOrder_id"))
  private List<Address> deliveryAddresses = new ArrayList<>();

  /** Codes unique across all orders, not only within one. */
  @ElementCollection
  @Column(name = "code", unique = true, length = 12)
  private Set<String> voucherCodes = new HashSet<>();
}
