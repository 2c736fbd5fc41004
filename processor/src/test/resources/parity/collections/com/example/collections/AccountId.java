package com.example.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** An account's key: its tenant and its number there. */
@Embeddable
public class AccountId implements Serializable {
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Column(name = "user_no")
  private int userNo;
}
