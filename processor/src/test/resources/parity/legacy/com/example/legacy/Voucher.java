package com.example.legacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.TableGenerator;

// A voucher numbered from a table of its own.
@Entity
@TableGenerator(name = "voucher_numbers", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
    allocationSize = 20, indexes = @Index(columnList = "next_id"))
public class Voucher {
  @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "voucher_numbers") Long id;
  @Column(nullable = false, length = 16) String code;
}
