package com.example.legacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

// AUTO with a generator that is a table's: Hibernate's default table, shared with the ledger.
@Entity
@TableGenerator(name = "coupon_ids", pkColumnValue = "coupons")
public class Coupon {
  @Id @GeneratedValue(generator = "coupon_ids") Long id;
  @Column(nullable = false) int percent;
}
