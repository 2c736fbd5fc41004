package com.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/** Someone who wrote books. */
@Entity
public class Writer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @ManyToMany(mappedBy = "writers")
  private Set<Book> books = new HashSet<>();

  /** The join table writer_award is keyed by the award (one writer each); writer_id needs its own index. */
  @OneToMany
  @JoinTable(indexes = @Index(columnList = "writer_id"))
  private Set<Award> awards = new HashSet<>();
}
