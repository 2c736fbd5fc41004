package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** An order a customer placed. */
@Entity
@Table(name = "purchase_orders",
    uniqueConstraints = @UniqueConstraint(name = "uq_purchase_orders_reference", columnNames = {"customer_id", "reference"}))
public class PurchaseOrder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Customer customer;

  @Column(nullable = false, length = 20)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(precision = 14, scale = 2)
  private BigDecimal total;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(nullable = false)
  private Date placedAt;

  @Version
  private Integer version;

  @OneToMany(mappedBy = "order")
  private List<OrderLine> lines = new ArrayList<>();

  protected PurchaseOrder() {}
}
