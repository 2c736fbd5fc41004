package com.example.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An e-mail. */
@Entity
@Table(name = "email_notifications", indexes = @Index(columnList = "recipient_id"))
public class EmailNotification extends Notification {
  @Column(nullable = false, length = 254)
  private String toAddress;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 100000)
  private String body;
}
