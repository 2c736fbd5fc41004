package com.example.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An item a supplier offers, at a list price. */
@Entity
@Table(name = "catalog_items", indexes = @Index(columnList = "supplier_id"))
public class CatalogItem extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Supplier supplier;

  @Column(nullable = false, length = 200)
  private String title;

  @Embedded
  @AttributeOverride(name = "value", column = @Column(name = "list_price", nullable = false, precision = 12, scale = 2))
  @AttributeOverride(name = "currency", column = @Column(name = "list_currency", nullable = false, length = 3))
  private Amount listPrice;
}
