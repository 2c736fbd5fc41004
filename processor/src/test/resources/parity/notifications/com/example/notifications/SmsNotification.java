package com.example.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A text message. */
@Entity
@Table(name = "sms_notifications", indexes = @Index(columnList = "recipient_id"))
public class SmsNotification extends Notification {
  @Column(nullable = false, length = 16)
  private String phoneNumber;

  @Column(nullable = false, length = 160)
  private String text;
}
