package com.example.caps;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(columnList = "account_id"))
public class Tag {
  @Id Long id;
  String label;
  @ManyToOne @JoinColumn(name = "account_id") Account account;
}
