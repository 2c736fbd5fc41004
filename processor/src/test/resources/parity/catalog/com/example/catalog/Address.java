package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address. */
@Embeddable
public class Address {
  @Column(nullable = false, length = 100)
  private String street;

  @Column(nullable = false, length = 60)
  private String city;

  @Column(length = 10)
  private String postalCode;

  @Column(nullable = false, length = 2)
  private String country;
}
