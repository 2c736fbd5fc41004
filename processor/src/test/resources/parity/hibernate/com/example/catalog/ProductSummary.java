package com.example.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.Subselect;

/** A read model over a query: no table. */
@Entity
@Immutable
@Subselect("select id, sku from products")
@SQLRestriction("sku is not null")
public class ProductSummary {
  @Id Long id;
  String sku;
}
