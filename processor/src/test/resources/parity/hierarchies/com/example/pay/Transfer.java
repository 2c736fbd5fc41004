package com.example.pay;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
public class Transfer extends Payment {
  @ManyToOne(optional = false) @Indexed Bank bank;
  @Column(name = "fee") Integer fee;
}
