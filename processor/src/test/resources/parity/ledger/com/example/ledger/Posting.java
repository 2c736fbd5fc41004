package com.example.ledger;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** One debit or credit of a journal entry to an account. */
@Entity
public class Posting {
  @Id
  @GeneratedValue
  private Long id;

  @ManyToOne(optional = false)
  @Indexed
  private JournalEntry entry;

  @ManyToOne(optional = false)
  @Indexed
  private Account account;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;
}
