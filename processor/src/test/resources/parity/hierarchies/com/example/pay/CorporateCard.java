package com.example.pay;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;

@Entity
public class CorporateCard extends Card {
  @NotNull String costCenter;
}
