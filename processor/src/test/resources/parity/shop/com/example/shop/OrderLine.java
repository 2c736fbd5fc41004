package com.example.shop;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of an order. */
@Entity
@Table(name = "order_lines", indexes = @Index(columnList = "product_id"))
public class OrderLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  @Indexed
  private PurchaseOrder order;

  @ManyToOne
  @JoinColumn(name = "product_id", nullable = false)
  private Product product;

  private int quantity;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
  private BigDecimal unitPrice;

  // stored by ordinal since the first release; LineKind only ever grows at the end
  @SuppressWarnings("schemac:enum-ordinal")
  @Enumerated
  @Column(nullable = false)
  private LineKind kind;

  protected OrderLine() {}
}
