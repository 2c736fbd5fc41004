package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** When a row was created and last changed, and its optimistic-lock version. */
@MappedSuperclass
public abstract class Audited {
  @Column(nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version
  private long version;
}
