package com.example.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** Something sent to a recipient. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Notification {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_ids")
  @SequenceGenerator(name = "notification_ids", sequenceName = "notification_seq", allocationSize = 20)
  private Long id;

  @ManyToOne(optional = false)
  private Recipient recipient;

  @Column(nullable = false)
  private Instant queuedAt;

  private Instant sentAt;
}
