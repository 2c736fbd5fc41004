package com.example.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A company whose items the catalog lists. */
@Entity
@Table(name = "suppliers")
public class Supplier extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @Embedded
  private Address address;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 100)),
      @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 60)),
      @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code", length = 10)),
      @AttributeOverride(name = "country", column = @Column(name = "billing_country", length = 2))})
  private Address billingAddress;
}
