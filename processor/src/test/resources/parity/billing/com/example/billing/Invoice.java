package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.Currency;

/** An invoice, mapped on its getters (the @Id is on a getter). */
@Entity
public class Invoice {
  private Long id;
  private String invoiceNumber;
  private Cents total;
  private Currency currency;
  private LocalDate issuedOn;
  private Boolean paid;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  @Column(nullable = false, unique = true, length = 20)
  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public void setInvoiceNumber(String invoiceNumber) {
    this.invoiceNumber = invoiceNumber;
  }

  @Convert(converter = CentsConverter.class)
  @Column(name = "totalCents", nullable = false)
  public Cents getTotal() {
    return total;
  }

  public void setTotal(Cents total) {
    this.total = total;
  }

  @Column(nullable = false, length = 3)
  public Currency getCurrency() {
    return currency;
  }

  public void setCurrency(Currency currency) {
    this.currency = currency;
  }

  @Column(nullable = false)
  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public void setIssuedOn(LocalDate issuedOn) {
    this.issuedOn = issuedOn;
  }

  @Convert(converter = YesNoFlag.class)
  @Column(nullable = false, length = 1)
  public Boolean getPaid() {
    return paid;
  }

  public void setPaid(Boolean paid) {
    this.paid = paid;
  }

  /** Derived, not stored. */
  @Transient
  public boolean isOverdue() {
    return !paid && issuedOn.plusDays(30).isBefore(LocalDate.now());
  }
}
