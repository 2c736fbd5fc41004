package com.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A title in the catalogue. */
@Entity
public class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 13)
  private String isbn;

  @Column(nullable = false, length = 300)
  private String title;

  @ManyToMany
  @JoinTable(name = "book_writers",
      joinColumns = @JoinColumn(name = "book_id"),
      inverseJoinColumns = @JoinColumn(name = "writer_id"),
      indexes = @Index(name = "idx_book_writers_writer", columnList = "writer_id"))
  private Set<Writer> writers = new HashSet<>();

  @ManyToMany
  private Set<Genre> genres = new HashSet<>();

  @OneToMany
  @JoinColumn(name = "book_id", nullable = false)
  private List<Copy> copies = new ArrayList<>();
}
