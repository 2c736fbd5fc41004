package com.example.caps;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Version 2: JPA's default naming, the table Account (MariaDB keeps the capital). */
@Entity
public class Account {
  @Id Long id;
  String name;
}
