package com.example.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;

/** A balanced set of postings, numbered without gaps by its own sequence. */
@Entity
public class JournalEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "journalEntryIds")
  @SequenceGenerator(name = "journalEntryIds", sequenceName = "journal_entry_numbers", allocationSize = 1,
      initialValue = 1000)
  private Long id;

  @Column(nullable = false)
  private LocalDate bookedOn;

  @Column(nullable = false, length = 200)
  private String description;
}
