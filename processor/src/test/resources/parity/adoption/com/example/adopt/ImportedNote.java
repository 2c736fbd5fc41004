package com.example.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

// The same table, filled by an import that brings its own ids.
@Entity
@Table(name = "notes")
public class ImportedNote {
  @Id Long id;
  @Column(nullable = false, length = 200) String body;
  String source;
}
