package com.example.billing;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Currency;
import java.util.Locale;

/** A recurring charge; field access, except for its plan code, stored normalized through a getter. */
@Entity
public class Subscription {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Convert(converter = CentsConverter.class)
  @Column(nullable = false)
  private Cents monthlyFee;

  @Column(nullable = false)
  private Currency billingCurrency;

  @Convert(converter = YesNoFlag.class)
  @Column(nullable = false, length = 1)
  private Boolean autoRenew;

  @jakarta.persistence.Transient
  private String planCode;

  @Access(AccessType.PROPERTY)
  @Column(name = "planCode", nullable = false, length = 16)
  public String getPlanCode() {
    return planCode;
  }

  public void setPlanCode(String planCode) {
    this.planCode = planCode == null ? null : planCode.toUpperCase(Locale.ROOT);
  }
}
